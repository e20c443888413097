"""The confirmation mail carries the personal matchmaking link once the person is enrolled."""

from __future__ import annotations

from clusterhub.events import services as event_services
from clusterhub.events.mails import build_message
from clusterhub.events.models import EventMail
from clusterhub.matchmaking.tests.conftest import Brokerage
from tests.support.events import person_data


def confirmation_body(registration_pk: int) -> str:
    mail = EventMail.objects.filter(
        registration_id=registration_pk, kind=EventMail.Kind.CONFIRMATION
    ).get()
    body = build_message(mail).body
    assert isinstance(body, str)
    return body


def test_an_enrolled_participant_s_confirmation_has_their_link(brokerage: Brokerage) -> None:
    anna = brokerage.participants[0]
    body = confirmation_body(anna.registration_id)
    assert f"/matchmaking/{anna.token}/" in body
    assert "Seite für das Matchmaking" in body


def test_a_registration_not_enrolled_gets_no_matchmaking_link(brokerage: Brokerage) -> None:
    late = event_services.register_participant(brokerage.event, person_data(7))
    body = confirmation_body(late.pk)
    assert "/matchmaking/" not in body
    assert "Seite für das Matchmaking" not in body
