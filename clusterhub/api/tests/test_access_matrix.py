"""Every role against every API endpoint and the token page, with the method it is used with:
the expected status, and for a refused write nothing changed but the refusal's own entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.api import services
from clusterhub.api.tests.conftest import ApiClient, call
from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Membership
from clusterhub.events import services as event_services
from clusterhub.events.models import Event, Registration
from tests.support.events import make_event, person_data
from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]
PUBLIC = dict.fromkeys(ROLES, 200)
STAFF = {"anonymous": 401, "member": 403} | dict.fromkeys(
    ["admin", "medtech_manager", "smart_manager", "reader"], 200
)


def only(allowed: set[str], status: int = 200) -> dict[str, int]:
    return {
        role: 401 if role == "anonymous" else status if role in allowed else 403 for role in ROLES
    }


SMART_TEAM = {"admin", "smart_manager"}
MANAGERS = {"admin", "smart_manager", "medtech_manager"}


@dataclass
class Site:
    registry: Registry
    event: Event
    membership: Membership
    registration: Registration


@pytest.fixture
def site(registry: Registry) -> Site:
    event = make_event(capacity=5, title="Smart-Forum")
    event.clusters.add(registry.smart)
    registration = event_services.register_participant(event, person_data(1))
    membership = Membership.objects.get(organisation=registry.smart_member)
    return Site(registry, event, membership, registration)


@dataclass(frozen=True)
class Target:
    """A named URL pattern and how to fill in its ids from the site."""

    view_name: str
    args: tuple[Callable[[Site], Any], ...] = ()

    def __call__(self, site: Site) -> str:
        return reverse(self.view_name, args=[arg(site) for arg in self.args])


Url = Callable[[Site], str]
Case = tuple[str, str, Target, dict[str, Any] | None, dict[str, int]]


def api(name: str, *args: Callable[[Site], Any]) -> Target:
    return Target(f"api:{name}", args)


def smart_member(s: Site) -> int:
    return s.registry.smart_member.pk


def person(s: Site) -> int:
    return s.registry.person.pk


NEW_ORGANISATION = {"name": "Neue Werkstatt", "kind": "sme", "country": "DE"}
CASES: list[Case] = [
    ("api root", "get", api("api-root"), None, dict.fromkeys(ROLES, 404)),
    ("openapi schema", "get", api("openapi-json"), None, PUBLIC),
    ("api docs", "get", api("openapi-view"), None, PUBLIC),
    ("public clusters", "get", api("public_clusters"), None, PUBLIC),
    ("public organisations", "get", api("public_organisations"), None, PUBLIC),
    ("public organisation", "get", api("public_organisation", smart_member), None, PUBLIC),
    (
        "unlisted organisation",
        "get",
        api("public_organisation", lambda s: s.registry.prospect.pk),
        None,
        dict.fromkeys(ROLES, 404),
    ),
    ("public events", "get", api("public_events"), None, PUBLIC),
    ("public event", "get", api("public_event", lambda s: s.event.pk), None, PUBLIC),
    ("organisations", "get", api("organisations"), None, STAFF),
    ("create organisation", "post", api("organisations"), NEW_ORGANISATION, only(MANAGERS, 201)),
    ("organisation", "get", api("organisation", smart_member), None, STAFF),
    (
        "edit organisation",
        "patch",
        api("organisation", smart_member),
        {"city": "Ladenburg"},
        only(SMART_TEAM),
    ),
    ("memberships", "get", api("memberships", smart_member), None, STAFF),
    (
        "add membership",
        "post",
        api("membership_add", lambda s: s.registry.prospect.pk),
        {"cluster": "smart"},
        only(SMART_TEAM, 201),
    ),
    (
        "end membership",
        "post",
        api("membership_end", lambda s: s.membership.pk),
        None,
        only(SMART_TEAM),
    ),
    ("people", "get", api("people"), None, STAFF),
    ("person", "get", api("person", person), None, STAFF | {"medtech_manager": 403}),
    ("edit person", "patch", api("person", person), {"phone": "0621 123"}, only(SMART_TEAM)),
    ("events", "get", api("events"), None, STAFF),
    ("event", "get", api("event", lambda s: s.event.pk), None, STAFF),
    ("registrations", "get", api("registrations", lambda s: s.event.pk), None, only(SMART_TEAM)),
    (
        "add registration",
        "post",
        api("registrations", lambda s: s.event.pk),
        {"first_name": "Bea", "last_name": "Neu", "email": "bea@example.org", "consent": True},
        only(SMART_TEAM, 201),
    ),
    (
        "no-show",
        "post",
        api("attendance", lambda s: s.registration.pk),
        {"attended": False},
        only(SMART_TEAM),
    ),
]
WRITES = {"post", "patch"}
API_PARAMS = [
    pytest.param(method, url, payload, role, expected[role], id=f"{name}-{method}-{role}")
    for name, method, url, payload, expected in CASES
    for role in ROLES
]


def changes_written() -> int:
    return AuditEntry.objects.exclude(action=AuditEntry.Action.REFUSED).count()


@pytest.mark.parametrize(("method", "url", "payload", "role", "expected"), API_PARAMS)
def test_role_calls_endpoint_with_expected_status(
    site: Site,
    api_client: ApiClient,
    method: str,
    url: Target,
    payload: dict[str, Any] | None,
    role: str,
    expected: int,
) -> None:
    client = api_client(role)
    before = changes_written()
    response = call(client, method, url(site), payload)
    assert response.status_code == expected, response.content
    if expected in {401, 403, 404} and "json" in response["Content-Type"]:
        assert response.json()["detail"]
    if method in WRITES and expected >= 400:
        assert changes_written() == before  # nothing changed, nothing but the refusal logged
    if method in WRITES and expected < 300:
        assert changes_written() > before  # the write went through the audited service


# The token page of one's own account (a page, not the API): the session decides.
def admins_token(s: Site) -> int:
    token, _secret = services.create_token(s.registry.users["admin"], "Website")
    return token.pk


PageCase = tuple[str, str, Target, dict[str, int]]
PAGES: list[PageCase] = [
    (
        "token page",
        "get",
        Target("api_tokens:list"),
        {"anonymous": 302, "member": 403}
        | dict.fromkeys(["admin", "medtech_manager", "smart_manager", "reader"], 200),
    ),
    (
        "create token",
        "post",
        Target("api_tokens:list"),
        {"anonymous": 302, "member": 403}
        | dict.fromkeys(["admin", "medtech_manager", "smart_manager", "reader"], 200),
    ),
    (
        "revoke someone's token",  # only one's own: another's is not even said to exist
        "post",
        Target("api_tokens:revoke", (admins_token,)),
        {"anonymous": 302, "member": 403, "admin": 302}
        | dict.fromkeys(["medtech_manager", "smart_manager", "reader"], 404),
    ),
]
PAGE_PARAMS = [
    pytest.param(method, url, role, expected[role], id=f"{name}-{method}-{role}")
    for name, method, url, expected in PAGES
    for role in ROLES
]


@pytest.mark.parametrize(("method", "url", "role", "expected"), PAGE_PARAMS)
def test_role_opens_token_page(
    site: Site, login: Callable[[str], Client], method: str, url: Target, role: str, expected: int
) -> None:
    response = getattr(login(role), method)(url(site), {"name": "Skript"})
    assert response.status_code == expected


COVERED_URL_NAMES = sorted(
    {target.view_name for _n, _m, target, _p, _e in CASES}
    | {target.view_name for _n, _m, target, _e in PAGES}
)
