"""Every role against every export address, with the method it is used with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.exports import files, services
from clusterhub.exports.models import ExportJob
from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


@dataclass
class Exports:
    job: ExportJob
    token: str


@pytest.fixture
def exports(registry: Registry) -> Exports:
    job = ExportJob.objects.create(
        user=registry.users["smart_manager"], list_name="organisationen", file_format="csv",
        status=ExportJob.Status.DONE, row_count=1, stored_file="",
    )  # fmt: skip
    content, count = files.render_job(job)
    services.store_export(job, files.title_of(job.list_name), content, count)
    token = services.renew_feed_token(registry.users["smart_manager"]).token
    assert timezone.now()
    return Exports(job=job, token=token)


def expect(allowed: dict[str, int], others: int) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else allowed.get(role, others) for role in ROLES}


STAFF = expect({"member": 403}, 200)
NOTE_WRITERS = expect({"admin": 200, "medtech_manager": 200, "smart_manager": 200}, 403)
NOTE_WRITES = expect({"admin": 302, "medtech_manager": 302, "smart_manager": 302}, 403)
OWN_JOB = expect({"smart_manager": 200, "member": 403}, 404)

Url = Callable[[Exports], str]
CASES: list[tuple[str, str, Url, dict[str, int]]] = [
    (
        "exports:list",
        "get",
        lambda e: reverse("exports:list", args=["organisationen", "xlsx"]),
        STAFF,
    ),
    ("exports:list", "get", lambda e: reverse("exports:list", args=["personen", "vcf"]), STAFF),
    (
        "exports:list",
        "get",
        lambda e: reverse("exports:list", args=["kontakte", "csv"]),
        NOTE_WRITERS,
    ),
    (
        "exports:list",
        "get",
        lambda e: reverse("exports:list", args=["veranstaltungen", "ics"]),
        STAFF,
    ),
    ("exports:job", "get", lambda e: reverse("exports:job", args=[e.job.pk]), OWN_JOB),
    (
        "exports:job_download",
        "get",
        lambda e: reverse("exports:job_download", args=[e.job.pk]),
        OWN_JOB,
    ),
    ("exports:feed_settings", "get", lambda e: reverse("exports:feed_settings"), NOTE_WRITERS),
    ("exports:feed_renew", "post", lambda e: reverse("exports:feed_renew"), NOTE_WRITES),
    ("exports:feed_revoke", "post", lambda e: reverse("exports:feed_revoke"), NOTE_WRITES),
    (
        "exports:follow_up_feed",
        "get",
        lambda e: reverse("exports:follow_up_feed", args=[e.token]),
        dict.fromkeys(ROLES, 200),
    ),
    (
        "exports:follow_up_feed",
        "get",
        lambda e: reverse("exports:follow_up_feed", args=["falsch"]),
        dict.fromkeys(ROLES, 404),
    ),
]
COVERED_URL_NAMES = sorted({name for name, _method, _url, _expected in CASES})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_role_reaches_export_address_with_expected_status(
    exports: Exports,
    login: Callable[[str], Client],
    role: str,
    name: str,
    method: str,
    url: Url,
    expected: dict[str, int],
) -> None:
    response = getattr(login(role), method)(url(exports))
    assert response.status_code == expected[role], name
    if expected[role] == 302 and role == "anonymous":
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", ["exports:feed_renew", "exports:feed_revoke"])
def test_post_only_export_views_refuse_get(login: Callable[[str], Client], name: str) -> None:
    assert login("admin").get(reverse(name)).status_code == 405
