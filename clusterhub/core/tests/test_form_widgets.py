"""Form widgets: multiple selects show every choice, times are picked as a date and a time."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.core.forms import DateAndTimeField, KernFormMixin
from clusterhub.core.widgets import MULTIPLE_SELECT_ROWS, FastSelectMultiple
from clusterhub.taxonomy.models import Theme
from tests.factories import ThemeFactory


def selected_options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {name}"
    return re.findall(r'<option value="[^"]*" selected>([^<]*)</option>', select.group(1))


def test_organisation_form_shows_all_four_chosen_themes(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    themes = [ThemeFactory.create(label_de=f"Thema {n}") for n in range(8)]
    registry.smart_member.themes.set(themes[:4])
    url = reverse("directory:organisation_edit", args=[registry.smart_member.pk])
    html = login("smart_manager").get(url).content.decode()

    select = re.search(r'<select[^>]*name="themes"[^>]*>', html)
    assert select is not None
    tag = select.group(0)
    assert " multiple" in tag and "data-multiselect" in tag
    assert 'size="8"' in tag  # every option in view without JavaScript
    assert "kern-form-input__select-wrapper" not in html.split('name="themes"')[0][-200:]
    assert selected_options(html, "themes") == [theme.label for theme in themes[:4]]


class ThemesForm(KernFormMixin, forms.Form):
    themes = forms.ModelMultipleChoiceField(queryset=Theme.objects.none(), required=False)


@pytest.mark.django_db
def test_long_lists_show_a_bounded_number_of_rows() -> None:
    for n in range(MULTIPLE_SELECT_ROWS + 5):
        ThemeFactory.create(label_de=f"Thema {n:02}")
    form = ThemesForm()
    form.fields["themes"].queryset = Theme.objects.order_by("label_de")  # type: ignore[attr-defined]
    assert isinstance(form.fields["themes"].widget, FastSelectMultiple)
    assert f'size="{MULTIPLE_SELECT_ROWS}"' in str(form["themes"])
    assert str(form["themes"]).count("<option") == MULTIPLE_SELECT_ROWS + 5


class WhenForm(KernFormMixin, forms.Form):
    when = DateAndTimeField(label="Beginn")


def test_date_and_time_are_two_labelled_pickers() -> None:
    html = str(WhenForm()["when"])
    assert 'type="date"' in html and 'type="time"' in html
    assert '<label class="kern-label kern-body--small" for="id_when_0">Datum</label>' in html
    assert '<label class="kern-label kern-body--small" for="id_when_1">Uhrzeit</label>' in html


@pytest.mark.parametrize("date", ["2026-05-04", "04.05.2026"])
def test_date_and_time_take_iso_and_german_dates(date: str) -> None:
    form = WhenForm({"when_0": date, "when_1": "18:00"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"].strftime("%d.%m.%Y %H:%M") == "04.05.2026 18:00"


def test_a_missing_time_is_named_in_german() -> None:
    form = WhenForm({"when_0": "2026-05-04", "when_1": ""})
    assert not form.is_valid()
    assert form.errors["when"] == ["Bitte Datum und Uhrzeit angeben."]
