"""Staff forms: an event, planning a format's events, an invitation segment; and feedback."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.roles import Viewer
from clusterhub.clusters.models import Cluster
from clusterhub.core.forms import DateAndTimeField, KernFormMixin
from clusterhub.directory.models import Organisation
from clusterhub.events.invitations import InvitationPreview, Segment
from clusterhub.events.models import Event, Format
from clusterhub.taxonomy.models import Theme


def fileable_clusters(viewer: Viewer, instance: Event | Format) -> QuerySet[Cluster]:
    """Clusters an event or format may be filed under: a manager's own, plus those it already
    has (so editing never drops another cluster's co-ownership); every cluster for admins."""
    clusters = Cluster.objects.order_by("name")
    if viewer.is_admin:
        return clusters
    current = instance.clusters.all() if instance.pk else Cluster.objects.none()
    return clusters.filter(Q(pk__in=viewer.managed_cluster_ids) | Q(pk__in=current.values("pk")))


def require_own_cluster(viewer: Viewer, clusters: Any) -> Any:
    if not viewer.is_admin and not {c.pk for c in clusters} & viewer.managed_cluster_ids:
        raise forms.ValidationError(_("Wählen Sie mindestens einen Cluster, den Sie betreuen."))
    return clusters


class EventForm(KernFormMixin, forms.ModelForm):
    """An event as staff edit it; a cluster manager may only file it under their clusters."""

    online_url = forms.URLField(
        label=_("Online-Link"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Bitte eine vollständige Adresse angeben (https://…).")},
    )

    class Meta:
        model = Event
        fields = [
            "format",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "online_url",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "audience",
            "language",
            "themes",
            "clusters",
            "status",
        ]
        field_classes = {
            "starts_at": DateAndTimeField,
            "ends_at": DateAndTimeField,
            "registration_opens_at": DateAndTimeField,
            "registration_closes_at": DateAndTimeField,
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.fields["clusters"].queryset = fileable_clusters(viewer, self.instance)  # type: ignore[attr-defined]
        self.fields["clusters"].required = not viewer.is_admin
        self.fields["themes"].queryset = Theme.objects.order_by("label_de")  # type: ignore[attr-defined]
        for field in ("title", "capacity"):
            self.fields[field].error_messages["required"] = _("Bitte füllen Sie dieses Feld aus.")
        managed = sorted(viewer.managed_cluster_ids)
        if not self.instance.pk and managed:
            # A manager files most events under her own cluster: chosen already, so the
            # first save does not fail on a required field she did not see as empty.
            self.initial.setdefault("clusters", managed)

    def clean_clusters(self) -> Any:
        return require_own_cluster(self.viewer, self.cleaned_data["clusters"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error(
                "registration_closes_at",
                _("Der Anmeldeschluss muss nach dem Anmeldebeginn liegen."),
            )
        if not data.get("venue") and not data.get("address") and not data.get("online_url"):
            self.add_error(
                "venue", _("Bitte geben Sie einen Ort, eine Adresse oder einen Online-Link an.")
            )
        return data


class PlanEventsForm(KernFormMixin, forms.Form):
    until = forms.DateField(
        label=_("Termine planen bis"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Bitte füllen Sie dieses Feld aus."),
            "invalid": _("Bitte ein Datum angeben, z. B. 2027-06-30."),
        },
    )

    def __init__(self, *args: Any, event_format: Format, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event_format = event_format

    def clean_until(self) -> dt.date:
        until: dt.date = self.cleaned_data["until"]
        if not self.event_format.recurrence or self.event_format.series_start is None:
            raise forms.ValidationError(
                _("Das Format hat keine Wiederholungsregel oder keinen ersten Termin.")
            )
        if until > timezone.localdate() + dt.timedelta(days=3 * 366):
            raise forms.ValidationError(_("Bitte höchstens drei Jahre im Voraus planen."))
        return until


class SegmentForm(KernFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.order_by("name"),
        required=False,
        empty_label=_("Alle Cluster"),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.order_by("label_de"),
        required=False,
        empty_label=_("Alle Themen"),
    )
    kind = forms.ChoiceField(
        label=_("Art der Organisation"),
        choices=[("", _("Alle Arten")), *Organisation.Kind.choices],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("cluster") or data.get("theme") or data.get("kind")):
            raise forms.ValidationError(
                _("Bitte wählen Sie einen Cluster, ein Thema oder eine Art der Organisation.")
            )
        return data

    def segment(self) -> Segment:
        data = self.cleaned_data
        return Segment(cluster=data.get("cluster"), theme=data.get("theme"), kind=data["kind"])


class SendInvitationsForm(KernFormMixin, forms.Form):
    """The confirm step: the count the person saw in the preview, and, when invitees would
    land on the waitlist, that they know it. A changed count shows the preview again."""

    confirmed_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    waitlist_accepted = forms.BooleanField(
        label=_("Ich weiß, dass Eingeladene, die sich anmelden, auf die Warteliste kommen."),
        required=False,
    )

    def __init__(self, *args: Any, preview: InvitationPreview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.preview = preview
        if not preview.would_waitlist:
            del self.fields["waitlist_accepted"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        count = data.get("confirmed_count")
        if count is not None and count != self.preview.to_invite:
            raise forms.ValidationError(
                _(
                    "Die Zahl der Einzuladenden hat sich seit der Vorschau geändert. Bitte "
                    "prüfen Sie die Vorschau und bestätigen Sie erneut."
                )
            )
        if self.preview.would_waitlist and not data.get("waitlist_accepted"):
            self.add_error(
                "waitlist_accepted",
                _("Bitte bestätigen Sie, dass Eingeladene auf die Warteliste kommen."),
            )
        return data


class FeedbackForm(KernFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Wie bewerten Sie die Veranstaltung? (1 = schlecht, 5 = sehr gut)"),
        choices=[(value, str(value)) for value in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie eine Bewertung von 1 bis 5."),
            "invalid_choice": _("Bitte wählen Sie eine Bewertung von 1 bis 5."),
        },
    )
    comment = forms.CharField(
        label=_("Was möchten Sie uns sagen? (freiwillig)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )


class FormatForm(KernFormMixin, forms.ModelForm):
    """A format (event series) as staff edit it; a manager files it under her clusters."""

    class Meta:
        model = Format
        fields = [
            "name",
            "slug",
            "description",
            "clusters",
            "recurrence",
            "series_start",
            "default_duration_minutes",
            "default_venue",
            "default_address",
            "default_capacity",
        ]
        field_classes = {"series_start": DateAndTimeField}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.fields["clusters"].queryset = fileable_clusters(viewer, self.instance)  # type: ignore[attr-defined]

    def clean_clusters(self) -> Any:
        return require_own_cluster(self.viewer, self.cleaned_data["clusters"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("recurrence") and not data.get("series_start"):
            self.add_error(
                "series_start", _("Eine Wiederholungsregel braucht einen ersten Termin.")
            )
        return data
