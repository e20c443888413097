"""Edits are validated, saved, and audited; a person's data can be exported and erased."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.directory.models import Consent, Organisation, Person


def form_data(organisation: Organisation, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": organisation.name,
        "legal_form": organisation.legal_form,
        "kind": organisation.kind,
        "status": organisation.status,
        "city": organisation.city,
        "postcode": organisation.postcode,
        "country": organisation.country,
        "offers": organisation.offers,
        "seeks": organisation.seeks,
    }
    if organisation.listed_publicly:
        data["listed_publicly"] = "on"
    data.update(changes)
    return data


def test_manager_edit_is_saved_and_audited(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    organisation = registry.smart_member
    url = reverse("directory:organisation_edit", args=[organisation.pk])
    response = client.post(url, form_data(organisation, offers="Sensoren für Wasserstoff"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.offers == "Sensoren für Wasserstoff"
    assert "Wasserstoff" in organisation.search_text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE, object_id=str(organisation.pk))
    assert entry.actor == registry.users["smart_manager"]
    assert entry.changes["offers"][1] == "Sensoren für Wasserstoff"
    assert set(entry.changes) == {"offers"}


def test_invalid_edit_keeps_what_was_typed_and_changes_nothing(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    organisation = registry.smart_member
    url = reverse("directory:organisation_edit", args=[organisation.pk])
    response = client.post(
        url,
        form_data(organisation, founding_year="1066", offers="Neuer Text", country="Deutschland"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Neuer Text" in body
    assert 'aria-invalid="true"' in body
    organisation.refresh_from_db()
    assert organisation.offers != "Neuer Text"
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).exists()


def test_public_listing_records_consent_date(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("admin")
    organisation = registry.prospect
    url = reverse("directory:organisation_edit", args=[organisation.pk])
    client.post(url, form_data(organisation, listed_publicly="on"))
    organisation.refresh_from_db()
    assert organisation.listed_publicly
    assert organisation.listing_consent_at is not None


def test_member_editor_edits_own_profile_but_not_status(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("member")
    organisation = registry.medtech_member
    data = form_data(organisation, offers="Klinische Studien", status="former")
    response = client.post(reverse("directory:my_profile"), data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.offers == "Klinische Studien"
    assert organisation.status == Organisation.Status.MEMBER


def test_viewing_a_person_is_audited(registry: Registry, login: Callable[[str], Client]) -> None:
    client = login("reader")
    client.get(reverse("directory:person_detail", args=[registry.person.pk]))
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW)
    assert entry.object_type == "directory.person"
    assert entry.object_id == str(registry.person.pk)
    assert entry.actor == registry.users["reader"]


def test_person_export_contains_their_data_and_is_audited(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    response = client.get(reverse("privacy:person_export", args=[registry.person.pk]))
    data = json.loads(response.content)
    assert data["person"]["email"] == registry.person.email
    assert data["consents"][0]["purpose"] == Consent.Purpose.NEWSLETTER
    assert data["affiliations"][0]["organisation"] == "Pepperl+Fuchs"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count() == 1


def test_person_erasure_anonymises_person_and_removes_consents(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    pk = registry.person.pk
    response = client.post(reverse("privacy:person_erase", args=[pk]))
    assert response.status_code == 302
    erased = Person.objects.get(pk=pk)
    assert erased.erased_at is not None and erased.email == ""
    assert registry.person.last_name not in str(erased)
    assert not Consent.objects.filter(person_id=pk).exists()
    assert client.get(reverse("directory:person_detail", args=[pk])).status_code == 404
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ERASE)
    assert registry.person.email not in json.dumps(entry.changes) + entry.object_repr


def test_audit_log_shows_the_change_to_administrators(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    smart_client = login("smart_manager")
    organisation = registry.smart_member
    smart_client.post(
        reverse("directory:organisation_edit", args=[organisation.pk]),
        form_data(organisation, seeks="Partner für KI"),
    )
    smart_client.force_login(registry.users["admin"])
    response = smart_client.get(reverse("audit:log"))
    body = response.content.decode()
    assert "Partner für KI" in body
    assert "smart_manager" in body


@pytest.mark.django_db
def test_anonymous_cannot_erase(client: Client, registry: Registry) -> None:
    response = client.post(reverse("privacy:person_erase", args=[registry.person.pk]))
    assert response.status_code == 302
    assert Person.objects.filter(pk=registry.person.pk).exists()
