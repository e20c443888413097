"""Refusals and errors are the site's own pages: the menu, a sentence of why, a way on."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.core import errors

MENU = 'aria-label="Hauptnavigation"'


def test_a_member_opening_the_staff_overview_sees_the_german_403_page(
    login: Callable[[str], Client],
) -> None:
    response = login("member").get(reverse("core:dashboard"))

    page = response.content.decode()
    assert response.status_code == 403
    assert MENU in page
    assert "Kein Zugriff" in page
    assert "Diese Seite ist für Ihre Rolle nicht freigegeben." in page
    assert f'href="{reverse("directory:my_profile")}"' in page


def test_a_wrong_address_under_en_gives_the_english_404_page(client: Client) -> None:
    response = client.get("/en/no-such-page/")

    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in page
    assert 'aria-label="Main navigation"' in page
    assert "Page not found" in page
    # Not Django's debug page listing every URL pattern of the site.
    assert "URLconf" not in page


def test_a_wrong_address_gives_the_german_404_page(client: Client) -> None:
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_get_on_a_post_only_address_gives_the_405_page_with_allow(
    client: Client, registry: Registry
) -> None:
    response = client.get(reverse("accounts:logout"))

    page = response.content.decode()
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert MENU in page
    assert "Diese Aktion geht so nicht" in page


def test_a_form_without_its_csrf_token_gives_the_csrf_page(registry: Registry) -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("accounts:login"), {"username": "admin", "password": "x"})

    page = response.content.decode()
    assert response.status_code == 403
    assert MENU in page
    assert "Das Formular war abgelaufen" in page


def test_a_foreign_host_gives_the_400_page(client: Client) -> None:
    response = client.get("/", HTTP_HOST="evil.example")

    page = response.content.decode()
    assert response.status_code == 400
    assert "Die Anfrage ist fehlerhaft" in page
    assert MENU in page


@pytest.mark.django_db
def test_the_500_page_has_the_menu(client: Client) -> None:
    request = client.get("/").wsgi_request

    response = errors.server_error(request)

    page = response.content.decode()
    assert response.status_code == 500
    assert MENU in page
    assert "Ein Fehler ist aufgetreten" in page


@pytest.mark.django_db
def test_the_500_page_without_a_database_still_says_what_happened(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    request: HttpRequest = client.get("/").wsgi_request

    def broken(*args: object, **kwargs: object) -> HttpResponse:
        raise RuntimeError("database gone")

    monkeypatch.setattr(errors, "render", broken)
    response = errors.server_error(request)

    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in response.content.decode()
