from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from clusterhub.directory.models import Organisation
from clusterhub.imports.models import ImportRun, MappingPreset
from clusterhub.imports.tests.files import ORGANISATIONS, csv_bytes
from tests.support.registry import Registry


def _upload(client: Client, registry: Registry, content: bytes, name: str = "liste.csv") -> object:
    return client.post(
        reverse("imports:start"),
        {
            "kind": "organisations",
            "cluster": registry.smart.pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_upload_map_preview_import_and_decide(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    response = _upload(client, registry, csv_bytes(ORGANISATIONS))
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("imports:mapping", args=[run.pk])  # type: ignore[index]
    page = client.get(reverse("imports:mapping", args=[run.pk])).content.decode()
    assert "Rheinkraft Energie" in page and "https://rheinkraft.example" in page
    assert "Zeile 4, Spalte „Firma“: Pflichtfeld ist leer." in page
    mapping = {"name": "0", "legal_form": "1", "postcode": "2", "city": "3", "website": "4"}
    response = client.post(reverse("imports:mapping", args=[run.pk]), {**mapping, "import": "1"})
    assert response.status_code == 302
    assert MappingPreset.objects.filter(user=registry.users["smart_manager"]).exists()
    report = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "Zusammenführen mit „Pepperl+Fuchs“" in report
    held = ImportRun.objects.get().held_rows.first()
    assert held is not None
    client.post(reverse("imports:decide", args=[held.pk]), {"merge_into": registry.smart_member.pk})
    held.refresh_from_db()
    assert held.organisation == registry.smart_member
    assert Organisation.objects.filter(name="Rheinkraft Energie").count() == 1


def test_a_file_that_is_no_table_gets_its_message_on_the_form(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    response = _upload(login("smart_manager"), registry, b"\x89PNG\r\n\x1a\n\x00", "bild.png")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "„bild.png“ ist weder CSV noch XLSX" in response.content.decode()  # type: ignore[attr-defined]
    assert not ImportRun.objects.exists()


def test_large_files_run_in_the_background_with_progress(
    registry: Registry, login: Callable[[str], Client], settings: object
) -> None:
    settings.CLUSTERHUB_IMPORT_BACKGROUND_ROWS = 3  # type: ignore[attr-defined]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # type: ignore[attr-defined]
    client = login("admin")
    _upload(client, registry, csv_bytes(ORGANISATIONS))
    run = ImportRun.objects.get()
    client.post(
        reverse("imports:mapping", args=[run.pk]), {"name": "0", "city": "3", "import": "1"}
    )
    run.refresh_from_db()
    assert run.status == ImportRun.Status.QUEUED
    partial = client.get(reverse("imports:run", args=[run.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in partial.content.decode()
    assert "<progress" in partial.content.decode()
