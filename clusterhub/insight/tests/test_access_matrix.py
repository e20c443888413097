"""Every role against every insight page, with the method it is used with: leadership
(administrators, staff readers) sees everything, a cluster manager their own cluster's
dashboard and reports, nobody else anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.insight import services
from clusterhub.insight.models import Report
from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]
LEADERSHIP = {"admin", "reader"}
EVERY_MANAGER = {"admin", "reader", "medtech_manager", "smart_manager"}
SMART = {"admin", "reader", "smart_manager"}


def answers(allowed: set[str], status: int = 200) -> dict[str, int]:
    return {
        role: 302 if role == "anonymous" else status if role in allowed else 403 for role in ROLES
    }


@dataclass
class Case:
    url_name: str
    url: Callable[[Registry, Report], str]
    method: str
    expected: dict[str, int]
    data: dict[str, str] | None = None


CASES: list[Case] = [
    Case("insight:overview", lambda r, _p: reverse("insight:overview"), "get",
         answers(EVERY_MANAGER)),
    Case("insight:city", lambda r, _p: reverse("insight:city"), "get", answers(LEADERSHIP)),
    Case("insight:cluster", lambda r, _p: reverse("insight:cluster", args=[r.smart.slug]),
         "get", answers(SMART)),
    Case("insight:refresh", lambda r, _p: reverse("insight:refresh"), "post",
         answers({"admin"}, 302)),
    Case("insight:overlaps", lambda r, _p: reverse("insight:overlaps"), "get",
         answers(LEADERSHIP)),
    Case("insight:themes", lambda r, _p: reverse("insight:themes"), "get", answers(LEADERSHIP)),
    Case("insight:network", lambda r, _p: reverse("insight:network"), "get",
         answers(LEADERSHIP)),
    Case("insight:topics", lambda r, _p: reverse("insight:topics"), "get", answers(LEADERSHIP)),
    Case("insight:reports", lambda r, _p: reverse("insight:reports"), "get",
         answers(EVERY_MANAGER)),
    Case("insight:reports", lambda r, _p: reverse("insight:reports"), "post",
         # Another cluster's manager gets the form back: that cluster is not among the choices.
         answers(SMART, 302) | {"medtech_manager": 400},
         data={"cluster": "smart", "year": "", "file_format": "xlsx", "language": "de"}),
    Case("insight:report", lambda r, p: reverse("insight:report", args=[p.pk]), "get",
         answers(SMART)),
    Case("insight:report_download", lambda r, p: reverse("insight:report_download", args=[p.pk]),
         "get", answers(SMART)),
]  # fmt: skip
COVERED_URL_NAMES = {case.url_name for case in CASES}


@pytest.fixture
def smart_report(
    registry: Registry, immediate_tasks: None, django_capture_on_commit_callbacks: Any
) -> Report:
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(
            registry.users["admin"], cluster=registry.smart, year=2026, file_format="xlsx",
            language="de",
        )  # fmt: skip
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    return report


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method} {c.url_name}")
def test_role_page_method(
    case: Case,
    role: str,
    registry: Registry,
    smart_report: Report,
    login: Callable[[str], Client],
) -> None:
    client = login(role)
    url = case.url(registry, smart_report)
    data = dict(case.data or {})
    if "year" in data:
        data["year"] = str(smart_report.year)
    response = client.post(url, data) if case.method == "post" else client.get(url)
    assert response.status_code == case.expected[role]
    if role == "smart_manager" and case.url_name == "insight:report_download":
        assert response["Content-Disposition"].endswith('.xlsx"')


def test_a_manager_cannot_ask_for_another_clusters_report(
    registry: Registry, login: Callable[[str], Client], immediate_tasks: None
) -> None:
    response = login("medtech_manager").post(
        reverse("insight:reports"),
        {"cluster": registry.smart.slug, "year": "2026", "file_format": "pdf", "language": "de"},
    )
    assert response.status_code == 400
    assert not Report.objects.exists()
