"""Writes for partner matching: the stored index, feedback on suggestions, introductions."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import UserActor as Actor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation
from clusterhub.partners import engine_input, index_store, vectors
from clusterhub.partners.access import can_give_feedback
from clusterhub.partners.models import Introduction, SuggestionFeedback
from clusterlogic import matching
from clusterlogic.matching import RebuildNeeded, build_index, updated_index
from clusterlogic.matching.encoders import installed_encoder

logger = logging.getLogger(__name__)

# Past this many profiles saved since the stored index, building anew is about as quick as
# replacing them one by one (each replacement copies the index's arrays once).
MAX_IN_PLACE_UPDATES = 100


def _vector_text(organisation: matching.Organisation) -> str:
    return f"{organisation.name}\n{organisation.text}"


def rebuild_partner_index() -> index_store.StoredIndex:
    """Build the index from the whole registry and swap it in for every web worker.

    Only background tasks and the command call this: a web request reads the stored index and
    never builds.
    """
    with index_store.writing():
        return _rebuild()


def _rebuild() -> index_store.StoredIndex:
    version = engine_input.registry_version()
    organisations = engine_input.engine_organisations()
    # Sentence embeddings join BM25 where the ``embeddings`` extra is installed; the index
    # keeps the encoder (not its model) to encode free-text needs in the web workers.
    index = build_index(organisations, engine_input.engine_ties(), encoder=installed_encoder())
    lsa = None
    if vectors.uses_vectors():
        texts = [_vector_text(o) for o in organisations]
        lsa = vectors.fit_lsa(texts)
        vectors.store_vectors(lsa, [int(o.id) for o in organisations], texts)
    stored = index_store.StoredIndex(
        index=index, built_at=timezone.now(), source_version=version, lsa=lsa
    )
    index_store.save(stored)
    logger.info("partner index rebuilt: %d organisations", len(index.organisations))
    return stored


def refresh_partner_index_for(organisation_id: int) -> bool:
    """Bring the stored index up to date after ``organisation_id`` changed.

    Skipped when the stored index already reflects the registry (a second task for the same
    change, or one for a deleted row). Otherwise the profiles saved since the stored index's
    version (this one, and any whose own task has not run yet) replace theirs in the stored
    index in place (``clusterlogic.matching.updated_index``: nothing else is analysed again;
    text and theme statistics stay those of the last full build), their LSA vectors are
    projected again with the stored model on PostgreSQL, and the index is saved with the
    registry's version. What only a full build takes in (an organisation added or deleted, a
    kind, country or theme the index has never seen, more than ``MAX_IN_PLACE_UPDATES``
    profiles, no stored index) rebuilds the whole index instead. Safe to repeat: a profile
    the index already holds changes nothing. Returns whether the stored index changed.
    """
    with index_store.writing():
        version = engine_input.registry_version()
        stored = index_store.load()
        if stored is not None and stored.source_version == version:
            position = stored.index.position.get(engine_input.engine_id(organisation_id))
            exists = Organisation.objects.filter(pk=organisation_id).exists()
            if (position is not None) == exists:
                logger.info("partner index already current for organisation %d", organisation_id)
                return False
        return _catch_up(stored, version, f"organisation {organisation_id}")


def catch_up_partner_index() -> bool:
    """Bring the stored index level with the registry (in place where it can, else a full
    build); what a web worker asks for when it finds the index behind. Returns whether the
    stored index changed."""
    with index_store.writing():
        version = engine_input.registry_version()
        stored = index_store.load()
        if stored is not None and stored.source_version == version:
            return False
        return _catch_up(stored, version, "catch-up")


def _catch_up(stored: index_store.StoredIndex | None, version: str, cause: str) -> bool:
    try:
        if stored is None:
            raise RebuildNeeded("no stored index")
        updated, changed = _updated_in_place(stored, version)
    except RebuildNeeded as reason:
        logger.info("partner index rebuilt for %s: %s", cause, reason)
        _rebuild()
        return True
    vectors.update_vectors(
        stored.lsa, [int(o.id) for o in changed], [_vector_text(o) for o in changed]
    )
    index_store.save(updated)
    logger.info(
        "partner index updated in place for %s: profiles %s",
        cause,
        ", ".join(o.id for o in changed),
    )
    return True


def _updated_in_place(
    stored: index_store.StoredIndex, version: str
) -> tuple[index_store.StoredIndex, list[matching.Organisation]]:
    """The stored index with every profile saved since its version replaced (and those
    profiles); raises ``RebuildNeeded`` where only a full build can take the changes in.

    ``version`` is read before the profiles: a save in between is applied now and again by
    its own task, which is harmless."""
    changed_pks = engine_input.changed_since(stored.source_version)
    if changed_pks is None:
        raise RebuildNeeded("the stored index reflects an empty registry")
    if len(changed_pks) > MAX_IN_PLACE_UPDATES:
        raise RebuildNeeded(f"{len(changed_pks)} profiles changed")
    index = stored.index
    registry = Organisation.objects.values_list("pk", flat=True)
    if {engine_input.engine_id(pk) for pk in registry} != index.position.keys():
        raise RebuildNeeded("organisations were added or deleted")
    if vectors.uses_vectors() and stored.lsa is None:
        raise RebuildNeeded("no LSA model to project the profiles with")
    changed = engine_input.engine_organisations(changed_pks)
    for organisation in changed:
        index = updated_index(index, organisation)
    updated = index_store.StoredIndex(
        index=index,
        built_at=stored.built_at,
        source_version=version,
        lsa=stored.lsa,
        updated_at=timezone.now(),
    )
    return updated, changed


@transaction.atomic
def record_feedback(
    actor: Actor, organisation: Organisation, suggested: Organisation, *, useful: bool
) -> SuggestionFeedback:
    if not can_give_feedback(viewer_for(actor)):
        raise PermissionDenied
    feedback = SuggestionFeedback.objects.create(
        organisation=organisation,
        suggested=suggested,
        user_id=int(str(actor.pk)),
        useful=useful,
        answered_at=timezone.now(),
    )
    audit.record(
        actor,
        AuditEntry.Action.CREATE,
        feedback,
        {
            "organisation": [None, organisation.name],
            "suggested": [None, suggested.name],
            "useful": [None, useful],
        },
    )
    return feedback


@dataclass(frozen=True)
class DraftMail:
    subject: str
    body: str


def draft_introduction_mail(organisation: Organisation, partner: Organisation) -> DraftMail:
    """A German mail that introduces the two; staff copy it, nothing is sent from here."""
    subject = _("Vorstellung: %(first)s und %(second)s") % {
        "first": organisation.name,
        "second": partner.name,
    }
    lines = [
        _("Guten Tag,"),
        "",
        _(
            "gerne möchten wir Ihnen %(first)s und %(second)s vorstellen – wir glauben, "
            "dass sich ein Gespräch für beide Seiten lohnt."
        )
        % {"first": organisation.name, "second": partner.name},
        "",
    ]
    for who, other in ((organisation, partner), (partner, organisation)):
        if who.offers.strip():
            lines.append(
                _("%(name)s bietet: %(offers)s") % {"name": who.name, "offers": who.offers.strip()}
            )
        if other.seeks.strip():
            lines.append(
                _("%(name)s sucht: %(seeks)s") % {"name": other.name, "seeks": other.seeks.strip()}
            )
    lines += [
        "",
        _("Wir freuen uns, wenn Sie miteinander Kontakt aufnehmen."),
        "",
        _("Mit freundlichen Grüßen"),
    ]
    return DraftMail(subject=subject, body="\n".join(_unique_content(lines)))


def _unique_content(lines: list[str]) -> list[str]:
    """Each line once (the loop above visits both directions); blank lines stay."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        if line and line in seen:
            continue
        seen.add(line)
        kept.append(line)
    return kept


@transaction.atomic
def introduce(
    actor: Actor, cluster: Cluster, organisation: Organisation, partner: Organisation
) -> tuple[Introduction, DraftMail]:
    """Log the introduction in the actor's cluster, once for each side, and draft the mail."""
    if not can_manage_cluster(viewer_for(actor), cluster.pk):
        raise PermissionDenied
    if organisation.pk == partner.pk:
        raise ValueError("an organisation cannot be introduced to itself")
    today = timezone.localdate()
    actor_id = int(str(actor.pk))
    introduction = Introduction.objects.create(
        cluster=cluster,
        organisation=organisation,
        partner=partner,
        introduced_by_id=actor_id,
        introduced_on=today,
    )
    mail = draft_introduction_mail(organisation, partner)
    for side, other in ((organisation, partner), (partner, organisation)):
        interaction = Interaction.objects.create(
            cluster=cluster,
            organisation=side,
            kind=Interaction.Kind.INTRODUCTION,
            occurred_on=today,
            subject=(_("Vorgestellt: %(name)s") % {"name": other.name})[:200],
            notes=mail.body,
            author_id=actor_id,
        )
        introduction.interactions.add(interaction)
        audit.record(
            actor,
            AuditEntry.Action.CREATE,
            interaction,
            {
                "organisation": [None, side.name],
                "cluster": [None, cluster.name],
                "introduced_to": [None, other.name],
            },
        )
    return introduction, mail
