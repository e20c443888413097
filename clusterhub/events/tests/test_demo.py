"""The events demo loads the article's formats with history, once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone

from clusterhub.conftest import Registry
from clusterhub.events.demo import load_demo_events
from clusterhub.events.models import Event, Format, Registration
from clusterhub.events.queries import places_of


@pytest.mark.usefixtures("registry")
def test_demo_loads_formats_past_and_upcoming_events_once(registry: Registry) -> None:
    events, registrations = load_demo_events()

    assert Format.objects.count() == 8
    assert Event.objects.count() == events == Event.objects.filter(format__isnull=False).count() + 2
    assert Registration.objects.count() == registrations
    summit = Event.objects.get(format__slug="european-social-economy-summit")
    assert summit.registrations.values("country").distinct().count() > 20
    assert Event.objects.filter(starts_at__gt=timezone.now()).exists()
    assert Event.objects.filter(format__slug="road-to-mannheim").count() == 8
    assert load_demo_events() == (0, 0)


@pytest.mark.usefixtures("registry")
def test_the_if_empty_flag_leaves_a_database_with_events_alone() -> None:
    from django.core.management import call_command

    from clusterhub.events.tests.conftest import make_event

    make_event(title="Schon da")
    output = io.StringIO()
    call_command("load_demo_events", "--if-empty", stdout=output)

    assert "nothing to do" in output.getvalue()
    assert list(Event.objects.values_list("title", flat=True)) == ["Schon da"]
    assert not Format.objects.exists()


@pytest.mark.usefixtures("registry")
def test_demo_events_are_dated_from_the_day_it_is_loaded() -> None:
    pinned = dt.datetime(2031, 3, 17, 9, 0, tzinfo=dt.UTC)

    load_demo_events(now=pinned)

    ahead = Event.objects.filter(starts_at__gt=pinned)
    next_two_weeks = ahead.filter(starts_at__lte=pinned + dt.timedelta(days=14))
    assert next_two_weeks.count() >= 2
    assert Event.objects.filter(ends_at__lt=pinned, starts_at__gt=pinned - dt.timedelta(days=200))
    assert not ahead.filter(starts_at__gt=pinned + dt.timedelta(days=366)).exists()
    full = next_two_weeks.get(title__startswith="MedTech-Frühstück")
    places = places_of(full)
    assert (places.taken, places.capacity, places.waitlisted) == (3, 3, 2)
    # Upcoming events have no attendance yet; past ones have no one merely confirmed.
    assert not Registration.objects.filter(
        event__starts_at__gt=pinned, status__in=[Registration.Status.ATTENDED]
    ).exists()
    assert load_demo_events(now=pinned) == (0, 0)
