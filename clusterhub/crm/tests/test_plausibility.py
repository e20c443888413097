"""A note records a contact that took place; its follow-up cannot fall due before it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.conftest import Registry
from clusterhub.crm.models import Interaction
from clusterhub.crm.tests.test_notes import note_data


def post_note(client: Client, registry: Registry, **extra: str) -> str:
    url = reverse("crm:interaction_create", args=[registry.prospect.pk])
    response = client.post(url, note_data(registry.smart.pk, **extra))
    return response.content.decode()


def test_contact_in_the_future_is_refused_and_the_input_kept(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    body = post_note(
        login("smart_manager"),
        registry,
        occurred_on="2030-01-01",
        follow_up="Angebot schicken",
        follow_up_due_on="2020-01-01",
    )
    assert "Bitte prüfen Sie die markierten Felder." in body
    assert "Der Kontakt kann nicht in der Zukunft liegen." in body
    assert 'value="2030-01-01"' in body
    assert 'value="Angebot schicken"' in body
    assert not Interaction.objects.filter(subject="Werksbesuch").exists()


def test_follow_up_due_before_the_contact_is_refused(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    body = post_note(
        login("smart_manager"),
        registry,
        occurred_on="2026-11-20",
        follow_up="Angebot schicken",
        follow_up_due_on="2020-01-01",
    )
    assert "Die Wiedervorlage kann nicht vor dem Kontakt fällig sein." in body
    assert not Interaction.objects.filter(subject="Werksbesuch").exists()


def test_contact_today_with_follow_up_the_same_day_is_accepted(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    today = timezone.localdate().isoformat()
    post_note(
        login("smart_manager"),
        registry,
        occurred_on=today,
        follow_up="Anrufen",
        follow_up_due_on=today,
    )
    interaction = Interaction.objects.get(subject="Werksbesuch")
    assert interaction.occurred_on == dt.date.fromisoformat(today)
