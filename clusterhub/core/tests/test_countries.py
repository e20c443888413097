"""The country select: ISO 3166 codes with German names, in German order, validated."""

from __future__ import annotations

from django.utils import translation

from clusterhub.core.countries import country_choices, country_names
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
