"""Recommendations come from the partner index when there is one, and are simply absent
otherwise."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.events.models import Registration
from clusterhub.matchmaking.recommendations import recommended_for
from clusterhub.matchmaking.tests.conftest import Brokerage
from clusterhub.partners import services
from tests.factories import OrganisationFactory, ThemeFactory


def give_organisations(brokerage: Brokerage, registry: Registry) -> None:
    """Anna's firm seeks AI; Bert's institute offers it; Carla comes without an organisation."""
    theme = ThemeFactory.create(slug="ki", label_de="Künstliche Intelligenz")
    seeker = registry.medtech_member
    seeker.seeks = "Partner für KI-gestützte Auswertung von Bilddaten"
    seeker.save()
    seeker.themes.add(theme)
    institute = OrganisationFactory.create(
        name="Institut für Intelligente Systeme", offers="Maschinelles Lernen und KI für Bilddaten"
    )
    institute.themes.add(theme)
    anna, bert, carla = brokerage.participants
    Registration.objects.filter(pk=carla.registration_id).update(organisation=None)
    Registration.objects.filter(pk=anna.registration_id).update(organisation=seeker)
    Registration.objects.filter(pk=bert.registration_id).update(organisation=institute)
    for participant in brokerage.participants:
        participant.registration.refresh_from_db()


def test_without_an_index_there_are_no_recommendations(
    brokerage: Brokerage, registry: Registry
) -> None:
    give_organisations(brokerage, registry)
    anna = brokerage.participants[0]
    assert recommended_for(anna) == []
    page = Client().get(reverse("matchmaking:directory", args=[anna.token]))
    assert page.status_code == 200
    assert "Empfohlen für Sie" not in page.content.decode()


def test_with_an_index_participants_of_ranked_organisations_are_recommended(
    brokerage: Brokerage, registry: Registry
) -> None:
    give_organisations(brokerage, registry)
    services.rebuild_partner_index()
    anna, bert, carla = brokerage.participants
    assert recommended_for(anna) == [bert]
    assert recommended_for(carla) == []  # neither an organisation nor a need to rank for
    page = Client().get(reverse("matchmaking:directory", args=[anna.token])).content.decode()
    recommended = page.split('id="recommended"')[1].split("</section>")[0]
    assert bert.display_name in recommended and carla.display_name not in recommended


def test_a_participant_who_cancelled_is_not_recommended(
    brokerage: Brokerage, registry: Registry
) -> None:
    give_organisations(brokerage, registry)
    services.rebuild_partner_index()
    anna, bert, _carla = brokerage.participants
    Registration.objects.filter(pk=bert.registration_id).update(
        status=Registration.Status.CANCELLED
    )
    assert recommended_for(anna) == []
