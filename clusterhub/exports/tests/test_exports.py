from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from clusterhub.audit.models import AuditEntry
from clusterhub.core.spreadsheets import csv_bytes, inert, xlsx_bytes
from clusterhub.exports.cards import vcard
from clusterhub.exports.models import ExportJob, FeedToken
from tests.factories import OrganisationFactory, PersonFactory
from tests.support.registry import Registry


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_made_inert(start: str) -> None:
    assert inert(f"{start}1+2") == f"'{start}1+2"
    assert inert("GmbH") == "GmbH" and inert(3) == 3


def test_csv_is_excel_german_and_xlsx_holds_no_live_formula() -> None:
    rows = [['=HYPERLINK("x")', "ok"]]
    assert csv_bytes(["A", "B"], rows).startswith("\ufeffA;B\r\n\"'=HYPERLINK".encode())
    sheet = load_workbook(io.BytesIO(xlsx_bytes("T", ["A", "B"], rows))).active
    assert sheet is not None
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == '\'=HYPERLINK("x")'


def test_organisation_export_follows_the_filter_and_is_audited(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    OrganisationFactory.create(name="=1+1 Formel GmbH", city="Weinheim")
    client = login("reader")
    response = client.get(
        reverse("exports:list", args=["organisationen", "xlsx"]), {"city": "Weinheim"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["'=1+1 Formel GmbH"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.row_count == 1 and entry.object_type == "exports.exportjob"


def test_a_member_editor_exports_only_her_own_organisation(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    response = login("member").get(reverse("exports:list", args=["organisationen", "csv"]))
    assert response.status_code == 403


def test_a_manager_exports_only_the_people_of_her_clusters(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    PersonFactory.create(last_name="Fremd")
    smart = login("smart_manager").get(reverse("exports:list", args=["personen", "csv"]))
    text = smart.content.decode("utf-8-sig")
    assert registry.person.last_name in text and "Fremd" not in text


def test_people_as_vcard(registry: Registry, login: Callable[[str], Client]) -> None:
    response = login("admin").get(reverse("exports:list", args=["personen", "vcf"]))
    assert response["Content-Type"].startswith("text/vcard")
    assert response.content.decode().count("BEGIN:VCARD") == 1
    card = vcard(registry.person)
    assert "VERSION:3.0" in card and "ORG:Pepperl+Fuchs" in card


def test_large_exports_are_written_in_the_background(
    registry: Registry,
    login: Callable[[str], Client],
    settings: object,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    settings.CLUSTERHUB_EXPORT_BACKGROUND_ROWS = 1  # type: ignore[attr-defined]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}  # type: ignore[attr-defined]
    client = login("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("exports:list", args=["organisationen", "csv"]))
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("exports:job", args=[job.pk])
    page = client.get(reverse("exports:job", args=[job.pk])).content.decode()
    assert reverse("exports:job_download", args=[job.pk]) in page
    download = client.get(reverse("exports:job_download", args=[job.pk]))
    assert "Pepperl+Fuchs" in download.content.decode("utf-8-sig")
    assert login("reader").get(reverse("exports:job", args=[job.pk])).status_code == 404


def test_follow_up_feed_opens_with_its_secret_and_closes_when_revoked(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    client.post(reverse("exports:feed_renew"))
    token = FeedToken.objects.get(user=registry.users["smart_manager"]).token
    feed = Client().get(reverse("exports:follow_up_feed", args=[token]))
    assert feed.status_code == 200
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 1
    client.post(reverse("exports:feed_revoke"))
    assert Client().get(reverse("exports:follow_up_feed", args=[token])).status_code == 404
