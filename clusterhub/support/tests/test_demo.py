"""The demo's consultations: offers of the article for the clusters' managers, bookable."""

from __future__ import annotations

from django.core.management import call_command

from clusterhub.support import services, streams
from clusterhub.support.demo import load_demo_space, load_demo_streams
from clusterhub.support.models import (
    Booking,
    Building,
    ConsultationOffer,
    MaterialStream,
    Room,
    Tenancy,
)
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory


def test_the_demo_offers_exi_and_digi_pate_with_free_slots_and_a_few_bookings(db: None) -> None:
    ClusterFactory.create(slug="social-economy", name="Social Economy")
    ClusterFactory.create(slug="smart-industries", name="Smart Industries")
    UserFactory.create(username="manager.social")
    UserFactory.create(username="manager.smart")

    call_command("load_demo_consultations")
    call_command("load_demo_consultations", "--if-empty")  # nothing twice

    offers = {offer.slug: offer for offer in ConsultationOffer.objects.all()}
    assert set(offers) == {"exi-gruendungsberatung", "digi-pate-erstgespraech"}
    assert Booking.objects.count() == 8
    for offer in offers.values():
        assert services.free_slots(offer), offer.slug


def test_the_demo_streams_of_named_firms_match_pairwise(db: None) -> None:
    for name, city in [
        ("Essity Operations Mannheim GmbH", "Mannheim"),
        ("MVV Energie AG", "Mannheim"),
        ("Daimler Truck AG", "Mannheim"),
        ("ABB AG", "Mannheim"),
    ]:
        OrganisationFactory.create(name=name, city=city)
    assert load_demo_streams() == 5
    assert load_demo_streams() == 0  # loaded once
    pairs = {
        (found.offer.organisation.name, found.need.organisation.name)
        for found in streams.stream_matches(MaterialStream.objects.all())
    }
    assert pairs == {
        ("Essity Operations Mannheim GmbH", "MVV Energie AG"),
        ("Daimler Truck AG", "ABB AG"),
    }


def test_the_demo_centres_have_rooms_and_let_offices_to_start_ups(db: None) -> None:
    for number in range(12):
        OrganisationFactory.create(name=f"Start-up {number}", kind="startup")
    contracts = load_demo_space()
    assert contracts > 0
    assert set(Building.objects.values_list("slug", flat=True)) == {
        "cubex-41",
        "cubex-one",
        "mafinex",
    }
    assert Room.objects.filter(kind="demonstrator").exists()
    assert not Tenancy.objects.filter(room__kind__in=["meeting", "demonstrator"]).exists()
    assert load_demo_space() == 0  # loaded once
