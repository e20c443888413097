"""Staff pages: who may see and change what, exports, manual registration, attendance."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.events import review, services
from clusterhub.events.models import Event, Registration
from clusterhub.events.statistics import event_statistics
from clusterhub.events.tests.conftest import make_event, person_data

Login = Callable[[str], Client]
Status = Registration.Status


@pytest.fixture
def medtech_event(registry: Registry) -> Event:
    # Starts within the hour, so marking someone present is plausible.
    start = (timezone.now() + dt.timedelta(minutes=45)).replace(microsecond=0)
    event = make_event(
        capacity=2,
        title="MedTech-Frühstück",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    event.clusters.add(registry.medtech)
    services.register_participant(event, person_data(1, organisation_name="=HYPERLINK(1)"))
    return event


@pytest.mark.parametrize(
    ("role", "read", "people", "write"),
    [
        ("admin", 200, 200, 200),
        ("medtech_manager", 200, 200, 200),
        # Another cluster's manager reads the event (statistics) but not who takes part.
        ("smart_manager", 200, 403, 403),
        # A staff reader sees the counts on the participant page, and exports nothing.
        ("reader", 200, 403, 403),
        ("member", 403, 403, 403),
        ("anonymous", 302, 302, 302),
    ],
)
def test_every_role_sees_and_changes_only_what_it_may(
    login: Login, medtech_event: Event, role: str, read: int, people: int, write: int
) -> None:
    client = login(role)
    pk = medtech_event.pk
    list_status = read if role == "reader" else people
    assert client.get(reverse("events:participants", args=[pk])).status_code == list_status
    for fmt in ("csv", "xlsx"):
        export = client.get(reverse("events:participants_export", args=[pk, fmt]))
        assert export.status_code == people
    assert client.get(reverse("events:statistics", args=[pk])).status_code == read
    assert client.get(reverse("events:participant_add", args=[pk])).status_code == write
    registration = medtech_event.registrations.get()
    response = client.post(
        reverse("events:mark_attendance", args=[registration.pk]), {"attended": "1"}
    )
    assert response.status_code == (302 if write == 200 else write)
    registration.refresh_from_db()
    assert (registration.status == Status.ATTENDED) == (write == 200)


def test_csv_export_defuses_spreadsheet_formulas(login: Login, medtech_event: Event) -> None:
    response = login("medtech_manager").get(
        reverse("events:participants_export", args=[medtech_event.pk, "csv"])
    )
    text = response.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("Nachname;Vorname;E-Mail")
    assert "'=HYPERLINK(1)" in row


def test_xlsx_export_lists_every_participant(login: Login, medtech_event: Event) -> None:
    services.register_participant(medtech_event, person_data(2))
    response = login("medtech_manager").get(
        reverse("events:participants_export", args=[medtech_event.pk, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    emails = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert emails == ["anna1@example.org", "anna2@example.org"]


def test_manager_adds_a_participant_by_hand(login: Login, medtech_event: Event) -> None:
    response = login("medtech_manager").post(
        reverse("events:participant_add", args=[medtech_event.pk]),
        {
            "first_name": "Olga",
            "last_name": "Kraus",
            "email": "olga@example.org",
            "country": "PL",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    added = medtech_event.registrations.get(email="olga@example.org")
    # Not in the registry: she waits in "Anmeldungen prüfen" like any registrant.
    assert added.person is None and added.full_name == "Olga Kraus"
    assert added in review.pending_registrations(medtech_event)


def test_check_in_search_finds_by_name(login: Login, medtech_event: Event) -> None:
    services.register_participant(medtech_event, person_data(2, last_name="Zimmermann"))
    page = (
        login("medtech_manager")
        .get(reverse("events:participants", args=[medtech_event.pk]), {"q": "zimmer"})
        .content.decode()
    )
    assert "Zimmermann" in page
    assert "Teilnehmerin1" not in page


def test_reader_sees_the_counts_but_not_the_people(login: Login, medtech_event: Event) -> None:
    page = login("reader").get(reverse("events:participants", args=[medtech_event.pk]))
    body = page.content.decode()
    assert "1 von 2 Plätzen vergeben" in body
    assert "Teilnehmerin1" not in body and "anna1@example.org" not in body
    assert reverse("events:participants_export", args=[medtech_event.pk, "csv"]) not in body


def test_reader_sees_the_people_where_the_setting_allows(
    login: Login, medtech_event: Event, settings: Any
) -> None:
    settings.CLUSTERHUB_READERS_SEE_PARTICIPANTS = True
    client = login("reader")
    page = client.get(reverse("events:participants", args=[medtech_event.pk]))
    assert "anna1@example.org" in page.content.decode()
    export = client.get(reverse("events:participants_export", args=[medtech_event.pk, "csv"]))
    assert export.status_code == 200


def test_an_export_is_audited_with_its_list_and_row_count(
    login: Login, medtech_event: Event
) -> None:
    login("medtech_manager").get(
        reverse("events:participants_export", args=[medtech_event.pk, "xlsx"])
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.object_type, entry.object_id) == ("events.event", str(medtech_event.pk))
    assert entry.list_name == "Teilnehmende (XLSX)"
    assert entry.row_count == 1


def test_statistics_count_attendance_returning_organisations_and_countries(
    registry: Registry, medtech_event: Event
) -> None:
    earlier = make_event(
        capacity=5,
        starts_at=medtech_event.starts_at.replace(year=2020),
        ends_at=medtech_event.ends_at.replace(year=2020),
    )
    Registration.objects.create(
        event=earlier,
        person=registry.person,
        organisation=registry.smart_member,
        status=Status.ATTENDED,
    )
    services.register_participant(
        medtech_event, person_data(2, organisation_name="Pepperl+Fuchs", country="FR")
    )
    services.register_participant(medtech_event, person_data(3))  # waitlisted
    for registration, present in zip(
        medtech_event.registrations.filter(status=Status.CONFIRMED), [True, False], strict=True
    ):
        registration.status = Status.ATTENDED if present else Status.NO_SHOW
        registration.save()

    stats = event_statistics(medtech_event)

    assert (stats.capacity, stats.registered, stats.waitlisted) == (2, 2, 1)
    assert stats.attendance_rate == 0.5
    assert (stats.new_organisations, stats.returning_organisations) == (1, 1)
    assert dict(stats.countries) == {"DE": 2, "FR": 1}


def test_staff_list_shows_events_to_staff_only(login: Login, medtech_event: Event) -> None:
    assert "MedTech-Frühstück" in login("reader").get(reverse("events:staff_list")).content.decode()
    assert login("member").get(reverse("events:staff_list")).status_code == 403


def test_staff_list_puts_the_next_event_first_and_marks_past_ones(
    login: Login, registry: Registry
) -> None:
    now = timezone.now().replace(microsecond=0)

    def held(title: str, days: int, capacity: int = 3) -> Event:
        start = now + dt.timedelta(days=days)
        return make_event(
            title=title, capacity=capacity, starts_at=start, ends_at=start + dt.timedelta(hours=2)
        )

    later, long_ago = held("Später im Jahr", 90), held("Vor einem Jahr", -365)
    full, next_one = held("Voll mit Warteliste", 30), held("Nächste Woche", 7)
    last_month = held("Letzten Monat", -30)
    for index in range(5):  # 3 of 3 places, 2 on the waitlist
        services.register_participant(full, person_data(index))

    page = login("reader").get(reverse("events:staff_list")).content.decode()

    upcoming, past = page.split('id="upcoming-events"')[1].split('id="past-events"')
    titles = [event.title for event in (next_one, full, later, last_month, long_ago)]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert all(title in upcoming for title in titles[:3])
    assert all(title in past for title in titles[3:])
    assert past.count("Vergangen</td>") == 2 and "Geplant" not in past
    assert "Geplant" in upcoming and "Ausgebucht" in upcoming
    assert "3 / 3<br>" in upcoming and "2 auf der Warteliste" in upcoming
    assert 'href="/intern/veranstaltungen/"' in page  # the internal menu leads here


def test_the_internal_menu_leads_staff_to_the_event_list_but_not_members(
    login: Login, registry: Registry
) -> None:
    link = f'href="{reverse("events:staff_list")}"'
    assert link in login("medtech_manager").get(reverse("core:dashboard")).content.decode()
    assert link not in login("member").get(reverse("events:calendar")).content.decode()
