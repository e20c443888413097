"""The organisation form checks what a person would see as wrong, in German, keeping the input."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.directory.forms import MemberProfileForm, OrganisationForm
from clusterhub.directory.tests.test_services import form_data


def test_german_postcode_must_have_five_digits_and_the_input_is_kept(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    organisation = registry.smart_member
    url = reverse("directory:organisation_edit", args=[organisation.pk])
    response = login("smart_manager").post(
        url, form_data(organisation, postcode="ABCDE-123456", country="DE")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Eine deutsche Postleitzahl hat fünf Ziffern" in body
    assert 'value="ABCDE-123456"' in body
    organisation.refresh_from_db()
    assert organisation.postcode != "ABCDE-123456"


def test_foreign_postcode_is_taken_as_written(registry: Registry) -> None:
    organisation = registry.smart_member
    form = OrganisationForm(
        form_data(organisation, postcode="1012 AB", country="NL"), instance=organisation
    )
    assert form.is_valid(), form.errors


def test_country_is_chosen_by_name(registry: Registry, login: Callable[[str], Client]) -> None:
    organisation = registry.smart_member
    url = reverse("directory:organisation_edit", args=[organisation.pk])
    body = login("smart_manager").get(url).content.decode()
    assert '<option value="DE" selected>Deutschland</option>' in body
    assert "ISO 3166" not in body
    form = OrganisationForm(form_data(organisation, country="Deutschland"), instance=organisation)
    assert "Bitte wählen Sie ein Land aus der Liste." in form.errors["country"]


def test_member_profile_does_not_ask_for_coordinates(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    assert "latitude" not in MemberProfileForm.base_fields
    assert "longitude" not in MemberProfileForm.base_fields
    body = login("member").get(reverse("directory:my_profile")).content.decode()
    assert "Breitengrad" not in body
    assert "Längengrad" not in body
    assert "latitude" in OrganisationForm.base_fields
