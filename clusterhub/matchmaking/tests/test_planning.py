"""The scheduler on the database: instance building, declined requests, kept announcements."""

from __future__ import annotations

from clusterhub.matchmaking import planning, rules, services
from clusterhub.matchmaking.models import Meeting, MeetingRequest
from clusterhub.matchmaking.tests.conftest import Brokerage


def accepted(brokerage: Brokerage, sender: int, recipient: int) -> MeetingRequest:
    people = brokerage.participants
    request = services.send_request(people[sender], people[recipient], "")
    return services.answer_request(request, accept=True)


def test_the_instance_weighs_mutual_requests_double_and_keeps_availability(
    brokerage: Brokerage,
) -> None:
    anna, bert, carla = brokerage.participants
    services.send_request(anna, bert, "")
    services.send_request(bert, anna, "")
    accepted(brokerage, 0, 2)
    services.save_profile(
        carla, offers="", seeks="", max_meetings=1, available_slots=["2027-05-12T1000", "d9-0000"]
    )
    instance = rules.build_instance(brokerage.event)
    assert sorted(meeting.weight for meeting in instance.meetings) == [1.0, 2.0]
    carla_plain = next(p for p in instance.participants if p.id == f"p{carla.pk}")
    assert carla_plain.available == frozenset({"2027-05-12T1000"})
    assert carla_plain.max_meetings == 1
    assert [slot.id for slot in instance.slots] == [
        "2027-05-12T0900",
        "2027-05-12T0920",
        "2027-05-12T1000",
    ]


def test_a_declined_request_is_never_scheduled(brokerage: Brokerage) -> None:
    anna, bert, carla = brokerage.participants
    declined = services.answer_request(services.send_request(anna, bert, ""), accept=False)
    kept = accepted(brokerage, 0, 2)
    services.send_request(bert, carla, "")  # never answered
    outcome = planning.compute_schedule(brokerage.event)
    assert outcome.scheduled == 1
    assert list(Meeting.objects.values_list("request_id", flat=True)) == [kept.pk]
    assert not Meeting.objects.filter(request=declined).exists()


def test_rerunning_keeps_announced_meetings_in_place(brokerage: Brokerage) -> None:
    first = accepted(brokerage, 0, 1)
    planning.compute_schedule(brokerage.event)
    meeting = Meeting.objects.get(request=first)
    # Move it by hand to the last slot and the second table, then announce it.
    meeting.slot_id, meeting.table = "2027-05-12T1000", brokerage.tables[1]
    meeting.save()
    assert planning.publish_schedule(brokerage.event) == 1
    accepted(brokerage, 0, 2)
    accepted(brokerage, 1, 2)
    outcome = planning.compute_schedule(brokerage.event)
    assert outcome.scheduled == 3
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id, meeting.announced) == (
        "2027-05-12T1000",
        brokerage.tables[1].pk,
        True,
    )
    # The new ones are placed but not yet announced, each pair once per slot.
    others = Meeting.objects.exclude(pk=meeting.pk)
    assert others.count() == 2
    assert not others.filter(announced=True).exists()
    assert not others.filter(slot_id="2027-05-12T1000").exists()


def test_unannounced_meetings_may_move_on_rerun_but_stay_scheduled(brokerage: Brokerage) -> None:
    accepted(brokerage, 0, 1)
    planning.compute_schedule(brokerage.event)
    planning.compute_schedule(brokerage.event)
    assert Meeting.objects.count() == 1
