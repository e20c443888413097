"""Role × page × method for the "Dubletten" pages: the back office reads the list, only
administrators and the managers of both entries' clusters act on a pair."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.directory.models import Organisation
from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


def allowed(roles: set[str], status: int) -> dict[str, int]:
    return {r: 302 if r == "anonymous" else status if r in roles else 403 for r in ROLES}


STAFF = {"admin", "medtech_manager", "smart_manager", "reader"}
ACTORS = {"admin", "smart_manager"}


def address(view: str, registry: Registry, twin: Organisation) -> str:
    if view == "pair_list":
        return reverse("duplicates:pair_list")
    return reverse(f"duplicates:{view}", args=[registry.smart_member.pk, twin.pk])


# (view, method, data, expected status per role)
CASES: list[tuple[str, str, dict[str, str], dict[str, int]]] = [
    ("pair_list", "get", {}, allowed(STAFF, 200)),
    ("merge", "get", {}, allowed(ACTORS, 200)),
    ("merge", "post", {"preview": "1"}, allowed(ACTORS, 200)),
    ("keep_apart", "post", {}, allowed(ACTORS, 302)),
    ("skip", "post", {}, allowed(STAFF, 302)),
]
COVERED_URL_NAMES = {f"duplicates:{view}" for view, *_rest in CASES}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("view", "method", "data", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_role_meets_page(
    login: Callable[[str], Client],
    registry: Registry,
    smart_twin: Organisation,
    role: str,
    view: str,
    method: str,
    data: dict[str, str],
    expected: dict[str, int],
) -> None:
    client = login(role)
    url = address(view, registry, smart_twin)
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == expected[role]
    if role == "anonymous":
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("view", ["keep_apart", "skip"])
def test_post_only_pages_refuse_get(
    login: Callable[[str], Client], registry: Registry, smart_twin: Organisation, view: str
) -> None:
    response = login("admin").get(address(view, registry, smart_twin))
    assert response.status_code == 405


def test_a_pair_of_one_organisation_is_not_found(
    login: Callable[[str], Client], registry: Registry
) -> None:
    pk = registry.smart_member.pk
    assert login("admin").get(reverse("duplicates:merge", args=[pk, pk])).status_code == 404
