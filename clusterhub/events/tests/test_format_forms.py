"""Staff create and edit formats (event series) for their clusters; changes are audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.events.models import Format

Login = Callable[[str], Client]


def format_form(registry: Registry, **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Open Social Innovation Forum",
        "slug": "osif",
        "description": "Dreimal im Jahr: Vortrag und Vernetzung.",
        "clusters": [str(registry.medtech.pk)],
        "recurrence": "FREQ=MONTHLY;INTERVAL=4",
        "series_start_0": "2027-02-10",
        "series_start_1": "17:00",
        "default_duration_minutes": "150",
        "default_venue": "CUBEX ONE",
        "default_address": "Franz-Volhard-Straße, Mannheim",
        "default_capacity": "80",
    }
    values.update(fields)
    return values


def test_manager_creates_a_format_for_her_cluster_and_it_is_audited(
    login: Login, registry: Registry
) -> None:
    response = login("medtech_manager").post(reverse("events:format_create"), format_form(registry))
    assert response.status_code == 302
    event_format = Format.objects.get(slug="osif")
    assert list(event_format.clusters.all()) == [registry.medtech]
    assert event_format.recurrence == "FREQ=MONTHLY;INTERVAL=4"
    entry = AuditEntry.objects.get(object_type="events.format")
    assert entry.action == AuditEntry.Action.CREATE


def test_a_wrong_recurrence_rule_is_refused_and_the_input_kept(
    login: Login, registry: Registry
) -> None:
    response = login("medtech_manager").post(
        reverse("events:format_create"), format_form(registry, recurrence="DREIMAL IM JAHR")
    )
    assert response.status_code == 200
    assert "DREIMAL IM JAHR" in response.content.decode()
    assert not Format.objects.exists()


def test_a_rule_needs_a_first_date(login: Login, registry: Registry) -> None:
    response = login("medtech_manager").post(
        reverse("events:format_create"), format_form(registry, series_start_0="", series_start_1="")
    )
    assert "Eine Wiederholungsregel braucht einen ersten Termin." in response.content.decode()
    assert not Format.objects.exists()


def test_another_clusters_manager_cannot_edit_the_format(login: Login, registry: Registry) -> None:
    login("medtech_manager").post(reverse("events:format_create"), format_form(registry))
    event_format = Format.objects.get(slug="osif")
    url = reverse("events:format_edit", args=[event_format.pk])
    assert login("smart_manager").get(url).status_code == 403
    assert login("reader").get(url).status_code == 403
    response = login("medtech_manager").post(url, format_form(registry, default_capacity="120"))
    assert response.status_code == 302
    event_format.refresh_from_db()
    assert event_format.default_capacity == 120
    update = AuditEntry.objects.get(object_type="events.format", action=AuditEntry.Action.UPDATE)
    assert update.changes["default_capacity"] == [80, 120]


def test_a_format_name_with_a_line_break_is_refused(login: Login, registry: Registry) -> None:
    response = login("medtech_manager").post(
        reverse("events:format_create"), format_form(registry, name="Social\nInnovation Bar")
    )
    assert response.status_code == 200
    assert "Bitte ohne Zeilenumbruch eingeben" in response.content.decode()
    assert not Format.objects.exists()
