"""Memberships, contacts and consents: managed by the right cluster, recorded and audited."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.directory.models import Consent, Membership, Organisation


def test_manager_takes_prospect_into_her_cluster(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("medtech_manager")
    url = reverse("directory:membership_add", args=[registry.prospect.pk])
    response = client.post(
        url, {"cluster": registry.medtech.pk, "role": "member", "started_on": "2026-11-01"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=registry.prospect)
    assert membership.cluster == registry.medtech
    registry.prospect.refresh_from_db()
    assert registry.prospect.status == Organisation.Status.MEMBER
    assert AuditEntry.objects.filter(object_type="directory.membership").exists()


def test_manager_cannot_add_members_to_another_cluster(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("medtech_manager")
    url = reverse("directory:membership_add", args=[registry.prospect.pk])
    response = client.post(url, {"cluster": registry.smart.pk, "role": "member"})
    assert response.status_code == 200  # the form says the choice is not valid
    assert not Membership.objects.filter(organisation=registry.prospect).exists()


def test_ending_membership_needs_that_clusters_manager(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    membership = Membership.objects.get(organisation=registry.smart_member)
    url = reverse("directory:membership_end", args=[membership.pk])
    assert login("medtech_manager").post(url).status_code == 403
    membership.refresh_from_db()
    assert membership.ended_on is None
    login("smart_manager").post(url)
    membership.refresh_from_db()
    assert membership.ended_on is not None


def test_new_contact_gets_affiliation(registry: Registry, login: Callable[[str], Client]) -> None:
    client = login("smart_manager")
    url = reverse("directory:contact_create", args=[registry.smart_member.pk])
    response = client.post(
        url,
        {
            "first_name": "Erika",
            "last_name": "Beispiel",
            "email": "erika@example.org",
            "preferred_language": "de",
            "function": "Leitung Innovation",
        },
    )
    assert response.status_code == 302
    affiliation = registry.smart_member.affiliations.get(person__last_name="Beispiel")
    assert affiliation.function == "Leitung Innovation"


def test_consent_is_recorded_and_withdrawn_with_dates(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    person = registry.person
    client.post(
        reverse("directory:consent_add", args=[person.pk]),
        {"purpose": "matching", "given_at": "2026-11-20T10:00", "source": "Gespräch am Stand"},
    )
    consent = Consent.objects.get(person=person, purpose="matching")
    assert consent.recorded_by == registry.users["smart_manager"]
    assert consent.given_at.date().isoformat() == "2026-11-20"
    client.post(reverse("directory:consent_withdraw", args=[consent.pk]))
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not consent.is_active


def test_other_clusters_manager_cannot_withdraw_consent(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    consent = Consent.objects.get(person=registry.person)
    response = login("medtech_manager").post(
        reverse("directory:consent_withdraw", args=[consent.pk])
    )
    assert response.status_code == 403
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
