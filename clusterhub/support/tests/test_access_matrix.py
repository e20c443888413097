"""Every role against every page of the consultations, with the method it is used with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from clusterhub.support import services, streams
from clusterhub.support.models import (
    Application,
    Booking,
    Building,
    CoExhibitor,
    Cohort,
    CohortEntry,
    ConsultationOffer,
    MaterialStream,
    MentoringCase,
    Room,
    RoomBooking,
)
from tests.support.registry import Registry

from .cohort_fixtures import make_application, make_cohort
from .conftest import make_offer
from .fair_fixtures import make_stand

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


@dataclass
class Site:
    offer: ConsultationOffer
    booking: Booking
    stream: MaterialStream
    building: Building
    room_booking: RoomBooking


@pytest.fixture
def site(registry: Registry) -> Site:
    offer = make_offer(cluster=registry.smart, adviser=registry.users["smart_manager"])
    booking = services.book_consultation(
        offer,
        services.free_slots(offer)[0].key,
        services.BookingRequest("Aylin Demir", "aylin@example.org", "Gründung"),
    )
    stream = streams.record_stream(
        registry.users["smart_manager"],
        registry.smart_member,
        streams.StreamData("offer", "Stahlschrott", "170405", Decimal(10), "Mannheim"),
    )
    building = Building.objects.create(name="MAFINEX", slug="mafinex", cluster=registry.smart)
    room = Room.objects.create(
        building=building, name="Demonstrator", kind="demonstrator", size_sqm=Decimal(80)
    )
    start = timezone.now() + dt.timedelta(days=2)
    room_booking = RoomBooking.objects.create(
        room=room,
        organisation=registry.smart_member,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        purpose="Besuch",
    )
    return Site(offer, booking, stream, building, room_booking)


def expect(allowed: dict[str, int], default: int, anonymous: int = 302) -> dict[str, int]:
    return {
        role: allowed.get(role, anonymous if role == "anonymous" else default) for role in ROLES
    }


STAFF_PAGE = expect(
    {"admin": 200, "medtech_manager": 200, "smart_manager": 200, "reader": 200}, 403
)
# A founder's data: the offer's cluster team and administrators; other staff 403.
BOOKING = expect({"admin": 200, "smart_manager": 200}, 403)
PUBLIC = dict.fromkeys(ROLES, 200)

Url = Callable[[Site], str]
CASES: list[tuple[str, str, Url, dict[str, int]]] = [
    ("offers", "GET", lambda s: reverse("support:offers"), PUBLIC),
    ("offer", "GET", lambda s: reverse("support:offer", args=[s.offer.slug]), PUBLIC),
    ("manage by link", "GET", lambda s: reverse("support:manage", args=[s.booking.token]), PUBLIC),
    ("bookings", "GET", lambda s: reverse("support:staff_bookings"), STAFF_PAGE),
    ("booking", "GET", lambda s: reverse("support:booking_detail", args=[s.booking.pk]), BOOKING),
    (
        "booking outcome (empty form)",
        "POST",
        lambda s: reverse("support:booking_detail", args=[s.booking.pk]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    ("streams", "GET", lambda s: reverse("support:streams"), STAFF_PAGE),
    (
        "record a stream (empty form)",
        "POST",
        lambda s: reverse("support:stream_create"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 400), 403),
    ),
    (
        "introduce (empty form)",
        "POST",
        lambda s: reverse("support:stream_introduce"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 302), 403),
    ),
    (
        "withdraw another cluster's stream",
        "POST",
        lambda s: reverse("support:stream_withdraw", args=[s.stream.pk]),
        expect({"admin": 302, "smart_manager": 302}, 403),
    ),
    ("founders' centres", "GET", lambda s: reverse("support:space"), STAFF_PAGE),
    ("building", "GET", lambda s: reverse("support:building", args=["mafinex"]), STAFF_PAGE),
    (
        "contract (empty form)",
        "POST",
        lambda s: reverse("support:tenancy_create", args=["mafinex"]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "room request (empty form)",
        "POST",
        lambda s: reverse("support:room_booking_create", args=["mafinex"]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "waiting list (empty form)",
        "POST",
        lambda s: reverse("support:waiting_list_add", args=["mafinex"]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "decide a room booking",
        "POST",
        lambda s: reverse("support:room_booking_decide", args=[s.room_booking.pk]),
        expect({"admin": 302, "smart_manager": 302}, 403),
    ),
    (
        "staff list by POST",
        "POST",
        lambda s: reverse("support:staff_bookings"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager", "reader"], 405), 403),
    ),
]
# Built from the table above, for the site-wide guard (core/tests/test_access_matrix_every_url).
COVERED_URL_NAMES = {
    resolve(url).view_name
    for url in [
        "/beratung/",
        "/beratung/angebot/x/",
        "/beratung/termin/x/",
        "/intern/beratung/",
        "/intern/beratung/1/",
        "/intern/stoffstroeme/",
        "/intern/stoffstroeme/neu/",
        "/intern/stoffstroeme/vorstellen/",
        "/intern/stoffstroeme/1/zurueckziehen/",
        "/intern/raeume/",
        "/intern/raeume/x/",
        "/intern/raeume/x/vertrag/",
        "/intern/raeume/x/buchung/",
        "/intern/raeume/x/warteliste/",
        "/intern/raumbuchungen/1/entscheiden/",
    ]
}
assert {name.split(":")[1] for name in COVERED_URL_NAMES} == {
    "offers",
    "offer",
    "manage",
    "staff_bookings",
    "booking_detail",
    "streams",
    "stream_create",
    "stream_introduce",
    "stream_withdraw",
    "space",
    "building",
    "tenancy_create",
    "room_booking_create",
    "waiting_list_add",
    "room_booking_decide",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_role_gets_expected_status(
    site: Site,
    registry: Registry,
    role: str,
    name: str,
    method: str,
    url: Url,
    expected: dict[str, int],
) -> None:
    client = Client()
    if role != "anonymous":
        client.force_login(registry.users[role])
    response = client.get(url(site)) if method == "GET" else client.post(url(site), {})
    assert response.status_code == expected[role], name


# Accelerator cohorts: a call of the smart cluster, reviewed by the medtech manager; the
# staff reader is no reviewer and sees counts only.


@dataclass
class CohortSite:
    cohort: Cohort
    application: Application
    entry: CohortEntry


@pytest.fixture
def cohort_site(registry: Registry) -> CohortSite:
    cohort = make_cohort(registry.smart)
    cohort.reviewers.add(registry.users["medtech_manager"])
    application = make_application(cohort)
    entry = CohortEntry.objects.create(
        cohort=cohort, kind="milestone", day=dt.date(2027, 3, 1), title="Pitch"
    )
    return CohortSite(cohort, application, entry)


COHORT_MANAGERS = ["admin", "smart_manager"]
APPLICANT = expect({"admin": 200, "smart_manager": 200, "medtech_manager": 200}, 403)
CohortUrl = Callable[[CohortSite], str]
COHORT_CASES: list[tuple[str, str, CohortUrl, dict[str, int]]] = [
    ("call", "GET", lambda s: reverse("support:cohort_apply", args=[s.cohort.slug]), PUBLIC),
    (
        "apply (empty form)",
        "POST",
        lambda s: reverse("support:cohort_apply", args=[s.cohort.slug]),
        dict.fromkeys(ROLES, 400),
    ),
    ("cohorts", "GET", lambda s: reverse("support:cohorts"), STAFF_PAGE),
    ("cohort", "GET", lambda s: reverse("support:cohort", args=[s.cohort.slug]), STAFF_PAGE),
    (
        "assign reviewers (none)",
        "POST",
        lambda s: reverse("support:cohort_reviewers", args=[s.cohort.slug]),
        expect(dict.fromkeys(COHORT_MANAGERS, 302), 403),
    ),
    (
        "milestone (empty form)",
        "POST",
        lambda s: reverse("support:cohort_entry_add", args=[s.cohort.slug]),
        expect(dict.fromkeys(COHORT_MANAGERS, 400), 403),
    ),
    (
        "milestone done",
        "POST",
        lambda s: reverse("support:cohort_entry_done", args=[s.entry.pk]),
        expect(dict.fromkeys(COHORT_MANAGERS, 302), 403),
    ),
    (
        "application",
        "GET",
        lambda s: reverse("support:cohort_application", args=[s.application.pk]),
        APPLICANT,
    ),
    (
        "score (empty sheet)",
        "POST",
        lambda s: reverse("support:cohort_application", args=[s.application.pk]),
        expect({"medtech_manager": 400}, 403),
    ),
    (
        "decide (empty form)",
        "POST",
        lambda s: reverse("support:cohort_application_decide", args=[s.application.pk]),
        expect(dict.fromkeys(COHORT_MANAGERS, 400), 403),
    ),
    (
        "open a call (empty form)",
        "POST",
        lambda s: reverse("support:cohorts"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 400), 403),
    ),
]
COHORT_URL_NAMES = {
    resolve(url).view_name
    for url in [
        "/accelerator/x/",
        "/intern/accelerator/",
        "/intern/accelerator/x/",
        "/intern/accelerator/x/gutachtende/",
        "/intern/accelerator/x/termine/",
        "/intern/accelerator/termin/1/erledigt/",
        "/intern/accelerator/bewerbung/1/",
        "/intern/accelerator/bewerbung/1/entscheiden/",
    ]
}
assert {name.split(":")[1] for name in COHORT_URL_NAMES} == {
    "cohort_apply",
    "cohorts",
    "cohort",
    "cohort_reviewers",
    "cohort_entry_add",
    "cohort_entry_done",
    "cohort_application",
    "cohort_application_decide",
}
COVERED_URL_NAMES |= COHORT_URL_NAMES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "expected"), COHORT_CASES, ids=[c[0] for c in COHORT_CASES]
)
def test_role_gets_expected_status_on_cohort_pages(
    cohort_site: CohortSite,
    registry: Registry,
    role: str,
    name: str,
    method: str,
    url: CohortUrl,
    expected: dict[str, int],
) -> None:
    client = Client()
    if role != "anonymous":
        client.force_login(registry.users[role])
    response = client.get(url(cohort_site)) if method == "GET" else client.post(url(cohort_site))
    assert response.status_code == expected[role], name


def test_a_staff_reader_sees_the_counts_but_no_applicant(
    cohort_site: CohortSite, registry: Registry
) -> None:
    client = Client()
    client.force_login(registry.users["reader"])
    page = client.get(reverse("support:cohort", args=[cohort_site.cohort.slug])).content.decode()
    assert "Bewerbungen" in page
    assert cohort_site.application.organisation_name not in page
    assert "lea@example.org" not in page


# Joint trade-fair stands (#15 item 6): the back office reads them; the stand's cluster team
# and administrators write.
FAIR_WRITE = expect({"admin": 400, "smart_manager": 400}, 403)
FairUrl = Callable[[CoExhibitor], str]
FAIR_CASES: list[tuple[str, str, FairUrl, dict[str, int]]] = [
    ("fair stands", "GET", lambda e: reverse("support:fairs"), STAFF_PAGE),
    ("fair stand", "GET", lambda e: reverse("support:fair_stand", args=[e.stand.slug]), STAFF_PAGE),
    (
        "co-exhibitor (empty form)",
        "POST",
        lambda e: reverse("support:fair_apply", args=[e.stand.slug]),
        FAIR_WRITE,
    ),
    (
        "deadline (empty form)",
        "POST",
        lambda e: reverse("support:fair_deadline_add", args=[e.stand.slug]),
        FAIR_WRITE,
    ),
    (
        "lead (empty form)",
        "POST",
        lambda e: reverse("support:fair_lead_add", args=[e.stand.slug]),
        FAIR_WRITE,
    ),
    (
        "withdraw a co-exhibitor",
        "POST",
        lambda e: reverse("support:fair_withdraw", args=[e.pk]),
        expect({"admin": 302, "smart_manager": 302}, 403),
    ),
    (
        "new fair stand (empty form)",
        "POST",
        lambda e: reverse("support:fair_create"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 400), 403),
    ),
    (
        "member's fair page",
        "GET",
        lambda e: reverse("support:fair_member"),
        expect({"member": 200}, 403),
    ),
    (
        "member applies for their own organisation",
        "POST",
        lambda e: reverse("support:fair_member_apply", args=[e.stand.slug]),
        expect({"member": 302}, 403),
    ),
    (
        "fair stands by POST",
        "POST",
        lambda e: reverse("support:fairs"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager", "reader"], 405), 403),
    ),
]
FAIR_URL_NAMES = {
    resolve(url).view_name
    for url in [
        "/intern/messen/",
        "/intern/messen/neu/",
        "/intern/messen/x/",
        "/intern/messen/x/anmeldung/",
        "/intern/messen/x/frist/",
        "/intern/messen/x/kontakt/",
        "/intern/mitaussteller/1/zurueckziehen/",
        "/mitglied/messen/",
        "/mitglied/messen/x/anmelden/",
    ]
}
assert {name.split(":")[1] for name in FAIR_URL_NAMES} == {
    "fairs",
    "fair_create",
    "fair_stand",
    "fair_apply",
    "fair_deadline_add",
    "fair_lead_add",
    "fair_withdraw",
    "fair_member",
    "fair_member_apply",
}
COVERED_URL_NAMES |= FAIR_URL_NAMES


@pytest.fixture
def exhibitor(registry: Registry) -> CoExhibitor:
    stand = make_stand(registry.smart)
    return CoExhibitor.objects.create(
        stand=stand, organisation=registry.smart_member, status=CoExhibitor.Status.ACCEPTED
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "expected"), FAIR_CASES, ids=[c[0] for c in FAIR_CASES]
)
def test_role_gets_expected_status_on_fair_pages(
    exhibitor: CoExhibitor,
    registry: Registry,
    role: str,
    name: str,
    method: str,
    url: FairUrl,
    expected: dict[str, int],
) -> None:
    client = Client()
    if role != "anonymous":
        client.force_login(registry.users[role])
    response = client.get(url(exhibitor)) if method == "GET" else client.post(url(exhibitor), {})
    assert response.status_code == expected[role], name


# Digi-Pate cases (#15 item 4): the back office reads them; the case's cluster team and
# administrators write.
CaseUrl = Callable[[MentoringCase], str]
MENTORING_CASES: list[tuple[str, str, CaseUrl, dict[str, int]]] = [
    ("mentoring cases", "GET", lambda c: reverse("support:mentoring_cases"), STAFF_PAGE),
    ("mentoring case", "GET", lambda c: reverse("support:mentoring_case", args=[c.pk]), STAFF_PAGE),
    (
        "new case (empty form)",
        "POST",
        lambda c: reverse("support:mentoring_case_create"),
        expect(dict.fromkeys(["admin", "medtech_manager", "smart_manager"], 400), 403),
    ),
    (
        "session (empty form)",
        "POST",
        lambda c: reverse("support:mentoring_session_add", args=[c.pk]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
    (
        "introduce (empty form)",
        "POST",
        lambda c: reverse("support:mentoring_introduce", args=[c.pk]),
        expect({"admin": 400, "smart_manager": 400}, 403),
    ),
]
MENTORING_URL_NAMES = {
    resolve(url).view_name
    for url in [
        "/intern/digi-pate/",
        "/intern/digi-pate/neu/",
        "/intern/digi-pate/1/",
        "/intern/digi-pate/1/sitzung/",
        "/intern/digi-pate/1/vorstellen/",
    ]
}
assert {name.split(":")[1] for name in MENTORING_URL_NAMES} == {
    "mentoring_cases",
    "mentoring_case_create",
    "mentoring_case",
    "mentoring_session_add",
    "mentoring_introduce",
}
COVERED_URL_NAMES |= MENTORING_URL_NAMES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "expected"), MENTORING_CASES, ids=[c[0] for c in MENTORING_CASES]
)
def test_role_gets_expected_status_on_mentoring_pages(
    registry: Registry,
    role: str,
    name: str,
    method: str,
    url: CaseUrl,
    expected: dict[str, int],
) -> None:
    case = MentoringCase.objects.create(
        organisation=registry.smart_member,
        cluster=registry.smart,
        need="ERP einführen",
        opened_on=timezone.localdate(),
    )
    client = Client()
    if role != "anonymous":
        client.force_login(registry.users[role])
    response = client.get(url(case)) if method == "GET" else client.post(url(case), {})
    assert response.status_code == expected[role], name
