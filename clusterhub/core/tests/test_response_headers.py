"""Headers on every page: the Content-Security-Policy, and no caching of personal pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry


@pytest.mark.django_db
def test_every_page_has_a_content_security_policy_without_inline_scripts(client: Client) -> None:
    response = client.get(reverse("core:home"))

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    # htmx gets the nonce for the indicator style it adds.
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'"inlineStyleNonce": "{nonce}"' in response.content.decode()


def test_templates_hold_no_inline_script_or_event_handler() -> None:
    """The policy would block them in the browser: scripts come from static files."""
    apps = Path(__file__).resolve().parents[2]
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|javascript:", re.IGNORECASE)
    offenders = [
        str(path.relative_to(apps))
        for path in apps.glob("*/templates/**/*.html")
        if inline.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("role", ["admin", "reader", "member", "smart_manager"])
def test_pages_for_a_logged_in_person_are_private_and_not_stored(
    login: Callable[[str], Client], role: str
) -> None:
    response = login(role).get(reverse("core:home"))

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_public_page_for_an_anonymous_visitor_may_be_cached(
    client: Client, registry: Registry
) -> None:
    response = client.get(reverse("core:home"))

    assert "no-store" not in response.get("Cache-Control", "")


def test_a_page_behind_a_personal_link_is_private_and_not_stored(
    client: Client, registry: Registry
) -> None:
    response = client.get(reverse("events:cancel", args=["no-such-token"]))

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
