"""Registry fixtures for every app's tests: a small registry with one account of every role.

Registered once, for all test directories, by the root ``conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

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
    users: dict[str, User]


@pytest.fixture
def registry(db: None) -> Registry:
    medtech = ClusterFactory.create(slug="medtech", name="Mannheim Medical Technology Cluster")
    smart = ClusterFactory.create(slug="smart", name="Cluster Smart Industries")
    medtech_member = OrganisationFactory.create(
        name="Medizintechnik Rhein-Neckar GmbH", listed_publicly=True
    )
    smart_member = OrganisationFactory.create(
        name="Pepperl+Fuchs", legal_form="SE", listed_publicly=True
    )
    prospect = OrganisationFactory.create(
        name="Neugründung UG", status=Organisation.Status.PROSPECT
    )
    MembershipFactory.create(organisation=medtech_member, cluster=medtech)
    MembershipFactory.create(organisation=smart_member, cluster=smart)
    person = AffiliationFactory.create(organisation=smart_member).person
    ConsentFactory.create(person=person)

    users: dict[str, User] = {}
    users["admin"] = UserFactory.create(username="admin", is_superuser=True, is_staff=True)
    AccountFactory.create(user=users["admin"], role=Account.Role.ADMINISTRATOR)
    for key, cluster in (("medtech_manager", medtech), ("smart_manager", smart)):
        users[key] = AccountFactory.create(
            role=Account.Role.CLUSTER_MANAGER, user__username=key
        ).user
        cluster.managers.add(users[key])
    users["reader"] = AccountFactory.create(
        role=Account.Role.STAFF_READER, user__username="reader"
    ).user
    users["member"] = AccountFactory.create(
        role=Account.Role.MEMBER_EDITOR, organisation=medtech_member, user__username="member"
    ).user

    medtech_note = InteractionFactory.create(
        cluster=medtech,
        organisation=smart_member,
        subject="MedTech-Gespräch",
        notes="Nur für das MedTech-Team.",
        author=users["medtech_manager"],
    )
    smart_note = InteractionFactory.create(
        cluster=smart,
        organisation=smart_member,
        subject="Smart-Industries-Besuch",
        notes="Nur für das Smart-Industries-Team.",
        author=users["smart_manager"],
    )
    FollowUpFactory.create(interaction=smart_note, assignee=users["smart_manager"])
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
def login(client: Client, registry: Registry) -> Callable[[str], Client]:
    def as_role(role: str) -> Client:
        if role != "anonymous":
            client.force_login(registry.users[role])
        return client

    return as_role


@pytest.fixture(autouse=True)
def german_by_default() -> Iterator[None]:
    """Each test starts in German: a request to an /en/ page leaves English active in the thread,
    and ``reverse()`` in the next test would then build /en/ URLs."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
