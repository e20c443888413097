"""A consultation offer with one adviser who is free on every weekday morning."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from clusterhub.clusters.models import Cluster
from clusterhub.support.models import Availability, ConsultationOffer
from tests.factories import ClusterFactory, UserFactory


def make_offer(
    cluster: Cluster | None = None, adviser: User | None = None, **fields: object
) -> ConsultationOffer:
    cluster = cluster or ClusterFactory.create(slug="social", name="Social Economy")
    adviser = adviser or UserFactory.create(first_name="Petra", last_name="Beraterin")
    defaults: dict[str, object] = {
        "name": "Exi-Gründungsberatung",
        "slug": "exi",
        "cluster": cluster,
        "duration_minutes": 60,
        "location": "Social Impact Lab, Mannheim",
        "lead_hours": 0,
    }
    offer = ConsultationOffer.objects.create(**{**defaults, **fields})
    offer.advisers.add(adviser)
    for weekday in range(5):
        Availability.objects.create(
            offer=offer,
            adviser=adviser,
            weekday=weekday,
            starts_at=dt.time(9),
            ends_at=dt.time(12),
        )
    return offer


@pytest.fixture
def offer(db: None) -> ConsultationOffer:
    return make_offer()
