"""Public event pages: calendar filters, registration form, mailed links, feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from clusterhub.conftest import Registry
from clusterhub.directory.models import Organisation, Person
from clusterhub.events import services
from clusterhub.events.models import Event, Format, Registration
from clusterhub.events.tests.conftest import make_event, person_data
from tests.factories import ThemeFactory
from tests.support.mail import ReceivedMail

Status = Registration.Status
pytestmark = pytest.mark.django_db

VALID_FORM = {
    "first_name": "Jana",
    "last_name": "Becker",
    "email": "jana.becker@example.org",
    "organisation": "Quartiersküche Neckarstadt eG",
    "country": "de",
    "consent": "on",
}


def test_calendar_filters_by_cluster_and_theme(client: Client, registry: Registry) -> None:
    ki = ThemeFactory.create(slug="ki", label_de="Künstliche Intelligenz")
    medtech_event = make_event(title="MedTech-Frühstück")
    medtech_event.clusters.add(registry.medtech)
    medtech_event.themes.add(ki)
    smart_event = make_event(title="Smart-Industries-Abend")
    smart_event.clusters.add(registry.smart)
    make_event(title="Geschlossene Runde", audience=Event.Audience.INVITATION)
    past_start = timezone.now() - dt.timedelta(days=30)
    make_event(title="Vergangen", starts_at=past_start, ends_at=past_start + dt.timedelta(hours=2))

    everything = client.get(reverse("events:calendar")).content.decode()
    by_cluster = client.get(reverse("events:calendar"), {"cluster": "smart"}).content.decode()
    by_theme = client.get(reverse("events:calendar"), {"theme": "ki"}).content.decode()

    assert "MedTech-Frühstück" in everything and "Smart-Industries-Abend" in everything
    assert "Geschlossene Runde" not in everything and "Vergangen" not in everything
    assert "Smart-Industries-Abend" in by_cluster and "MedTech-Frühstück" not in by_cluster
    assert "MedTech-Frühstück" in by_theme and "Smart-Industries-Abend" not in by_theme


def test_registering_without_an_account_answers_check_your_mail(
    client: Client, event: Event
) -> None:
    response = client.post(reverse("events:detail", args=[event.pk]), VALID_FORM, follow=True)
    registration = Registration.objects.get(event=event)
    assert response.redirect_chain[-1][0] == reverse("events:check_mail")
    page = response.content.decode()
    assert "Bitte prüfen Sie Ihr Postfach" in page
    assert registration.token not in page
    assert registration.status == Status.CONFIRMED
    assert registration.country == "DE"
    assert registration.email == "jana.becker@example.org"


def test_a_public_registration_writes_nothing_into_the_registry(
    client: Client, event: Event
) -> None:
    hostile = {
        **VALID_FORM,
        "first_name": "<script>alert(1)</script>",
        "last_name": "=HYPERLINK(1)",
        "organisation": "Straßenbau Öztürk & Söhne GmbH",
    }
    people, organisations = Person.objects.count(), Organisation.objects.count()

    client.post(reverse("events:detail", args=[event.pk]), hostile)

    registration = Registration.objects.get(event=event)
    assert (registration.person, registration.organisation) == (None, None)
    assert (registration.first_name, registration.last_name) == (
        "<script>alert(1)</script>",
        "=HYPERLINK(1)",
    )
    assert registration.organisation_name == "Straßenbau Öztürk & Söhne GmbH"
    assert (Person.objects.count(), Organisation.objects.count()) == (people, organisations)


@pytest.mark.usefixtures("immediate_tasks")
def test_a_known_address_in_other_case_gets_its_link_by_mail_never_on_the_page(
    client: Client,
    event: Event,
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    url = reverse("events:detail", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, VALID_FORM, follow=True)
    registration = Registration.objects.get(event=event)
    before = Registration.objects.filter(pk=registration.pk).values().get()
    smtp_server.clear()

    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(
            url,
            {**VALID_FORM, "first_name": "Mallory", "email": "JANA.Becker@EXAMPLE.org"},
            follow=True,
        )

    page = second.content.decode()
    # The same answer as for a new address: nothing tells the address was registered.
    assert second.redirect_chain == first.redirect_chain
    assert "Bitte prüfen Sie Ihr Postfach" in page
    assert registration.token not in page
    for path in ("registration", "cancel", "offer", "feedback"):
        assert reverse(f"events:{path}", args=[registration.token]) not in page
    assert Registration.objects.filter(pk=registration.pk).values().get() == before
    assert Registration.objects.filter(event=event).count() == 1
    [message] = smtp_server.messages
    assert message["To"] == "jana.becker@example.org"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert reverse("events:registration", args=[registration.token]) in body.get_content()


@pytest.mark.usefixtures("immediate_tasks")
def test_resubmitting_a_known_address_does_not_flood_its_mailbox(
    client: Client,
    event: Event,
    smtp_server: ReceivedMail,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    url = reverse("events:detail", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(4):
            client.post(url, VALID_FORM)
    kinds = sorted(str(message["Subject"]).split(":")[0] for message in smtp_server.messages)
    assert kinds == ["Anmeldebestätigung", "Ihre Anmeldung"]


def test_a_wrong_field_keeps_what_was_typed_and_says_why_in_german(
    client: Client, event: Event
) -> None:
    response = client.post(
        reverse("events:detail", args=[event.pk]),
        {**VALID_FORM, "email": "jana-at-example", "consent": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in page
    assert "Ohne Ihre Einwilligung können wir die Anmeldung nicht annehmen." in page
    assert 'value="Becker"' in page and 'value="jana-at-example"' in page
    assert 'value="Quartiersküche Neckarstadt eG"' in page
    assert not Registration.objects.exists()


def test_a_double_submitted_form_registers_once(client: Client, event: Event) -> None:
    url = reverse("events:detail", args=[event.pk])
    first = client.post(url, VALID_FORM)
    second = client.post(url, VALID_FORM)
    # Both land on "check your mail"; neither on the registration's own (secret) link.
    assert first["Location"] == second["Location"] == reverse("events:check_mail")
    assert Registration.objects.filter(event=event).count() == 1


def test_a_cancelled_event_says_so_instead_of_a_form(client: Client, db: None) -> None:
    event = make_event(status=Event.Status.CANCELLED)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "abgesagt" in page
    assert 'name="email"' not in page
    response = client.post(reverse("events:detail", args=[event.pk]), VALID_FORM)
    assert "abgesagt" in response.content.decode()
    assert not Registration.objects.exists()


def test_invitation_only_events_are_not_public(client: Client, db: None) -> None:
    event = make_event(audience=Event.Audience.INVITATION)
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 404


def test_cancel_page_asks_then_cancels_and_an_old_link_says_it_is_used(
    client: Client, event: Event
) -> None:
    registration = services.register_participant(event, person_data(1))
    url = reverse("events:cancel", args=[registration.token])
    assert "Ja, Anmeldung stornieren" in client.get(url).content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED  # a GET (a mail scanner) changes nothing

    assert "Sie sind abgemeldet" in client.post(url).content.decode()
    again = client.get(url)
    assert again.status_code == 410
    assert "bereits storniert" in again.content.decode()
    assert client.get(reverse("events:cancel", args=["falsch"])).status_code == 404


def test_offer_page_accepts_or_declines(client: Client, db: None) -> None:
    event = make_event(capacity=1)
    confirmed = services.register_participant(event, person_data(1))
    first = services.register_participant(event, person_data(2))
    second = services.register_participant(event, person_data(3))
    services.cancel_registration(confirmed.token)

    url = reverse("events:offer", args=[first.token])
    assert "Platz annehmen" in client.get(url).content.decode()
    client.post(url, {"answer": "decline"})
    second.refresh_from_db()
    assert second.status == Status.OFFERED

    response = client.post(reverse("events:offer", args=[second.token]), {"answer": "accept"})
    assert "Ihr Platz ist bestätigt" in response.content.decode()
    expired = client.get(url)
    assert expired.status_code == 410
    assert "Diese Anmeldung ist bereits storniert." in expired.content.decode()


def test_cluster_and_format_feeds_are_valid_icalendar(client: Client, registry: Registry) -> None:
    series = Format.objects.create(name="Netzwerkforum", slug="netzwerkforum")
    event = make_event(title="Netzwerkforum Frühjahr", format=series)
    event.clusters.add(registry.medtech)
    make_event(title="Nur für Eingeladene", audience=Event.Audience.INVITATION).clusters.add(
        registry.medtech
    )

    for url in (
        "/veranstaltungen/feed/cluster/medtech.ics",
        "/veranstaltungen/feed/format/netzwerkforum.ics",
    ):
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        calendar = Calendar.from_ical(response.content)
        assert [str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")] == [
            "Netzwerkforum Frühjahr"
        ]
        assert calendar.walk("VTIMEZONE")


def test_the_empty_registration_form_rendered_once_keeps_each_languages_labels_and_choice(
    client: Client,
) -> None:
    """The event page's empty form is rendered once per language (the rush loads it 200
    times); each language still gets its own labels and country names, Germany chosen."""
    event = make_event(capacity=5)
    url = reverse("events:detail", args=[event.pk])

    german = [client.get(url).content.decode() for _ in range(2)]
    english = client.get(f"/en{url}").content.decode()

    assert _form(german[0]) == _form(german[1])
    assert '<label class="kern-label" for="id_first_name">Vorname</label>' in german[0]
    assert '<option value="DE" selected>Deutschland</option>' in german[0]
    assert '<label class="kern-label" for="id_first_name">First name</label>' in english
    assert '<option value="DE" selected>Germany</option>' in english


def test_a_refused_registration_form_shows_the_typed_values_and_the_error(client: Client) -> None:
    event = make_event(capacity=5)
    response = client.post(
        reverse("events:detail", args=[event.pk]), VALID_FORM | {"email": "no-address"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Jana"' in page and "Bitte geben Sie eine gültige E-Mail-Adresse ein." in page


def _form(page: str) -> str:
    """The registration form's fields, after its CSRF token (which differs on each load)."""
    start = page.index('<form method="post"')
    form = page[start : page.index("</form>", start)]
    return form[form.index("csrfmiddlewaretoken") :].split(">", 1)[1]


def test_an_anonymous_registration_writes_no_session(client: Client) -> None:
    """Each registrant of a rush loads the page and posts the form: neither may cost a session
    row (the CSRF token travels in its cookie)."""

    event = make_event(capacity=5)
    url = reverse("events:detail", args=[event.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, VALID_FORM).status_code == 302
    assert not Session.objects.exists()
    assert "sessionid" not in client.cookies
