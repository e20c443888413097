"""The only doors to organisations and people. Every view and service goes through here."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.directory.models import Affiliation, Consent, Membership, Organisation, Person

User = AbstractBaseUser | AnonymousUser


def public_organisations() -> QuerySet[Organisation]:
    """Organisations anyone may see: those that agreed to be listed publicly."""
    return Organisation.objects.filter(listed_publicly=True)


def get_public_organisation(pk: int) -> Organisation:
    """The organisation ``pk`` for the public directory; 404 unless it is listed publicly."""
    organisation = public_organisations().prefetch_related("themes").filter(pk=pk).first()
    if organisation is None:
        raise Http404
    return organisation


def organisations_visible_to(viewer: Viewer) -> QuerySet[Organisation]:
    if viewer.is_agency_staff:
        return Organisation.objects.all()
    if viewer.is_member_editor and viewer.organisation_id:
        return Organisation.objects.filter(pk=viewer.organisation_id)
    return public_organisations()


def can_edit_organisation(viewer: Viewer, organisation: Organisation) -> bool:
    if viewer.is_admin:
        return True
    if viewer.is_member_editor:
        return viewer.organisation_id == organisation.pk
    if viewer.is_manager:
        memberships = Membership.objects.filter(organisation_id=organisation.pk)
        # A prospect that belongs to no cluster yet may be taken on by any manager.
        return (
            not memberships.exists()
            or memberships.filter(cluster_id__in=viewer.managed_cluster_ids).exists()
        )
    return False


def can_create_organisation(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_manager


def get_organisation_for_user(user: User, pk: int, *, write: bool = False) -> Organisation:
    viewer = viewer_for(user)
    organisation = organisations_visible_to(viewer).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    if write and not can_edit_organisation(viewer, organisation):
        raise PermissionDenied
    return organisation


def get_organisation_for_cluster_write(user: User, pk: int) -> Organisation:
    """The organisation ``pk`` for a write made on behalf of one of the user's clusters (a
    membership, a note): 404 when it is invisible to ``user``, 403 when the user acts for no
    cluster — before any form is read, so a refused write is never validated."""
    organisation = get_organisation_for_user(user, pk)
    viewer = viewer_for(user)
    if not (viewer.is_admin or (viewer.is_manager and viewer.managed_cluster_ids)):
        raise PermissionDenied
    return organisation


def get_membership_for_user(user: User, pk: int, *, write: bool = False) -> Membership:
    """The membership ``pk``: 404 when it or its organisation is invisible to ``user``, 403
    where ``write`` asks to change the organisation and the user may not."""
    membership = Membership.objects.filter(pk=pk).first()
    if membership is None:
        raise Http404
    get_organisation_for_user(user, membership.organisation_id, write=write)
    return membership


def people_of_clusters(cluster_ids: frozenset[int]) -> QuerySet[Person]:
    """The people these clusters brought in: who registered for one of their events, who works
    at one of their (current or former) members, and whom one of their notes names. A note that
    names only the organisation does not count: any manager may write one about any
    organisation, and it would open all of its people to her."""
    person = OuterRef("pk")
    # Events and notes are reached through their reverse relations on Person, so the registry
    # needs no import of the apps built on it.
    registered = Person.objects.filter(
        pk=person, event_registrations__event__clusters__in=cluster_ids
    )
    at_a_member = Affiliation.objects.filter(
        person_id=person, organisation__memberships__cluster_id__in=cluster_ids
    )
    in_a_note = Person.objects.filter(pk=person, interactions__cluster_id__in=cluster_ids)
    return Person.objects.filter(Exists(registered) | Exists(at_a_member) | Exists(in_a_note))


def people_visible_to(viewer: Viewer) -> QuerySet[Person]:
    """Administrators and staff readers read the whole registry; a cluster manager the people
    her clusters brought in. An erased person is visible to nobody."""
    if viewer.is_admin or viewer.is_staff_reader:
        people = Person.objects.all()
    elif viewer.is_manager:
        people = people_of_clusters(viewer.managed_cluster_ids)
    else:
        return Person.objects.none()
    return people.filter(erased_at__isnull=True)


def can_edit_person(viewer: Viewer, person: Person) -> bool:
    """Edit, export, erase: administrators anyone, a manager the people of her clusters."""
    if viewer.is_admin:
        return True
    if not viewer.is_manager:
        return False
    return people_visible_to(viewer).filter(pk=person.pk).exists()


def get_person_for_user(user: User, pk: int, *, write: bool = False) -> Person:
    viewer = viewer_for(user)
    person = people_visible_to(viewer).filter(pk=pk).first()
    if person is None:
        exists = Person.objects.filter(pk=pk, erased_at__isnull=True).exists()
        # Staff learn that the person exists (lists and notes name them) but not who it is.
        raise PermissionDenied if exists and viewer.is_agency_staff else Http404
    if write and not can_edit_person(viewer, person):
        raise PermissionDenied
    return person


def get_consent_for_user(user: User, pk: int, *, write: bool = False) -> Consent:
    """The consent ``pk``: 404 when missing, otherwise the door of its person decides."""
    consent = Consent.objects.filter(pk=pk).first()
    if consent is None:
        raise Http404
    get_person_for_user(user, consent.person_id, write=write)
    return consent
