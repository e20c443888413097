"""ISO 3166 countries with their names in the page's language (German by default), from CLDR
through Babel, for the registration form's country select and the statistics."""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale
from django.utils.translation import get_language

# Two-letter CLDR territories that are not countries (EU, euro zone, UN, "unknown" …).
NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def _sort_key(name: str) -> str:
    """Ä sorts with A, as in a German list, not after Z."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@cache
def country_names(language: str = "de") -> dict[str, str]:
    """Code → name, ordered by name."""
    try:
        territories = Locale.parse(language).territories
    except (ValueError, LookupError):
        territories = Locale("de").territories
    pairs = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return dict(sorted(pairs, key=lambda pair: _sort_key(pair[1])))


def current_country_names() -> dict[str, str]:
    language = (get_language() or "de")[:2]
    return country_names("en" if language == "en" else "de")


def country_choices() -> list[tuple[str, str]]:
    return list(current_country_names().items())


def country_name(code: str) -> str:
    return current_country_names().get(code.upper(), code or "?")
