"""Every role against every page of the Digi-Pate cases, with the method it is used with."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from clusterhub.support.models import (
    MentoringCase,
)
from tests.support.registry import Registry

from .matrix import ROLES, STAFF_PAGE, expect, status

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
COVERED_URL_NAMES = MENTORING_URL_NAMES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "expected"), MENTORING_CASES, ids=[c[0] for c in MENTORING_CASES]
)
def test_role_gets_expected_status_on_mentoring_pages(
    registry: Registry,
    login: Callable[[str], Client],
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
    assert status(login(role), method, url(case)) == expected[role], name
