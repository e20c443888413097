"""Writing one clean row: an organisation, a person with their organisation and function, or
a membership. Each writer runs inside the row's savepoint and says what became of the row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Affiliation, Membership, Organisation, Person
from clusterhub.directory.services import build_search_text
from clusterhub.imports.cleaning import CleanRow
from clusterhub.imports.duplicates import RegistryIndex, find_probable_duplicates, normalise_name
from clusterhub.imports.fields import Kind
from clusterhub.imports.models import HeldRow, ImportKey, ImportRun
from clusterhub.privacy.tombstones import is_erased_email

CREATED, UPDATED, UNCHANGED, HELD = "created", "updated", "unchanged", "held"
ORGANISATION_FIELDS = [
    "name", "legal_form", "kind", "street", "postcode", "city", "country", "website",
    "founding_year", "size_band", "description_de",
]  # fmt: skip
PERSON_FIELDS = ["first_name", "last_name", "email", "phone", "preferred_language"]


class RowRefused(ValidationError):
    """A row that is valid on its own but cannot be stored (its organisation is unknown)."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


@dataclass
class Context:
    actor: Actor
    run: ImportRun
    cluster: Cluster | None
    index: RegistryIndex
    keys: dict[str, int]
    # normalised organisation name → id, for people and memberships.
    organisations_by_name: dict[str, int] = field(default_factory=dict)
    allowed_cluster_ids: frozenset[int] | None = None  # None: every cluster
    # The organisations a batch's known keys point to, read in one query (see ``prefetch``).
    known_organisations: dict[int, Organisation] = field(default_factory=dict)


def organisation_key(values: dict[str, Any]) -> str:
    if values.get("key"):
        return f"id:{values['key']}"[:300]
    return f"name:{normalise_name(str(values['name']))}|{str(values.get('city', '')).casefold()}"[
        :300
    ]


def _remember(context: Context, kind: str, key: str, object_id: int) -> None:
    if context.keys.get(key) == object_id:
        return
    if key in context.keys:
        ImportKey.objects.filter(kind=kind, key=key).update(object_id=object_id)
    else:
        ImportKey.objects.create(kind=kind, key=key, object_id=object_id)
    context.keys[key] = object_id


def _update(actor: Actor, obj: Any, values: dict[str, Any], names: list[str]) -> str:
    """Set the given fields that differ; UNCHANGED when none does (a re-run of the same file)."""
    changes = {
        name: [getattr(obj, name), values[name]]
        for name in names
        if name in values and getattr(obj, name) != values[name]
    }
    if not changes:
        return UNCHANGED
    for name, (_before, after) in changes.items():
        setattr(obj, name, after)
    if isinstance(obj, Organisation):
        obj.search_text = build_search_text(obj)
    obj.save()
    audit.record(
        actor, AuditEntry.Action.UPDATE, obj, {k: [str(a), str(b)] for k, (a, b) in changes.items()}
    )
    return UPDATED


def ensure_membership(context: Context, organisation: Organisation) -> None:
    cluster = context.cluster
    if (
        cluster is None
        or organisation.memberships.filter(cluster=cluster, ended_on__isnull=True).exists()
    ):
        return
    membership = Membership.objects.create(organisation=organisation, cluster=cluster)
    if organisation.status == Organisation.Status.PROSPECT:
        organisation.status = Organisation.Status.MEMBER
        organisation.save(update_fields=["status", "updated_at"])
    audit.record(
        context.actor, AuditEntry.Action.CREATE, membership, {"cluster": [None, cluster.name]}
    )


def create_organisation(context: Context, key: str, values: dict[str, Any]) -> Organisation:
    organisation = Organisation(
        **{name: values[name] for name in ORGANISATION_FIELDS if name in values}
    )
    organisation.search_text = build_search_text(organisation)
    organisation.save()
    audit.record(
        context.actor,
        AuditEntry.Action.CREATE,
        organisation,
        {name: [None, str(values[name])] for name in ORGANISATION_FIELDS if name in values},
    )
    _remember(context, Kind.ORGANISATIONS, key, organisation.pk)
    context.index.add(organisation.pk, organisation.name, organisation.city)
    ensure_membership(context, organisation)
    return organisation


def merge_into(
    context: Context,
    key: str,
    values: dict[str, Any],
    organisation: Organisation,
    *,
    fill_blanks: bool = True,
) -> None:
    """The row is ``organisation``: fill its empty fields from the row, remember the key."""
    if fill_blanks:
        blanks = [
            name
            for name in ORGANISATION_FIELDS
            if name != "name" and not getattr(organisation, name)
        ]
        _update(context.actor, organisation, values, blanks)
    _remember(context, Kind.ORGANISATIONS, key, organisation.pk)
    ensure_membership(context, organisation)


def write_organisation(context: Context, row: CleanRow) -> str:
    values = row.values
    key = organisation_key(values)
    known = context.keys.get(key)
    organisation = None
    if known:
        organisation = context.known_organisations.get(known)
        organisation = organisation or Organisation.objects.filter(pk=known).first()
    if organisation is not None:
        # A file fills what the record lacks and never overwrites what staff keep in the
        # registry (nor the name of the organisation a held row was merged into).
        blanks = [name for name in ORGANISATION_FIELDS if not getattr(organisation, name)]
        outcome = _update(context.actor, organisation, values, blanks)
        ensure_membership(context, organisation)
        return outcome
    candidates = find_probable_duplicates(
        str(values["name"]), str(values.get("city", "")), context.index
    )
    if candidates:
        # A re-run of a file whose rows still wait for a decision holds them no second time.
        pending = HeldRow.objects.filter(
            run__kind=Kind.ORGANISATIONS, key=key, decision=HeldRow.Decision.PENDING
        ).exclude(run=context.run)
        if not pending.exists():
            HeldRow.objects.create(
                run=context.run,
                line=row.line,
                key=key,
                values=dict(values),
                candidates=[
                    {"id": c.organisation_id, "name": c.name, "score": c.score} for c in candidates
                ],
            )
        return HELD
    create_organisation(context, key, values)
    return CREATED


def _organisation_for(context: Context, name: str, column: str) -> int:
    found = context.organisations_by_name.get(normalise_name(name))
    if found is None:
        raise RowRefused(
            column, _("Organisation „%(name)s“ ist nicht im Verzeichnis.") % {"name": name}
        )
    return found


def write_person(context: Context, row: CleanRow) -> str:
    values = row.values
    email = str(values.get("email", ""))
    organisation_name = str(values.get("organisation", ""))
    organisation_id = (
        _organisation_for(context, organisation_name, _("Organisation"))
        if organisation_name
        else None
    )
    full_name = normalise_name(f"{values['first_name']} {values['last_name']}")
    key = f"mail:{email}" if email else f"name:{full_name}|{organisation_id or ''}"
    known = context.keys.get(key)
    person = Person.objects.filter(pk=known, erased_at__isnull=True).first() if known else None
    if person is None and email:
        person = Person.objects.filter(email__iexact=email, erased_at__isnull=True).first()
    if person is None and email and is_erased_email(email):
        # DSGVO Art. 17: an erased person is not brought back by a later import.
        raise RowRefused(
            _("E-Mail"),
            _("Diese Person hat ihre Daten löschen lassen; sie wird nicht neu angelegt."),
        )
    if person is None:
        person = Person.objects.create(
            **{name: values[name] for name in PERSON_FIELDS if name in values}
        )
        audit.record(
            context.actor,
            AuditEntry.Action.CREATE,
            person,
            {name: [None, str(values[name])] for name in PERSON_FIELDS if name in values},
        )
        outcome = CREATED
    else:
        outcome = _update(context.actor, person, values, PERSON_FIELDS)
    _remember(context, Kind.PEOPLE, key, person.pk)
    if organisation_id is not None:
        function = str(values.get("function", ""))
        affiliation, made = Affiliation.objects.get_or_create(
            person=person, organisation_id=organisation_id, defaults={"function": function}
        )
        if made:
            audit.record(
                context.actor, AuditEntry.Action.CREATE, affiliation, {"function": [None, function]}
            )
            outcome = UPDATED if outcome == UNCHANGED else outcome
        elif function and affiliation.function != function:
            outcome = _update(context.actor, affiliation, {"function": function}, ["function"])
    return outcome


def write_membership(context: Context, row: CleanRow) -> str:
    values = row.values
    organisation_id = _organisation_for(context, str(values["organisation"]), _("Organisation"))
    cluster = context.cluster
    if values.get("cluster"):
        wanted = str(values["cluster"])
        cluster = (
            Cluster.objects.filter(slug=wanted).first()
            or Cluster.objects.filter(name__iexact=wanted).first()
        )
        if cluster is None:
            raise RowRefused(
                _("Cluster"), _("Cluster „%(name)s“ gibt es nicht.") % {"name": wanted}
            )
    if cluster is None:
        raise RowRefused(_("Cluster"), _("Kein Cluster angegeben."))
    if context.allowed_cluster_ids is not None and cluster.pk not in context.allowed_cluster_ids:
        raise RowRefused(
            _("Cluster"), _("Sie verwalten den Cluster „%(name)s“ nicht.") % {"name": cluster.name}
        )
    fields = {name: values[name] for name in ("role", "started_on", "ended_on") if name in values}
    membership = (
        Membership.objects.filter(organisation_id=organisation_id, cluster=cluster)
        .order_by("-pk")
        .first()
    )
    if membership is None:
        membership = Membership.objects.create(
            organisation_id=organisation_id, cluster=cluster, **fields
        )
        audit.record(
            context.actor, AuditEntry.Action.CREATE, membership, {"cluster": [None, cluster.name]}
        )
        return CREATED
    return _update(context.actor, membership, fields, list(fields))


def prefetch(context: Context, rows: list[CleanRow]) -> None:
    """Read the organisations that a batch of organisation rows already became, at once:
    a re-run of a large file then costs one query per batch, not one per row."""
    if context.run.kind != Kind.ORGANISATIONS:
        return
    ids = {
        context.keys[key]
        for key in (organisation_key(row.values) for row in rows if row.ok)
        if key in context.keys
    }
    context.known_organisations = Organisation.objects.in_bulk(ids)


WRITERS: dict[str, Callable[[Context, CleanRow], str]] = {
    Kind.ORGANISATIONS: write_organisation,
    Kind.PEOPLE: write_person,
    Kind.MEMBERSHIPS: write_membership,
}
