"""Writes for partner matching: the stored index, feedback on suggestions, introductions."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
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
from clusterlogic.calls import build_network
from clusterlogic.matching import build_index
from clusterlogic.matching.encoders import installed_encoder

logger = logging.getLogger(__name__)


def _vector_text(organisation: matching.Organisation) -> str:
    return f"{organisation.name}\n{organisation.text}"


def rebuild_partner_index() -> index_store.StoredIndex:
    """Build the index from the whole registry and swap it in for every web worker.

    Only background tasks and the commands call this (``build_partner_index``, run by cron as
    the periodic full rebuild): a web request reads the stored index and never builds. The
    index is always built whole; at the demo registry's size that takes a few seconds (see
    ``docs/architecture.md``).
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
    network = build_network(index, engine_input.collaborations())
    stored = index_store.StoredIndex(
        index=index, built_at=timezone.now(), source_version=version, lsa=lsa, network=network
    )
    index_store.save(stored)
    logger.info("partner index rebuilt: %d organisations", len(index.organisations))
    return stored


def refresh_partner_index_for(organisation_id: int) -> bool:
    """Build the stored index again after ``organisation_id`` was saved, unless it already
    reflects the registry (a second task for the same change). Returns whether it was built."""
    return _rebuild_if_stale(f"organisation {organisation_id}")


def catch_up_partner_index() -> bool:
    """Build the stored index again where it is behind the registry (a profile, a membership,
    an introduction or a project participation changed since): what a web worker asks for when
    it finds the index behind. Returns whether it was built."""
    return _rebuild_if_stale("catch-up")


def rebuild_partner_index_when_due(now: dt.datetime | None = None) -> bool:
    """The periodic full rebuild (``manage.py build_partner_index --when-due``, run by cron or
    the jobs loop): build the index again when it is missing, behind the registry, or older
    than ``CLUSTERHUB_PARTNER_INDEX_REBUILD_HOURS`` — which takes in what the registry version
    does not see (a project's dates, a theme's slug, a new release's ranker). Returns whether
    it was built."""
    now = now or timezone.now()
    max_age = dt.timedelta(hours=settings.CLUSTERHUB_PARTNER_INDEX_REBUILD_HOURS)
    with index_store.writing():
        stored = index_store.load()
        if (
            stored is not None
            and stored.source_version == engine_input.registry_version()
            and now - stored.built_at < max_age
        ):
            return False
        _rebuild()
        return True


def _rebuild_if_stale(cause: str) -> bool:
    with index_store.writing():
        stored = index_store.load()
        if stored is not None and stored.source_version == engine_input.registry_version():
            logger.info("partner index already current (%s)", cause)
            return False
        logger.info("partner index rebuilt for %s", cause)
        _rebuild()
        return True


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
