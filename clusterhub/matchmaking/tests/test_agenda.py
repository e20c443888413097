"""The agenda beyond the page: as PDF, mailed to every participant once, and the organiser's
view of one participant."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from clusterhub.matchmaking import planning, services
from clusterhub.matchmaking.models import Meeting, MeetingRequest, Participant
from clusterhub.matchmaking.tests.conftest import Brokerage
from tests.support.mail import ReceivedMail

Login = Callable[[str], Client]
Capture = Callable[..., Any]
NINE, TEN = "2027-05-12T0900", "2027-05-12T1000"


def meeting(brokerage: Brokerage, sender: int, recipient: int, slot: str, table: int) -> Meeting:
    people = brokerage.participants
    request = services.send_request(people[sender], people[recipient], "")
    return Meeting.objects.create(
        event=brokerage.event,
        request=services.answer_request(request, accept=True),
        slot_id=slot,
        table=brokerage.tables[table],
    )


def pdf_url(participant: Participant) -> str:
    return reverse("matchmaking:agenda_pdf", args=[participant.token])


def send_agendas(brokerage: Brokerage, login: Login, capture: Capture) -> None:
    with capture(execute=True):
        response = login("medtech_manager").post(
            reverse("matchmaking:send_agendas", args=[brokerage.event.pk])
        )
    assert response.status_code == 302


def test_the_published_agenda_downloads_as_a_pdf(brokerage: Brokerage) -> None:
    anna = brokerage.participants[0]
    meeting(brokerage, 0, 1, NINE, 0)
    assert Client().get(pdf_url(anna)).status_code == 404  # scheduled, not yet published
    planning.publish_schedule(brokerage.event)
    response = Client().get(pdf_url(anna))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 1000


def test_the_pdf_needs_a_valid_token(brokerage: Brokerage) -> None:
    assert Client().get(reverse("matchmaking:agenda_pdf", args=["falsch"])).status_code == 404


def test_each_participant_gets_one_agenda_mail_with_ics_and_pdf(
    brokerage: Brokerage,
    login: Login,
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    anna, bert, carla = brokerage.participants
    meeting(brokerage, 0, 1, NINE, 1)
    planning.publish_schedule(brokerage.event)

    send_agendas(brokerage, login, django_capture_on_commit_callbacks)

    recipients = sorted(to for message in smtp_server.messages for to in message["To"].split(","))
    assert recipients == sorted([anna.registration.email, bert.registration.email])
    for message in smtp_server.messages:
        participant = anna if message["To"] == anna.registration.email else bert
        partner = bert if participant == anna else anna
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        assert partner.display_name in text and "Tisch T02" in text
        assert f"/matchmaking/{participant.token}/" in text
        attachments = {part.get_filename(): part for part in message.iter_attachments()}
        assert set(attachments) == {"meine-treffen.ics", "meine-treffen.pdf"}
        pdf = attachments["meine-treffen.pdf"]
        assert pdf.get_content_type() == "application/pdf"
        assert pdf.get_content().startswith(b"%PDF")
        calendar = Calendar.from_ical(attachments["meine-treffen.ics"].get_content())
        assert len(calendar.walk("VEVENT")) == 1
    for participant in (anna, bert):
        participant.refresh_from_db()
        assert participant.agenda_sent_at is not None
    carla.refresh_from_db()
    assert carla.agenda_sent_at is None  # nothing published for her, nothing sent


def test_a_second_click_mails_only_those_whose_agenda_changed(
    brokerage: Brokerage,
    login: Login,
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    anna, _, carla = brokerage.participants
    meeting(brokerage, 0, 1, NINE, 0)
    planning.publish_schedule(brokerage.event)
    send_agendas(brokerage, login, django_capture_on_commit_callbacks)
    assert len(smtp_server.messages) == 2
    smtp_server.clear()

    send_agendas(brokerage, login, django_capture_on_commit_callbacks)
    assert smtp_server.messages == []

    meeting(brokerage, 2, 0, TEN, 0)  # Carla meets Anna: both agendas change, Bert's does not
    planning.publish_schedule(brokerage.event)
    send_agendas(brokerage, login, django_capture_on_commit_callbacks)
    recipients = sorted(message["To"] for message in smtp_server.messages)
    assert recipients == sorted([anna.registration.email, carla.registration.email])


def test_another_cluster_s_manager_cannot_send_agendas(
    brokerage: Brokerage, login: Login, smtp_server: ReceivedMail
) -> None:
    meeting(brokerage, 0, 1, NINE, 0)
    planning.publish_schedule(brokerage.event)
    url = reverse("matchmaking:send_agendas", args=[brokerage.event.pk])
    assert login("smart_manager").post(url).status_code == 403
    assert smtp_server.messages == []


def participant_page_url(brokerage: Brokerage, participant: Participant) -> str:
    return reverse("matchmaking:participant", args=[brokerage.event.pk, participant.pk])


def test_the_organiser_sees_one_participant_s_requests_and_meetings(
    brokerage: Brokerage, login: Login
) -> None:
    anna, bert, carla = brokerage.participants
    scheduled = meeting(brokerage, 0, 1, NINE, 0)
    declined = services.send_request(carla, anna, "")
    services.answer_request(declined, accept=False)
    response = login("medtech_manager").get(participant_page_url(brokerage, anna))
    assert response.status_code == 200
    page = response.content.decode()
    assert anna.display_name in page
    assert bert.display_name in page and carla.display_name in page
    assert str(MeetingRequest.Status.DECLINED.label) in page
    assert str(MeetingRequest.Status.ACCEPTED.label) in page
    assert reverse("matchmaking:meeting", args=[brokerage.event.pk, scheduled.pk]) in page


@pytest.mark.parametrize(("role", "expected"), [("medtech_manager", 200), ("smart_manager", 403)])
def test_the_participant_page_is_for_the_event_s_managers(
    brokerage: Brokerage, login: Login, role: str, expected: int
) -> None:
    url = participant_page_url(brokerage, brokerage.participants[0])
    assert login(role).get(url).status_code == expected


def test_a_participant_of_another_event_is_not_found(brokerage: Brokerage, login: Login) -> None:
    url = reverse("matchmaking:participant", args=[brokerage.event.pk, 10_000])
    assert login("medtech_manager").get(url).status_code == 404


def test_enrolled_participants_get_their_magic_link_once(
    brokerage: Brokerage,
    login: Login,
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    event = brokerage.event
    Participant.objects.filter(event=event).delete()
    with django_capture_on_commit_callbacks(execute=True):
        login("medtech_manager").post(reverse("matchmaking:enroll", args=[event.pk]))
    enrolled = list(Participant.objects.filter(event=event))
    assert enrolled
    assert len(smtp_server.messages) == len(enrolled)
    for participant in enrolled:
        mail = next(m for m in smtp_server.messages if m["To"] == participant.registration.email)
        body = mail.get_body(preferencelist=("plain",))
        assert body is not None
        assert reverse("matchmaking:home", args=[participant.token]) in body.get_content()
        participant.refresh_from_db()
        assert participant.welcome_sent_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        login("medtech_manager").post(reverse("matchmaking:enroll", args=[event.pk]))
    assert len(smtp_server.messages) == len(enrolled)


@pytest.mark.django_db(transaction=True)
def test_the_agenda_pdf_is_rendered_and_mailed_outside_any_transaction(
    brokerage: Brokerage, login: Login, smtp_server: ReceivedMail, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import connection

    from clusterhub.matchmaking import agenda_mail

    rendered_in_transaction: list[bool] = []
    render = agenda_mail.agenda_pdf

    def watched_pdf(*args: Any) -> bytes:
        rendered_in_transaction.append(connection.in_atomic_block)
        return render(*args)

    monkeypatch.setattr(agenda_mail, "agenda_pdf", watched_pdf)
    meeting(brokerage, 0, 1, NINE, 0)
    planning.publish_schedule(brokerage.event)

    response = login("medtech_manager").post(
        reverse("matchmaking:send_agendas", args=[brokerage.event.pk])
    )

    assert response.status_code == 302
    assert rendered_in_transaction == [False, False]  # two agendas, no lock held for either
    assert len(smtp_server.messages) == 2
