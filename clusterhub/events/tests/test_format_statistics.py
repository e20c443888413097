"""Statistics per format over time: one row per event, and the page with table and chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.conftest import Registry
from clusterhub.directory.models import Organisation
from clusterhub.events.format_statistics import format_statistics
from clusterhub.events.models import Event, Format, Registration
from clusterhub.events.tests.conftest import make_event
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

Login = Callable[[str], Client]
Status = Registration.Status


def held(event_format: Format, days_ago: int, capacity: int) -> Event:
    start = timezone.now() - dt.timedelta(days=days_ago)
    return make_event(
        format=event_format,
        capacity=capacity,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )


def attend(event: Event, organisation: Organisation | None, status: str, country: str) -> None:
    Registration.objects.create(
        event=event,
        person=PersonFactory.create(),
        organisation=organisation,
        status=status,
        country=country,
    )


def test_each_event_of_a_format_gets_its_row_with_reach_and_returning_organisations(
    login: Login, registry: Registry
) -> None:
    series = Format.objects.create(name="Social Innovation Bar", slug="sib")
    first, second = held(series, 120, capacity=4), held(series, 10, capacity=2)
    university = OrganisationFactory.create(kind=Organisation.Kind.UNIVERSITY)
    MembershipFactory.create(organisation=university, cluster=registry.smart)
    attend(first, registry.medtech_member, Status.ATTENDED, "DE")
    attend(first, None, Status.NO_SHOW, "FR")
    attend(second, registry.medtech_member, Status.ATTENDED, "DE")
    attend(second, university, Status.ATTENDED, "PL")
    attend(second, registry.smart_member, Status.CANCELLED, "AT")

    rows = format_statistics(series)

    assert [row.event for row in rows] == [first, second]
    assert (rows[0].stats.registered, rows[0].utilisation_percent) == (2, 50)
    assert rows[0].attendance_percent == 50
    assert (rows[0].stats.new_organisations, rows[0].stats.returning_organisations) == (1, 0)
    assert (rows[1].stats.new_organisations, rows[1].stats.returning_organisations) == (1, 1)
    assert (rows[1].utilisation_percent, rows[1].attendance_percent, rows[1].countries) == (
        100,
        100,
        2,
    )
    assert rows[1].clusters == tuple(sorted([registry.medtech.name, registry.smart.name]))
    assert dict(rows[1].kinds) == {"Hochschule": 1, "KMU": 1}

    page = login("reader").get(reverse("events:format_statistics", args=[series.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="bar-chart"' in html and "width: 50%" in html and "width: 100%" in html
    assert "Hochschule: 1" in html
    assert login("member").get(
        reverse("events:format_statistics", args=[series.pk])
    ).status_code in {403, 404}
