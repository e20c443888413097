"""Merging two organisations into one, and keeping a pair apart; both audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from clusterhub.accounts.models import Account
from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.core.background import enqueue_on_commit
from clusterhub.core.locks import lock_organisations
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Affiliation, Membership, Organisation
from clusterhub.directory.services import build_search_text
from clusterhub.duplicates.access import can_act_on_pair
from clusterhub.duplicates.models import KeptApart
from clusterhub.events.models import Registration
from clusterhub.partners.models import Introduction, SuggestionFeedback
from clusterhub.projects.models import Participation

Side = Literal["survivor", "duplicate"]

#: The fields a person chooses between, one organisation's value or the other's.
MERGE_FIELDS = (
    "name",
    "legal_form",
    "kind",
    "size_band",
    "founding_year",
    "status",
    "street",
    "postcode",
    "city",
    "country",
    "latitude",
    "longitude",
    "website",
    "description_de",
    "description_en",
    "offers",
    "seeks",
    "listed_publicly",
    "cordis_pic",
)


def _require_may_act(actor: Actor, first: Organisation, second: Organisation) -> None:
    if actor is None or not can_act_on_pair(viewer_for(actor), first, second):
        raise PermissionDenied


def merged_values(
    survivor: Organisation, duplicate: Organisation, field_choices: Mapping[str, Side]
) -> dict[str, Any]:
    """The survivor's fields after the merge: its own value unless ``field_choices`` takes the
    duplicate's; an empty value of the survivor is filled from the duplicate."""
    values = {}
    for field in MERGE_FIELDS:
        own, other = getattr(survivor, field), getattr(duplicate, field)
        choice = field_choices.get(field)
        take_other = choice == "duplicate" or (choice is None and own in ("", None))
        values[field] = other if take_other else own
    return values


def _move_memberships(survivor: Organisation, duplicate: Organisation) -> int:
    """Every membership moves; where both were in one cluster, the survivor's membership
    keeps the earlier start and stays open if either was open."""
    moved = 0
    for membership in Membership.objects.filter(organisation=duplicate):
        own = Membership.objects.filter(organisation=survivor, cluster_id=membership.cluster_id)
        kept = own.order_by("ended_on").first()
        if kept is None:
            membership.organisation = survivor
            membership.save(update_fields=["organisation"])
        else:
            starts = [d for d in (kept.started_on, membership.started_on) if d]
            kept.started_on = min(starts) if starts else None
            if kept.ended_on and membership.ended_on:
                kept.ended_on = max(kept.ended_on, membership.ended_on)
            else:
                kept.ended_on = None
            kept.save(update_fields=["started_on", "ended_on"])
            membership.delete()
        moved += 1
    return moved


def _move_affiliations(survivor: Organisation, duplicate: Organisation) -> int:
    moved = 0
    for affiliation in Affiliation.objects.filter(organisation=duplicate):
        own = Affiliation.objects.filter(organisation=survivor, person_id=affiliation.person_id)
        kept = own.first()
        if kept is None:
            affiliation.organisation = survivor
            affiliation.save(update_fields=["organisation"])
        else:
            kept.function = kept.function or affiliation.function
            kept.is_primary = kept.is_primary or affiliation.is_primary
            kept.save(update_fields=["function", "is_primary"])
            affiliation.delete()
        moved += 1
    return moved


def _move_participations(survivor: Organisation, duplicate: Organisation) -> int:
    taken = set(
        Participation.objects.filter(organisation=survivor).values_list("project_id", flat=True)
    )
    moving = Participation.objects.filter(organisation=duplicate)
    count = moving.count()
    moving.filter(project_id__in=taken).delete()
    moving.update(organisation=survivor)
    return count


def _move_partner_answers(survivor: Organisation, duplicate: Organisation) -> None:
    """Suggestion answers and introductions follow; one between the two halves is dropped."""
    pair = [survivor.pk, duplicate.pk]
    SuggestionFeedback.objects.filter(organisation_id__in=pair, suggested_id__in=pair).delete()
    Introduction.objects.filter(organisation_id__in=pair, partner_id__in=pair).delete()
    SuggestionFeedback.objects.filter(organisation=duplicate).update(organisation=survivor)
    SuggestionFeedback.objects.filter(suggested=duplicate).update(suggested=survivor)
    Introduction.objects.filter(organisation=duplicate).update(organisation=survivor)
    Introduction.objects.filter(partner=duplicate).update(partner=survivor)


@transaction.atomic
def merge_organisations(
    actor: Actor,
    survivor: Organisation,
    duplicate: Organisation,
    field_choices: Mapping[str, Side],
) -> Organisation:
    """Merge ``duplicate`` into ``survivor`` in one transaction: the chosen field values,
    the themes of both, memberships, people (affiliations and member-editor accounts), notes,
    event registrations, project participations and partner answers move to the survivor;
    the duplicate is deleted. The audit log keeps both ids: the survivor's entry names the
    duplicate (``merged_from``), the duplicate's entry the survivor (``merged_into``)."""
    if survivor.pk == duplicate.pk:
        raise ValueError("an organisation cannot be merged into itself")
    _require_may_act(actor, survivor, duplicate)
    if lock_organisations(survivor.pk, duplicate.pk) != 2:
        raise Organisation.DoesNotExist
    before = audit.field_snapshot(survivor, list(MERGE_FIELDS))
    for field, value in merged_values(survivor, duplicate, field_choices).items():
        setattr(survivor, field, value)
    if survivor.listed_publicly and survivor.listing_consent_at is None:
        survivor.listing_consent_at = duplicate.listing_consent_at
    if not survivor.listed_publicly:
        survivor.listing_consent_at = None
    survivor.search_text = build_search_text(survivor)
    survivor.save()
    survivor.themes.add(*duplicate.themes.all())
    moved = {
        "memberships": _move_memberships(survivor, duplicate),
        "affiliations": _move_affiliations(survivor, duplicate),
        "interactions": Interaction.objects.filter(organisation=duplicate).update(
            organisation=survivor
        ),
        "registrations": Registration.objects.filter(organisation=duplicate).update(
            organisation=survivor
        ),
        "participations": _move_participations(survivor, duplicate),
        "accounts": Account.objects.filter(organisation=duplicate).update(organisation=survivor),
    }
    _move_partner_answers(survivor, duplicate)
    KeptApart.objects.filter(Q(first=duplicate) | Q(second=duplicate)).delete()
    changes: dict[str, Any] = audit.diff(before, audit.field_snapshot(survivor, list(MERGE_FIELDS)))
    changes["merged_from"] = [duplicate.pk, duplicate.display_name]
    changes["moved"] = [None, moved]
    audit.record(actor, AuditEntry.Action.UPDATE, survivor, changes)
    audit.record(
        actor,
        AuditEntry.Action.DELETE,
        duplicate,
        {"merged_into": [None, survivor.pk], "name": [duplicate.display_name, None]},
    )
    duplicate.delete()
    enqueue_on_commit("clusterhub.partners.tasks.refresh_partner_index", survivor.pk)
    return survivor


@transaction.atomic
def keep_apart(actor: Actor, first: Organisation, second: Organisation) -> KeptApart:
    """Remember that the two are not one; the pair is never offered again."""
    _require_may_act(actor, first, second)
    low, high = sorted((first, second), key=lambda organisation: organisation.pk)
    kept, created = KeptApart.objects.get_or_create(
        first=low, second=high, defaults={"decided_by_id": audit.actor_id(actor)}
    )
    if created:
        audit.record(
            actor,
            AuditEntry.Action.CREATE,
            kept,
            {"first": [None, low.display_name], "second": [None, high.display_name]},
        )
    return kept
