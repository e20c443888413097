"""Every factory makes a row that holds together: related rows belong to the same event."""

from __future__ import annotations

import pytest

from clusterhub.matchmaking.slots import session_slots
from tests import factories


@pytest.mark.django_db
def test_a_meeting_holds_together_from_one_event() -> None:
    meeting = factories.MeetingFactory.create()
    request = meeting.request
    assert {
        request.event_id,
        request.sender.event_id,
        request.recipient.event_id,
        request.sender.registration.event_id,
        meeting.table.event_id,
    } == {meeting.event_id}
    assert request.sender_id != request.recipient_id
    session = factories.MatchmakingSessionFactory.create(event=meeting.event)
    assert meeting.slot_id == session_slots([session])[0].id


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory_class",
    [
        factories.AuditEntryFactory,
        factories.FormatFactory,
        factories.EventFactory,
        factories.RegistrationFactory,
        factories.InvitationFactory,
        factories.FeedbackFactory,
        factories.EventMailFactory,
        factories.ScheduleRunFactory,
        factories.ProjectFactory,
        factories.ParticipationFactory,
        factories.IntroductionFactory,
        factories.SuggestionFeedbackFactory,
    ],
)
def test_each_factory_saves_a_valid_row(factory_class: type[factories.factory.Factory]) -> None:
    row = factory_class.create()
    row.full_clean()
    assert type(row)._default_manager.filter(pk=row.pk).exists()
