"""The cohort pages: a founder applies without an account, a reviewer scores, a manager
decides."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.support import cohorts
from clusterhub.support.models import Application, Cohort, Review
from tests.support.registry import Registry

from .cohort_fixtures import make_application, make_cohort

FILLED = {
    "organisation_name": "Nexa Robotics UG",
    "contact_name": "Mira Keller",
    "email": "mira@example.org",
    "answer_0": "Montage ohne Fachkräfte",
    "answer_1": "Drei Gründende aus Mannheim",
    "consent": "on",
}


def test_a_founder_applies_without_an_account(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    url = reverse("support:cohort_apply", args=[cohort.slug])
    page = Client().get(url).content.decode()
    assert "Welches Problem lösen Sie?" in page

    response = Client().post(url, FILLED)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    application = Application.objects.get()
    assert application.email == "mira@example.org"
    assert [item["answer"] for item in application.answers] == [
        "Montage ohne Fachkräfte",
        "Drei Gründende aus Mannheim",
    ]


def test_without_consent_nothing_is_stored(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    data = {key: value for key, value in FILLED.items() if key != "consent"}
    response = Client().post(reverse("support:cohort_apply", args=[cohort.slug]), data)
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_after_the_deadline_the_page_says_why_and_stores_nothing(registry: Registry) -> None:
    cohort = make_cohort(registry.smart, deadline=timezone.now() - dt.timedelta(hours=1))
    url = reverse("support:cohort_apply", args=[cohort.slug])
    assert "Bewerbungsfrist ist abgelaufen" in Client().get(url).content.decode()
    response = Client().post(url, FILLED)
    assert response.status_code == 409
    assert "Bewerbungsfrist für S-Hub Accelerator 2027" in response.content.decode()
    assert not Application.objects.exists()


def test_a_reviewer_scores_and_a_declared_conflict_ends_scoring(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    reviewer = registry.users["medtech_manager"]
    cohort.reviewers.add(reviewer)
    application = make_application(cohort)
    other = make_application(cohort, "Zweite GmbH")
    client = Client()
    client.force_login(reviewer)
    url = reverse("support:cohort_application", args=[application.pk])
    assert "Bewertungsbogen" in client.get(url).content.decode()

    sheet = {"score_team": "4", "score_market": "3", "score_innovation": "5", "score_fit": "2"}
    response = client.post(url, {"conflict": "no", **sheet})
    assert response.status_code == 302
    assert Review.objects.get(application=application).scores == {
        "team": 4,
        "market": 3,
        "innovation": 5,
        "fit": 2,
    }
    # Without the declaration the sheet is not taken.
    other_url = reverse("support:cohort_application", args=[other.pk])
    assert client.post(other_url, sheet).status_code == 400
    assert client.post(other_url, {"conflict": "yes"}).status_code == 302
    page = client.get(other_url).content.decode()
    assert "Interessenkonflikt erklärt" in page and "Bewertungsbogen" not in page
    assert client.post(other_url, {"conflict": "no", **sheet}).status_code == 400
    assert Review.objects.get(application=other).scores == {}


def test_a_manager_sees_the_ranking_and_accepts(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    application = make_application(cohort, "Greenbot UG")
    client = Client()
    client.force_login(registry.users["smart_manager"])
    page = client.get(reverse("support:cohort", args=[cohort.slug])).content.decode()
    assert "Rangliste" in page and "Greenbot UG" in page

    url = reverse("support:cohort_application_decide", args=[application.pk])
    response = client.post(url, {"decision": "accept", "organisation": registry.smart_member.pk})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.organisation == registry.smart_member
    assert cohorts.members(cohort) == [application]


def test_a_manager_keeps_the_milestones(registry: Registry) -> None:
    cohort = make_cohort(registry.smart)
    client = Client()
    client.force_login(registry.users["admin"])
    url = reverse("support:cohort_entry_add", args=[cohort.slug])
    data = {"termin-kind": "mentoring", "termin-day": "2027-02-03", "termin-title": "Mentoring"}
    assert client.post(url, data).status_code == 302
    [entry] = cohort.entries.all()
    done_url = reverse("support:cohort_entry_done", args=[entry.pk])
    assert client.post(done_url, {"done": "1"}).status_code == 302
    entry.refresh_from_db()
    assert entry.done


def test_a_sheet_without_every_score_is_sent_back_with_the_missing_criterion(
    registry: Registry,
) -> None:
    cohort = make_cohort(registry.smart)
    cohort.reviewers.add(registry.users["reader"])
    application = make_application(cohort)
    client = Client()
    client.force_login(registry.users["reader"])
    url = reverse("support:cohort_application", args=[application.pk])
    response = client.post(url, {"conflict": "no", "score_team": "4"})
    assert response.status_code == 400
    assert "Bitte bewerten Sie dieses Kriterium" in response.content.decode()
    assert not Review.objects.exists()


def test_a_manager_opens_a_call_with_its_questions_and_sheet(registry: Registry) -> None:
    client = Client()
    client.force_login(registry.users["smart_manager"])
    data = {
        "aufruf-programme": "S-Hub Accelerator",
        "aufruf-name": "S-Hub Accelerator Herbst",
        "aufruf-slug": "s-hub-herbst",
        "aufruf-cluster": registry.smart.pk,
        "aufruf-deadline": "2030-10-01T12:00",
        "aufruf-questions": "Was bauen Sie?\n\nWer sind Sie?",
        "aufruf-criteria": "Team: 30\nMarkt: 25\nInnovation: 25\nPassung: 15",
    }
    response = client.post(reverse("support:cohorts"), data)
    assert response.status_code == 400
    assert "nicht 100 %" in response.content.decode()

    data["aufruf-criteria"] = "Team: 30\nMarkt: 25\nInnovation: 25\nPassung: 20"
    response = client.post(reverse("support:cohorts"), data)
    assert response.status_code == 302
    cohort = Cohort.objects.get(slug="s-hub-herbst")
    assert cohort.questions == ["Was bauen Sie?", "Wer sind Sie?"]
    assert [c["weight"] for c in cohort.criteria] == [30, 25, 25, 20]
    page = Client().get(reverse("support:cohort_apply", args=[cohort.slug])).content.decode()
    assert "Wer sind Sie?" in page


def test_a_manager_cannot_open_a_call_for_another_cluster(registry: Registry) -> None:
    client = Client()
    client.force_login(registry.users["medtech_manager"])
    data = {
        "aufruf-programme": "S-Hub Accelerator",
        "aufruf-name": "Fremd",
        "aufruf-slug": "fremd",
        "aufruf-cluster": registry.smart.pk,
        "aufruf-deadline": "2030-10-01T12:00",
        "aufruf-questions": "Was?",
        "aufruf-criteria": "Team: 100",
    }
    assert client.post(reverse("support:cohorts"), data).status_code == 400
    assert not Cohort.objects.filter(slug="fremd").exists()
