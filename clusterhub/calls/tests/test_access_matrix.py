"""Every role against every calls page, with the method it is used with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.calls.models import FundingCall
from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


def answers(allowed: set[str], status: int = 200) -> dict[str, int]:
    return {
        role: 302 if role == "anonymous" else status if role in allowed else 403 for role in ROLES
    }


STAFF = answers({"admin", "medtech_manager", "smart_manager", "reader"})
ENTERING = answers({"admin", "medtech_manager", "smart_manager"})
# A manual call: every manager may edit; an imported one: nobody (403 for all).
NOBODY = answers(set())


def call_of(source: str) -> FundingCall:
    return FundingCall.objects.create(
        source=source,
        level="eu" if source == "eu_portal" else "city",
        programme="Horizon Europe",
        identifier=f"ID-{source}",
        title="Hydrogen valleys",
        deadline=dt.date(2030, 1, 1),
        final_deadline=dt.date(2030, 1, 1),
    )


Url = Callable[[FundingCall], str]
# (name, method, source of the call, url, expected per role); POSTs send an empty form (200:
# the form with its errors).
CASES: list[tuple[str, str, str, Url, dict[str, int]]] = [
    ("calls:list", "get", "eu_portal", lambda c: reverse("calls:list"), STAFF),
    ("calls:detail", "get", "eu_portal", lambda c: reverse("calls:detail", args=[c.pk]), STAFF),
    ("calls:create", "get", "manual", lambda c: reverse("calls:create"), ENTERING),
    ("calls:create", "post", "manual", lambda c: reverse("calls:create"), ENTERING),
    ("calls:edit", "get", "manual", lambda c: reverse("calls:edit", args=[c.pk]), ENTERING),
    ("calls:edit", "post", "manual", lambda c: reverse("calls:edit", args=[c.pk]), ENTERING),
    ("calls:edit", "get", "eu_portal", lambda c: reverse("calls:edit", args=[c.pk]), NOBODY),
    (
        "calls:forward",
        "get",
        "eu_portal",
        lambda c: reverse("calls:forward", args=[c.pk]),
        ENTERING,
    ),
    (
        "calls:forward",
        "post",
        "eu_portal",
        lambda c: reverse("calls:forward", args=[c.pk]),
        ENTERING,
    ),
]
COVERED_URL_NAMES = sorted({name for name, *_rest in CASES})


@pytest.mark.parametrize(
    ("method", "source", "url", "role", "expected"),
    [
        pytest.param(
            method, source, url, role, expected[role], id=f"{name}-{method}-{source}-{role}"
        )
        for name, method, source, url, expected in CASES
        for role in ROLES
    ],
)
def test_role_reaches_calls_pages(
    registry: Registry,
    login: Callable[[str], Client],
    method: str,
    source: str,
    url: Url,
    role: str,
    expected: int,
) -> None:
    client = login(role)
    response = getattr(client, method)(url(call_of(source)))
    assert response.status_code == expected
    if expected == 302:
        assert reverse("accounts:login") in response["Location"]
