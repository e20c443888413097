"""The only doors to organisations and people. Every view and service goes through here."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.directory.models import Membership, Organisation, Person

User = AbstractBaseUser | AnonymousUser


def organisations_visible_to(viewer: Viewer) -> QuerySet[Organisation]:
    if viewer.is_agency_staff:
        return Organisation.objects.all()
    if viewer.is_member_editor and viewer.organisation_id:
        return Organisation.objects.filter(pk=viewer.organisation_id)
    return Organisation.objects.filter(listed_publicly=True)


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


def people_visible_to(viewer: Viewer) -> QuerySet[Person]:
    if viewer.is_agency_staff:
        return Person.objects.all()
    return Person.objects.none()


def can_edit_person(viewer: Viewer, person: Person) -> bool:
    if viewer.is_admin:
        return True
    if not viewer.is_manager:
        return False
    in_my_clusters = Membership.objects.filter(
        organisation_id=OuterRef("organisation_id"), cluster_id__in=viewer.managed_cluster_ids
    )
    affiliations = person.affiliations.all()
    return not affiliations.exists() or affiliations.filter(Exists(in_my_clusters)).exists()


def get_person_for_user(user: User, pk: int, *, write: bool = False) -> Person:
    viewer = viewer_for(user)
    person = people_visible_to(viewer).filter(pk=pk).first()
    if person is None:
        raise Http404
    if write and not can_edit_person(viewer, person):
        raise PermissionDenied
    return person
