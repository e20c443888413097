"""Parsing the project pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.models import Account
from clusterhub.calls.models import FundingCall
from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import KernFormMixin
from clusterhub.directory.models import Organisation, Person
from clusterhub.projects.models import Participation, Project
from clusterhub.projects.stages import Stage
from clusterhub.taxonomy.models import Theme

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PARTNER_ROLES = [
    (role.value, role.label)
    for role in (
        Participation.Role.LEAD,
        Participation.Role.PARTNER,
        Participation.Role.ASSOCIATED,
        Participation.Role.SUBCONTRACTOR,
    )
]


def agency_users() -> QuerySet[Any]:
    roles = [Account.Role.ADMINISTRATOR, Account.Role.CLUSTER_MANAGER]
    return get_user_model().objects.filter(account__role__in=roles).order_by("username")


class ProjectForm(KernFormMixin, forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "title",
            "acronym",
            "summary",
            "themes",
            "clusters",
            "consortium",
            "call",
            "requested_funding",
            "granted_funding",
            "start_date",
            "end_date",
            "owner",
        ]
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args: Any, clusters: QuerySet[Cluster], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["clusters"].queryset = clusters.exclude(  # type: ignore[attr-defined]
            kind=Cluster.Kind.CONSORTIUM
        )
        self.fields["consortium"].queryset = clusters.filter(  # type: ignore[attr-defined]
            kind=Cluster.Kind.CONSORTIUM
        )
        self.fields["call"].queryset = FundingCall.objects.order_by(  # type: ignore[attr-defined]
            "identifier"
        )
        self.fields["owner"].queryset = agency_users()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("clusters") and not data.get("consortium"):
            raise forms.ValidationError(_("Bitte einen Cluster oder ein Konsortium wählen."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Das Ende liegt vor dem Beginn."))
        return data


class MoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("Phase"), choices=Stage.choices)


class PartnerForm(KernFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    role = forms.ChoiceField(label=_("Rolle"), choices=PARTNER_ROLES)
    contact_email = forms.EmailField(
        label=_("Ansprechperson (E-Mail)"),
        required=False,
        help_text=_("Eine Person der Organisation aus dem Verzeichnis."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation, email = data.get("organisation"), data.get("contact_email")
        data["contact"] = None
        if organisation is not None and email:
            contact = Person.objects.filter(
                email__iexact=email, affiliations__organisation=organisation
            ).first()
            if contact is None:
                self.add_error(
                    "contact_email",
                    _("Keine Person dieser Organisation mit dieser Adresse im Verzeichnis."),
                )
            data["contact"] = contact
        return data


class MilestoneForm(KernFormMixin, forms.Form):
    title = forms.CharField(label=_("Meilenstein oder Frist"), max_length=200)
    due_on = forms.DateField(label=_("Fällig am"), widget=DATE)
    owner = forms.ModelChoiceField(label=_("Zuständig"), queryset=agency_users(), required=False)


class DocumentForm(KernFormMixin, forms.Form):
    file = forms.FileField(label=_("Datei"))


class NoteForm(KernFormMixin, forms.Form):
    text = forms.CharField(label=_("Notiz"), widget=forms.Textarea(attrs={"rows": 3}))


class CallLinkForm(KernFormMixin, forms.Form):
    call = forms.ModelChoiceField(
        label=_("Förderaufruf"),
        queryset=FundingCall.objects.order_by("identifier"),
        required=False,
        empty_label=_("keiner"),
    )


class ProjectFilterForm(KernFormMixin, forms.Form):
    marks_optional = False

    q = forms.CharField(label=_("Suche"), required=False)
    stage = forms.ChoiceField(label=_("Phase"), required=False)
    cluster = forms.ModelChoiceField(
        label=_("Cluster / Konsortium"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("alle"),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"), queryset=Theme.objects.all(), required=False, empty_label=_("alle")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("alle")), *Stage.choices]  # type: ignore[attr-defined]
