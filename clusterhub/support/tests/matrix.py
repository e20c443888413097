"""What the support app's role × page tables share: the roles, the expectation builder and
the one way a table row is asked."""

from __future__ import annotations

from django.test import Client

ROLES = ["anonymous", "admin", "medtech_manager", "smart_manager", "reader", "member"]


def expect(allowed: dict[str, int], default: int, anonymous: int = 302) -> dict[str, int]:
    return {
        role: allowed.get(role, anonymous if role == "anonymous" else default) for role in ROLES
    }


STAFF_PAGE = expect(
    {"admin": 200, "medtech_manager": 200, "smart_manager": 200, "reader": 200}, 403
)
PUBLIC = dict.fromkeys(ROLES, 200)


def status(client: Client, method: str, url: str) -> int:
    """A row's answer: GET as it is, POST with an empty form (what a forged request sends)."""
    response = client.get(url) if method == "GET" else client.post(url, {})
    return response.status_code
