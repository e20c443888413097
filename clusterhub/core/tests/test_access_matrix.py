"""Every role against every page: the expected status code, one test per pair."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.directory.models import Person
from clusterhub.events import services as event_services
from clusterhub.events.models import Event
from tests.support.events import make_event, person_data

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]
STAFF = {"admin": 200, "medtech_manager": 200, "smart_manager": 200, "reader": 200, "member": 403}
PUBLIC = dict.fromkeys(ROLES, 200)


def staff_only(**overrides: int) -> dict[str, int]:
    return {"anonymous": 302, **STAFF, **overrides}


def only(allowed: set[str]) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else 200 if role in allowed else 403 for role in ROLES}


Url = Callable[[Registry], str]
PAGES: list[tuple[str, Url, dict[str, int]]] = [
    ("home", lambda r: reverse("core:home"), PUBLIC),
    ("cluster", lambda r: reverse("clusters:detail", args=[r.medtech.slug]), PUBLIC),
    ("directory", lambda r: reverse("directory:public_list"), PUBLIC),
    (
        "directory entry",
        lambda r: reverse("directory:public_detail", args=[r.medtech_member.pk]),
        PUBLIC,
    ),
    (
        "unlisted directory entry",
        lambda r: reverse("directory:public_detail", args=[r.prospect.pk]),
        dict.fromkeys(ROLES, 404),
    ),
    ("dashboard", lambda r: reverse("core:dashboard"), staff_only()),
    ("organisation list", lambda r: reverse("directory:organisation_list"), staff_only()),
    (
        "organisation",
        lambda r: reverse("directory:organisation_detail", args=[r.smart_member.pk]),
        staff_only(),
    ),
    (
        "edit other cluster's member",
        lambda r: reverse("directory:organisation_edit", args=[r.smart_member.pk]),
        only({"admin", "smart_manager"}),
    ),
    (
        "edit prospect",
        lambda r: reverse("directory:organisation_edit", args=[r.prospect.pk]),
        only({"admin", "smart_manager", "medtech_manager"}),
    ),
    (
        "create organisation",
        lambda r: reverse("directory:organisation_create"),
        only({"admin", "smart_manager", "medtech_manager"}),
    ),
    (
        "add contact",
        lambda r: reverse("directory:contact_create", args=[r.smart_member.pk]),
        only({"admin", "smart_manager"}),
    ),
    ("people", lambda r: reverse("directory:person_list"), staff_only()),
    (
        "person",  # a Smart member's contact: not the MedTech manager's to read
        lambda r: reverse("directory:person_detail", args=[r.person.pk]),
        staff_only(medtech_manager=403),
    ),
    (
        "edit person",
        lambda r: reverse("directory:person_edit", args=[r.person.pk]),
        only({"admin", "smart_manager"}),
    ),
    (
        "export person",
        lambda r: reverse("privacy:person_export", args=[r.person.pk]),
        only({"admin", "smart_manager"}),
    ),
    ("my profile", lambda r: reverse("directory:my_profile"), only({"member"})),
    ("my follow-ups", lambda r: reverse("crm:my_follow_ups"), staff_only()),
    ("audit log", lambda r: reverse("audit:log"), only({"admin"})),
    (
        "smart note",
        lambda r: reverse("crm:interaction_detail", args=[r.smart_note.pk]),
        {**only({"admin", "smart_manager"}), "member": 403},
    ),
    (
        "medtech note",
        lambda r: reverse("crm:interaction_detail", args=[r.medtech_note.pk]),
        only({"admin", "medtech_manager"}),
    ),
]
CASES = [
    pytest.param(url, role, expected[role], id=f"{name}-{role}")
    for name, url, expected in PAGES
    for role in ROLES
]


@pytest.mark.parametrize(("url", "role", "expected"), CASES)
def test_role_sees_page_with_expected_status(
    registry: Registry, login: Callable[..., object], url: Url, role: str, expected: int
) -> None:
    client = login(role)
    response = client.get(url(registry))  # type: ignore[attr-defined]
    assert response.status_code == expected
    if expected == 302:
        assert reverse("accounts:login") in response["Location"]


@dataclass
class ClusterEvents:
    """One event per cluster, each with a registrant who belongs to no organisation."""

    medtech_event: Event
    smart_event: Event
    medtech_registrant: Person
    smart_registrant: Person


@pytest.fixture
def cluster_events(registry: Registry) -> ClusterEvents:
    events, registrants = [], []
    for index, cluster in enumerate((registry.medtech, registry.smart), start=1):
        event = make_event(capacity=5, title=f"Veranstaltung {cluster.slug}")
        event.clusters.add(cluster)
        # A person of the registry registers; the exact match links the registration to them.
        data = person_data(index)
        registrant = Person.objects.create(
            first_name=data.first_name, last_name=data.last_name, email=data.email
        )
        event_services.register_participant(event, data)
        events.append(event)
        registrants.append(registrant)
    return ClusterEvents(events[0], events[1], registrants[0], registrants[1])


# Who took part follows the event's clusters; a staff reader sees the counts, never the people.
PEOPLE_OF_SMART = only({"admin", "smart_manager"})
PEOPLE_OF_MEDTECH = only({"admin", "medtech_manager"})
EventUrl = Callable[[ClusterEvents], str]
CLUSTER_PAGES: list[tuple[str, EventUrl, dict[str, int]]] = [
    (
        "smart participants",
        lambda c: reverse("events:participants", args=[c.smart_event.pk]),
        {**PEOPLE_OF_SMART, "reader": 200},
    ),
    (
        "medtech participants",
        lambda c: reverse("events:participants", args=[c.medtech_event.pk]),
        {**PEOPLE_OF_MEDTECH, "reader": 200},
    ),
    *(
        (
            f"smart participants {fmt}",
            (
                lambda c, fmt=fmt: reverse(
                    "events:participants_export", args=[c.smart_event.pk, fmt]
                )
            ),
            PEOPLE_OF_SMART,
        )
        for fmt in ("csv", "xlsx")
    ),
    *(
        (
            f"medtech participants {fmt}",
            (
                lambda c, fmt=fmt: reverse(
                    "events:participants_export", args=[c.medtech_event.pk, fmt]
                )
            ),
            PEOPLE_OF_MEDTECH,
        )
        for fmt in ("csv", "xlsx")
    ),
    (
        "smart event statistics",
        lambda c: reverse("events:statistics", args=[c.smart_event.pk]),
        staff_only(),
    ),
    (
        "smart registrant",
        lambda c: reverse("directory:person_detail", args=[c.smart_registrant.pk]),
        {**PEOPLE_OF_SMART, "reader": 200},
    ),
    (
        "edit smart registrant",
        lambda c: reverse("directory:person_edit", args=[c.smart_registrant.pk]),
        PEOPLE_OF_SMART,
    ),
    (
        "export smart registrant",
        lambda c: reverse("privacy:person_export", args=[c.smart_registrant.pk]),
        PEOPLE_OF_SMART,
    ),
    (
        "export medtech registrant",
        lambda c: reverse("privacy:person_export", args=[c.medtech_registrant.pk]),
        PEOPLE_OF_MEDTECH,
    ),
]
CLUSTER_CASES = [
    pytest.param(url, role, expected[role], id=f"{name}-{role}")
    for name, url, expected in CLUSTER_PAGES
    for role in ROLES
]


@pytest.mark.parametrize(("url", "role", "expected"), CLUSTER_CASES)
def test_role_reaches_the_people_of_its_own_clusters_only(
    cluster_events: ClusterEvents,
    login: Callable[..., object],
    url: EventUrl,
    role: str,
    expected: int,
) -> None:
    client = login(role)
    response = client.get(url(cluster_events))  # type: ignore[attr-defined]
    assert response.status_code == expected
    if expected == 302:
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    ("role", "registrant", "erased"),
    [
        ("admin", "smart", True),
        ("smart_manager", "smart", True),
        ("smart_manager", "medtech", False),
        ("medtech_manager", "smart", False),
        ("reader", "smart", False),
    ],
)
def test_erasure_reaches_the_people_of_its_own_clusters_only(
    cluster_events: ClusterEvents,
    login: Callable[..., object],
    role: str,
    registrant: str,
    erased: bool,
) -> None:
    person = getattr(cluster_events, f"{registrant}_registrant")
    client = login(role)
    response = client.post(reverse("privacy:person_erase", args=[person.pk]))  # type: ignore[attr-defined]
    assert response.status_code == (302 if erased else 403)
    person.refresh_from_db()
    assert (person.erased_at is not None) == erased
