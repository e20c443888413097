"""Material streams: what is refused, what is stored, which offer serves which need."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation
from clusterhub.support import streams
from clusterhub.support.models import MaterialStream
from tests.factories import MembershipFactory, OrganisationFactory
from tests.support.registry import Registry


def data(**fields: object) -> streams.StreamData:
    defaults: dict[str, object] = {
        "kind": MaterialStream.Kind.OFFER,
        "material": "Stahlschrott aus der Fertigung",
        "ewc_code": "17 04 05",
        "tonnes_per_year": Decimal("120"),
        "city": "Mannheim",
    }
    return streams.StreamData(**{**defaults, **fields})  # type: ignore[arg-type]


def smart_firm(registry: Registry, name: str, city: str = "Mannheim") -> Organisation:
    firm = OrganisationFactory.create(name=name, city=city)
    MembershipFactory.create(organisation=firm, cluster=registry.smart)
    return firm


def test_a_stream_takes_its_code_hazard_and_place_from_the_catalogues(registry: Registry) -> None:
    manager = registry.users["smart_manager"]
    stream = streams.record_stream(
        manager,
        registry.smart_member,
        data(ewc_code="170409*", material="Metallabfälle, verunreinigt"),
    )
    assert stream.ewc_code == "170409" and stream.hazardous
    assert stream.waste_code.spaced == "17 04 09*"
    assert stream.latitude == pytest.approx(49.4891, abs=0.01)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"ewc_code": "17 04 00"}, "kein Abfallschlüssel"),
        ({"ewc_code": "Schrott"}, "kein Abfallschlüssel"),
        ({"tonnes_per_year": Decimal("-5")}, "größer als null"),
        ({"tonnes_per_year": Decimal("0")}, "größer als null"),
    ],
)
def test_an_unknown_code_or_a_quantity_not_above_zero_is_refused_and_nothing_stored(
    registry: Registry, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        streams.record_stream(
            registry.users["smart_manager"], registry.smart_member, data(**fields)
        )
    assert not MaterialStream.objects.exists()


def test_only_who_may_edit_the_organisation_records_its_streams(registry: Registry) -> None:
    with pytest.raises(PermissionDenied):
        streams.record_stream(registry.users["medtech_manager"], registry.smart_member, data())
    with pytest.raises(PermissionDenied):
        streams.record_stream(registry.users["reader"], registry.smart_member, data())
    assert not MaterialStream.objects.exists()


def test_an_offer_and_a_need_with_the_same_code_match_with_their_distance(
    registry: Registry,
) -> None:
    manager = registry.users["smart_manager"]
    foundry = smart_firm(registry, "Gießerei Rhein-Neckar GmbH", "Ludwigshafen am Rhein")
    streams.record_stream(manager, registry.smart_member, data())
    streams.record_stream(
        manager,
        foundry,
        data(
            kind="need",
            material="Schrott als Einsatzstoff",
            tonnes_per_year=Decimal("200"),
            city="Ludwigshafen am Rhein",
        ),
    )
    [found] = streams.stream_matches(MaterialStream.objects.all())
    assert found.offer.organisation == registry.smart_member and found.need.organisation == foundry
    assert 1 < found.match.distance_km < 5  # type: ignore[operator]
    assert found.reasons[0] == "gleicher Abfallschlüssel 17 04 05"
    assert "km entfernt" in found.reasons[1] and "60 % des Bedarfs" in found.reasons[2]


def test_the_page_records_a_stream_shows_the_match_and_introduces_both(
    registry: Registry,
) -> None:
    manager = registry.users["smart_manager"]
    foundry = smart_firm(registry, "Gießerei Rhein-Neckar GmbH", "Heidelberg")
    streams.record_stream(manager, registry.smart_member, data())
    client = Client()
    client.force_login(manager)

    refused = client.post(
        reverse("support:stream_create"),
        {
            "organisation": foundry.pk,
            "kind": "need",
            "material": "Schrott",
            "ewc_code": "99 99 99",
            "tonnes_per_year": "50",
            "city": "Heidelberg",
            "accepts": "exact",
        },
    )
    assert refused.status_code == 400 and "kein Abfallschlüssel" in refused.content.decode()
    assert MaterialStream.objects.count() == 1

    created = client.post(
        reverse("support:stream_create"),
        {
            "organisation": foundry.pk,
            "kind": "need",
            "material": "Schrott",
            "ewc_code": "17 04 05",
            "tonnes_per_year": "50",
            "city": "Heidelberg",
            "accepts": "exact",
        },
    )
    assert created.status_code == 302
    page = client.get(reverse("support:streams")).content.decode()
    assert "gleicher Abfallschlüssel 17 04 05" in page and "km entfernt" in page

    offer = MaterialStream.objects.get(kind="offer")
    need = MaterialStream.objects.get(kind="need")
    introduced = client.post(
        reverse("support:stream_introduce"),
        {"offer": offer.pk, "need": need.pk, "cluster": registry.smart.pk},
    )
    assert introduced.status_code == 302
    assert Interaction.objects.filter(
        organisation=foundry, kind=Interaction.Kind.INTRODUCTION
    ).exists()
    assert Interaction.objects.filter(
        organisation=registry.smart_member, kind=Interaction.Kind.INTRODUCTION
    ).exists()
