"""Joint trade-fair stands: places then a waiting list, cost shares to the cent, deadline
reminders through the outbox, leads landing as interactions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.events.models import EventMail
from clusterhub.support import fairs
from clusterhub.support.models import CoExhibitor, FairLead, JointStand
from tests.factories import OrganisationFactory
from tests.support.mail import ReceivedMail
from tests.support.registry import Registry

from .fair_fixtures import make_stand


def apply(registry: Registry, stand: JointStand, name: str, **fields: object) -> CoExhibitor:
    organisation = OrganisationFactory.create(name=name)
    data = fairs.Application(organisation=organisation, **fields)  # type: ignore[arg-type]
    return fairs.apply_for_stand(registry.users["smart_manager"], stand, data)


def test_applications_past_the_places_wait_in_order_and_move_up(registry: Registry) -> None:
    stand = make_stand(registry.smart, places=2)
    first, second, third, fourth = (
        apply(registry, stand, name) for name in ("Alpha", "Beta", "Gamma", "Delta")
    )
    assert [first.status, second.status] == ["accepted", "accepted"]
    assert [third.status, fourth.status] == ["waiting", "waiting"]

    moved_up = fairs.withdraw(registry.users["smart_manager"], first)

    assert moved_up == third
    third.refresh_from_db()
    assert third.status == CoExhibitor.Status.ACCEPTED
    assert list(fairs.waiting_list(stand)) == [fourth]


def test_a_second_application_of_one_organisation_is_refused(registry: Registry) -> None:
    stand = make_stand(registry.smart)
    exhibitor = apply(registry, stand, "Alpha")
    with pytest.raises(ValidationError, match="schon angemeldet"):
        fairs.apply_for_stand(
            registry.users["smart_manager"],
            stand,
            fairs.Application(organisation=exhibitor.organisation),
        )
    assert CoExhibitor.objects.count() == 1


def test_after_the_fair_has_begun_nothing_is_stored(registry: Registry) -> None:
    stand = make_stand(registry.smart, starts_on=timezone.localdate())
    with pytest.raises(ValidationError, match="schon begonnen"):
        apply(registry, stand, "Spät GmbH")
    assert not CoExhibitor.objects.exists()


def test_another_clusters_manager_may_not_enter_applications(registry: Registry) -> None:
    stand = make_stand(registry.smart)
    with pytest.raises(PermissionDenied):
        fairs.apply_for_stand(
            registry.users["medtech_manager"],
            stand,
            fairs.Application(organisation=registry.smart_member),
        )


def test_a_member_editor_applies_for_their_own_organisation_only(registry: Registry) -> None:
    stand = make_stand(registry.smart)
    member = registry.users["member"]
    own = fairs.apply_for_stand(member, stand, fairs.Application(registry.medtech_member))
    assert own.status == CoExhibitor.Status.ACCEPTED
    with pytest.raises(PermissionDenied):
        fairs.apply_for_stand(member, stand, fairs.Application(OrganisationFactory.create()))


def test_equal_shares_sum_to_the_total(registry: Registry) -> None:
    stand = make_stand(registry.smart, places=3, total_cost=Decimal("10000.00"))
    for name in ("Alpha", "Beta", "Gamma", "Wartend"):
        apply(registry, stand, name)
    shares = fairs.cost_shares(stand)
    assert [share for _exhibitor, share in shares] == [
        Decimal("3333.34"),
        Decimal("3333.33"),
        Decimal("3333.33"),
    ]
    assert "Wartend" not in {exhibitor.organisation.name for exhibitor, _share in shares}


def test_shares_by_area_follow_the_square_metres(registry: Registry) -> None:
    stand = make_stand(registry.smart, cost_rule="area", total_cost=Decimal("12000.00"))
    apply(registry, stand, "Groß", area_sqm=Decimal(12))
    apply(registry, stand, "Klein", area_sqm=Decimal(6))
    with pytest.raises(ValidationError, match="m²"):
        apply(registry, stand, "Ohne Fläche")
    assert [share for _exhibitor, share in fairs.cost_shares(stand)] == [
        Decimal("8000.00"),
        Decimal("4000.00"),
    ]


def test_deadline_reminders_go_once_to_accepted_contacts(
    registry: Registry,
    smtp_server: ReceivedMail,
    immediate_tasks: None,
    django_capture_on_commit_callbacks: object,
) -> None:
    stand = make_stand(registry.smart, places=1)
    apply(registry, stand, "Alpha", contact_name="Eva Roth", contact_email="eva@alpha.example")
    apply(registry, stand, "Wartend", contact_email="w@example.org")
    today = timezone.localdate()
    actor = registry.users["smart_manager"]
    fairs.add_deadline(actor, stand, "Standbau-Unterlagen", today + dt.timedelta(days=5), 7)
    fairs.add_deadline(actor, stand, "Katalogeintrag", today + dt.timedelta(days=30), 7)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        call_command("run_fair_jobs", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert fairs.queue_due_reminders() == 0  # each deadline is reminded once

    [message] = smtp_server.messages
    assert message["To"] == "eva@alpha.example"
    assert "Standbau-Unterlagen" in str(message["Subject"])
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "Eva Roth" in body.get_content()
    assert EventMail.objects.get(kind=fairs.DEADLINE_REMINDER).sent_at is not None


def test_a_lead_with_a_registry_organisation_lands_as_an_interaction(registry: Registry) -> None:
    stand = make_stand(registry.smart)
    actor = registry.users["smart_manager"]
    lead = fairs.record_lead(
        actor,
        stand,
        fairs.Lead(registry.smart_member, contact="Jana Vogel, Einkauf", note="Will Demo sehen"),
    )
    interaction = lead.interaction
    assert interaction is not None
    assert interaction.organisation == registry.smart_member
    assert interaction.cluster == registry.smart
    assert "Hannover Messe 2027" in interaction.subject
    assert "Jana Vogel" in interaction.notes and "Demo" in interaction.notes

    outside = fairs.record_lead(actor, stand, fairs.Lead(None, organisation_name="Fremd AG"))
    assert outside.interaction is None
    with pytest.raises(ValidationError):
        fairs.record_lead(actor, stand, fairs.Lead(None))
    assert FairLead.objects.count() == 2


def test_the_stand_page_applies_and_shows_the_share(registry: Registry) -> None:
    stand = make_stand(registry.smart, places=1, total_cost=Decimal("5000.00"))
    client = Client()
    client.force_login(registry.users["smart_manager"])
    other = OrganisationFactory.create(name="Zweite GmbH")
    for organisation in (registry.smart_member, other):
        response = client.post(
            reverse("support:fair_apply", args=[stand.slug]),
            {"anmeldung-organisation": organisation.pk, "anmeldung-contact_name": "X"},
            follow=True,
        )
        assert response.status_code == 200
    page = client.get(reverse("support:fair_stand", args=[stand.slug])).content.decode()
    assert "5.000,00" in page
    assert CoExhibitor.objects.get(organisation=other).status == "waiting"
    refused = client.post(
        reverse("support:fair_apply", args=[stand.slug]), {"anmeldung-organisation": other.pk}
    )
    assert refused.status_code == 400
    assert "schon angemeldet" in refused.content.decode()


def test_a_manager_creates_a_stand_of_their_cluster_only(registry: Registry) -> None:
    client = Client()
    client.force_login(registry.users["smart_manager"])
    starts = timezone.localdate() + dt.timedelta(days=200)
    fields = {
        "stand-fair": "SPS 2027",
        "stand-slug": "sps-2027",
        "stand-place": "Nürnberg",
        "stand-starts_on": starts.isoformat(),
        "stand-ends_on": (starts + dt.timedelta(days=2)).isoformat(),
        "stand-cluster": registry.smart.pk,
        "stand-places": 4,
        "stand-total_cost": "8000.00",
        "stand-cost_rule": "equal",
    }
    response = client.post(reverse("support:fair_create"), fields)
    assert response.status_code == 302
    assert JointStand.objects.get(slug="sps-2027").cluster == registry.smart
    other = client.post(
        reverse("support:fair_create"),
        {**fields, "stand-slug": "sps-x", "stand-cluster": registry.medtech.pk},
    )
    assert other.status_code == 400
    backwards = client.post(
        reverse("support:fair_create"),
        {**fields, "stand-slug": "sps-y", "stand-ends_on": starts - dt.timedelta(days=1)},
    )
    assert "vor dem ersten" in backwards.content.decode()
    assert JointStand.objects.count() == 1


def test_a_member_editor_applies_from_their_page(registry: Registry) -> None:
    stand = make_stand(registry.smart, places=5)
    client = Client()
    client.force_login(registry.users["member"])
    page = client.get(reverse("support:fair_member"))
    assert "Hannover Messe 2027" in page.content.decode()
    response = client.post(
        reverse("support:fair_member_apply", args=[stand.slug]),
        {f"{stand.slug}-contact_email": "messe@medtech.example"},
    )
    assert response.status_code == 302
    application = CoExhibitor.objects.get()
    assert application.organisation == registry.medtech_member
    assert application.contact_email == "messe@medtech.example"
    assert "Zugesagt" in client.get(reverse("support:fair_member")).content.decode()
