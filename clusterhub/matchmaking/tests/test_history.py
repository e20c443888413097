"""Pairs who met at an earlier event are marked and weighed down unless both ask again."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.events import services as event_services
from clusterhub.events.models import Event, Registration
from clusterhub.matchmaking import placement, rules, services
from clusterhub.matchmaking.history import REPEAT_WEIGHT, met_before, pair_of
from clusterhub.matchmaking.models import Meeting, Table
from clusterhub.matchmaking.tests.conftest import Brokerage, add_session
from tests.support.events import make_event, person_data


def earlier_event_with_meeting(
    brokerage: Brokerage, first: dict[str, object], second: dict[str, object], **fields: object
) -> Meeting:
    """An event a year before ``brokerage`` at which the two people described met."""
    starts_at = brokerage.event.starts_at - dt.timedelta(days=365)
    earlier = make_event(
        capacity=10, title="MedTech-Matchmaking 2026", starts_at=starts_at, **fields
    )
    for index, data in enumerate((first, second)):
        event_services.register_participant(earlier, person_data(90 + index, **data), by_staff=True)
    anna, bert = sorted(services.enroll_registrations(earlier), key=lambda p: p.pk)
    add_session(earlier, date=starts_at.date())
    request = services.answer_request(services.send_request(anna, bert, ""), accept=True)
    table = Table.objects.create(event=earlier, label="T01")
    return Meeting.objects.create(
        event=earlier, request=request, slot_id=f"{starts_at:%Y-%m-%d}T0900", table=table
    )


def same_people(brokerage: Brokerage, first: int, second: int) -> tuple[dict[str, object], ...]:
    return tuple({"email": brokerage.participants[i].registration.email} for i in (first, second))


def test_the_same_two_people_are_found_as_having_met(brokerage: Brokerage) -> None:
    anna, bert, _carla = brokerage.participants
    earlier_event_with_meeting(brokerage, *same_people(brokerage, 0, 1))
    found = met_before(brokerage.event)
    assert set(found) == {pair_of(anna.pk, bert.pk)}
    assert found[pair_of(anna.pk, bert.pk)].event_title == "MedTech-Matchmaking 2026"


def test_colleagues_of_an_earlier_partner_count_as_the_same_pair(
    brokerage: Brokerage, registry: Registry
) -> None:
    anna, _bert, carla = brokerage.participants
    organisation = registry.medtech_member
    Registration.objects.filter(pk=carla.registration_id).update(organisation=organisation)
    meeting = earlier_event_with_meeting(
        brokerage, {"email": anna.registration.email}, {"email": "kollege@example.org"}
    )
    Registration.objects.filter(pk=meeting.request.recipient.registration_id).update(
        organisation=organisation
    )
    assert set(met_before(brokerage.event)) == {pair_of(anna.pk, carla.pk)}


def test_a_meeting_with_a_no_show_or_at_a_later_event_does_not_count(
    brokerage: Brokerage,
) -> None:
    meeting = earlier_event_with_meeting(brokerage, *same_people(brokerage, 0, 1))
    placement.mark_no_shows(meeting, [meeting.request.sender])
    assert met_before(brokerage.event) == {}
    meeting.no_shows.clear()
    later = brokerage.event.starts_at + dt.timedelta(days=30)
    Event.objects.filter(pk=meeting.event_id).update(
        starts_at=later, ends_at=later + dt.timedelta(hours=3)
    )
    assert met_before(brokerage.event) == {}


def test_a_repeat_pair_weighs_less_unless_both_asked_again(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    earlier_event_with_meeting(brokerage, *same_people(brokerage, 0, 1))
    earlier_event_with_meeting(brokerage, *same_people(brokerage, 0, 2))
    one_sided = services.answer_request(services.send_request(anna, bert, ""), accept=True)
    services.send_request(anna, carla, "")
    mutual = services.send_request(carla, anna, "")
    weights = {m.id: m.weight for m in rules.build_instance(brokerage.event).meetings}
    assert weights == {f"r{one_sided.pk}": REPEAT_WEIGHT, f"r{mutual.pk}": 2.0}


def test_the_participant_list_marks_earlier_meetings(brokerage: Brokerage) -> None:
    anna, bert, _carla = brokerage.participants
    earlier_event_with_meeting(brokerage, *same_people(brokerage, 0, 1))
    page = Client().get(reverse("matchmaking:directory", args=[anna.token])).content.decode()
    assert page.count("Bereits getroffen bei MedTech-Matchmaking 2026") == 1
    marked_section = page.split(f'id="participant-{bert.pk}"')[1].split("</section>")[0]
    assert "Bereits getroffen" in marked_section
