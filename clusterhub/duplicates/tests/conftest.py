from __future__ import annotations

import pytest

from clusterhub.directory.models import Organisation
from tests.factories import MembershipFactory, OrganisationFactory
from tests.support.registry import Registry


@pytest.fixture
def smart_twin(registry: Registry) -> Organisation:
    """A second entry of the Smart cluster's Pepperl+Fuchs SE, also in the Smart cluster."""
    twin = OrganisationFactory.create(name="Pepperl + Fuchs AG", city="Mannheim")
    MembershipFactory.create(organisation=twin, cluster=registry.smart)
    return twin
