"""``core.forms.submit``: a service's refusal lands on the form; nothing runs for bad input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clusterhub.core.forms import submit


class NameForm(forms.Form):
    name = forms.CharField(max_length=20)


def test_a_valid_form_hands_its_cleaned_data_to_the_service_and_returns_its_result() -> None:
    form = NameForm({"name": "  Fuchs GmbH  "})
    accepted = submit(form, lambda data: data["name"].upper())
    assert accepted is not None
    assert accepted.result == "FUCHS GMBH"


def test_a_service_that_returns_nothing_still_counts_as_accepted() -> None:
    assert submit(NameForm({"name": "x"}), lambda data: None)


def test_an_invalid_form_never_reaches_the_service() -> None:
    calls: list[dict[str, Any]] = []
    assert submit(NameForm({"name": ""}), calls.append) is None
    assert calls == []


def test_the_services_refusal_becomes_a_non_field_error_and_keeps_the_input() -> None:
    def refuse(data: dict[str, Any]) -> None:
        raise ValidationError("Der Raum ist zu dieser Zeit belegt.")

    form = NameForm({"name": "Fuchs"})
    assert submit(form, refuse) is None
    assert form.non_field_errors() == ["Der Raum ist zu dieser Zeit belegt."]
    assert form["name"].value() == "Fuchs"
