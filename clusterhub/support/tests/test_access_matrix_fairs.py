"""Every role against every page of the joint trade-fair stands, with the method it is used with."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import resolve, reverse

from clusterhub.support.models import (
    CoExhibitor,
)
from tests.support.registry import Registry

from .fair_fixtures import make_stand
from .matrix import ROLES, STAFF_PAGE, expect, status

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
COVERED_URL_NAMES = FAIR_URL_NAMES


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
    login: Callable[[str], Client],
    role: str,
    name: str,
    method: str,
    url: FairUrl,
    expected: dict[str, int],
) -> None:
    assert status(login(role), method, url(exhibitor)) == expected[role], name
