"""Every role against every data-rights page this app added, with the method it is used with."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


def only(allowed: set[str], status: int = 200) -> dict[str, int]:
    return {
        role: 302 if role == "anonymous" else status if role in allowed else 403 for role in ROLES
    }


SMART_TEAM = {"admin", "smart_manager"}
MANAGERS = {"admin", "smart_manager", "medtech_manager"}
ADMIN = {"admin"}
GUEST = {"email": "gast@example.org"}

# (what, method, URL name, needs the person's id, posted data, expected status per role)
CASES: list[tuple[str, str, str, bool, dict[str, str], dict[str, int]]] = [
    ("export as PDF", "get", "privacy:person_export_pdf", True, {}, only(SMART_TEAM)),
    ("registrant search", "get", "privacy:registrants", False, {}, only(MANAGERS)),
    ("registrant search", "post", "privacy:registrants", False, GUEST, only(MANAGERS)),
    ("registrant export", "post", "privacy:registrant_export", False, GUEST, only(MANAGERS)),
    ("registrant erase", "post", "privacy:registrant_erase", False, GUEST, only(MANAGERS, 302)),
    ("retention", "get", "privacy:retention", False, {}, only(ADMIN)),
    ("retention erase", "post", "privacy:retention_erase", False, {}, only(ADMIN, 302)),
]
COVERED_URL_NAMES = sorted({url_name for _w, _m, url_name, _p, _d, _e in CASES})


@pytest.mark.parametrize(
    ("method", "url_name", "with_person", "data", "role", "expected"),
    [
        pytest.param(m, u, p, d, role, e[role], id=f"{w}-{m}-{role}")
        for w, m, u, p, d, e in CASES
        for role in ROLES
    ],
)
def test_role_reaches_privacy_page_with_expected_status(
    registry: Registry,
    login: Callable[[str], Client],
    method: str,
    url_name: str,
    with_person: bool,
    data: dict[str, str],
    role: str,
    expected: int,
) -> None:
    url = reverse(url_name, args=[registry.person.pk] if with_person else [])
    response = getattr(login(role), method)(url, data)
    assert response.status_code == expected


@pytest.mark.parametrize("url_name", [c[2] for c in CASES if c[1] == "post"][1:])
def test_post_only_privacy_pages_refuse_get(
    registry: Registry, login: Callable[[str], Client], url_name: str
) -> None:
    assert login("admin").get(reverse(url_name)).status_code == 405
