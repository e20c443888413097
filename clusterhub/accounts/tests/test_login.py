"""Logging in: throttling of wrong passwords, and where each role lands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry

if TYPE_CHECKING:  # the stubs name the test client's response type; Django has no such class
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

LOGIN = "/anmelden/"
PASSWORD = "geheim-123"


def log_in(client: Client, username: str, password: str = PASSWORD, **extra: str) -> Response:
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_ten_wrong_passwords_lock_the_user_out_even_with_the_right_one(
    client: Client, registry: Registry
) -> None:
    for _ in range(10):
        assert log_in(client, "admin", "falsch").status_code in {200, 429}

    response = log_in(client, "admin")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Anmeldung vorübergehend gesperrt" in response.content.decode()
    assert AccessAttempt.objects.get(username="admin").failures_since_start >= 5


def test_lockout_page_is_english_under_en(client: Client, registry: Registry) -> None:
    for _ in range(6):
        client.post("/en/anmelden/", {"username": "admin", "password": "wrong"})

    response = client.post("/en/anmelden/", {"username": "admin", "password": PASSWORD})

    assert response.status_code == 429
    assert "Login temporarily blocked" in response.content.decode()


def test_lockout_holds_only_for_that_user_name(client: Client, registry: Registry) -> None:
    for _ in range(6):
        log_in(client, "admin", "falsch")

    response = log_in(client, "reader")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(registry.users["reader"].pk)


def test_a_few_wrong_passwords_then_the_right_one_logs_in(
    client: Client, registry: Registry
) -> None:
    for _ in range(3):
        assert log_in(client, "reader", "falsch").status_code == 200

    assert log_in(client, "reader").status_code == 302


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("member", "directory:my_profile"),
        ("reader", "core:dashboard"),
        ("smart_manager", "core:dashboard"),
        ("admin", "core:dashboard"),
    ],
)
def test_each_role_lands_where_it_works(
    client: Client, registry: Registry, role: str, landing: str
) -> None:
    response = log_in(client, registry.users[role].username)

    assert response.status_code == 302
    assert response["Location"] == reverse(landing)
    assert client.get(response["Location"]).status_code == 200


def test_next_is_honoured_for_a_page_the_role_may_open(client: Client, registry: Registry) -> None:
    wanted = reverse("directory:organisation_list") + "?q=fuchs"

    response = log_in(client, "reader", next=wanted)

    assert response["Location"] == wanted


def test_next_to_a_staff_page_sends_a_member_to_her_profile(
    client: Client, registry: Registry
) -> None:
    response = log_in(client, "member", next=reverse("core:dashboard"))

    assert response["Location"] == reverse("directory:my_profile")


def test_next_to_an_english_staff_page_is_checked_too(client: Client, registry: Registry) -> None:
    response = log_in(client, "member", next="/en/intern/")

    assert response["Location"] == reverse("directory:my_profile")
    assert log_in(Client(), "reader", next="/en/intern/")["Location"] == "/en/intern/"


def test_next_to_the_admin_needs_a_staff_user(client: Client, registry: Registry) -> None:
    response = log_in(client, "smart_manager", next="/django-admin/")

    assert response["Location"] == reverse("core:dashboard")
    assert log_in(Client(), "admin", next="/django-admin/")["Location"] == "/django-admin/"


@pytest.mark.parametrize(
    "wanted", ["https://evil.example/", "//evil.example/intern/", "/gibt-es-nicht/"]
)
def test_next_to_another_site_or_nowhere_gives_the_landing(
    client: Client, registry: Registry, wanted: str
) -> None:
    response = log_in(client, "reader", next=wanted)

    assert response["Location"] == reverse("core:dashboard")
