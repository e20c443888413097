"""The retention page lists people with no standing consent and nothing on record for
CLUSTERHUB_RETENTION_YEARS, and erases the chosen ones (administrators only; audited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Consent, Person
from tests.support.events import make_event
from tests.support.registry import Registry

Login = Callable[[str], Client]
LONG_AGO = timezone.now() - dt.timedelta(days=5 * 365)


def dormant(last_name: str) -> Person:
    person = Person.objects.create(first_name="Ruth", last_name=last_name, email="")
    Person.objects.filter(pk=person.pk).update(updated_at=LONG_AGO, created_at=LONG_AGO)
    return person


def test_only_dormant_people_without_consent_are_listed(
    registry: Registry, login: Login, settings: object
) -> None:
    settings.CLUSTERHUB_RETENTION_YEARS = 3  # type: ignore[attr-defined]
    due = dormant("Ruhend")
    consenting = dormant("Zugestimmt")
    Consent.objects.create(person=consenting, purpose="newsletter", given_at=LONG_AGO)
    withdrawn = dormant("Widerrufen")
    Consent.objects.create(
        person=withdrawn, purpose="newsletter", given_at=LONG_AGO, withdrawn_at=LONG_AGO
    )
    registered = dormant("Angemeldet")
    make_event(title="Neulich").registrations.create(
        person=registered, status="attended", first_name="Ruth", last_name="Angemeldet"
    )
    page = login("admin").get(reverse("privacy:retention")).content.decode()
    assert "Ruhend" in page and "Widerrufen" in page
    assert "Zugestimmt" not in page and "Angemeldet" not in page
    assert registry.person.last_name not in page  # a standing consent, a recent record
    settings.CLUSTERHUB_RETENTION_YEARS = 10  # type: ignore[attr-defined]
    assert due.last_name not in login("admin").get(reverse("privacy:retention")).content.decode()


def test_bulk_erasure_erases_the_chosen_due_people_and_audits_each(
    registry: Registry, login: Login
) -> None:
    first, second = dormant("Erster"), dormant("Zweiter")
    response = login("admin").post(
        reverse("privacy:retention_erase"),
        {"person": [str(first.pk), str(second.pk), str(registry.person.pk)]},
    )
    assert response.status_code == 302
    assert Person.objects.filter(pk__in=[first.pk, second.pk], erased_at__isnull=False).count() == 2
    # Not due (a standing consent): not erased, even when its id is sent.
    assert Person.objects.get(pk=registry.person.pk).erased_at is None
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ERASE).count() == 2


def test_a_manager_may_not_bulk_erase(registry: Registry, login: Login) -> None:
    person = dormant("Ruhend")
    response = login("smart_manager").post(
        reverse("privacy:retention_erase"), {"person": [str(person.pk)]}
    )
    assert response.status_code == 403
    assert Person.objects.get(pk=person.pk).erased_at is None
