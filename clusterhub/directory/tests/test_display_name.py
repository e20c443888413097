"""An organisation's name shows its legal form once, wherever the name appears."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from clusterhub.directory.models import display_name
from tests.factories import OrganisationFactory


@pytest.mark.parametrize(
    ("name", "legal_form", "shown"),
    [
        ("FUCHS LUBRICANTS GERMANY GmbH", "GmbH", "FUCHS LUBRICANTS GERMANY GmbH"),
        ("Agriflow GmbH", "GmbH", "Agriflow GmbH"),
        (
            "Rhein-Neckar Robotik UG (haftungsbeschränkt)",
            "UG (haftungsbeschränkt)",
            "Rhein-Neckar Robotik UG (haftungsbeschränkt)",
        ),
        ("Muster gmbh", "GmbH", "Muster gmbh"),
        ("Pepperl+Fuchs", "SE", "Pepperl+Fuchs SE"),
        ("Seeberger", "GmbH & Co. KG", "Seeberger GmbH & Co. KG"),
        ("Stadtwerke", "", "Stadtwerke"),
        # "AG" inside a word is not the legal form.
        ("AGRAVIS Raiffeisen", "AG", "AGRAVIS Raiffeisen AG"),
    ],
)
def test_display_name_names_the_legal_form_once(name: str, legal_form: str, shown: str) -> None:
    assert display_name(name, legal_form) == shown


@pytest.mark.django_db
def test_organisation_page_and_list_show_the_legal_form_once(
    login: Callable[[str], Client],
) -> None:
    organisation = OrganisationFactory.create(name="Agriflow GmbH", legal_form="GmbH")
    client = login("admin")
    detail = client.get(reverse("directory:organisation_detail", args=[organisation.pk]))
    listing = client.get(reverse("directory:organisation_list"), {"q": "Agriflow"})
    for response in (detail, listing):
        text = " ".join(strip_tags(response.content.decode()).split())
        assert "Agriflow GmbH" in text
        assert "GmbH GmbH" not in text
