"""The registry's doors for public organisations, memberships and consents."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from clusterhub.directory.access import (
    get_consent_for_user,
    get_membership_for_user,
    get_public_organisation,
    public_organisations,
)
from tests.support.registry import Registry

pytestmark = pytest.mark.django_db


def test_the_public_directory_lists_only_organisations_that_agreed(registry: Registry) -> None:
    listed = set(public_organisations())
    assert {registry.medtech_member, registry.smart_member} <= listed
    assert registry.prospect not in listed
    assert get_public_organisation(registry.smart_member.pk) == registry.smart_member
    with pytest.raises(Http404):
        get_public_organisation(registry.prospect.pk)


def test_a_membership_opens_only_where_its_organisation_does(registry: Registry) -> None:
    membership = registry.smart_member.memberships.get()
    found = get_membership_for_user(registry.users["medtech_manager"], membership.pk)
    assert found == membership
    with pytest.raises(Http404):
        get_membership_for_user(registry.users["member"], membership.pk)
    with pytest.raises(Http404):
        get_membership_for_user(registry.users["admin"], membership.pk + 1000)


def test_a_consent_is_changed_only_by_who_may_edit_its_person(registry: Registry) -> None:
    consent = registry.person.consents.get()
    found = get_consent_for_user(registry.users["smart_manager"], consent.pk, write=True)
    assert found == consent
    with pytest.raises(PermissionDenied):
        get_consent_for_user(registry.users["medtech_manager"], consent.pk, write=True)
    with pytest.raises(Http404):
        get_consent_for_user(registry.users["admin"], consent.pk + 1000, write=True)
