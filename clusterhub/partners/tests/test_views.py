"""The partner pages as staff use them: panel, need search, feedback, introductions."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusterhub.audit.models import AuditEntry
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation
from clusterhub.partners import engine_input, index_store, queries, services
from clusterhub.partners.models import Introduction, SuggestionFeedback
from clusterhub.partners.tests.conftest import PartnerWorld
from clusterhub.projects.models import Participation, Project
from tests.factories import MembershipFactory, OrganisationFactory

Login = Callable[[str], Client]
NAME = re.compile(r'<a class="kern-link" href="[^"]*">([^<]*)</a>')


def panel_url(world: PartnerWorld) -> str:
    return reverse("partners:organisation_partners", args=[world.registry.medtech_member.pk])


def suggestion_items(body: str) -> dict[str, str]:
    """Each suggestion's HTML by the suggested organisation's name, in the panel's order."""
    chunks = body.split('<li class="partner-suggestion">')[1:]
    return {html.unescape(NAME.search(chunk)[1]): chunk for chunk in chunks}  # type: ignore[index]


def suggestion_names(body: str, world: PartnerWorld) -> list[str]:
    """The names of the world's organisations among the suggestions, in the panel's order."""
    ours = {world.hydrogen.name, world.institute.name, world.shared_partner.name}
    return [name for name in suggestion_items(body) if name in ours]


def test_panel_lists_suggestions_with_german_reasons(world: PartnerWorld, login: Login) -> None:
    response = login("medtech_manager").get(panel_url(world), headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body  # an HTMX partial
    assert world.institute.name in body
    assert world.hydrogen.name in body
    assert "Gemeinsame Themen: Wasserstoff" in body
    assert f"Ein gemeinsamer Partner: {world.shared_partner.name}" in body
    assert "Ergänzt sich: KMU und Forschungseinrichtung" in body


def test_panel_works_without_javascript_as_its_own_page(world: PartnerWorld, login: Login) -> None:
    response = login("reader").get(panel_url(world))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" in body
    assert world.institute.name in body
    assert "Vorstellen" not in body  # readers may look, not act
    assert "Nicht nützlich" not in body


def test_organisation_page_loads_the_panel_with_a_fallback_link(
    world: PartnerWorld, login: Login
) -> None:
    url = reverse("directory:organisation_detail", args=[world.registry.medtech_member.pk])
    body = login("medtech_manager").get(url).content.decode()
    assert f'hx-get="{panel_url(world)}"' in body
    assert f'href="{panel_url(world)}"' in body


def test_cross_cluster_suggestions_are_marked(world: PartnerWorld, login: Login) -> None:
    body = login("admin").get(panel_url(world), headers={"HX-Request": "true"}).content.decode()
    items = suggestion_items(body)
    assert "clusterübergreifend" in items[world.hydrogen.name]
    assert "clusterübergreifend" not in items[world.institute.name]  # also in MedTech


def test_filters_narrow_suggestions_by_kind_and_cluster(world: PartnerWorld, login: Login) -> None:
    client = login("medtech_manager")
    by_kind = client.get(panel_url(world), {"kind": "startup"}).content.decode()
    assert suggestion_names(by_kind, world) == [world.hydrogen.name]
    by_cluster = client.get(panel_url(world), {"cluster": world.registry.medtech.pk})
    assert suggestion_names(by_cluster.content.decode(), world) == [world.institute.name]
    by_city = client.get(panel_url(world), {"city": "heidel"}).content.decode()
    assert suggestion_names(by_city, world) == [world.hydrogen.name]


def test_hydrogen_need_finds_the_hydrogen_firm(world: PartnerWorld, login: Login) -> None:
    url = reverse("partners:need_search")
    response = login("reader").get(url, {"q": "Wer kann helfen bei Wasserstoff-Tankstellen?"})
    body = response.content.decode()
    assert response.status_code == 200
    assert suggestion_names(body, world)[0] == world.hydrogen.name
    assert "Passt zum Suchtext:" in body


def test_not_useful_suggestion_is_no_longer_shown(world: PartnerWorld, login: Login) -> None:
    client = login("medtech_manager")
    organisation = world.registry.medtech_member
    url = reverse("partners:suggestion_feedback", args=[organisation.pk, world.institute.pk])
    response = client.post(url, {"useful": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert world.institute.name not in suggestion_names(response.content.decode(), world)
    feedback = SuggestionFeedback.objects.get()
    assert (feedback.organisation, feedback.suggested, feedback.useful) == (
        organisation,
        world.institute,
        False,
    )
    assert feedback.user == world.registry.users["medtech_manager"]
    later = client.get(panel_url(world)).content.decode()
    assert world.institute.name not in suggestion_names(later, world)
    assert world.hydrogen.name in suggestion_names(later, world)


def test_useful_suggestion_moves_to_the_top_and_is_marked(
    world: PartnerWorld, login: Login
) -> None:
    client = login("medtech_manager")
    before = suggestion_names(client.get(panel_url(world)).content.decode(), world)
    last = before[-1]
    partner = next(
        o for o in (world.hydrogen, world.institute, world.shared_partner) if o.name == last
    )
    url = reverse(
        "partners:suggestion_feedback", args=[world.registry.medtech_member.pk, partner.pk]
    )
    response = client.post(url, {"useful": "1"})
    assert response.status_code == 302
    body = client.get(panel_url(world)).content.decode()
    assert suggestion_names(body, world)[0] == last
    assert "als nützlich markiert" in body


def test_reader_cannot_give_feedback(world: PartnerWorld, login: Login) -> None:
    url = reverse(
        "partners:suggestion_feedback",
        args=[world.registry.medtech_member.pk, world.institute.pk],
    )
    assert login("reader").post(url, {"useful": "0"}).status_code == 403
    assert not SuggestionFeedback.objects.exists()


def introduce_url(world: PartnerWorld) -> str:
    return reverse("partners:introduce", args=[world.registry.medtech_member.pk, world.hydrogen.pk])


def test_introduction_logs_both_sides_and_drafts_a_mail(world: PartnerWorld, login: Login) -> None:
    client = login("medtech_manager")
    response = client.post(introduce_url(world), {"cluster": world.registry.medtech.pk})
    assert response.status_code == 200
    interactions = Interaction.objects.filter(kind=Interaction.Kind.INTRODUCTION)
    assert {i.organisation for i in interactions} == {world.registry.medtech_member, world.hydrogen}
    assert {i.cluster for i in interactions} == {world.registry.medtech}
    assert Introduction.objects.get().interactions.count() == 2
    audited = AuditEntry.objects.filter(object_type="crm.interaction", action="create")
    assert audited.count() == 2
    body = response.content.decode()
    assert "Vorstellung: " in body
    assert "H2 Kurpfalz GmbH bietet: Elektrolyseure" in body
    assert f"{world.registry.medtech_member.name} sucht: Partner für KI" in body


def test_introduction_gets_into_the_next_index_as_a_tie(world: PartnerWorld, login: Login) -> None:
    login("medtech_manager").post(introduce_url(world), {"cluster": world.registry.medtech.pk})
    pair = {str(world.registry.medtech_member.pk), str(world.hydrogen.pk)}
    assert any({t.a, t.b} == pair for t in engine_input.introduction_ties())


@pytest.mark.parametrize("role", ["smart_manager", "reader"])
def test_introduction_only_in_the_viewers_own_clusters(
    world: PartnerWorld, login: Login, role: str
) -> None:
    response = login(role).post(introduce_url(world), {"cluster": world.registry.medtech.pk})
    assert response.status_code == 403
    assert not Interaction.objects.filter(kind=Interaction.Kind.INTRODUCTION).exists()


def test_introduction_form_offers_only_managed_clusters(world: PartnerWorld, login: Login) -> None:
    body = login("smart_manager").get(introduce_url(world)).content.decode()
    assert world.registry.smart.name in body
    assert world.registry.medtech.name not in body
    assert "Entwurf der Vorstellungs-E-Mail" in body


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("reader", 200),
        ("medtech_manager", 200),
        ("smart_manager", 200),
        ("admin", 200),
    ],
)
def test_panel_and_search_access_for_every_role(
    world: PartnerWorld, login: Login, role: str, status: int
) -> None:
    client = login(role)
    for url in (panel_url(world), reverse("partners:need_search")):
        response = client.get(url)
        assert response.status_code == status
        if status == 302:
            assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("member", 403)])
def test_strangers_cannot_act_on_suggestions(
    world: PartnerWorld, login: Login, role: str, status: int
) -> None:
    client = login(role)
    feedback_url = reverse(
        "partners:suggestion_feedback", args=[world.registry.medtech_member.pk, world.hydrogen.pk]
    )
    assert client.post(feedback_url, {"useful": "0"}).status_code == status
    assert client.get(introduce_url(world)).status_code == status


def test_panel_query_count_does_not_grow_with_suggestions(
    world: PartnerWorld, login: Login
) -> None:
    client = login("medtech_manager")

    def panel_queries() -> int:
        index_store.forget_loaded()
        client.get(panel_url(world), headers={"HX-Request": "true"})  # session and index warm
        with CaptureQueriesContext(connection) as captured:
            body = client.get(panel_url(world), headers={"HX-Request": "true"}).content
        assert b"partner-suggestion" in body
        return len(captured)

    few = panel_queries()
    for _ in range(6):
        member = OrganisationFactory.create(offers="Wasserstoff und KI")
        member.themes.add(*world.registry.medtech_member.themes.all())
        MembershipFactory.create(organisation=member, cluster=world.registry.smart)
    services.rebuild_partner_index()
    assert panel_queries() == few


WHOLE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def test_need_reasons_hold_whole_words_as_the_user_wrote_them(
    world: PartnerWorld, login: Login
) -> None:
    need = "Start-ups mit Wasserstoff-Tankstellen"
    body = login("reader").get(reverse("partners:need_search"), {"q": need}).content.decode()
    shown = [
        word
        for found in re.findall(r"Passt zum Suchtext: ([^<]*)", body)
        for word in html.unescape(found).strip().split(", ")
    ]
    assert "Wasserstoff-Tankstellen" in shown
    assert set(shown) <= set(WHOLE_WORD.findall(need))


def test_suggestions_with_different_shared_partners_name_them(
    world: PartnerWorld, login: Login
) -> None:
    # Both candidates share three big hubs with the asker (the same for every suggestion)
    # and one small partner each, which the other does not share: that one is named first.
    asker = world.registry.medtech_member
    projects: list[tuple[Organisation, ...]] = []
    candidates = [OrganisationFactory.create(name=f"Kandidat {n} GmbH") for n in (1, 2)]
    for n in (1, 2, 3):
        hub = OrganisationFactory.create(name=f"Großforschung {n} e.V.")
        fillers = tuple(OrganisationFactory.create() for _ in range(4))
        projects += [(asker, hub), *((c, hub) for c in candidates), (hub, *fillers)]
    pairs: dict[str, str] = {}
    for n, candidate in enumerate(candidates, start=1):
        supplier = OrganisationFactory.create(name=f"Zulieferer {n} AG")
        pairs[candidate.name] = supplier.name
        projects += [(asker, supplier), (candidate, supplier)]
    for number, members in enumerate(projects):
        project = Project.objects.create(
            source=Project.Source.LOCAL, acronym=f"P{number}", start_date=dt.date(2022, 1, 1)
        )
        for member in members:
            Participation.objects.create(
                project=project, organisation=member, role=Participation.Role.PARTNER
            )
    services.rebuild_partner_index()
    body = login("medtech_manager").get(panel_url(world)).content.decode()
    items = suggestion_items(body)
    for candidate_name, supplier_name in pairs.items():
        assert f"Gemeinsame Partner: {supplier_name}, " in html.unescape(items[candidate_name])


def test_an_organisation_newer_than_the_index_gets_the_waiting_panel_not_an_error(
    world: PartnerWorld, login: Login, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker that rebuilds the index has not run yet (in production it runs soon after).
    monkeypatch.setattr(queries, "_request_catch_up", lambda: None)
    newcomer = OrganisationFactory.create(name="Neugründung Wasserstoff GmbH")
    MembershipFactory.create(organisation=newcomer, cluster=world.registry.medtech)
    url = reverse("partners:organisation_partners", args=[newcomer.pk])
    response = login("medtech_manager").get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert world.institute.name not in response.content.decode()
