"""Writes of innovation projects, each audited and noted in the project's timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, UserActor, actor_id
from clusterhub.calls.models import FundingCall
from clusterhub.clusters.models import Cluster
from clusterhub.core.locks import lock_project
from clusterhub.directory.models import Organisation, Person
from clusterhub.projects.access import can_edit_project
from clusterhub.projects.models import (
    CallFollow,
    Milestone,
    Participation,
    Project,
    ProjectDocument,
    TimelineEntry,
)
from clusterhub.projects.stages import Stage, refusal
from clusterhub.taxonomy.models import Theme

PROJECT_FIELDS = [
    "title",
    "acronym",
    "summary",
    "stage",
    "consortium",
    "call",
    "requested_funding",
    "granted_funding",
    "start_date",
    "end_date",
    "owner",
    "themes",
    "clusters",
]


class StageRefused(Exception):
    """A stage move that the rules or the user's rights do not allow; the message says why."""


def _note(actor: Actor, project: Project, kind: str, text: str) -> TimelineEntry:
    return TimelineEntry.objects.create(
        project=project, kind=kind, text=text, author_id=actor_id(actor)
    )


@transaction.atomic
def save_project(
    actor: Actor, project: Project, themes: Iterable[Theme], clusters: Iterable[Cluster]
) -> Project:
    creating = project.pk is None
    project.source = Project.Source.LOCAL
    theme_list, cluster_list = list(themes), list(clusters)

    def write() -> Project:
        project.save()
        project.themes.set(theme_list)
        project.clusters.set(cluster_list)
        return project

    saved = audit.audited_save(actor, project, PROJECT_FIELDS, save=write)
    if creating:
        _note(actor, saved, TimelineEntry.Kind.CREATED, _("Projekt angelegt"))
    return saved


@transaction.atomic
def move_project(actor: UserActor, project: Project, stage: str) -> Project:
    """Move the project to ``stage``; StageRefused with the reason when the user may not
    change the project or the move skips a step."""
    if not can_edit_project(viewer_for(actor), project):
        raise StageRefused(_("Sie dürfen dieses Projekt nicht ändern."))
    locked = lock_project(project.pk)
    reason = refusal(locked.stage, stage)
    if reason is not None:
        raise StageRefused(reason)
    before = locked.stage
    locked.stage = stage
    locked.save(update_fields=["stage", "updated_at"])
    audit.record(actor, AuditEntry.Action.UPDATE, locked, {"stage": [before, stage]})
    _note(
        actor,
        locked,
        TimelineEntry.Kind.STAGE,
        _("Phase: %(before)s → %(after)s")
        % {"before": Stage(before).label, "after": Stage(stage).label},
    )
    project.stage = stage
    return locked


@transaction.atomic
def add_partner(
    actor: Actor,
    project: Project,
    organisation: Organisation,
    role: str,
    contact: Person | None,
) -> Participation:
    participation, created = Participation.objects.update_or_create(
        project=project, organisation=organisation, defaults={"role": role, "contact": contact}
    )
    audit.record(
        actor,
        AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
        participation,
        {"organisation": [None, organisation.name], "role": [None, role]},
    )
    if created:
        _note(
            actor,
            project,
            TimelineEntry.Kind.JOINED,
            _("%(organisation)s ist beigetreten (%(role)s)")
            % {"organisation": organisation.name, "role": Participation.Role(role).label},
        )
    return participation


@transaction.atomic
def add_milestone(
    actor: Actor, project: Project, title: str, due_on: dt.date, owner_id: int | None
) -> Milestone:
    milestone = Milestone.objects.create(
        project=project, title=title, due_on=due_on, owner_id=owner_id
    )
    audit.record(actor, AuditEntry.Action.CREATE, milestone, {"due_on": [None, str(due_on)]})
    return milestone


def document_problem(upload: UploadedFile) -> str | None:
    """Why an upload is refused (too big, a type not taken); None when it may be stored."""
    limit = float(settings.CLUSTERHUB_PROJECT_DOCUMENT_MAX_MB) * 1024 * 1024
    suffix = PurePath(upload.name or "").suffix.lower().lstrip(".")
    allowed = [t.strip().lower() for t in settings.CLUSTERHUB_PROJECT_DOCUMENT_TYPES]
    if (upload.size or 0) > limit:
        return _("Die Datei ist zu groß (höchstens %(mb)s MB).") % {
            "mb": f"{settings.CLUSTERHUB_PROJECT_DOCUMENT_MAX_MB:g}"
        }
    if suffix not in allowed:
        return _("Dateityp „%(suffix)s“ ist nicht erlaubt (erlaubt: %(allowed)s).") % {
            "suffix": suffix or "–",
            "allowed": ", ".join(allowed),
        }
    return None


@transaction.atomic
def add_document(actor: Actor, project: Project, upload: UploadedFile) -> ProjectDocument:
    """Store an upload through Django's storage API; refused uploads never reach it."""
    problem = document_problem(upload)
    if problem is not None:
        raise ValueError(problem)
    name = PurePath(upload.name or "dokument").name[:200]
    document = ProjectDocument(
        project=project, name=name, size=upload.size or 0, uploaded_by_id=actor_id(actor)
    )
    document.file.save(name, upload, save=False)
    document.save()
    audit.record(actor, AuditEntry.Action.CREATE, document, {"name": [None, name]})
    _note(actor, project, TimelineEntry.Kind.DOCUMENT, _("Dokument: %(name)s") % {"name": name})
    return document


@transaction.atomic
def add_note(actor: Actor, project: Project, text: str) -> TimelineEntry:
    entry = _note(actor, project, TimelineEntry.Kind.NOTE, text)
    audit.record(actor, AuditEntry.Action.CREATE, entry)
    return entry


@transaction.atomic
def link_call(actor: Actor, project: Project, call: FundingCall | None) -> Project:
    before = project.call
    project.call = call
    project.save(update_fields=["call", "updated_at"])
    audit.record(
        actor,
        AuditEntry.Action.UPDATE,
        project,
        {"call": [before.identifier if before else None, call.identifier if call else None]},
    )
    text = (
        _("Förderaufruf verknüpft: %(id)s") % {"id": call.identifier}
        if call
        else _("Förderaufruf gelöst")
    )
    _note(actor, project, TimelineEntry.Kind.CALL, text)
    return project


def set_follow(actor: UserActor, call: FundingCall, follow: bool) -> bool:
    """Follow a call's deadlines (iCalendar feed) or stop; returns whether followed now."""
    user_id = actor_id(actor)
    if user_id is None:
        raise PermissionDenied
    if follow:
        CallFollow.objects.get_or_create(user_id=user_id, call=call)
    else:
        CallFollow.objects.filter(user_id=user_id, call=call).delete()
    return follow
