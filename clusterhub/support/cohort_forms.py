from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.validators import validate_one_line
from clusterhub.core.widgets import FastSelect
from clusterhub.directory.models import Organisation
from clusterhub.support.models import CohortEntry

SCORE_CHOICES = [("", "–")] + [(str(n), str(n)) for n in range(1, 6)]


class ApplicationForm(KernFormMixin, forms.Form):
    """A founder's application: who, the call's own questions, consent."""

    organisation_name = forms.CharField(
        label=_("Name des Start-ups / der Organisation"),
        max_length=200,
        validators=[validate_one_line],
    )
    contact_name = forms.CharField(
        label=_("Ihr Name"), max_length=200, validators=[validate_one_line]
    )
    email = forms.EmailField(label=_("E-Mail-Adresse"))

    def __init__(self, *args: Any, questions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_names = []
        for number, question in enumerate(questions):
            name = f"answer_{number}"
            self.fields[name] = forms.CharField(
                label=question,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 4, "class": "kern-form-input__input"}),
            )
            self.question_names.append(name)
        # Consent last, after the questions.
        self.fields["consent"] = forms.BooleanField(
            label=_(
                "Ich willige ein, dass die Wirtschaftsförderung Mannheim meine Angaben zur "
                "Prüfung und Begutachtung dieser Bewerbung verwendet, sie den Gutachtenden "
                "zeigt und mich dazu per E-Mail kontaktiert."
            ),
            error_messages={
                "required": _("Ohne Ihre Einwilligung können wir die Bewerbung nicht prüfen.")
            },
            widget=forms.CheckboxInput(attrs={"class": "kern-form-check__checkbox"}),
        )

    def answers(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.question_names]


def _person(user: Any) -> str:
    return str(user.get_full_name() or user.username)


class ReviewersForm(KernFormMixin, forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Gutachtende"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "kern-form-check__checkbox"}),
        required=False,
    )

    def __init__(self, *args: Any, candidates: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewers"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = candidates
        field.label_from_instance = _person  # type: ignore[method-assign,assignment]


class ReviewForm(KernFormMixin, forms.Form):
    """The scoring sheet: first the declaration, then a score per criterion (required
    unless a conflict is declared, so not marked optional)."""

    marks_optional = False

    conflict = forms.ChoiceField(
        label=_("Interessenkonflikt"),
        choices=[
            ("no", _("Ich erkläre: Es besteht kein Interessenkonflikt.")),
            ("yes", _("Es besteht ein Interessenkonflikt; ich bewerte diese Bewerbung nicht.")),
        ],
        widget=forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
        error_messages={"required": _("Bitte erklären Sie, ob ein Interessenkonflikt besteht.")},
    )
    comment = forms.CharField(
        label=_("Kommentar"), required=False, max_length=4000, widget=forms.Textarea({"rows": 3})
    )

    def __init__(self, *args: Any, criteria: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion['key']}"] = forms.TypedChoiceField(
                label=f"{criterion['label']} ({criterion['weight']} %)",
                choices=SCORE_CHOICES,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.Select(attrs={"class": "kern-form-input__select"}),
            )
        self.order_fields(["conflict", *[f"score_{c['key']}" for c in criteria], "comment"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("conflict") == "no":
            for criterion in self.criteria:
                name = f"score_{criterion['key']}"
                if cleaned.get(name) is None:
                    self.add_error(name, _("Bitte bewerten Sie dieses Kriterium (1–5)."))
        return cleaned

    def scores(self) -> dict[str, int]:
        return {
            criterion["key"]: self.cleaned_data[f"score_{criterion['key']}"]
            for criterion in self.criteria
            if self.cleaned_data.get(f"score_{criterion['key']}") is not None
        }


class DecisionForm(KernFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[("accept", _("Aufnehmen")), ("decline", _("Ablehnen"))],
        widget=forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation im Verzeichnis"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=FastSelect,
        help_text=_("Leer lassen, um ein neues Start-up mit dem Namen der Bewerbung anzulegen."),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations.order_by("name")


class EntryForm(KernFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Art"), choices=CohortEntry.Kind.choices)
    day = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("Titel"), max_length=200, validators=[validate_one_line])


class CallForm(KernFormMixin, forms.Form):
    """A new call: questions one per line, the sheet as "Kriterium: Gewicht" per line."""

    programme = forms.CharField(
        label=_("Programm"),
        max_length=200,
        validators=[validate_one_line],
        help_text=_("z. B. S-Hub Accelerator, Life Science Accelerator BW"),
    )
    name = forms.CharField(
        label=_("Name der Kohorte"), max_length=200, validators=[validate_one_line]
    )
    slug = forms.SlugField(label=_("Kurzname (für die Adresse)"), max_length=50)
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.none())
    deadline = forms.DateTimeField(
        label=_("Bewerbungsschluss"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    description = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    questions = forms.CharField(
        label=_("Fragen an die Bewerbenden"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eine Frage je Zeile."),
    )
    criteria = forms.CharField(
        label=_("Bewertungsbogen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        initial="Team: 30\nMarkt: 25\nInnovation: 25\nPassung zum Programm: 20",
        help_text=_("Je Zeile ein Kriterium und sein Gewicht in Prozent, zusammen 100."),
    )

    def __init__(self, *args: Any, clusters: QuerySet[Cluster], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["cluster"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = clusters

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        return [line[:300] for line in lines if line]

    def clean_criteria(self) -> list[tuple[str, int]]:
        criteria: list[tuple[str, int]] = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            label, _sep, weight = line.rpartition(":")
            if not label.strip() or not weight.strip().rstrip("%").strip().isdigit():
                raise forms.ValidationError(
                    _("Bitte je Zeile „Kriterium: Gewicht“ angeben, z. B. „Team: 30“.")
                )
            criteria.append((label.strip()[:100], int(weight.strip().rstrip("%"))))
        return criteria
