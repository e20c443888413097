"""API clients per role: each staff role calls with its own personal token."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from clusterhub.api import services
from tests.support.registry import Registry

ApiClient = Callable[[str], Client]


@pytest.fixture(autouse=True)
def fresh_rate_limits(db: None) -> Iterator[None]:
    """Rate-limit counters live in the cache: in the database, whose rows a test's rollback
    removes, unless a test commits (a live server) or another backend is configured."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client(registry: Registry) -> ApiClient:
    def as_role(role: str) -> Client:
        if role == "anonymous":
            return Client()
        _token, secret = services.create_token(registry.users[role], f"Test {role}")
        return Client(headers={"Authorization": f"Bearer {secret}"})

    return as_role


def call(client: Client, method: str, url: str, payload: dict[str, Any] | None = None) -> Any:
    if method in {"post", "patch"}:
        return getattr(client, method)(url, payload or {}, content_type="application/json")
    return getattr(client, method)(url)
