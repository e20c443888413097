"""Every role against every page of the accelerator cohorts, with the method it is used with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import resolve, reverse

from clusterhub.support.models import (
    Application,
    Cohort,
    CohortEntry,
)
from tests.support.registry import Registry

from .cohort_fixtures import make_application, make_cohort
from .matrix import PUBLIC, ROLES, STAFF_PAGE, expect, status

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
COVERED_URL_NAMES = COHORT_URL_NAMES


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "expected"), COHORT_CASES, ids=[c[0] for c in COHORT_CASES]
)
def test_role_gets_expected_status_on_cohort_pages(
    cohort_site: CohortSite,
    login: Callable[[str], Client],
    role: str,
    name: str,
    method: str,
    url: CohortUrl,
    expected: dict[str, int],
) -> None:
    assert status(login(role), method, url(cohort_site)) == expected[role], name


def test_a_staff_reader_sees_the_counts_but_no_applicant(
    cohort_site: CohortSite, registry: Registry
) -> None:
    client = Client()
    client.force_login(registry.users["reader"])
    page = client.get(reverse("support:cohort", args=[cohort_site.cohort.slug])).content.decode()
    assert "Bewerbungen" in page
    assert cohort_site.application.organisation_name not in page
    assert "lea@example.org" not in page
