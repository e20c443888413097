"""Staff event forms: who may create and edit, errors that keep the input, audit, planning."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.events.models import Event, Format
from clusterhub.events.tests.conftest import make_event

Login = Callable[[str], Client]


def event_form(registry: Registry, **fields: Any) -> dict[str, Any]:
    start = timezone.localtime() + dt.timedelta(days=20)
    values: dict[str, Any] = {
        "title": "UmsetzBar Frühjahr",
        "description": "Vom Projekt zur Umsetzung.",
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": "18:00",
        "ends_at_0": start.strftime("%Y-%m-%d"),
        "ends_at_1": "21:00",
        "venue": "MAFINEX",
        "address": "Julius-Hatry-Straße 1, 68163 Mannheim",
        "online_url": "",
        "capacity": "40",
        "audience": Event.Audience.PUBLIC,
        "language": Event.Language.DE,
        "clusters": [str(registry.medtech.pk)],
        "status": Event.Status.PLANNED,
    }
    values.update(fields)
    return values


def test_a_cluster_manager_creates_an_event_for_their_cluster_and_it_is_audited(
    login: Login, registry: Registry
) -> None:
    client = login("medtech_manager")
    response = client.post(reverse("events:event_create"), event_form(registry))

    event = Event.objects.get(title="UmsetzBar Frühjahr")
    assert response.status_code == 302
    assert list(event.clusters.all()) == [registry.medtech]
    assert timezone.localtime(event.starts_at).hour == 18  # typed in Berlin time
    entry = AuditEntry.objects.get(object_type="events.event", object_id=str(event.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor_id == registry.users["medtech_manager"].pk
    assert entry.changes["title"] == "UmsetzBar Frühjahr"


def test_a_manager_may_not_file_an_event_under_another_cluster(
    login: Login, registry: Registry
) -> None:
    client = login("medtech_manager")
    form = event_form(registry, clusters=[str(registry.smart.pk)])
    response = client.post(reverse("events:event_create"), form)

    assert response.status_code == 200
    assert not Event.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("reader", 403), ("member", 403)])
def test_readers_and_members_cannot_open_the_event_form(
    login: Login, registry: Registry, role: str, status: int
) -> None:
    assert login(role).get(reverse("events:event_create")).status_code == status


def test_a_form_with_errors_keeps_what_was_typed_and_says_what_is_wrong(
    login: Login, registry: Registry
) -> None:
    client = login("admin")
    form = event_form(registry, ends_at_0="01.01.2020", ends_at_1="10:00", venue="", address="")
    form["description"] = "Ein langer Text, der nicht verloren gehen darf."
    response = client.post(reverse("events:event_create"), form)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Das Ende muss nach dem Beginn liegen." in page
    assert "Bitte geben Sie einen Ort, eine Adresse oder einen Online-Link an." in page
    assert "Ein langer Text, der nicht verloren gehen darf." in page
    assert 'value="UmsetzBar Frühjahr"' in page
    assert not Event.objects.exists()


def test_editing_records_what_changed_and_other_managers_are_refused(
    login: Login, registry: Registry
) -> None:
    event = make_event(capacity=30, title="MedTech-Frühstück")
    event.clusters.add(registry.medtech)
    url = reverse("events:event_edit", args=[event.pk])
    assert login("smart_manager").get(url).status_code == 403

    client = login("medtech_manager")
    local_start = timezone.localtime(event.starts_at)
    local_end = timezone.localtime(event.ends_at)
    form = event_form(
        registry,
        title="MedTech-Frühstück",
        capacity="45",
        starts_at_0=local_start.strftime("%Y-%m-%d"),
        starts_at_1=local_start.strftime("%H:%M"),
        ends_at_0=local_end.strftime("%Y-%m-%d"),
        ends_at_1=local_end.strftime("%H:%M"),
        venue=event.venue,
        address=event.address,
        description="",
    )
    response = client.post(url, form)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.capacity == 45
    entry = AuditEntry.objects.filter(
        object_type="events.event", action=AuditEntry.Action.UPDATE
    ).get()
    assert entry.changes["capacity"] == [30, 45]
    assert "title" not in entry.changes


def test_planning_a_format_creates_its_dates_once(login: Login, registry: Registry) -> None:
    # A fixed day of month up to the 28th: counted from today, a start on the 29th to 31st
    # has no date six months later in some months, and the rule skips it.
    first = dt.datetime(2027, 3, 19, 18, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    event_format = Format.objects.create(
        name="Network Forum",
        slug="network-forum",
        recurrence="FREQ=MONTHLY;INTERVAL=6",
        series_start=first,
        default_capacity=80,
    )
    event_format.clusters.add(registry.medtech)
    url = reverse("events:format_plan", args=[event_format.pk])
    until = (first + dt.timedelta(days=400)).date().isoformat()
    assert login("smart_manager").post(url, {"until": until}).status_code == 403

    client = login("medtech_manager")
    client.post(url, {"until": until})
    client.post(url, {"until": until})

    events = list(event_format.events.order_by("starts_at"))
    assert len(events) == 3  # start, +6 and +12 months fall within 400 days
    assert all(event.capacity == 80 for event in events)
    assert all(list(event.clusters.all()) == [registry.medtech] for event in events)
    assert AuditEntry.objects.filter(object_type="events.event").count() == 3


def test_planning_a_format_without_a_rule_says_so(login: Login, registry: Registry) -> None:
    event_format = Format.objects.create(name="Werksbesichtigung", slug="werk")
    response = login("admin").post(
        reverse("events:format_plan", args=[event_format.pk]), {"until": "2027-01-01"}
    )
    assert "keine Wiederholungsregel" in response.content.decode()
    assert not event_format.events.exists()


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\u2028"])
def test_a_title_with_a_line_break_is_refused_because_mail_subjects_cannot_carry_it(
    login: Login, registry: Registry, line_break: str
) -> None:
    client = login("admin")
    form = event_form(registry, title=f"UmsetzBar{line_break}Bcc: alle@example.org")
    response = client.post(reverse("events:event_create"), form)

    assert response.status_code == 200
    assert "Bitte ohne Zeilenumbruch eingeben" in response.content.decode()
    assert not Event.objects.exists()
