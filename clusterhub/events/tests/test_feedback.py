"""Feedback after the event: the mail from the periodic job, the form, the staff summary."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.conftest import Registry
from clusterhub.events import feedback
from clusterhub.events.models import Event, EventMail, Feedback, Registration
from clusterhub.events.tests.conftest import make_event
from tests.factories import PersonFactory
from tests.support.mail import ReceivedMail

ADDRESS_NUMBERS = itertools.count(1)
Login = Callable[[str], Client]
Capture = Callable[..., Any]
Status = Registration.Status
pytestmark = pytest.mark.django_db


def past_event(hours_ago: float = 3, **fields: Any) -> Event:
    start = timezone.now() - dt.timedelta(hours=hours_ago + 2)
    return make_event(starts_at=start, ends_at=start + dt.timedelta(hours=2), **fields)


def registered(event: Event, status: str) -> Registration:
    # A plain ASCII address: Faker's umlaut names would give addresses SMTP may re-encode.
    person = PersonFactory.create(email=f"gast{next(ADDRESS_NUMBERS)}@example.org")
    return Registration.objects.create(event=event, person=person, status=status)


def test_the_job_asks_those_who_took_part_once_and_the_mail_carries_the_link(
    smtp_server: ReceivedMail, immediate_tasks: None, django_capture_on_commit_callbacks: Capture
) -> None:
    event = past_event()
    came = registered(event, Status.ATTENDED)
    registered(event, Status.NO_SHOW)
    registered(event, Status.CANCELLED)
    registered(past_event(hours_ago=24 * 30), Status.ATTENDED)  # too long ago
    registered(make_event(), Status.CONFIRMED)  # not yet held

    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_event_jobs", stdout=output)
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback.queue_feedback_requests() == 0

    assert "feedback requests queued: 1" in output.getvalue()
    [message] = smtp_server.messages
    assert message["To"] == came.recipient
    assert message["Subject"] == f"Ihre Meinung zu: {event.title}"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert reverse("events:feedback", args=[came.token]) in body.get_content()
    assert EventMail.objects.get(kind=EventMail.Kind.FEEDBACK).sent_at is not None


def test_the_form_records_a_rating_and_keeps_the_text_on_an_error(client: Client) -> None:
    registration = registered(past_event(), Status.ATTENDED)
    url = reverse("events:feedback", args=[registration.token])

    missing_rating = client.post(url, {"comment": "Tolle Vorträge, zu kurze Pausen."})
    assert "Bitte wählen Sie eine Bewertung von 1 bis 5." in missing_rating.content.decode()
    assert "Tolle Vorträge, zu kurze Pausen." in missing_rating.content.decode()
    assert client.post(url, {"rating": "9"}).status_code == 200
    assert not Feedback.objects.exists()

    client.post(url, {"rating": "4", "comment": "Tolle Vorträge."})
    client.post(url, {"rating": "5", "comment": "Nachträglich: sehr gut."})

    stored = Feedback.objects.get()
    assert (stored.rating, stored.comment) == (5, "Nachträglich: sehr gut.")


def test_feedback_links_before_the_event_or_for_no_shows_say_why_not(client: Client) -> None:
    upcoming = registered(make_event(), Status.CONFIRMED)
    no_show = registered(past_event(), Status.NO_SHOW)

    before = client.get(reverse("events:feedback", args=[upcoming.token]))
    absent = client.get(reverse("events:feedback", args=[no_show.token]))
    unknown = client.get(reverse("events:feedback", args=["falsch"]))

    assert before.status_code == 410 and "erst nach Beginn" in before.content.decode()
    assert absent.status_code == 410 and "keine Rückmeldung" in absent.content.decode()
    assert unknown.status_code == 404


def test_the_statistics_page_shows_the_average_and_the_comments(
    login: Login, registry: Registry
) -> None:
    event = past_event()
    for rating, comment in ((5, "Sehr inspirierend."), (3, ""), (4, "Gerne wieder.")):
        Feedback.objects.create(
            registration=registered(event, Status.ATTENDED), rating=rating, comment=comment
        )

    summary = feedback.feedback_summary(event)
    page = login("reader").get(reverse("events:statistics", args=[event.pk])).content.decode()

    assert summary.count == 3 and summary.average == pytest.approx(4.0)
    assert {rating: count for rating, count, _percent in summary.distribution} == {
        5: 1,
        4: 1,
        3: 1,
        2: 0,
        1: 0,
    }
    assert "3 Rückmeldungen, Durchschnitt 4,0 von 5." in page


@pytest.mark.parametrize(
    ("role", "sees_comments"),
    [("admin", True), ("medtech_manager", True), ("smart_manager", False), ("reader", False)],
)
def test_feedback_comments_are_read_by_the_events_managers_only_others_see_the_scores(
    client: Client, registry: Registry, role: str, sees_comments: bool
) -> None:
    """Free text may name people; staff readers and managers of other clusters get the count,
    the average and the distribution, never the comments."""
    event = past_event()
    event.clusters.add(registry.medtech)
    for rating, comment in ((5, "Sehr inspirierend."), (4, "Frau Kaya war großartig.")):
        Feedback.objects.create(
            registration=registered(event, Status.ATTENDED), rating=rating, comment=comment
        )
    client.force_login(registry.users[role])

    page = client.get(reverse("events:statistics", args=[event.pk])).content.decode()

    assert "2 Rückmeldungen, Durchschnitt 4,5 von 5." in page
    assert ("Frau Kaya war großartig." in page) is sees_comments
    assert ("Sehr inspirierend." in page) is sees_comments
    assert ("Kommentare" in page) is sees_comments
