"""Anmeldungen prüfen: staff decide what the registry makes of a registrant's typed data.

A registration that no exact match tied to the registry (events/registrants.py) waits here
with the registry's likeliest duplicates — people by address and by name, organisations by
name, both ranked with rapidfuzz on normalised names. For the person and for the
organisation staff either link an existing record, create a new one from the typed data, or
keep the data on the registration only. Each decision is one audited service call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from rapidfuzz import fuzz, process

from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.core.locks import lock_registration
from clusterhub.directory import search
from clusterhub.directory.models import Consent, Organisation, Person
from clusterhub.events.matching import comparable_name, create_prospect
from clusterhub.events.models import Event, Registration
from clusterhub.events.registrants import normalised
from clusterhub.privacy.tombstones import is_erased_email

CANDIDATE_COUNT = 3
# Below this similarity (0–100, on normalised names) a record is not worth showing.
CANDIDATE_CUTOFF = 75.0
PAGE_SIZE = 50

NEW = "new"
KEEP = "keep"


class ReviewRefused(Exception):
    """The decision names a record that does not exist; the message is shown as it is."""


@dataclass(frozen=True)
class Candidate:
    pk: int
    label: str
    score: int


@dataclass(frozen=True)
class PendingRegistrant:
    registration: Registration
    person_candidates: tuple[Candidate, ...]
    organisation_candidates: tuple[Candidate, ...]

    @property
    def needs_person(self) -> bool:
        return self.registration.person_id is None

    @property
    def needs_organisation(self) -> bool:
        registration = self.registration
        return registration.organisation_id is None and bool(registration.organisation_name)


def pending_registrations(event: Event) -> QuerySet[Registration]:
    """The event's registrations whose person or typed organisation awaits a decision."""
    return (
        Registration.objects.filter(event=event, registry_reviewed_at__isnull=True)
        .filter(Q(person__isnull=True) | (Q(organisation__isnull=True) & ~Q(organisation_name="")))
        .select_related("person", "organisation")
        .order_by("created_at", "pk")
    )


def person_candidates(registration: Registration) -> tuple[Candidate, ...]:
    """People with the same address first, then the closest names."""
    same_address = list(
        Person.objects.filter(email__iexact=registration.email.strip()).order_by("pk")[
            :CANDIDATE_COUNT
        ]
        if registration.email
        else []
    )
    found = [Candidate(person.pk, _person_label(person), 100) for person in same_address]
    typed = normalised(registration.full_name)
    if typed and len(found) < CANDIDATE_COUNT:
        # Same start of the last name, or the same first name, narrows the registry before the
        # whole names are compared (a typo past the second letter still finds its person).
        pool = Person.objects.filter(
            Q(last_name__istartswith=registration.last_name.strip()[:2])
            | Q(first_name__iexact=registration.first_name.strip())
        )
        names = {
            pk: normalised(f"{first} {last_name}")
            for pk, first, last_name in pool.values_list("pk", "first_name", "last_name")[:5000]
        }
        taken = {candidate.pk for candidate in found}
        ranked = process.extract(
            typed,
            names,
            scorer=fuzz.token_sort_ratio,
            limit=CANDIDATE_COUNT + len(taken),
            score_cutoff=CANDIDATE_CUTOFF,
        )
        people = Person.objects.in_bulk([pk for _name, _score, pk in ranked])
        for _name, score, pk in ranked:
            if pk not in taken and pk in people and len(found) < CANDIDATE_COUNT:
                found.append(Candidate(pk, _person_label(people[pk]), round(score)))
    return tuple(found)


def _person_label(person: Person) -> str:
    return f"{person.full_name} <{person.email}>" if person.email else person.full_name


def organisation_candidates(registration: Registration) -> tuple[Candidate, ...]:
    typed = registration.organisation_name.strip()
    if not typed:
        return ()
    ids = search.candidate_ids(typed, limit=50)
    names = {
        pk: comparable_name(name)
        for pk, name in Organisation.objects.filter(pk__in=ids).values_list("pk", "name")
    }
    ranked = process.extract(
        comparable_name(typed),
        names,
        scorer=fuzz.ratio,
        limit=CANDIDATE_COUNT,
        score_cutoff=CANDIDATE_CUTOFF,
    )
    organisations = Organisation.objects.in_bulk([pk for _name, _score, pk in ranked])
    return tuple(
        Candidate(pk, organisations[pk].name, round(score))
        for _name, score, pk in ranked
        if pk in organisations
    )


def review_queue(event: Event) -> list[PendingRegistrant]:
    return [
        PendingRegistrant(
            registration,
            person_candidates(registration) if registration.person_id is None else (),
            organisation_candidates(registration) if registration.organisation_id is None else (),
        )
        for registration in pending_registrations(event)[:PAGE_SIZE]
    ]


def _chosen_person(registration: Registration, choice: str) -> Person | None:
    if choice == KEEP or registration.person_id is not None:
        return registration.person
    if choice == NEW:
        if is_erased_email(registration.email):
            # An erased person is not brought back from typed data (DSGVO Art. 17).
            raise ReviewRefused(
                _(
                    "Zu dieser Adresse wurde eine Person gelöscht; sie wird nicht neu angelegt. "
                    "Die Anmeldung kann ihre Angaben behalten."
                )
            )
        return Person.objects.create(
            first_name=registration.first_name or "-",
            last_name=registration.last_name or "-",
            email=registration.email,
            preferred_language=registration.language,
        )
    person = Person.objects.filter(pk=_pk(choice)).first()
    if person is None:
        raise ReviewRefused(_("Diese Person gibt es im Verzeichnis nicht (mehr)."))
    return person


def _chosen_organisation(
    registration: Registration, choice: str, event: Event
) -> Organisation | None:
    if choice == KEEP or registration.organisation_id is not None:
        return registration.organisation
    if choice == NEW:
        if not registration.organisation_name.strip():
            return None
        return create_prospect(
            registration.organisation_name, country=registration.country, source=event.title
        )
    organisation = Organisation.objects.filter(pk=_pk(choice)).first()
    if organisation is None:
        raise ReviewRefused(_("Diese Organisation gibt es im Verzeichnis nicht (mehr)."))
    return organisation


def _pk(choice: str) -> int:
    try:
        return int(choice)
    except ValueError:
        raise ReviewRefused(_("Bitte wählen Sie eine der angebotenen Möglichkeiten.")) from None


def review_registrant(
    actor: Actor,
    registration: Registration,
    *,
    person: str,
    organisation: str,
    now: dt.datetime | None = None,
) -> Registration:
    """Apply staff's decision: ``person`` and ``organisation`` are each a record's pk,
    ``NEW`` (create it from the typed data) or ``KEEP`` (the registration keeps the data).

    A person linked or created here gets the events consent the registration recorded, dated
    when the registrant gave it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_registration(registration.pk)
        had_person = locked.person_id is not None
        chosen_person = _chosen_person(locked, person)
        chosen_organisation = _chosen_organisation(locked, organisation, locked.event)
        before = {"person": locked.person_id, "organisation": locked.organisation_id}
        locked.person = chosen_person
        locked.organisation = chosen_organisation
        if chosen_person is not None and not had_person and locked.consent_id is None:
            locked.consent = Consent.objects.create(
                person=chosen_person,
                purpose=Consent.Purpose.EVENTS,
                given_at=locked.created_at,
                source=(gettext_noop("Anmeldung %(event)s") % {"event": locked.event.title})[:200],
                recorded_by_id=audit.actor_id(actor),
            )
        locked.registry_reviewed_at = now
        locked.save(
            update_fields=[
                "person",
                "organisation",
                "consent",
                "registry_reviewed_at",
                "updated_at",
            ]
        )
        after = {"person": locked.person_id, "organisation": locked.organisation_id}
        changes: dict[str, Any] = {
            **audit.diff(before, after),
            "registry_review": {"person": person, "organisation": organisation},
        }
        audit.record(actor, AuditEntry.Action.UPDATE, locked, changes)
    return locked
