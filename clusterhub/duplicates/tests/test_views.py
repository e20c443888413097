"""The "Dubletten" list, merging through the page, keeping apart and skipping."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from clusterhub.directory.models import Organisation
from tests.support.registry import Registry

LIST = "duplicates:pair_list"


def test_the_list_shows_the_pair_with_score_and_reason(
    login: Callable[[str], Client], registry: Registry, smart_twin: Organisation
) -> None:
    page = login("smart_manager").get(reverse(LIST)).content.decode()
    assert "Pepperl + Fuchs AG" in page
    assert "gleicher Name bis auf die Rechtsform (SE / AG)" in page
    assert reverse("duplicates:merge", args=[registry.smart_member.pk, smart_twin.pk]) in page


def test_a_reader_sees_the_list_without_actions(
    login: Callable[[str], Client], registry: Registry, smart_twin: Organisation
) -> None:
    page = login("reader").get(reverse(LIST)).content.decode()
    assert "Pepperl + Fuchs AG" in page
    assert reverse("duplicates:merge", args=[registry.smart_member.pk, smart_twin.pk]) not in page


def test_a_pair_kept_apart_is_never_shown_again(
    login: Callable[[str], Client], registry: Registry, smart_twin: Organisation
) -> None:
    client = login("smart_manager")
    pair = [smart_twin.pk, registry.smart_member.pk]
    client.post(reverse("duplicates:keep_apart", args=pair))
    assert "Pepperl + Fuchs AG" not in client.get(reverse(LIST)).content.decode()
    client.logout()
    assert "Pepperl + Fuchs AG" not in login("admin").get(reverse(LIST)).content.decode()


def test_a_skipped_pair_is_hidden_for_the_session_only(
    login: Callable[[str], Client], registry: Registry, smart_twin: Organisation
) -> None:
    client = login("reader")
    client.post(reverse("duplicates:skip", args=[registry.smart_member.pk, smart_twin.pk]))
    assert "Pepperl + Fuchs AG" not in client.get(reverse(LIST)).content.decode()
    client.logout()
    assert "Pepperl + Fuchs AG" in login("reader").get(reverse(LIST)).content.decode()


def test_merging_through_the_page(
    login: Callable[[str], Client], registry: Registry, smart_twin: Organisation
) -> None:
    url = reverse("duplicates:merge", args=[registry.smart_member.pk, smart_twin.pk])
    client = login("smart_manager")
    page = client.get(url).content.decode()
    assert "Vorschau des bleibenden Eintrags" in page
    data = {"survivor": "second", "name": "first", "legal_form": "first"}
    preview = client.post(url, {**data, "preview": "1"}).content.decode()
    assert "Pepperl+Fuchs" in preview
    assert Organisation.objects.filter(pk=registry.smart_member.pk).exists()
    response = client.post(url, {**data, "merge": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("directory:organisation_detail", args=[smart_twin.pk])
    smart_twin.refresh_from_db()
    assert (smart_twin.name, smart_twin.legal_form) == ("Pepperl+Fuchs", "SE")
    assert not Organisation.objects.filter(pk=registry.smart_member.pk).exists()
