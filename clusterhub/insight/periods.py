"""The periods a page can be asked for: a calendar year, the last twelve months, or any
from–to; each is compared with the period of the same length before it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusterhub.core.forms import KernFormMixin
from clusterlogic.insight.figures import Period

LAST_TWELVE_MONTHS = "12m"


def today() -> dt.date:
    return timezone.localdate()


def last_twelve_months(on: dt.date | None = None) -> Period:
    end = on or today()
    return Period(start=end - dt.timedelta(days=364), end=end)


def calendar_year(year: int) -> Period:
    return Period(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))


def preset_periods(on: dt.date | None = None) -> list[Period]:
    """The periods the refresh task keeps ready: the last twelve months, this year and the
    two before it."""
    year = (on or today()).year
    return [last_twelve_months(on), *(calendar_year(y) for y in (year, year - 1, year - 2))]


class PeriodForm(KernFormMixin, forms.Form):
    marks_optional = False

    period = forms.ChoiceField(label=_("Zeitraum"), required=False)
    start = forms.DateField(
        label=_("von"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("bis"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = today().year
        choices: list[tuple[str, object]] = [(LAST_TWELVE_MONTHS, _("Letzte zwölf Monate"))]
        choices += [(str(y), str(y)) for y in range(year, year - 5, -1)]
        choices += [("custom", _("Eigener Zeitraum (von – bis)"))]
        period = self.fields["period"]
        assert isinstance(period, forms.ChoiceField)
        period.choices = choices

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Bitte Beginn und Ende angeben."))
            if end < start:
                raise forms.ValidationError(_("Das Ende liegt vor dem Beginn."))
        return data

    def chosen(self) -> Period:
        """The period asked for; the last twelve months when nothing (valid) was asked."""
        if not self.is_valid():
            return last_twelve_months()
        choice = self.cleaned_data.get("period") or LAST_TWELVE_MONTHS
        if choice == "custom":
            return Period(start=self.cleaned_data["start"], end=self.cleaned_data["end"])
        if choice.isdigit():
            return calendar_year(int(choice))
        return last_twelve_months()


def period_query(period: Period) -> str:
    """The query string that asks for ``period`` again (links between the insight pages)."""
    return f"period=custom&start={period.start.isoformat()}&end={period.end.isoformat()}"
