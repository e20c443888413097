"""CRM notes stay with the cluster that wrote them."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.crm.models import FollowUp, Interaction


def note_data(cluster_pk: int, **extra: str) -> dict[str, object]:
    return {
        "cluster": cluster_pk,
        "kind": "visit",
        "occurred_on": "2026-11-20",
        "subject": "Werksbesuch",
        "notes": "Interesse an Wasserstoff-Konsortium",
        **extra,
    }


def test_organisation_page_hides_other_clusters_notes(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("medtech_manager")
    response = client.get(reverse("directory:organisation_detail", args=[registry.smart_member.pk]))
    body = response.content.decode()
    assert "MedTech-Gespräch" in body
    assert "Smart-Industries-Besuch" not in body
    assert "1 Notiz eines anderen Clusters" in body


def test_manager_logs_note_with_follow_up(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    url = reverse("crm:interaction_create", args=[registry.prospect.pk])
    data = note_data(registry.smart.pk, follow_up="Angebot schicken", follow_up_due_on="2026-12-01")
    response = client.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Werksbesuch" in response.content.decode()
    interaction = Interaction.objects.get(subject="Werksbesuch")
    assert interaction.cluster == registry.smart
    assert interaction.author == registry.users["smart_manager"]
    follow_up = FollowUp.objects.get(interaction=interaction)
    assert follow_up.assignee == registry.users["smart_manager"]
    assert AuditEntry.objects.filter(object_type="crm.interaction").count() == 1


def test_manager_cannot_write_into_another_clusters_notes(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("medtech_manager")
    url = reverse("crm:interaction_create", args=[registry.prospect.pk])
    response = client.post(url, note_data(registry.smart.pk))
    assert response.status_code == 200  # the form shows the error
    assert not Interaction.objects.filter(subject="Werksbesuch").exists()


def test_note_form_without_javascript_keeps_typed_text_on_error(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    url = reverse("crm:interaction_create", args=[registry.prospect.pk])
    response = client.post(url, note_data(registry.smart.pk, follow_up="Nachfassen"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bitte ein Fälligkeitsdatum angeben." in body
    assert "Interesse an Wasserstoff-Konsortium" in body
    assert "<html" in body


def test_follow_up_done_removes_it_from_my_list(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    follow_up = FollowUp.objects.get(assignee=registry.users["smart_manager"])
    assert follow_up.description in client.get(reverse("crm:my_follow_ups")).content.decode()
    client.post(reverse("crm:follow_up_done", args=[follow_up.pk]))
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None
    assert follow_up.description not in client.get(reverse("crm:my_follow_ups")).content.decode()


def test_manager_cannot_complete_someone_elses_follow_up(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("medtech_manager")
    follow_up = FollowUp.objects.get(assignee=registry.users["smart_manager"])
    response = client.post(reverse("crm:follow_up_done", args=[follow_up.pk]))
    assert response.status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.done_at is None
