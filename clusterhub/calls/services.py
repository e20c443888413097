"""Writes of funding calls: the import (idempotent on the topic id), a call entered by hand,
and forwarding a call to organisations (a mail through the one outbox, a CRM entry each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, actor_id
from clusterhub.calls.importer import CallRecord
from clusterhub.calls.models import Forwarding, FundingCall
from clusterhub.calls.theme_match import ThemeMatcher
from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation, Person
from clusterhub.events import outbox
from clusterhub.events.models import EventMail
from clusterhub.taxonomy.models import Theme

CALL_FIELDS = [
    "level",
    "programme",
    "identifier",
    "call_identifier",
    "programme_part",
    "title",
    "deadline",
    "later_deadlines",
    "budget_min",
    "budget_max",
    "expected_grants",
    "action_type",
    "keywords",
    "url",
    "themes",
]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


def final_deadline(deadline: dt.date | None, later: Sequence[str]) -> dt.date | None:
    days = [deadline] if deadline else []
    days += [dt.date.fromisoformat(value) for value in later]
    return max(days) if days else None


def theme_matcher() -> ThemeMatcher:
    return ThemeMatcher(Theme.objects.values_list("pk", "label_de", "label_en"))


def import_calls(records: Iterable[CallRecord], actor: Actor = None) -> ImportReport:
    """Create or update each topic by its id; a topic whose values did not change is left
    alone, so a second run of the same file writes nothing."""
    report = ImportReport()
    matcher = theme_matcher()
    existing = {call.identifier: call for call in FundingCall.objects.all()}
    for record in records:
        theme_ids = matcher.theme_ids(f"{record.theme_text} {record.values['text']}")
        values = {**record.values, "theme_ids": theme_ids}
        digest = CallRecord(record.line, record.identifier, values, (), "").digest
        call = existing.get(record.identifier)
        if call is not None and call.import_digest == digest:
            report.unchanged += 1
            continue
        with transaction.atomic():
            if call is None:
                call = FundingCall(
                    identifier=record.identifier, source=FundingCall.Source.EU_PORTAL
                )
                report.created += 1
            else:
                report.updated += 1
            for name, value in record.values.items():
                setattr(call, name, value)
            call.final_deadline = final_deadline(call.deadline, call.later_deadlines)
            call.import_digest = digest
            saved = call

            def write(saved: FundingCall = saved, theme_ids: list[int] = theme_ids) -> FundingCall:
                saved.save()
                saved.themes.set(theme_ids)
                return saved

            audit.audited_save(actor, call, CALL_FIELDS, save=write)
    return report


@transaction.atomic
def save_call(actor: Actor, call: FundingCall, themes: Iterable[Theme]) -> FundingCall:
    """A call entered or changed by hand (Land, Bund, city)."""
    theme_list = list(themes)
    call.final_deadline = final_deadline(call.deadline, call.later_deadlines)

    def write() -> FundingCall:
        call.save()
        call.themes.set(theme_list)
        return call

    return audit.audited_save(actor, call, CALL_FIELDS, save=write)


def contact_of(organisation: Organisation) -> Person | None:
    """Whom a forwarded call reaches at an organisation: its main contact with an address."""
    affiliation = (
        organisation.affiliations.filter(person__erased_at__isnull=True)
        .exclude(person__email="")
        .select_related("person")
        .order_by("-is_primary", "person__last_name", "pk")
        .first()
    )
    return affiliation.person if affiliation is not None else None


@dataclass(frozen=True)
class ForwardResult:
    forwarded: list[Organisation]
    without_contact: list[Organisation]


@transaction.atomic
def forward_call(
    actor: Actor,
    call: FundingCall,
    organisations: Iterable[Organisation],
    cluster: Cluster,
    message: str,
) -> ForwardResult:
    """Mail the call to each organisation's contact (owed in the outbox) and note it as a
    CRM contact of ``cluster`` on the organisation."""
    forwarded: list[Organisation] = []
    without: list[Organisation] = []
    today = timezone.localdate()
    for organisation in organisations:
        person = contact_of(organisation)
        if person is None:
            without.append(organisation)
            continue
        forwarding = Forwarding.objects.create(
            call=call,
            organisation=organisation,
            person=person,
            cluster=cluster,
            message=message,
            sent_by_id=actor_id(actor),
        )
        outbox.owe_person_mail(
            EventMail.Kind.CALL_FORWARD, f"forwarding:{forwarding.pk}", person_id=person.pk
        )
        interaction = Interaction.objects.create(
            cluster=cluster,
            organisation=organisation,
            person=person,
            kind=Interaction.Kind.MAIL,
            occurred_on=today,
            subject=(_("Förderaufruf weitergeleitet: %(id)s") % {"id": call.identifier})[:200],
            notes=message,
            author_id=actor_id(actor),
        )
        changes: dict[str, Any] = {
            "call": [None, call.identifier],
            "organisation": [None, organisation.name],
        }
        audit.record(actor, AuditEntry.Action.CREATE, forwarding, changes)
        audit.record(actor, AuditEntry.Action.CREATE, interaction, changes)
        forwarded.append(organisation)
    return ForwardResult(forwarded, without)
