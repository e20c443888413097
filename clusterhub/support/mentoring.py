"""Digital mentoring (Digi-Pate): an SME's case, its sessions and stage, and the specialists
from the network it is introduced to — found by the partner matching engine from the case's
need, and introduced the way the partner matching introduces (both sides get a CRM entry)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.services import UserActor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.partners import services as partners
from clusterhub.partners.queries import Suggestion, SuggestionFilter, need_suggestions
from clusterhub.support.models import MentoringCase, MentoringIntroduction, MentoringSession


def can_manage_case(viewer: Viewer, case: MentoringCase) -> bool:
    return can_manage_cluster(viewer, case.cluster_id)


def _require(actor: UserActor, case: MentoringCase) -> None:
    if not can_manage_case(viewer_for(actor), case):
        raise PermissionDenied


@dataclass(frozen=True)
class CaseData:
    organisation: Organisation
    cluster: Cluster
    need: str
    mentor: User | None = None
    opened_on: dt.date | None = None


def open_case(actor: UserActor, data: CaseData) -> MentoringCase:
    if not can_manage_cluster(viewer_for(actor), data.cluster.pk):
        raise PermissionDenied
    if not data.need.strip():
        raise ValidationError(_("Bitte den Bedarf beschreiben."))
    case = MentoringCase(
        organisation=data.organisation,
        cluster=data.cluster,
        need=data.need.strip(),
        mentor=data.mentor,
        opened_on=data.opened_on or timezone.localdate(),
    )
    with transaction.atomic():
        audit.audited_save(actor, case, ["organisation", "cluster", "need", "stage"])
    return case


def record_session(
    actor: UserActor,
    case: MentoringCase,
    held_on: dt.date,
    topics: str,
    next_step: str = "",
    stage: str = "",
) -> MentoringSession:
    """A session held, and the stage the case is in after it."""
    _require(actor, case)
    if held_on < case.opened_on:
        raise ValidationError(_("Die Sitzung liegt vor dem Beginn des Falls."))
    session = MentoringSession(case=case, held_on=held_on, topics=topics, next_step=next_step)
    with transaction.atomic():
        audit.audited_save(actor, session, ["case", "held_on", "topics", "next_step"])
        if stage and stage != case.stage:
            case.stage = stage
            audit.audited_save(actor, case, ["stage"])
    return session


def specialist_suggestions(viewer: Viewer, case: MentoringCase, limit: int = 8) -> list[Suggestion]:
    """Organisations of the network that fit the case's need (the partner matching engine),
    without the SME itself and those it already met through the case."""
    met = set(case.introductions.values_list("specialist_id", flat=True)) | {case.organisation_id}
    found = need_suggestions(viewer, case.need, SuggestionFilter(), limit=limit + len(met))
    return [item for item in found.items if item.organisation.pk not in met][:limit]


def introduce_specialist(
    actor: UserActor, case: MentoringCase, specialist: Organisation
) -> MentoringIntroduction:
    """Introduce the SME to a specialist: an introduction of the partner matching in the
    case's cluster (a CRM entry on each side), recorded on the case once."""
    _require(actor, case)
    if specialist.pk == case.organisation_id:
        raise ValidationError(_("Ein Unternehmen kann nicht sich selbst vorgestellt werden."))
    if case.introductions.filter(specialist=specialist).exists():
        raise ValidationError(
            _("%(name)s wurde in diesem Fall schon vorgestellt.") % {"name": specialist.name}
        )
    with transaction.atomic():
        introduction, _mail = partners.introduce(actor, case.cluster, case.organisation, specialist)
        record = MentoringIntroduction(
            case=case,
            specialist=specialist,
            introduction=introduction,
            introduced_on=timezone.localdate(),
        )
        audit.audited_save(actor, record, ["case", "specialist"])
    return record
