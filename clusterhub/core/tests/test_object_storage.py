"""Files in an S3-compatible object store: uploads go in and come back out through the pages,
with Django's default storage on a real S3 server (moto's, on loopback) via django-storages."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from clusterhub.imports.models import ImportRun
from clusterhub.imports.tests.files import ORGANISATIONS, csv_bytes
from clusterhub.projects.models import ProjectDocument
from clusterhub.projects.tests.support import Projects
from clusterhub.projects.tests.support import projects as projects  # the fixture
from tests.support.registry import Registry
from tests.support.s3 import ObjectStore, s3_server


@pytest.fixture
def object_store() -> Iterator[ObjectStore]:
    with s3_server() as store, override_settings(STORAGES=store.storages(settings.STORAGES)):
        # The storage objects are made once per process and kept: make them again, on S3.
        storages._storages = {}  # type: ignore[attr-defined]
        try:
            yield store
        finally:
            storages._storages = {}  # type: ignore[attr-defined]


def test_a_project_document_goes_to_the_object_store_and_comes_back(
    object_store: ObjectStore,
    projects: Projects,
    login: Callable[[str], Client],
) -> None:
    client = login("smart_manager")
    upload = SimpleUploadedFile("skizze.pdf", b"%PDF-1.4 Wasserstoff-Hafen")
    response = client.post(
        reverse("projects:document_add", args=[projects.project.pk]), {"file": upload}
    )
    assert response.status_code == 302
    document = ProjectDocument.objects.get()
    assert document.file.name in object_store.stored_names()
    download = client.get(reverse("projects:document", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 Wasserstoff-Hafen"  # type: ignore[attr-defined]


def test_an_import_file_is_read_back_from_the_object_store(
    object_store: ObjectStore, registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    response = client.post(
        reverse("imports:start"),
        {
            "kind": "organisations",
            "cluster": registry.smart.pk,
            "file": SimpleUploadedFile("liste.csv", csv_bytes(ORGANISATIONS)),
        },
    )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert any(key.startswith("imports/") for key in object_store.stored_names())
    # The mapping page reads the stored file again: its rows come from the object store.
    page = client.get(reverse("imports:mapping", args=[run.pk])).content.decode()
    assert "Rheinkraft Energie" in page and "https://rheinkraft.example" in page
