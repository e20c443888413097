"""The person export holds every kind of data stored about the person (one test per kind),
as JSON and as a readable PDF."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.privacy.pdf import sections
from clusterhub.privacy.tests.conftest import Story

Login = Callable[[str], Client]


@pytest.fixture
def exported(story: Story, login: Login) -> dict[str, Any]:
    response = login("smart_manager").get(reverse("privacy:person_export", args=[story.person.pk]))
    assert response.status_code == 200
    data: dict[str, Any] = json.loads(response.content)
    return data


def test_export_holds_the_person_and_affiliations(exported: dict[str, Any]) -> None:
    assert exported["person"]["email"] == "anna1@example.org"
    assert exported["affiliations"] == []  # registered only: no organisation of their own


def test_export_holds_affiliations_with_function(login: Login, registry: Any) -> None:
    url = reverse("privacy:person_export", args=[registry.person.pk])
    data = json.loads(login("smart_manager").get(url).content)
    assert [a["organisation"] for a in data["affiliations"]] == ["Pepperl+Fuchs"]


def test_export_holds_consents(exported: dict[str, Any]) -> None:
    assert [c["purpose"] for c in exported["consents"]] == ["events"]


def test_export_holds_registrations_with_check_in(exported: dict[str, Any]) -> None:
    [registration] = exported["registrations"]
    assert registration["event"] == "Smart-Industries-Forum"
    assert registration["checked_in_at"] is not None
    assert registration["email"] == "anna1@example.org"


def test_export_holds_feedback(exported: dict[str, Any]) -> None:
    assert exported["registrations"][0]["feedback"]["comment"] == "Sehr hilfreich"


def test_export_holds_mails_sent_and_owed(exported: dict[str, Any]) -> None:
    kinds = [mail["kind"] for mail in exported["registrations"][0]["mails"]]
    assert "confirmation" in kinds


def test_export_holds_the_matchmaking_profile_requests_and_meetings(
    exported: dict[str, Any],
) -> None:
    matchmaking = exported["registrations"][0]["matchmaking"]
    assert matchmaking["offers"] == "Sensorik"
    assert matchmaking["requests_sent"][0]["message"] == "Treffen?"
    assert matchmaking["meetings"] == [
        {
            "slot": "s1",
            "table": "T07",
            "partner_organisation": matchmaking["meetings"][0]["partner_organisation"],
            "announced": False,
            "no_show": False,
        }
    ]


def test_export_names_the_other_side_by_organisation_only(story: Story, login: Login) -> None:
    response = login("smart_manager").get(reverse("privacy:person_export", args=[story.person.pk]))
    assert "anna2@example.org" not in response.content.decode()
    assert "Teilnehmerin2" not in response.content.decode()


def test_export_holds_interactions_with_follow_ups(exported: dict[str, Any]) -> None:
    [note] = exported["interactions"]
    assert note["subject"] == "Besuch in der Fertigung"
    assert note["follow_ups"][0]["description"] == "Angebot schicken"


def test_export_holds_introductions(exported: dict[str, Any]) -> None:
    [introduction] = exported["introductions"]
    assert introduction["organisation"] == "Pepperl+Fuchs"
    assert introduction["partner"] == "Medizintechnik Rhein-Neckar GmbH"


def test_export_holds_audit_entries_about_the_person(exported: dict[str, Any]) -> None:
    actions = {(e["object_type"], e["action"]) for e in exported["audit_entries"]}
    assert ("directory.person", "view") in actions


def test_the_export_itself_is_audited(story: Story, exported: dict[str, Any]) -> None:
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT, object_id=str(story.person.pk))
    assert (entry.list_name, entry.row_count) == ("Personendaten (JSON)", 1)


def test_the_pdf_export_is_a_pdf_with_every_section(story: Story, login: Login) -> None:
    url = reverse("privacy:person_export_pdf", args=[story.person.pk])
    response = login("smart_manager").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_pdf_sections_read_in_german_labels(exported: dict[str, Any]) -> None:
    by_title = {section.title: section for section in sections(exported)}
    assert {"Person", "Veranstaltungsanmeldungen", "Vorstellungen", "Kontakte (CRM)"} <= set(
        by_title
    )
    rows = dict(by_title["Veranstaltungsanmeldungen"].items[0])
    assert rows["Rückmeldung › Kommentar"] == "Sehr hilfreich"
    assert rows["Matchmaking › Treffen 1 › Tisch"] == "T07"
