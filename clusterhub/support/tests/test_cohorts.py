"""Accelerator cohorts: the deadline, conflicts of interest, the weighted ranking, and the
decision mail through the outbox."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.events.models import EventMail
from clusterhub.support import cohort_mails, cohorts
from clusterhub.support.models import Application, Review
from tests.support.mail import ReceivedMail
from tests.support.registry import Registry

from .cohort_fixtures import make_application, make_cohort, sheet


def test_an_application_after_the_deadline_is_refused_and_nothing_is_stored(
    registry: Registry,
) -> None:
    cohort = make_cohort(registry.smart, deadline=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(cohorts.ApplicationRefused, match="Bewerbungsfrist"):
        make_application(cohort)
    assert not Application.objects.exists()
    assert not EventMail.objects.exists()


def test_an_application_stores_answers_and_consent_and_owes_a_receipt(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    application = make_application(cohort)
    assert application.answers[0] == {
        "question": "Welches Problem lösen Sie?",
        "answer": "Fachkräftemangel in der Montage",
    }
    assert application.consent_purpose == cohorts.CONSENT_PURPOSE
    assert application.consent_at is not None
    assert EventMail.objects.filter(subject_id=application.pk, kind=cohort_mails.RECEIVED).exists()


def test_only_assigned_reviewers_score(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    application = make_application(cohort)
    with pytest.raises(PermissionDenied):
        cohorts.submit_review(
            registry.users["reader"], application, cohorts.ReviewData(False, sheet(3, 3, 3, 3))
        )


def test_a_reviewer_with_a_declared_conflict_cannot_score(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    reviewer = registry.users["reader"]
    cohorts.assign_reviewers(registry.users["smart_manager"], cohort, [reviewer])
    application = make_application(cohort)

    review = cohorts.submit_review(reviewer, application, cohorts.ReviewData(True))
    assert review.conflict_of_interest and review.scores == {}
    with pytest.raises(ValidationError, match="Interessenkonflikt"):
        cohorts.submit_review(reviewer, application, cohorts.ReviewData(False, sheet(5, 5, 5, 5)))
    assert Review.objects.get(pk=review.pk).scores == {}


def test_a_sheet_must_score_every_criterion_between_one_and_five(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    reviewer = registry.users["medtech_manager"]
    cohorts.assign_reviewers(registry.users["admin"], cohort, [reviewer])
    application = make_application(cohort)
    with pytest.raises(ValidationError):
        cohorts.submit_review(reviewer, application, cohorts.ReviewData(False, {"team": 4}))
    with pytest.raises(ValidationError):
        cohorts.submit_review(reviewer, application, cohorts.ReviewData(False, sheet(6, 1, 1, 1)))


def test_members_and_other_clusters_managers_cannot_assign_reviewers(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    with pytest.raises(PermissionDenied):
        cohorts.assign_reviewers(registry.users["medtech_manager"], cohort, [])
    with pytest.raises(ValidationError):
        cohorts.assign_reviewers(registry.users["admin"], cohort, [registry.users["member"]])


def test_applications_are_ranked_by_weighted_mean_without_conflicted_sheets(
    registry: Registry,
) -> None:
    cohort = make_cohort(registry.smart)
    first, second = registry.users["reader"], registry.users["medtech_manager"]
    cohorts.assign_reviewers(registry.users["smart_manager"], cohort, [first, second])
    strong_team = make_application(cohort, "Team GmbH")
    strong_market = make_application(cohort, "Markt GmbH")
    unscored = make_application(cohort, "Noch offen UG")
    # Team weighs 30 %, market 25 %: (5·30 + 1·25 + 3·25 + 3·20) / 100 = 3.1
    cohorts.submit_review(first, strong_team, cohorts.ReviewData(False, sheet(5, 1, 3, 3)))
    # (1·30 + 5·25 + 3·25 + 3·20) / 100 = 2.9 and (3·30 + 5·25 + 3·25 + 3·20) / 100 = 3.5
    cohorts.submit_review(first, strong_market, cohorts.ReviewData(False, sheet(1, 5, 3, 3)))
    cohorts.submit_review(second, strong_market, cohorts.ReviewData(False, sheet(3, 5, 3, 3)))
    cohorts.submit_review(second, strong_team, cohorts.ReviewData(True))

    rows = cohorts.ranking(cohort)
    assert [(row.place, app.pk, row.mean, row.sheets) for row, app in rows] == [
        (1, strong_market.pk, 3.2, 2),
        (2, strong_team.pk, 3.1, 1),
        (3, unscored.pk, None, 0),
    ]


def test_accepting_links_a_new_start_up_and_mails_through_the_outbox(
    registry: Registry,
    smtp_server: ReceivedMail,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: object,
) -> None:
    cohort = make_cohort(registry.smart)
    application = make_application(cohort, "Greenbot UG")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cohorts.decide(registry.users["smart_manager"], application, accept=True)

    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert application.organisation is not None
    organisation = application.organisation
    assert organisation.name == "Greenbot UG"
    assert cohorts.members(cohort) == [application]
    [mail] = EventMail.objects.filter(kind=cohort_mails.ACCEPTED)
    assert mail.subject_id == application.pk and mail.sent_at is not None
    subjects = [str(message["Subject"]) for message in smtp_server.messages]
    assert "Willkommen in der Kohorte: S-Hub Accelerator 2027" in subjects
    assert AuditEntry.objects.filter(object_id=str(application.pk)).exists()
    with pytest.raises(ValidationError):
        cohorts.decide(registry.users["smart_manager"], application, accept=False)


def test_declining_links_nothing_and_owes_the_refusal(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    application = make_application(cohort)
    chosen = registry.smart_member
    cohorts.decide(registry.users["admin"], application, accept=False, organisation=chosen)
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert application.organisation_id is None
    assert EventMail.objects.filter(kind=cohort_mails.DECLINED).count() == 1


def test_a_manager_of_another_cluster_cannot_decide(registry: Registry) -> None:
    application = make_application(make_cohort(registry.smart))
    with pytest.raises(PermissionDenied):
        cohorts.decide(registry.users["medtech_manager"], application, accept=True)


def test_milestones_are_added_and_ticked_off(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    manager = registry.users["smart_manager"]
    entry = cohorts.add_entry(manager, cohort, "milestone", dt.date(2027, 3, 1), "Pitch-Training")
    cohorts.set_entry_done(manager, entry, True)
    entry.refresh_from_db()
    assert entry.done
    with pytest.raises(PermissionDenied):
        cohorts.add_entry(registry.users["reader"], cohort, "mentoring", dt.date(2027, 3, 2), "X")


def test_an_application_is_decided_once_even_from_a_stale_page(registry: Registry) -> None:
    application = make_application(make_cohort(registry.smart))
    stale = Application.objects.get(pk=application.pk)
    cohorts.decide(registry.users["admin"], application, accept=False)
    with pytest.raises(ValidationError, match="schon entschieden"):
        cohorts.decide(registry.users["smart_manager"], stale, accept=True)
    assert EventMail.objects.filter(kind=cohort_mails.ACCEPTED).count() == 0
    assert Application.objects.get(pk=application.pk).organisation_id is None
