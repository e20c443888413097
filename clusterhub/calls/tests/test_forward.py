"""Forwarding a call: preview, then a mail through the outbox and a CRM entry each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from clusterhub.calls.models import Forwarding, FundingCall
from clusterhub.crm.models import Interaction
from clusterhub.events.models import EventMail
from tests.factories import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.support.registry import Registry


def eu_call() -> FundingCall:
    return FundingCall.objects.create(
        source=FundingCall.Source.EU_PORTAL,
        level=FundingCall.Level.EU,
        programme="Horizon Europe",
        identifier="HORIZON-CL5-2027-D3-01",
        title="Hydrogen valleys",
        text="Green hydrogen for industrial clusters.",
        deadline=dt.date(2030, 1, 20),
        final_deadline=dt.date(2030, 1, 20),
    )


@pytest.mark.usefixtures("immediate_tasks")
def test_preview_then_send_mails_and_notes_each_organisation(
    registry: Registry, login: Callable[[str], Client], django_capture_on_commit_callbacks: Any
) -> None:
    call = eu_call()
    contact = PersonFactory.create(email="kontakt@example.org", first_name="Eva")
    AffiliationFactory.create(person=contact, organisation=registry.medtech_member, is_primary=True)
    silent = OrganisationFactory.create(name="Ohne Adresse GmbH")
    client = login("smart_manager")
    url = reverse("calls:forward", args=[call.pk])
    data = {
        "organisations": [registry.medtech_member.pk, registry.smart_member.pk, silent.pk],
        "cluster": registry.smart.pk,
        "message": "Das passt zu Ihrem Vorhaben.",
    }
    preview = client.post(url, {**data, "preview": "1"})
    assert preview.status_code == 200
    assert "kontakt@example.org" in preview.content.decode()
    assert "keine Kontaktadresse" in preview.content.decode()
    assert "European Commission" in preview.content.decode()
    assert not Forwarding.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**data, "send": "1"})
    assert response.status_code == 302
    assert Forwarding.objects.count() == 2
    notes = Interaction.objects.filter(subject__contains=call.identifier, cluster=registry.smart)
    assert {n.organisation_id for n in notes} == {
        registry.medtech_member.pk,
        registry.smart_member.pk,
    }
    sent = [m for m in mail.outbox if m.subject.startswith("Förderaufruf")]
    assert sorted(m.to[0] for m in sent) == sorted(["kontakt@example.org", registry.person.email])
    assert "Das passt zu Ihrem Vorhaben." in sent[0].body
    assert (
        EventMail.objects.filter(kind=EventMail.Kind.CALL_FORWARD, sent_at__isnull=False).count()
        == 2
    )
    page = client.get(reverse("directory:organisation_detail", args=[registry.medtech_member.pk]))
    assert call.identifier in page.content.decode()


def test_a_manager_forwards_only_as_a_cluster_they_manage(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    call = eu_call()
    client = login("smart_manager")
    response = client.post(
        reverse("calls:forward", args=[call.pk]),
        {"organisations": [registry.smart_member.pk], "cluster": registry.medtech.pk, "send": "1"},
    )
    assert response.status_code == 200  # the form refuses the cluster
    assert not Forwarding.objects.exists()


def test_an_imported_call_is_not_edited_by_hand(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    call = eu_call()
    assert login("admin").get(reverse("calls:edit", args=[call.pk])).status_code == 403


def test_a_call_entered_by_hand(registry: Registry, login: Callable[[str], Client]) -> None:
    client = login("smart_manager")
    response = client.post(
        reverse("calls:create"),
        {
            "level": "state",
            "programme": "Invest BW",
            "identifier": "BW-INVEST-2027",
            "title": "Invest BW Innovation",
            "deadline": "2030-03-01",
            "later_deadlines_text": "2030-09-01, 2030-06-01",
            "keywords_text": "Wasserstoff, KI",
        },
    )
    assert response.status_code == 302
    call = FundingCall.objects.get(identifier="BW-INVEST-2027")
    assert call.source == FundingCall.Source.MANUAL
    assert call.later_deadlines == ["2030-06-01", "2030-09-01"]
    assert call.final_deadline == dt.date(2030, 9, 1)
    bad = client.post(
        reverse("calls:edit", args=[call.pk]),
        {
            "level": "state",
            "programme": "x",
            "identifier": "BW-INVEST-2027",
            "title": "t",
            "later_deadlines_text": "1.9.2030",
        },
    )
    assert bad.status_code == 200
    assert "JJJJ-MM-TT" in bad.content.decode()


def test_list_filters(registry: Registry, login: Callable[[str], Client]) -> None:
    eu_call()
    FundingCall.objects.create(
        level="city",
        programme="Stadt Mannheim",
        identifier="MA-1",
        title="Alt",
        deadline=dt.date(2020, 1, 1),
        final_deadline=dt.date(2020, 1, 1),
    )
    client = login("reader")
    page = client.get(reverse("calls:list"), {"open_now": "on"}).content.decode()
    assert "Hydrogen valleys" in page and ">Alt<" not in page
    page = client.get(reverse("calls:list"), {"programme": "Stadt Mannheim"}).content.decode()
    assert "Hydrogen valleys" not in page and ">Alt<" in page
    page = client.get(
        reverse("calls:list"), {"q": "hydrogen", "within_weeks": "2"}
    ).content.decode()
    assert "Keine Aufrufe gefunden" in page
