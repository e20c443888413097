"""Sessions end after an idle hour (sliding) and after a working day at the latest."""

from __future__ import annotations

import time

from django.conf import settings
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from clusterhub.accounts.middleware import LOGGED_IN_AT
from clusterhub.conftest import Registry


def test_session_cookie_lasts_the_idle_time_and_slides_with_each_request(
    client: Client, registry: Registry
) -> None:
    client.force_login(registry.users["reader"])

    response = client.get(reverse("core:dashboard"))

    assert settings.SESSION_COOKIE_AGE == 60 * 60
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == settings.SESSION_COOKIE_AGE
    # A second request sends the cookie again: the hour starts anew.
    assert settings.SESSION_COOKIE_NAME in client.get(reverse("core:home")).cookies


def test_a_login_ends_after_the_maximum_lifetime_however_active(
    client: Client, registry: Registry, settings: Settings
) -> None:
    settings.CLUSTERHUB_SESSION_MAX_HOURS = 10
    client.force_login(registry.users["reader"])
    assert client.get(reverse("core:dashboard")).status_code == 200
    session = client.session
    session[LOGGED_IN_AT] = time.time() - 11 * 3600
    session.save()

    response = client.get(reverse("core:dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
