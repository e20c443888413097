"""The page frame (head, menu, footer) is rendered once per process and kept per language and
role ("page_chrome" cache): a kept copy never shows one role's menu to another, nor one
language's to the other, and a changed setting drops the copies."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from clusterhub.conftest import Registry

pytestmark = pytest.mark.django_db

STAFF_ONLY_LINK = "Wiedervorlagen"


def test_the_kept_menu_follows_the_role_of_whoever_looks(
    login: Callable[[str], Client], registry: Registry
) -> None:
    caches["page_chrome"].clear()
    anonymous = Client()
    first_anonymous = anonymous.get(reverse("events:calendar")).content.decode()
    staff = login("smart_manager").get(reverse("events:calendar")).content.decode()
    member = Client()
    member.force_login(registry.users["member"])
    member_page = member.get(reverse("events:calendar")).content.decode()
    anonymous_again = anonymous.get(reverse("events:calendar")).content.decode()

    assert STAFF_ONLY_LINK not in first_anonymous
    assert STAFF_ONLY_LINK in staff
    assert STAFF_ONLY_LINK not in anonymous_again
    assert STAFF_ONLY_LINK not in member_page
    assert f'href="{reverse("directory:my_profile")}"' in member_page
    assert f'href="{reverse("directory:my_profile")}"' not in anonymous_again
    assert f'href="{reverse("directory:public_list")}"' in anonymous_again


def test_the_kept_frame_follows_the_language(client: Client) -> None:
    caches["page_chrome"].clear()
    german = client.get("/veranstaltungen/").content.decode()
    english = client.get("/en/veranstaltungen/").content.decode()

    assert 'aria-label="Hauptnavigation"' in german
    assert 'aria-label="Main navigation"' in english
    assert "/en/" in english.split("site-footer__links")[1]
    assert "/en/" not in german.split("site-footer__links")[1]
    assert "Hauptnavigation" not in english


def test_a_changed_setting_drops_the_kept_frame(client: Client) -> None:
    client.get("/veranstaltungen/")
    with override_settings(STATIC_URL="/anders/"):
        page = client.get("/veranstaltungen/").content.decode()
    assert 'href="/anders/' in page
    assert 'href="/anders/' not in client.get("/veranstaltungen/").content.decode()
