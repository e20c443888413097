"""Validators shared by the apps' models."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Everything Python counts as a line boundary; a mail header may hold none of them.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def validate_one_line(value: str) -> None:
    """One-line fields (titles, names, places) end up in mail subjects, where Django refuses a
    line break (BadHeaderError): refuse it when the field is saved from a form."""
    if any(character in LINE_BREAKS for character in value):
        raise ValidationError(
            _("Bitte ohne Zeilenumbruch eingeben: dieses Feld ist einzeilig."), code="line_break"
        )
