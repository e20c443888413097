"""Fixtures for the Django apps: a small registry with one account of every role."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client

from clusterhub.accounts.models import Account
from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation, Person
from tests.factories import (
    AccountFactory,
    AffiliationFactory,
    ClusterFactory,
    ConsentFactory,
    FollowUpFactory,
    InteractionFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)


@dataclass
class Registry:
    medtech: Cluster
    smart: Cluster
    medtech_member: Organisation
    smart_member: Organisation
    prospect: Organisation
    person: Person
    medtech_note: Interaction
    smart_note: Interaction
    users: dict[str, AbstractBaseUser]


@pytest.fixture
def registry(db: None) -> Registry:
    medtech = ClusterFactory(slug="medtech", name="Mannheim Medical Technology Cluster")
    smart = ClusterFactory(slug="smart", name="Cluster Smart Industries")
    medtech_member = OrganisationFactory(name="Medizintechnik Rhein-Neckar GmbH", listed_publicly=True)
    smart_member = OrganisationFactory(name="Pepperl+Fuchs", legal_form="SE", listed_publicly=True)
    prospect = OrganisationFactory(name="Neugründung UG", status=Organisation.Status.PROSPECT)
    MembershipFactory(organisation=medtech_member, cluster=medtech)
    MembershipFactory(organisation=smart_member, cluster=smart)
    person = AffiliationFactory(organisation=smart_member).person
    ConsentFactory(person=person)

    users: dict[str, AbstractBaseUser] = {}
    users["admin"] = UserFactory(username="admin", is_superuser=True, is_staff=True)
    AccountFactory(user=users["admin"], role=Account.Role.ADMINISTRATOR)
    for key, cluster in (("medtech_manager", medtech), ("smart_manager", smart)):
        users[key] = AccountFactory(role=Account.Role.CLUSTER_MANAGER, user__username=key).user
        cluster.managers.add(users[key])
    users["reader"] = AccountFactory(role=Account.Role.STAFF_READER, user__username="reader").user
    users["member"] = AccountFactory(
        role=Account.Role.MEMBER_EDITOR, organisation=medtech_member, user__username="member"
    ).user

    medtech_note = InteractionFactory(
        cluster=medtech, organisation=smart_member, subject="MedTech-Gespräch",
        notes="Nur für das MedTech-Team.", author=users["medtech_manager"],
    )
    smart_note = InteractionFactory(
        cluster=smart, organisation=smart_member, subject="Smart-Industries-Besuch",
        notes="Nur für das Smart-Industries-Team.", author=users["smart_manager"],
    )
    FollowUpFactory(interaction=smart_note, assignee=users["smart_manager"])
    return Registry(
        medtech=medtech,
        smart=smart,
        medtech_member=medtech_member,
        smart_member=smart_member,
        prospect=prospect,
        person=person,
        medtech_note=medtech_note,
        smart_note=smart_note,
        users=users,
    )


@pytest.fixture
def login(client: Client, registry: Registry):  # type: ignore[no-untyped-def]
    def as_role(role: str) -> Client:
        if role != "anonymous":
            client.force_login(registry.users[role])
        return client

    return as_role
