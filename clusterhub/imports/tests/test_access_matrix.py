"""Every role against every import page, with the method it is used with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.imports import services
from clusterhub.imports.fields import Kind
from clusterhub.imports.models import HeldRow, ImportRun
from clusterhub.imports.tests.files import ORGANISATIONS, csv_bytes
from tests.support.registry import Registry

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


@dataclass
class Imports:
    uploaded: ImportRun
    done: ImportRun
    held: HeldRow


@pytest.fixture
def imports(registry: Registry) -> Imports:
    manager = registry.users["smart_manager"]
    content = csv_bytes(ORGANISATIONS)
    uploaded = services.start_run(manager, Kind.ORGANISATIONS, registry.smart, "a.csv", content)
    done = services.execute_run(
        services.start_run(manager, Kind.ORGANISATIONS, registry.smart, "b.csv", content)
    )
    held = done.held_rows.first()
    assert held is not None
    return Imports(uploaded=uploaded, done=done, held=held)


def expect(allowed: dict[str, int], others: int) -> dict[str, int]:
    return {role: 302 if role == "anonymous" else allowed.get(role, others) for role in ROLES}


IMPORTERS = expect({"admin": 200, "medtech_manager": 200, "smart_manager": 200}, 403)
SMART_RUN = expect({"admin": 200, "smart_manager": 200, "medtech_manager": 404}, 403)
SMART_WRITE = expect({"admin": 302, "smart_manager": 302, "medtech_manager": 404}, 403)

Url = Callable[[Imports], str]
CASES: list[tuple[str, str, Url, dict[str, int]]] = [
    ("imports:start", "get", lambda i: reverse("imports:start"), IMPORTERS),
    (
        "imports:mapping",
        "get",
        lambda i: reverse("imports:mapping", args=[i.uploaded.pk]),
        SMART_RUN,
    ),
    ("imports:run", "get", lambda i: reverse("imports:run", args=[i.done.pk]), SMART_RUN),
    ("imports:refused", "get", lambda i: reverse("imports:refused", args=[i.done.pk]), SMART_RUN),
    ("imports:decide", "post", lambda i: reverse("imports:decide", args=[i.held.pk]), SMART_WRITE),
]
COVERED_URL_NAMES = sorted({name for name, _method, _url, _expected in CASES})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected"), CASES, ids=[c[0] for c in CASES])
def test_role_reaches_import_page_with_expected_status(
    imports: Imports,
    login: Callable[[str], Client],
    role: str,
    name: str,
    method: str,
    url: Url,
    expected: dict[str, int],
) -> None:
    client = login(role)
    response = getattr(client, method)(url(imports))
    assert response.status_code == expected[role], name
    if expected[role] == 302 and role == "anonymous":
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", ["imports:decide"])
def test_post_only_import_views_refuse_get(
    imports: Imports, login: Callable[[str], Client], name: str
) -> None:
    response = login("admin").get(reverse(name, args=[imports.held.pk]))
    assert response.status_code == 405
