"""Impressum, Datenschutz and Barrierefreiheit: linked from every page, texts replaceable."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

LEGAL = [
    ("core:impressum", "Impressum", "§ 5 Digitale-Dienste-Gesetz"),
    ("core:privacy", "Datenschutzerklärung", "keinen Cookie-Hinweis"),
    ("core:accessibility", "Erklärung zur Barrierefreiheit", "BITV 2.0"),
]


@pytest.mark.django_db
def test_the_home_page_footer_links_every_legal_page(client: Client) -> None:
    page = client.get(reverse("core:home")).content.decode()
    footer = page[page.index("<footer") :]

    for name, title, _ in LEGAL:
        assert f'href="{reverse(name)}">{title}</a>' in footer


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "title", "says"), LEGAL)
def test_each_legal_page_shows_its_german_text(
    client: Client, name: str, title: str, says: str
) -> None:
    response = client.get(reverse(name))

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="kern-heading-x-large">{title}</h1>' in page
    assert says in page


@pytest.mark.django_db
def test_the_privacy_text_says_only_session_and_csrf_cookies_are_set(client: Client) -> None:
    page = client.get(reverse("core:privacy")).content.decode()

    assert "Sitzungs-Cookie" in page
    assert "(CSRF)" in page
    assert "keinen Cookie-Hinweis" in page


@pytest.mark.django_db
def test_the_english_pages_have_english_texts(client: Client) -> None:
    page = client.get("/en/datenschutz/").content.decode()

    assert "Privacy policy" in page
    assert "there is no cookie notice" in page


@pytest.mark.django_db
def test_an_agency_folder_replaces_a_default_text(
    client: Client, settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "impressum.de.html").write_text("<p>Stadt Musterstadt, Markt 1</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path]},
    ]

    impressum = client.get(reverse("core:impressum")).content.decode()
    english = client.get("/en/impressum/").content.decode()

    assert "Stadt Musterstadt, Markt 1" in impressum
    assert "Stadt Musterstadt, Markt 1" not in english
