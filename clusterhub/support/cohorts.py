"""Accelerator cohorts: a call takes applications until its deadline, reviewers score them on
the call's sheet (a declared conflict of interest bars a reviewer from one application), the
applications are ranked by weighted mean, and a manager accepts or declines each with a mail.
Accepted applications are the cohort's members, linked to an organisation of the registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import UserActor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.clusters.models import Cluster
from clusterhub.core.locks import lock_application
from clusterhub.directory.models import Organisation
from clusterhub.directory.services import save_organisation
from clusterhub.events.outbox import owe_mail_about
from clusterhub.support import cohort_mails
from clusterhub.support.models import Application, Cohort, CohortEntry, Review
from clusterlogic.review import Criterion, Ranked, rank

CONSENT_PURPOSE = (
    "Prüfung und Begutachtung der Bewerbung für das Accelerator-Programm; Rückfragen und "
    "Entscheidung per E-Mail"
)
SCORES = range(1, 6)


class ApplicationRefused(Exception):
    """The call takes no application now; the message is German, ready to show."""


def can_manage_cohort(viewer: Viewer, cohort: Cohort) -> bool:
    """Administrators and the managers of the programme's cluster."""
    return can_manage_cluster(viewer, cohort.cluster_id)


def is_reviewer(viewer: Viewer, cohort: Cohort) -> bool:
    if viewer.user_id is None or not viewer.is_agency_staff:
        return False
    return cohort.reviewers.filter(pk=viewer.user_id).exists()


def _require_manager(actor: UserActor, cohort: Cohort) -> None:
    if not can_manage_cohort(viewer_for(actor), cohort):
        raise PermissionDenied


def is_open(cohort: Cohort, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) <= cohort.deadline


@dataclass(frozen=True)
class CallData:
    programme: str
    name: str
    slug: str
    cluster: Cluster
    deadline: dt.datetime
    questions: Sequence[str]
    criteria: Sequence[tuple[str, int]]  # (label, weight in per cent)
    description: str = ""


def open_call(actor: UserActor, data: CallData) -> Cohort:
    """A programme opens a call: its questions and its scoring sheet, whose weights add up
    to 100 %. Only for the managers of the programme's cluster and administrators."""
    if not can_manage_cluster(viewer_for(actor), data.cluster.pk):
        raise PermissionDenied
    if not data.questions:
        raise ValidationError(_("Die Ausschreibung braucht mindestens eine Frage."))
    if not data.criteria or sum(weight for _label, weight in data.criteria) != 100:
        raise ValidationError(_("Die Gewichte der Kriterien ergeben zusammen nicht 100 %."))
    if Cohort.objects.filter(slug=data.slug).exists():
        raise ValidationError(_("Diesen Kurznamen trägt schon eine Kohorte."))
    cohort = Cohort(
        programme=data.programme,
        name=data.name,
        slug=data.slug,
        cluster=data.cluster,
        deadline=data.deadline,
        description=data.description,
        questions=list(data.questions),
        criteria=[
            {"key": f"c{number}", "label": label, "weight": weight}
            for number, (label, weight) in enumerate(data.criteria, start=1)
        ],
    )
    with transaction.atomic():
        audit.audited_save(
            actor, cohort, ["programme", "name", "cluster", "deadline", "questions", "criteria"]
        )
    return cohort


@dataclass(frozen=True)
class ApplicationData:
    organisation_name: str
    contact_name: str
    email: str
    answers: Sequence[str]
    language: str = "de"


def apply(cohort: Cohort, data: ApplicationData, *, now: dt.datetime | None = None) -> Application:
    """A founder's application (no account). After the deadline it is refused with the
    reason, and nothing is stored."""
    now = now or timezone.now()
    if not is_open(cohort, now):
        raise ApplicationRefused(
            _("Die Bewerbungsfrist für %(cohort)s ist am %(deadline)s abgelaufen.")
            % {
                "cohort": cohort.name,
                "deadline": timezone.localtime(cohort.deadline).strftime("%d.%m.%Y %H:%M"),
            }
        )
    if len(data.answers) != len(cohort.questions):
        raise ApplicationRefused(_("Bitte beantworten Sie alle Fragen."))
    with transaction.atomic():
        application = Application.objects.create(
            cohort=cohort,
            organisation_name=data.organisation_name,
            contact_name=data.contact_name,
            email=data.email,
            answers=[
                {"question": question, "answer": answer}
                for question, answer in zip(cohort.questions, data.answers, strict=True)
            ],
            language=data.language,
            consent_purpose=CONSENT_PURPOSE,
            consent_at=now,
        )
        owe_mail_about(application, cohort_mails.RECEIVED)
        audit.record(
            None,
            AuditEntry.Action.CREATE,
            application,
            {"cohort": [None, cohort.name], "organisation_name": [None, data.organisation_name]},
        )
    return application


def assign_reviewers(actor: UserActor, cohort: Cohort, reviewers: Sequence[User]) -> Cohort:
    """Set the call's reviewers; only agency staff may review."""
    _require_manager(actor, cohort)
    for reviewer in reviewers:
        if not viewer_for(reviewer).is_agency_staff:
            raise ValidationError(_("Nur Mitarbeitende der Agentur können begutachten."))
    before = sorted(cohort.reviewers.values_list("pk", flat=True))
    after = sorted(int(reviewer.pk) for reviewer in reviewers)
    with transaction.atomic():
        cohort.reviewers.set(reviewers)
        audit.record(actor, AuditEntry.Action.UPDATE, cohort, {"reviewers": [before, after]})
    return cohort


@dataclass(frozen=True)
class ReviewData:
    conflict_of_interest: bool
    scores: Mapping[str, int] = field(default_factory=dict)
    comment: str = ""


def own_review(application: Application, actor: UserActor) -> Review | None:
    """The sheet ``actor`` keeps for ``application``, if any."""
    return Review.objects.filter(application=application, reviewer_id=actor.pk).first()


def criteria_of(cohort: Cohort) -> list[Criterion]:
    return [Criterion(str(c["key"]), float(c["weight"])) for c in cohort.criteria]


def submit_review(actor: UserActor, application: Application, data: ReviewData) -> Review:
    """A reviewer's sheet. The reviewer declares first whether there is a conflict of
    interest; with one, the sheet holds no scores, and a reviewer who has declared one can
    never score the application."""
    cohort = application.cohort
    if not is_reviewer(viewer_for(actor), cohort):
        raise PermissionDenied
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError(_("Über diese Bewerbung ist schon entschieden."))
    existing = own_review(application, actor)
    if existing is not None and existing.conflict_of_interest:
        raise ValidationError(
            _(
                "Sie haben einen Interessenkonflikt erklärt und können diese Bewerbung "
                "nicht bewerten."
            )
        )
    scores: dict[str, int] = {}
    if not data.conflict_of_interest:
        keys = [criterion.key for criterion in criteria_of(cohort)]
        if set(data.scores) != set(keys):
            raise ValidationError(_("Bitte bewerten Sie jedes Kriterium."))
        if any(int(value) not in SCORES for value in data.scores.values()):
            raise ValidationError(_("Jede Bewertung liegt zwischen 1 und 5."))
        scores = {key: int(data.scores[key]) for key in keys}
    review = existing or Review(application=application, reviewer_id=int(str(actor.pk)))
    review.conflict_of_interest = data.conflict_of_interest
    review.scores = scores
    review.comment = "" if data.conflict_of_interest else data.comment
    with transaction.atomic():
        audit.audited_save(actor, review, ["conflict_of_interest", "scores", "comment"])
    return review


def ranking(cohort: Cohort) -> list[tuple[Ranked, Application]]:
    """The call's applications, best weighted mean first (conflicted sheets count not)."""
    applications = {a.pk: a for a in cohort.applications.all()}
    sheets: dict[int, list[dict[str, int]]] = {pk: [] for pk in applications}
    for review in Review.objects.filter(
        application__cohort=cohort, conflict_of_interest=False
    ).only("application_id", "scores"):
        sheets[review.application_id].append(review.scores)
    return [
        (row, applications[int(str(row.subject))])
        for row in rank(criteria_of(cohort), dict(sheets.items()))
    ]


def decide(
    actor: UserActor,
    application: Application,
    *,
    accept: bool,
    organisation: Organisation | None = None,
) -> Application:
    """Accept (linked to ``organisation`` of the registry, or to a new start-up of the
    applicant's name) or decline; the applicant gets a mail through the outbox."""
    cohort = application.cohort
    _require_manager(actor, cohort)
    with transaction.atomic():
        # Two managers deciding at once: the second finds it decided (and owes no mail).
        if lock_application(application.pk) != Application.Status.SUBMITTED:
            raise ValidationError(_("Über diese Bewerbung ist schon entschieden."))
        if accept:
            if organisation is None:
                organisation = save_organisation(
                    actor,
                    Organisation(),
                    {"name": application.organisation_name, "kind": Organisation.Kind.STARTUP},
                )
            application.organisation = organisation
            application.status = Application.Status.ACCEPTED
        else:
            application.status = Application.Status.DECLINED
        application.decided_at = timezone.now()
        audit.audited_save(actor, application, ["status", "organisation"])
        owe_mail_about(application, cohort_mails.ACCEPTED if accept else cohort_mails.DECLINED)
    return application


def members(cohort: Cohort) -> list[Application]:
    return list(
        cohort.applications.filter(status=Application.Status.ACCEPTED).select_related(
            "organisation"
        )
    )


def add_entry(actor: UserActor, cohort: Cohort, kind: str, day: dt.date, title: str) -> CohortEntry:
    """A milestone or a mentoring session of the cohort."""
    _require_manager(actor, cohort)
    entry = CohortEntry(cohort=cohort, kind=kind, day=day, title=title)
    with transaction.atomic():
        audit.audited_save(actor, entry, ["cohort", "kind", "day", "title"])
    return entry


def set_entry_done(actor: UserActor, entry: CohortEntry, done: bool) -> CohortEntry:
    _require_manager(actor, entry.cohort)
    entry.done = done
    with transaction.atomic():
        audit.audited_save(actor, entry, ["done"])
    return entry
