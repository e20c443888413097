"""Doors of the data-rights pages beyond the person's own (the directory's
``get_person_for_user(write=True)``): registrations whose typed data was never linked to a
registry person, found by the address typed, and the people due for a retention review."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from clusterhub.accounts.roles import viewer_for
from clusterhub.crm.models import Interaction
from clusterhub.directory.access import people_visible_to
from clusterhub.directory.models import Consent, Person
from clusterhub.events.models import Event, Registration

User = AbstractBaseUser | AnonymousUser


def unlinked_registrations_for_user(user: User, email: str) -> QuerySet[Registration]:
    """Registrations typed with ``email`` and linked to no person: administrators all, a
    cluster manager those of her clusters' events; everyone else is refused (403)."""
    viewer = viewer_for(user)
    if not (viewer.is_admin or viewer.is_manager):
        raise PermissionDenied
    address = email.strip()
    if not address:
        return Registration.objects.none()
    registrations = Registration.objects.filter(person__isnull=True, email__iexact=address)
    if not viewer.is_admin:
        managed = Event.objects.filter(clusters__in=viewer.managed_cluster_ids).values("pk")
        registrations = registrations.filter(event__in=managed)
    return registrations.select_related("event").order_by("created_at", "pk")


def retention_cutoff(now: dt.datetime, years: int) -> dt.datetime:
    return now - relativedelta(years=years)


def retention_candidates(user: User, *, now: dt.datetime, years: int) -> QuerySet[Person]:
    """People with no standing consent and nothing on record since the cutoff (no change to
    their record, no consent given or withdrawn, no registration for or at an event, no note):
    for administrators only (403 for anyone else)."""
    viewer = viewer_for(user)
    if not viewer.is_admin:
        raise PermissionDenied
    cutoff = retention_cutoff(now, years)
    person = OuterRef("pk")
    standing_consent = Consent.objects.filter(person=person, withdrawn_at__isnull=True)
    recent_consent = Consent.objects.filter(person=person).filter(
        Q(given_at__gte=cutoff) | Q(withdrawn_at__gte=cutoff)
    )
    recent_registration = Registration.objects.filter(person=person).filter(
        Q(created_at__gte=cutoff) | Q(event__starts_at__gte=cutoff)
    )
    recent_note = Interaction.objects.filter(person=person, occurred_on__gte=cutoff.date())
    return (
        people_visible_to(viewer)
        .filter(updated_at__lt=cutoff)
        .exclude(Exists(standing_consent))
        .exclude(Exists(recent_consent))
        .exclude(Exists(recent_registration))
        .exclude(Exists(recent_note))
        .order_by("updated_at", "pk")
    )
