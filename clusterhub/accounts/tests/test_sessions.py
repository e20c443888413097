"""Sessions end after an idle hour (the expiry slides with activity) and after a working day
at the latest, however active."""

from __future__ import annotations

import time

from django.conf import settings
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from clusterhub.accounts.middleware import LAST_SEEN, LOGGED_IN_AT
from clusterhub.conftest import Registry


def test_a_session_lasts_an_idle_hour_and_activity_slides_it(
    client: Client, registry: Registry
) -> None:
    client.force_login(registry.users["reader"])
    client.get(reverse("core:dashboard"))
    session = client.session
    session[LAST_SEEN] = time.time() - 120
    session.save()

    response = client.get(reverse("core:dashboard"))

    assert settings.SESSION_COOKIE_AGE == 60 * 60
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 60 * 60
    assert client.session[LAST_SEEN] > time.time() - 60
    # Within the minute nothing is written again.
    assert settings.SESSION_COOKIE_NAME not in client.get(reverse("core:home")).cookies


def test_an_idle_session_has_expired(client: Client, registry: Registry) -> None:
    client.force_login(registry.users["reader"])
    client.get(reverse("core:dashboard"))
    session = client.session
    session.set_expiry(-1)  # as the database holds it an hour after the last activity
    session.save()

    response = client.get(reverse("core:dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_logging_in_starts_the_clock_without_a_later_write(
    client: Client, registry: Registry
) -> None:
    client.post(reverse("accounts:login"), {"username": "reader", "password": "geheim-123"})

    assert client.session[LOGGED_IN_AT] > time.time() - 60
    assert settings.SESSION_COOKIE_NAME not in client.get(reverse("core:dashboard")).cookies


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
