"""Every role against every project page, with the method it is used with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from clusterhub.calls.models import FundingCall
from clusterhub.projects import deadlines
from clusterhub.projects.models import ProjectDocument
from clusterhub.projects.tests.support import Projects

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]
STAFF_ROLES = {"admin", "medtech_manager", "smart_manager", "reader"}
MANAGERS = {"admin", "medtech_manager", "smart_manager"}
# The project lies in the Smart Industries consortium: its manager and the administrators.
EDITORS = {"admin", "smart_manager"}


def answers(allowed: set[str], status: int = 200) -> dict[str, int]:
    return {
        role: 302 if role == "anonymous" else status if role in allowed else 403 for role in ROLES
    }


Url = Callable[[Projects], str]


def on_project(name: str) -> Url:
    return lambda p: reverse(name, args=[p.project.pk])


def document_url(p: Projects) -> str:
    document = ProjectDocument(project=p.project, name="skizze.pdf", size=4)
    document.file.save("skizze.pdf", ContentFile(b"%PDF"), save=True)
    return reverse("projects:document", args=[document.pk])


def call_url(name: str) -> Url:
    def url(p: Projects) -> str:
        call = FundingCall.objects.create(
            level="eu", programme="Horizon Europe", identifier="H-1", title="Hydrogen"
        )
        return reverse(name, args=[call.pk])

    return url


def feed_url(p: Projects) -> str:
    token = deadlines.feed_token(p.registry.users["admin"].pk)
    return reverse("projects:deadline_feed", args=[token])


# (name, method, url, data, expected per role)
CASES: list[tuple[str, str, Url, dict[str, str], dict[str, int]]] = [
    ("projects:list", "get", lambda p: reverse("projects:list"), {}, answers(STAFF_ROLES)),
    ("projects:create", "get", lambda p: reverse("projects:create"), {}, answers(MANAGERS)),
    ("projects:create", "post", lambda p: reverse("projects:create"), {}, answers(MANAGERS)),
    (
        "projects:mine",
        "get",
        lambda p: reverse("projects:mine"),
        {},
        answers(STAFF_ROLES | {"member"}),
    ),
    ("projects:board", "get", lambda p: reverse("projects:board"), {}, answers(STAFF_ROLES)),
    (
        "projects:cluster_board",
        "get",
        lambda p: reverse("projects:cluster_board", args=["smart"]),
        {},
        answers(STAFF_ROLES),
    ),
    (
        "projects:detail",
        "get",
        on_project("projects:detail"),
        {},
        answers(STAFF_ROLES | {"member"}),
    ),
    ("projects:edit", "get", on_project("projects:edit"), {}, answers(EDITORS)),
    ("projects:edit", "post", on_project("projects:edit"), {}, answers(EDITORS)),
    (
        "projects:move",
        "post",
        on_project("projects:move"),
        {"stage": "forming"},
        answers(EDITORS, 302),
    ),
    ("projects:partner_add", "post", on_project("projects:partner_add"), {}, answers(EDITORS, 400)),
    (
        "projects:milestone_add",
        "post",
        on_project("projects:milestone_add"),
        {},
        answers(EDITORS, 400),
    ),
    (
        "projects:document_add",
        "post",
        on_project("projects:document_add"),
        {},
        answers(EDITORS, 400),
    ),
    ("projects:note_add", "post", on_project("projects:note_add"), {}, answers(EDITORS, 400)),
    ("projects:call_link", "post", on_project("projects:call_link"), {}, answers(EDITORS, 302)),
    ("projects:document", "get", document_url, {}, answers(STAFF_ROLES | {"member"})),
    (
        "projects:project_calls",
        "get",
        on_project("projects:project_calls"),
        {},
        answers(STAFF_ROLES),
    ),
    ("projects:call_fit", "get", call_url("projects:call_fit"), {}, answers(STAFF_ROLES)),
    (
        "projects:call_follow",
        "post",
        call_url("projects:call_follow"),
        {},
        answers(STAFF_ROLES, 302),
    ),
    (
        "projects:organisation_calls",
        "get",
        lambda p: reverse("projects:organisation_calls", args=[p.registry.smart_member.pk]),
        {},
        answers(STAFF_ROLES),
    ),
    (
        "projects:my_deadlines",
        "get",
        lambda p: reverse("projects:my_deadlines"),
        {},
        answers(STAFF_ROLES),
    ),
    # The feed opens with its signed link alone (a calendar app has no login).
    ("projects:deadline_feed", "get", feed_url, {}, dict.fromkeys(ROLES, 200)),
]
COVERED_URL_NAMES = sorted({name for name, *_rest in CASES})


@pytest.mark.parametrize(
    ("method", "url", "data", "role", "expected"),
    [
        pytest.param(method, url, data, role, expected[role], id=f"{name}-{method}-{role}")
        for name, method, url, data, expected in CASES
        for role in ROLES
    ],
)
def test_role_reaches_project_pages(
    projects: Projects,
    login: Callable[[str], Client],
    settings: object,
    tmp_path: Path,
    method: str,
    url: Url,
    data: dict[str, str],
    role: str,
    expected: int,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    client = login(role)
    response = getattr(client, method)(url(projects), data)
    assert response.status_code == expected
    if role == "anonymous" and expected == 302:
        assert reverse("accounts:login") in response["Location"]
