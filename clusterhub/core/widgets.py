"""Widgets that render in Python rather than through one template per option.

Django renders each ``<option>`` through its own template; the organisation filter has about
a hundred options, and that cost was most of the list page's time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from clusterhub.core.countries import country_names

# Without JavaScript a multiple select shows this many rows at most; the whole list scrolls.
MULTIPLE_SELECT_ROWS = 12


def render_select(widget: dict[str, Any], name: str, extra: dict[str, Any]) -> SafeString:
    options = [
        (option["value"], " selected" if option["selected"] else "", option["label"])
        for _group, choices, _index in widget["optgroups"]
        for option in choices
    ]
    attrs = widget["attrs"] | {"name": name} | extra
    if "size" in extra:
        attrs["size"] = max(2, min(len(options), MULTIPLE_SELECT_ROWS))
    return format_html(
        "<select{}>{}</select>",
        flatatt(attrs),
        format_html_join("", '<option value="{}"{}>{}</option>', options),
    )


class FastSelect(forms.Select):
    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        return render_select(self.get_context(name, value, attrs)["widget"], name, {})


# Per process: the options are a pure function of the code's country list and the language.
@lru_cache(maxsize=256)
def _country_options(language: str, selected: str) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (code, " selected" if code == selected else "", name)
            for code, name in country_names(language).items()
        ),
    )


class CountrySelect(forms.Select):
    """The select of every country (about 250 options), its options rendered once per language
    and chosen country: every registrant of a rush loads the event page with it."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        language = "en" if (get_language() or "de")[:2] == "en" else "de"
        chosen = self.format_value(value)
        selected = chosen[0] if len(chosen) == 1 else ""
        final_attrs = {"name": name} | self.build_attrs(self.attrs, attrs)
        return format_html(
            "<select{}>{}</select>", flatatt(final_attrs), _country_options(language, selected)
        )


class FastSelectMultiple(forms.SelectMultiple):
    """A multiple select that shows several rows (not one) and its chosen options, and that
    ``clusterhub/multiselect.js`` turns into a Tom Select box listing every chosen value
    with a button to remove each. Without JavaScript it stays a working ``<select multiple>``.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        extra = {
            "multiple": True,
            "size": 0,  # replaced by the number of rows
            "data-multiselect": "",
            "data-remove-label": gettext("Entfernen"),
            "data-no-results": gettext("Keine Treffer"),
        }
        return render_select(self.get_context(name, value, attrs)["widget"], name, extra)


class DateAndTimeWidget(forms.SplitDateTimeWidget):
    """The browser's date picker and time picker side by side, each labelled; no format to
    type in (without a picker the inputs take 04.05.2026 and 18:00 as well)."""

    template_name = "core/widgets/date_and_time.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            attrs,
            date_format="%Y-%m-%d",
            time_format="%H:%M",
            date_attrs={"type": "date"},
            time_attrs={"type": "time"},
        )
