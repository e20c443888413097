"""Forgotten passwords: a link by mail, built on the public base URL, usable once."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from clusterhub.conftest import Registry


def test_reset_mail_carries_a_link_on_the_public_url_that_sets_a_new_password(
    client: Client, registry: Registry, settings: Settings
) -> None:
    settings.SITE_URL = "https://cluster.example.de"
    reader = registry.users["reader"]
    reader.email = "Leserin@Wifoe.example"
    reader.save()

    response = client.post(reverse("accounts:password_reset"), {"email": "leserin@wifoe.example"})

    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Leserin@Wifoe.example"]
    assert message.subject == "clusterhub: Passwort zurücksetzen"
    link = re.search(r"https://cluster\.example\.de(/passwort-neu/\S+/)", str(message.body))
    assert link is not None

    form_page = client.get(link.group(1), follow=True)
    assert "Neues Passwort festlegen" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    new = "Rheinufer-Promenade-2026"
    done = client.post(set_url, {"new_password1": new, "new_password2": new})

    assert done["Location"] == reverse("accounts:password_reset_complete")
    reader.refresh_from_db()
    assert reader.check_password(new)
    again = client.get(link.group(1), follow=True).content.decode()
    assert "Dieser Link ist ungültig" in again


def test_reset_for_an_unknown_address_sends_nothing_and_says_the_same(
    client: Client, registry: Registry
) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "niemand@example.org"})

    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_login_page_links_to_the_reset(client: Client) -> None:
    page = client.get(reverse("accounts:login")).content.decode()

    assert reverse("accounts:password_reset") in page
