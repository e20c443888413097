"""Planning a format's events from its recurrence rule."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from clusterhub.conftest import Registry
from clusterhub.events.models import Event, Format
from clusterhub.events.planning import plan_events

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def forum(registry: Registry) -> Format:
    series = Format.objects.create(
        name="Netzwerkforum",
        slug="netzwerkforum",
        recurrence="FREQ=MONTHLY;INTERVAL=6",
        series_start=dt.datetime(2026, 3, 19, 17, 0, tzinfo=BERLIN),
        default_duration_minutes=150,
        default_venue="MAFINEX",
        default_capacity=80,
    )
    series.clusters.add(registry.medtech, registry.smart)
    return series


def test_half_yearly_format_plans_two_events_a_year_with_its_defaults(forum: Format) -> None:
    created = plan_events(None, forum, dt.datetime(2027, 12, 31, tzinfo=BERLIN))

    assert [event.starts_at.astimezone(BERLIN) for event in created] == [
        dt.datetime(2026, 3, 19, 17, 0, tzinfo=BERLIN),
        dt.datetime(2026, 9, 19, 17, 0, tzinfo=BERLIN),
        dt.datetime(2027, 3, 19, 17, 0, tzinfo=BERLIN),
        dt.datetime(2027, 9, 19, 17, 0, tzinfo=BERLIN),
    ]
    first = created[0]
    assert first.ends_at - first.starts_at == dt.timedelta(minutes=150)
    assert (first.venue, first.capacity) == ("MAFINEX", 80)
    assert {cluster.slug for cluster in first.clusters.all()} == {"medtech", "smart"}


def test_planning_twice_creates_nothing_new(forum: Format) -> None:
    until = dt.datetime(2027, 12, 31, tzinfo=BERLIN)
    plan_events(None, forum, until)
    assert plan_events(None, forum, until) == []
    assert Event.objects.filter(format=forum).count() == 4


def test_a_format_without_a_rule_plans_nothing(forum: Format) -> None:
    forum.recurrence = ""
    assert plan_events(None, forum, dt.datetime(2027, 12, 31, tzinfo=BERLIN)) == []
