"""Every role against every page: the expected status code, one test per pair."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from clusterhub.conftest import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]
STAFF = {"admin": 200, "medtech_manager": 200, "smart_manager": 200, "reader": 200, "member": 403}
PUBLIC = dict.fromkeys(ROLES, 200)


def staff_only(**overrides: int) -> dict[str, int]:
    return {"anonymous": 302, **STAFF, **overrides}


def only(allowed: set[str]) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else 200 if role in allowed else 403 for role in ROLES}


Url = Callable[[Registry], str]
PAGES: list[tuple[str, Url, dict[str, int]]] = [
    ("home", lambda r: reverse("core:home"), PUBLIC),
    ("cluster", lambda r: reverse("clusters:detail", args=[r.medtech.slug]), PUBLIC),
    ("directory", lambda r: reverse("directory:public_list"), PUBLIC),
    (
        "directory entry",
        lambda r: reverse("directory:public_detail", args=[r.medtech_member.pk]),
        PUBLIC,
    ),
    (
        "unlisted directory entry",
        lambda r: reverse("directory:public_detail", args=[r.prospect.pk]),
        dict.fromkeys(ROLES, 404),
    ),
    ("dashboard", lambda r: reverse("core:dashboard"), staff_only()),
    ("organisation list", lambda r: reverse("directory:organisation_list"), staff_only()),
    (
        "organisation",
        lambda r: reverse("directory:organisation_detail", args=[r.smart_member.pk]),
        staff_only(),
    ),
    (
        "edit other cluster's member",
        lambda r: reverse("directory:organisation_edit", args=[r.smart_member.pk]),
        only({"admin", "smart_manager"}),
    ),
    (
        "edit prospect",
        lambda r: reverse("directory:organisation_edit", args=[r.prospect.pk]),
        only({"admin", "smart_manager", "medtech_manager"}),
    ),
    (
        "create organisation",
        lambda r: reverse("directory:organisation_create"),
        only({"admin", "smart_manager", "medtech_manager"}),
    ),
    (
        "add contact",
        lambda r: reverse("directory:contact_create", args=[r.smart_member.pk]),
        only({"admin", "smart_manager"}),
    ),
    ("people", lambda r: reverse("directory:person_list"), staff_only()),
    ("person", lambda r: reverse("directory:person_detail", args=[r.person.pk]), staff_only()),
    (
        "edit person",
        lambda r: reverse("directory:person_edit", args=[r.person.pk]),
        only({"admin", "smart_manager"}),
    ),
    (
        "export person",
        lambda r: reverse("directory:person_export", args=[r.person.pk]),
        only({"admin", "smart_manager"}),
    ),
    ("my profile", lambda r: reverse("directory:my_profile"), only({"member"})),
    ("my follow-ups", lambda r: reverse("crm:my_follow_ups"), staff_only()),
    ("audit log", lambda r: reverse("audit:log"), only({"admin"})),
    (
        "smart note",
        lambda r: reverse("crm:interaction_detail", args=[r.smart_note.pk]),
        {**only({"admin", "smart_manager"}), "member": 403},
    ),
    (
        "medtech note",
        lambda r: reverse("crm:interaction_detail", args=[r.medtech_note.pk]),
        only({"admin", "medtech_manager"}),
    ),
]
CASES = [
    pytest.param(url, role, expected[role], id=f"{name}-{role}")
    for name, url, expected in PAGES
    for role in ROLES
]


@pytest.mark.parametrize(("url", "role", "expected"), CASES)
def test_role_sees_page_with_expected_status(
    registry: Registry, login: Callable[..., object], url: Url, role: str, expected: int
) -> None:
    client = login(role)
    response = client.get(url(registry))  # type: ignore[attr-defined]
    assert response.status_code == expected
    if expected == 302:
        assert reverse("accounts:login") in response["Location"]
