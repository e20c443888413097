"""Merging two organisations moves everything to the survivor; keeping apart is remembered."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from clusterhub.accounts.models import Account
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.queries import AuditFilter, audit_page
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Affiliation, Membership, Organisation
from clusterhub.duplicates.models import KeptApart
from clusterhub.duplicates.services import keep_apart, merge_organisations, merged_values
from clusterhub.events import services as event_services
from clusterhub.events.models import Registration
from clusterhub.projects.models import Participation, Project
from tests.factories import (
    AccountFactory,
    AffiliationFactory,
    InteractionFactory,
    MembershipFactory,
    OrganisationFactory,
    ThemeFactory,
)
from tests.support.events import make_event, person_data
from tests.support.registry import Registry


@pytest.fixture
def twin(registry: Registry) -> Organisation:
    """A second entry of Pepperl+Fuchs, member of the Smart cluster too, with its own rows."""
    twin = OrganisationFactory.create(
        name="Pepperl + Fuchs AG", city="Mannheim", website="https://www.pepperl-fuchs.com"
    )
    twin.themes.add(ThemeFactory.create())
    MembershipFactory.create(organisation=twin, cluster=registry.smart)
    MembershipFactory.create(organisation=twin, cluster=registry.medtech)
    AffiliationFactory.create(organisation=twin, person=registry.person, function="CTO")
    AffiliationFactory.create(organisation=twin)
    InteractionFactory.create(organisation=twin, cluster=registry.smart)
    project = Project.objects.create(source=Project.Source.LOCAL, acronym="SMART")
    Participation.objects.create(project=project, organisation=twin, role="partner")
    Participation.objects.create(
        project=project, organisation=registry.smart_member, role="partner"
    )
    other = Project.objects.create(source=Project.Source.LOCAL, acronym="OTHER")
    Participation.objects.create(project=other, organisation=twin, role="partner")
    event = make_event(capacity=5)
    event_services.register_participant(event, person_data(1))
    Registration.objects.filter(event=event).update(organisation=twin)
    AccountFactory.create(role=Account.Role.MEMBER_EDITOR, organisation=twin)
    return twin


def test_a_merge_moves_everything_to_the_survivor(registry: Registry, twin: Organisation) -> None:
    survivor = registry.smart_member
    admin = registry.users["admin"]
    merge_organisations(admin, survivor, twin, {"website": "duplicate"})
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    survivor.refresh_from_db()
    assert survivor.website == "https://www.pepperl-fuchs.com"
    assert survivor.name == "Pepperl+Fuchs"
    clusters = Membership.objects.filter(organisation=survivor).values_list("cluster", flat=True)
    assert set(clusters) == {registry.smart.pk, registry.medtech.pk}
    assert Membership.objects.filter(organisation=survivor).count() == 2
    assert Affiliation.objects.filter(organisation=survivor).count() == 2
    kept = Affiliation.objects.get(organisation=survivor, person=registry.person)
    assert kept.function  # the survivor's own function, or the twin's where it had none
    assert Interaction.objects.filter(organisation=survivor).count() == 3
    assert Participation.objects.filter(organisation=survivor).count() == 2
    assert Registration.objects.filter(organisation=survivor).count() == 1
    assert Account.objects.filter(organisation=survivor).count() == 1
    assert survivor.themes.count() == 1


def test_the_audit_log_keeps_both_ids(registry: Registry, twin: Organisation) -> None:
    survivor, twin_pk = registry.smart_member, twin.pk
    merge_organisations(registry.users["admin"], survivor, twin, {})
    merged = AuditEntry.objects.get(object_id=str(survivor.pk), changes__has_key="merged_from")
    assert merged.changes["merged_from"][0] == twin_pk
    gone = AuditEntry.objects.get(object_id=str(twin_pk), action=AuditEntry.Action.DELETE)
    assert gone.changes["merged_into"] == [None, survivor.pk]


def test_a_failed_merge_writes_nothing(registry: Registry, twin: Organisation) -> None:
    entries = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        merge_organisations(registry.users["reader"], registry.smart_member, twin, {})
    with pytest.raises(PermissionDenied):  # the twin is also a MedTech member
        merge_organisations(registry.users["smart_manager"], registry.smart_member, twin, {})
    assert Organisation.objects.filter(pk=twin.pk).exists()
    assert AuditEntry.objects.count() == entries


def test_a_manager_of_both_clusters_may_merge(registry: Registry) -> None:
    twin = OrganisationFactory.create(name="Pepperl & Fuchs")
    MembershipFactory.create(organisation=twin, cluster=registry.smart)
    merge_organisations(registry.users["smart_manager"], registry.smart_member, twin, {})
    assert not Organisation.objects.filter(pk=twin.pk).exists()


def test_empty_fields_are_filled_from_the_duplicate(registry: Registry) -> None:
    survivor = OrganisationFactory.build(name="A", street="")
    duplicate = OrganisationFactory.build(name="B", street="Lilienthalstraße 200")
    values = merged_values(survivor, duplicate, {})
    assert values["name"] == "A"
    assert values["street"] == "Lilienthalstraße 200"
    assert merged_values(survivor, duplicate, {"name": "duplicate"})["name"] == "B"


def test_keeping_apart_is_stored_once_in_order(registry: Registry) -> None:
    first, second = registry.smart_member, registry.prospect
    keep_apart(registry.users["admin"], second, first)
    keep_apart(registry.users["admin"], first, second)
    kept = KeptApart.objects.get()
    assert (kept.first_id, kept.second_id) == tuple(sorted((first.pk, second.pk)))
    with pytest.raises(PermissionDenied):
        keep_apart(registry.users["reader"], first, second)


def test_the_survivors_history_includes_the_duplicates(
    registry: Registry, twin: Organisation
) -> None:
    survivor, twin_pk = registry.smart_member, twin.pk
    merge_organisations(registry.users["admin"], survivor, twin, {})
    page = audit_page(AuditFilter(object=str(survivor.pk)), None)
    assert {entry.object_id for entry in page} >= {str(survivor.pk), str(twin_pk)}
