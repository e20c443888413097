"""Digi-Pate cases: opened for an SME, sessions move the stage, specialists are introduced
once, as an introduction of the partner matching with a CRM entry on both sides."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.crm.models import Interaction
from clusterhub.partners.models import Introduction
from clusterhub.support import mentoring
from clusterhub.support.models import MentoringCase
from tests.factories import OrganisationFactory
from tests.support.registry import Registry


def open_case(registry: Registry) -> MentoringCase:
    return mentoring.open_case(
        registry.users["smart_manager"],
        mentoring.CaseData(
            organisation=registry.smart_member,
            cluster=registry.smart,
            need="Auftragsabwicklung digitalisieren; Maschinendaten auswerten",
        ),
    )


def test_a_session_moves_the_stage_and_an_early_one_is_refused(registry: Registry) -> None:
    case = open_case(registry)
    actor = registry.users["smart_manager"]
    mentoring.record_session(
        actor, case, timezone.localdate(), "ERP-Auswahl", "Angebote", "analysis"
    )
    case.refresh_from_db()
    assert case.stage == MentoringCase.Stage.ANALYSIS
    with pytest.raises(ValidationError):
        mentoring.record_session(actor, case, case.opened_on - dt.timedelta(days=1), "zu früh")
    assert case.sessions.count() == 1
    with pytest.raises(PermissionDenied):
        mentoring.record_session(registry.users["medtech_manager"], case, case.opened_on, "x")


def test_introducing_a_specialist_logs_both_sides_once(registry: Registry) -> None:
    case = open_case(registry)
    specialist = OrganisationFactory.create(name="Datenwerk Analytics GmbH")
    actor = registry.users["smart_manager"]
    record = mentoring.introduce_specialist(actor, case, specialist)

    assert record.introduction is not None
    assert Introduction.objects.get().partner == specialist
    kinds = set(
        Interaction.objects.filter(kind=Interaction.Kind.INTRODUCTION).values_list(
            "organisation_id", flat=True
        )
    )
    assert kinds == {registry.smart_member.pk, specialist.pk}
    with pytest.raises(ValidationError, match="schon vorgestellt"):
        mentoring.introduce_specialist(actor, case, specialist)
    with pytest.raises(ValidationError):
        mentoring.introduce_specialist(actor, case, registry.smart_member)
    assert Introduction.objects.count() == 1


def test_a_manager_opens_a_case_and_records_a_session_on_its_page(registry: Registry) -> None:
    client = Client()
    client.force_login(registry.users["smart_manager"])
    response = client.post(
        reverse("support:mentoring_case_create"),
        {
            "fall-organisation": registry.smart_member.pk,
            "fall-cluster": registry.smart.pk,
            "fall-need": "Digitale Auftragsabwicklung",
        },
    )
    assert response.status_code == 302
    case = MentoringCase.objects.get()
    assert case.mentor == registry.users["smart_manager"]
    session = client.post(
        reverse("support:mentoring_session_add", args=[case.pk]),
        {
            "sitzung-held_on": timezone.localdate().isoformat(),
            "sitzung-topics": "Ist-Aufnahme der Prozesse",
            "sitzung-stage": "implementation",
        },
        follow=True,
    )
    assert "Ist-Aufnahme der Prozesse" in session.content.decode()
    assert MentoringCase.objects.get().stage == "implementation"
