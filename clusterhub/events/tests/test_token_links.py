"""A mailed link of an event stops working when what it names is gone: after the registration
is cancelled, and after the person is erased (the erasure gives every token anew), the old
link answers with a clear page (404 unknown, 410 no longer valid) and shows nothing of it."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.directory.models import Person
from clusterhub.events import services
from clusterhub.events.models import Event, Invitation, Registration
from clusterhub.privacy.services import erase_person
from tests.support.events import make_event, person_data

pytestmark = pytest.mark.django_db

NAME = ("Petra", "Probefrau")
EMAIL = "petra.probefrau@example.org"


@dataclass
class Links:
    """Petra's live links: an offered place at a coming event, an invitation to it, and the
    feedback link of an event that has just ended."""

    person: Person
    coming: Registration
    past: Registration
    invitation: Invitation

    def token_of(self, link: str) -> str:
        if link == "invitation":
            return self.invitation.token
        return (self.past if link == "feedback" else self.coming).token


def petra(index: int) -> services.RegistrationData:
    return person_data(index, first_name=NAME[0], last_name=NAME[1], email=EMAIL)


@pytest.fixture
def links() -> Links:
    person = Person.objects.create(first_name=NAME[0], last_name=NAME[1], email=EMAIL)
    coming = make_event(capacity=1, title="Zukunftsabend")
    other = services.register_participant(coming, person_data(1))
    services.register_participant(coming, petra(2))
    services.cancel_registration(other.token)  # Petra moves up: her place is offered
    offered = Registration.objects.get(event=coming, person=person)
    assert offered.status == Registration.Status.OFFERED

    end = timezone.now() - dt.timedelta(hours=1)
    past = Event.objects.create(
        title="Rückblickabend", starts_at=end - dt.timedelta(hours=3), ends_at=end, capacity=5
    )
    attended = services.register_participant(
        past, petra(3), now=past.starts_at - dt.timedelta(days=1)
    )
    Registration.objects.filter(pk=attended.pk).update(status=Registration.Status.ATTENDED)
    invitation = Invitation.objects.create(event=coming, person=person)
    return Links(person, offered, Registration.objects.get(pk=attended.pk), invitation)


# Each link with the method it is used with; a POST must not act on an old link either.
REGISTRATION_LINKS = [
    ("registration", "get"),
    ("cancel", "get"),
    ("cancel", "post"),
    ("offer", "get"),
    ("offer", "post"),
    ("feedback", "get"),
    ("feedback", "post"),
]
ALL_LINKS = [*REGISTRATION_LINKS, ("invitation", "get"), ("invitation", "post")]


def visit(client: Client, links: Links, link: str, method: str) -> tuple[int, str]:
    url = reverse(f"events:{link}", args=[links.token_of(link)])
    data = {"rating": "5", "comment": "Sehr gut"} if link == "feedback" else {}
    response = getattr(client, method)(url, data)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize(("link", "method"), sorted({(link, "get") for link, _m in ALL_LINKS}))
def test_the_live_link_opens_its_page(client: Client, links: Links, link: str, method: str) -> None:
    # The counterpart of the tests below: the same links work before, so a 404 after is news.
    status, _page = visit(client, links, link, method)
    assert status == 200


def assert_closed(status: int, page: str) -> None:
    assert status in (404, 410)
    assert NAME[1] not in page
    assert EMAIL not in page


CANCELLED = "Diese Anmeldung ist bereits storniert."


@pytest.mark.parametrize(("link", "method"), REGISTRATION_LINKS)
def test_a_link_of_a_cancelled_registration_is_gone(
    client: Client, links: Links, link: str, method: str
) -> None:
    """Every link of a cancelled registration — its own page too — answers 410 Gone with the
    same plain page: what happened, nothing of the person or the event, nothing to do."""
    services.cancel_registration(links.coming.token)
    # The past event's registration was cancelled before that event began.
    Registration.objects.filter(pk=links.past.pk).update(status=Registration.Status.CANCELLED)
    status, page = visit(client, links, link, method)
    assert_closed(status, page)
    assert status == 410
    assert CANCELLED in page
    assert "Zukunftsabend" not in page and "Rückblickabend" not in page
    assert "Anmeldung stornieren" not in page


def test_an_invitation_after_its_registration_closed_is_gone(client: Client, links: Links) -> None:
    Event.objects.filter(pk=links.invitation.event_id).update(
        registration_closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    for method in ("get", "post"):
        status, page = visit(client, links, "invitation", method)
        assert status == 410
        assert "Die Anmeldefrist für diese Veranstaltung ist abgelaufen." in page
        assert NAME[0] not in page and EMAIL not in page


def test_an_invitation_to_a_cancelled_event_is_gone(client: Client, links: Links) -> None:
    Event.objects.filter(pk=links.invitation.event_id).update(status=Event.Status.CANCELLED)
    status, page = visit(client, links, "invitation", "get")
    assert status == 410
    assert EMAIL not in page


def test_links_of_a_registration_whose_event_began_are_gone_but_its_page_stays(
    client: Client, links: Links
) -> None:
    """Expiry: once the event has begun nobody cancels or takes an offered place any more."""
    begun = timezone.now() - dt.timedelta(minutes=5)
    Event.objects.filter(pk=links.coming.event_id).update(
        starts_at=begun, ends_at=begun + dt.timedelta(hours=2)
    )
    for link, method in itertools.product(("cancel", "offer"), ("get", "post")):
        status, page = visit(client, links, link, method)
        assert status == 410, (link, method)
        assert EMAIL not in page
    assert visit(client, links, "registration", "get")[0] == 200


@pytest.mark.parametrize(("link", "method"), ALL_LINKS)
def test_a_link_of_an_erased_person_is_closed(
    client: Client, links: Links, link: str, method: str
) -> None:
    erase_person(None, links.person)
    assert_closed(*visit(client, links, link, method))
    assert Registration.objects.filter(pk=links.coming.pk).exists()  # anonymised, not deleted
