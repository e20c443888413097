"""The lists that can be exported: each reads through its app's door (``*_visible_to``) and
the filter of its page, so an export holds exactly the rows and columns its user may see."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusterhub.accounts.roles import Viewer
from clusterhub.core.spreadsheets import Cell
from clusterhub.crm.access import follow_ups_for, interactions_visible_to
from clusterhub.directory import search
from clusterhub.directory.access import organisations_visible_to, people_visible_to
from clusterhub.directory.forms import OrganisationFilterForm
from clusterhub.directory.models import Membership, Organisation, Person
from clusterhub.events.access import events_visible_to


@dataclass(frozen=True)
class ExportList:
    slug: str
    title: Promise
    allowed: Callable[[Viewer], bool]
    rows: Callable[[Viewer, QueryDict], QuerySet[Any]]
    header: Callable[[], list[str]]
    row: Callable[[Any], list[Cell]]


def _day(value: object) -> str:
    return value.strftime("%d.%m.%Y") if value else ""  # type: ignore[attr-defined]


def _moment(value: object) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""  # type: ignore[arg-type]


def organisations(viewer: Viewer, params: QueryDict) -> QuerySet[Organisation]:
    """The organisation list with the page's filter (search, cluster, kind, theme, status, city)."""
    form = OrganisationFilterForm(params)
    qs = organisations_visible_to(viewer)
    if not form.is_valid():
        return qs.order_by("name", "id")
    data = form.cleaned_data
    if data.get("cluster"):
        members = Membership.objects.filter(cluster=data["cluster"], ended_on__isnull=True)
        qs = qs.filter(pk__in=members.values("organisation_id"))
    for name in ("kind", "status"):
        if data.get(name):
            qs = qs.filter(**{name: data[name]})
    if data.get("city"):
        qs = qs.filter(city__iexact=data["city"])
    if data.get("theme"):
        qs = qs.filter(themes=data["theme"])
    if (data.get("q") or "").strip():
        qs = qs.filter(pk__in=search.candidate_ids(data["q"]))
    return qs.prefetch_related("memberships__cluster").order_by("name", "id")


def _organisation_row(organisation: Organisation) -> list[Cell]:
    clusters = sorted(m.cluster.name for m in organisation.memberships.all() if m.ended_on is None)
    return [
        organisation.name, organisation.legal_form, organisation.get_kind_display(),
        organisation.get_status_display(), organisation.street, organisation.postcode,
        organisation.city, organisation.country, organisation.website, ", ".join(clusters),
    ]  # fmt: skip


def people(viewer: Viewer, params: QueryDict) -> QuerySet[Person]:
    """The people list with its search by name."""
    qs = people_visible_to(viewer)
    query = params.get("q", "").strip()
    if query:
        qs = qs.filter(last_name__icontains=query) | qs.filter(first_name__icontains=query)
    return qs.prefetch_related("affiliations__organisation").order_by(
        "last_name", "first_name", "id"
    )


def _person_row(person: Person) -> list[Cell]:
    places = [
        f"{a.organisation.name} ({a.function})" if a.function else a.organisation.name
        for a in person.affiliations.all()
    ]
    return [person.last_name, person.first_name, person.email, person.phone, "; ".join(places)]


def memberships(viewer: Viewer, params: QueryDict) -> QuerySet[Membership]:
    qs = Membership.objects.filter(organisation__in=organisations_visible_to(viewer))
    cluster = str(params.get("cluster", ""))
    if cluster.isdigit():
        qs = qs.filter(cluster_id=int(cluster))
    return qs.select_related("organisation", "cluster").order_by(
        "cluster__name", "organisation__name", "id"
    )


def _membership_row(membership: Membership) -> list[Cell]:
    return [
        membership.organisation.name, membership.cluster.name, membership.get_role_display(),
        _day(membership.started_on), _day(membership.ended_on),
    ]  # fmt: skip


def interactions(viewer: Viewer, params: QueryDict) -> QuerySet[Any]:
    return (
        interactions_visible_to(viewer)
        .select_related("cluster", "organisation", "person")
        .order_by("-occurred_on", "id")
    )


def _interaction_row(interaction: Any) -> list[Cell]:
    return [
        _day(interaction.occurred_on), interaction.get_kind_display(), interaction.cluster.name,
        interaction.organisation.name, str(interaction.person or ""), interaction.subject,
        interaction.notes,
    ]  # fmt: skip


def follow_ups(viewer: Viewer, params: QueryDict) -> QuerySet[Any]:
    qs = follow_ups_for(viewer)
    if params.get("open"):
        qs = qs.filter(done_at__isnull=True)
    return qs.select_related("interaction__organisation").order_by("due_on", "id")


def _follow_up_row(follow_up: Any) -> list[Cell]:
    return [
        _day(follow_up.due_on), follow_up.description, follow_up.interaction.organisation.name,
        follow_up.interaction.subject, _moment(follow_up.done_at),
    ]  # fmt: skip


def events(viewer: Viewer, params: QueryDict) -> QuerySet[Any]:
    return events_visible_to(viewer).order_by("starts_at", "id")


def _event_row(event: Any) -> list[Cell]:
    return [
        event.title, _moment(event.starts_at), _moment(event.ends_at), event.venue,
        event.capacity, event.get_status_display(),
    ]  # fmt: skip


def _staff(viewer: Viewer) -> bool:
    return viewer.is_agency_staff


def _note_writers(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_manager


LISTS: dict[str, ExportList] = {
    spec.slug: spec
    for spec in [
        ExportList(
            "organisationen", gettext_lazy("Organisationen"), _staff, organisations,
            lambda: [
                _("Name"), _("Rechtsform"), _("Art"), _("Status"), _("Straße und Hausnummer"),
                _("PLZ"), _("Ort"), _("Land"), _("Website"), _("Cluster"),
            ],
            _organisation_row,
        ),
        ExportList(
            "personen", gettext_lazy("Personen"), _staff, people,
            lambda: [_("Nachname"), _("Vorname"), _("E-Mail"), _("Telefon"), _("Organisationen")],
            _person_row,
        ),
        ExportList(
            "mitgliedschaften", gettext_lazy("Mitgliedschaften"), _staff, memberships,
            lambda: [_("Organisation"), _("Cluster"), _("Rolle"), _("Seit"), _("Bis")],
            _membership_row,
        ),
        ExportList(
            "kontakte", gettext_lazy("Kontakte"), _note_writers, interactions,
            lambda: [
                _("Datum"), _("Art"), _("Cluster"), _("Organisation"), _("Person"),
                _("Betreff"), _("Notizen"),
            ],
            _interaction_row,
        ),
        ExportList(
            "wiedervorlagen", gettext_lazy("Wiedervorlagen"), _note_writers, follow_ups,
            lambda: [
                _("Fällig am"), _("Aufgabe"), _("Organisation"), _("Betreff"), _("Erledigt am"),
            ],
            _follow_up_row,
        ),
        ExportList(
            "veranstaltungen", gettext_lazy("Veranstaltungen"), _staff, events,
            lambda: [_("Titel"), _("Beginn"), _("Ende"), _("Ort"), _("Plätze"), _("Status")],
            _event_row,
        ),
    ]
}  # fmt: skip


def iter_rows(spec: ExportList, qs: QuerySet[Any]) -> Iterator[list[Cell]]:
    # In chunks, prefetches included: a large export never holds every row at once.
    for obj in qs.iterator(chunk_size=2000):
        yield spec.row(obj)
