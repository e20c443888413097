"""A cluster manager imports a Windows-1252, semicolon-separated file with a formula cell, an
empty required field and two spellings of an organisation already in the registry: the good
rows land, the bad row is reported with its line, the two spellings are held and merged into
the existing organisation, and the exported list opens in openpyxl without a live formula."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from django.conf import LazySettings
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.directory.models import Organisation
from tests.factories import AccountFactory, ClusterFactory, MembershipFactory, OrganisationFactory

SCREENSHOTS = Path(os.environ.get("CLUSTERHUB_SCREENSHOTS", tempfile.gettempdir()))
FILE = (
    "Firma;Rechtsform;Ort;Webseite\r\n"
    "Rheinkraft Energie;GmbH;Mannheim;rheinkraft.example\r\n"
    "=1+2 Formel;;Mannheim;\r\n"
    ";AG;Mannheim;\r\n"
    "Pepperl + Fuchs;SE;Mannheim;\r\n"
    "PEPPERL+FUCHS SE;;Mannheim;\r\n"
    "Käfertaler Mühle;e. V.;Mannheim;\r\n"
).encode("cp1252")


@pytest.fixture(autouse=True)
def files_in_memory(settings: LazySettings) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def log_in(page: Page, username: str) -> None:
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()


def shoot(page: Page, name: str) -> None:
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_import_holds_spellings_for_merge_and_the_export_has_no_live_formula(page: Page) -> None:
    smart = ClusterFactory.create(slug="smart-industries", name="Cluster Smart Industries")
    pepperl = OrganisationFactory.create(name="Pepperl+Fuchs", legal_form="SE", city="Mannheim")
    MembershipFactory.create(organisation=pepperl, cluster=smart)
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    smart.managers.add(manager)

    log_in(page, "manager")
    page.goto("/intern/organisationen/")
    page.get_by_role("link", name="Aus CSV/Excel importieren").click()
    page.get_by_label("Was wird importiert?").select_option("organisations")
    page.get_by_label("Cluster").select_option(str(smart.pk))
    page.get_by_label("Datei (CSV oder XLSX)").set_input_files(
        {"name": "mitglieder.csv", "mimeType": "text/csv", "buffer": FILE}
    )
    page.get_by_role("button", name="Hochladen").click()

    expect(page.get_by_role("heading", name="Spalten zuordnen")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Käfertaler Mühle")  # Windows-1252 read right
    expect(page.locator("table")).to_contain_text("https://rheinkraft.example")
    expect(page.locator("#validation-errors")).to_contain_text(
        "Zeile 4, Spalte „Firma“: Pflichtfeld ist leer."
    )
    shoot(page, "import-mapping")
    page.get_by_role("button", name="Importieren").click()

    expect(page.locator("#refused-rows")).to_contain_text("Zeile 4")
    held = page.locator("#held-rows > li")
    expect(held).to_have_count(2)
    shoot(page, "import-report")
    for _ in range(2):
        page.locator("#held-rows").get_by_role(
            "button", name="Zusammenführen mit „Pepperl+Fuchs“"
        ).first.click()
        expect(page.get_by_text("wurde zusammengeführt")).to_be_visible()
    expect(page.locator("#held-rows")).not_to_contain_text("Offen")
    assert Organisation.objects.filter(name__icontains="pepperl").count() == 1
    assert Organisation.objects.filter(name="Rheinkraft Energie", city="Mannheim").exists()

    page.goto(f"/intern/organisationen/?cluster={smart.pk}")
    with page.expect_download() as download_info:
        page.locator(".export-links").first.get_by_role("link", name="XLSX").click()
    path = download_info.value.path()
    sheet = load_workbook(io.BytesIO(Path(path).read_bytes())).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(
        ["'=1+2 Formel", "Käfertaler Mühle", "Pepperl+Fuchs", "Rheinkraft Energie"]
    )
