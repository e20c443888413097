"""The country select: ISO 3166 codes with German names, in German order, validated."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.utils import translation

from clusterhub.core.countries import country_choices, country_names
from clusterhub.core.widgets import CountrySelect
from clusterhub.events.forms import RegistrationForm

VALID = {
    "first_name": "Jana",
    "last_name": "Becker",
    "email": "jana@example.org",
    "consent": "on",
}


def test_countries_carry_german_names_and_umlauts_sort_with_their_letter() -> None:
    names = country_names("de")
    codes = list(names)
    assert names["DE"] == "Deutschland" and names["AT"] == "Österreich"
    assert codes.index("EG") < codes.index("AL")  # Ägypten before Albanien, as in German lists
    assert all(len(code) == 2 and code.isupper() for code in codes)
    assert "EU" not in names and "ZZ" not in names
    assert len(names) > 240


def test_the_page_language_picks_the_names() -> None:
    with translation.override("en"):
        assert dict(country_choices())["DE"] == "Germany"
    with translation.override("de"):
        assert dict(country_choices())["DE"] == "Deutschland"


def test_the_form_takes_a_code_in_either_case_and_refuses_an_unknown_one() -> None:
    lower = RegistrationForm({**VALID, "country": "pl"})
    unknown = RegistrationForm({**VALID, "country": "XY"})

    assert lower.is_valid() and lower.cleaned_data["country"] == "PL"
    assert not unknown.is_valid()
    assert unknown.errors["country"] == ["Bitte wählen Sie ein Land aus der Liste."]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("value", ["DE", "PL", "", None, "xy"])
def test_the_cached_country_select_renders_what_django_s_select_renders(
    language: str, value: str | None
) -> None:
    # The options are rendered once per language and choice (the rush's event page); the page
    # must not tell the difference.
    attrs = {"id": "id_country", "class": "kern-form-input__select", "required": True}
    with translation.override(language):
        cached = CountrySelect().render("country", value, attrs)
        plain = forms.Select(choices=country_choices()).render("country", value, attrs)
    # Django's template adds line breaks and keeps the attributes' order.
    cached_tag, cached_options = split_select(cached)
    plain_tag, plain_options = split_select(re.sub(r">\s+<", "><", plain.strip()))
    assert sorted(cached_tag.split()) == sorted(plain_tag.split())
    assert cached_options == plain_options
    assert cached_options.count("<option") > 240


def split_select(html: str) -> tuple[str, str]:
    tag, _sep, options = html.partition(">")
    return tag, options


def test_the_registration_form_shows_its_posted_country_chosen_in_the_page_language() -> None:
    with translation.override("en"):
        html = str(RegistrationForm({**VALID, "country": "AT"})["country"])
    assert '<option value="AT" selected>Austria</option>' in html
    assert html.count(" selected") == 1
