"""Building, storing and refreshing the partner index; the engine's input from the registry."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django_tasks_db.models import DBTaskResult

from clusterhub.accounts.roles import viewer_for
from clusterhub.directory.models import Organisation
from clusterhub.directory.services import save_organisation
from clusterhub.partners import engine_input, index_store, queries, services
from clusterhub.partners.models import PartnerIndexSnapshot
from clusterhub.partners.tests.conftest import PartnerWorld
from clusterhub.projects.models import Participation, Project
from clusterlogic.matching import Query
from tests.factories import OrganisationFactory


def need(world: PartnerWorld, text: str) -> list[str]:
    viewer = viewer_for(world.registry.users["reader"])
    found = queries.need_suggestions(viewer, text, queries.SuggestionFilter())
    return [s.organisation.name for s in found.items]


def test_engine_input_folds_kinds_and_joins_profile_text(world: PartnerWorld) -> None:
    by_id = {o.id: o for o in engine_input.engine_organisations()}
    hydrogen = by_id[str(world.hydrogen.pk)]
    assert hydrogen.kind == "company"  # a start-up
    assert by_id[str(world.institute.pk)].kind == "research"
    assert hydrogen.themes == ("wasserstoff",)
    assert "Elektrolyseure" in hydrogen.text
    assert "Abnehmer" in hydrogen.text
    assert (hydrogen.city, hydrogen.country) == ("Heidelberg", "DE")


def test_project_ties_weigh_shared_projects_and_keep_the_latest_year(db: None) -> None:
    first, second, third = OrganisationFactory.create_batch(3)
    for year in (2019, 2023):
        project = Project.objects.create(source="local", start_date=dt.date(year, 3, 1))
        for organisation in (first, second):
            Participation.objects.create(project=project, organisation=organisation, role="partner")
    undated = Project.objects.create(source="local")
    for organisation in (second, third):
        Participation.objects.create(project=undated, organisation=organisation, role="partner")
    ties = {(t.a, t.b): (t.weight, t.year) for t in engine_input.project_ties()}
    assert ties[(str(first.pk), str(second.pk))] == (2.0, 2023)
    assert ties[(str(second.pk), str(third.pk))] == (1.0, None)
    assert len(ties) == 2


def test_co_members_of_a_cluster_are_tied(world: PartnerWorld) -> None:
    pair = {str(world.registry.medtech_member.pk), str(world.institute.pk)}
    assert any({t.a, t.b} == pair for t in engine_input.membership_ties())


def test_saved_profile_reaches_suggestions_through_the_refresh_task(
    world: PartnerWorld, django_capture_on_commit_callbacks: Any
) -> None:
    assert need(world, "Brennstoffzellen für Gabelstapler")[0] != world.institute.name
    offers = "Brennstoffzellen für Gabelstapler und Flurförderzeuge"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_organisation(world.registry.users["admin"], world.institute, {"offers": offers})
    assert len(callbacks) == 1
    assert need(world, "Brennstoffzellen für Gabelstapler")[0] == world.institute.name


def test_refresh_skips_an_index_that_is_already_current(world: PartnerWorld) -> None:
    assert services.refresh_partner_index_for(world.hydrogen.pk) is False
    Organisation.objects.filter(pk=world.hydrogen.pk).update(offers="Brennstoffzellen")
    Organisation.objects.get(pk=world.hydrogen.pk).save()  # bumps updated_at
    assert services.refresh_partner_index_for(world.hydrogen.pk) is True


def test_each_process_reloads_the_index_when_another_saved_a_new_one(
    world: PartnerWorld, settings: Any
) -> None:
    first = index_store.load()
    assert first is not None
    assert index_store.load() is first  # unchanged version: the copy in memory
    OrganisationFactory.create(name="Neue Energie AG", offers="Wasserstoff-Speicher")
    rebuilt = services.rebuild_partner_index()
    # What another process's save leaves: a new row version this process has not loaded.
    index_store.forget_loaded()
    settings.CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS = 0
    PartnerIndexSnapshot.objects.update(version=uuid.uuid4(), data=index_store.dumps(rebuilt))
    second = index_store.load()
    assert second is not None and second is not first
    assert len(second.index.organisations) == len(first.index.organisations) + 1
    assert index_store.load() is second


def test_a_process_looks_for_a_new_index_only_after_the_refresh_time(
    world: PartnerWorld, settings: Any
) -> None:
    settings.CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS = 3600
    index_store.forget_loaded()
    first = index_store.load()
    assert first is not None
    PartnerIndexSnapshot.objects.update(version=uuid.uuid4())  # saved by another process
    assert index_store.load() is first  # not looked yet
    settings.CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS = 0
    again = index_store.load()
    assert again is not None and again is not first


def test_stored_index_ranks_like_the_fresh_one(world: PartnerWorld) -> None:
    fresh = services.rebuild_partner_index().index
    stored = index_store.StoredIndex(fresh, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "v")
    reread = index_store.loads(index_store.dumps(stored)).index
    query = Query(id="q", org=str(world.registry.medtech_member.pk), text="Wasserstoff")
    assert reread.rank(query, k=5) == fresh.rank(query, k=5)


def test_web_request_never_builds_a_missing_index(world: PartnerWorld, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    PartnerIndexSnapshot.objects.all().delete()
    index_store.forget_loaded()
    viewer = viewer_for(world.registry.users["reader"])
    found = queries.partner_suggestions(
        viewer, world.registry.medtech_member, queries.SuggestionFilter()
    )
    assert not found.index_ready
    assert not PartnerIndexSnapshot.objects.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="catch_up_partner_index").count() == 1
    queries.partner_suggestions(viewer, world.registry.medtech_member, queries.SuggestionFilter())
    assert DBTaskResult.objects.count() == 1  # asked once, not on every request


def test_draft_mail_names_both_and_what_they_offer_and_seek(world: PartnerWorld) -> None:
    mail = services.draft_introduction_mail(world.registry.medtech_member, world.hydrogen)
    assert world.hydrogen.name in mail.subject
    assert world.registry.medtech_member.name in mail.subject
    assert f"{world.hydrogen.name} bietet: {world.hydrogen.offers}" in mail.body
    assert f"{world.registry.medtech_member.name} sucht: " in mail.body
    assert f"{world.hydrogen.name} sucht: {world.hydrogen.seeks}" in mail.body


def test_introduce_refuses_a_cluster_the_actor_does_not_manage(world: PartnerWorld) -> None:
    manager: User = world.registry.users["smart_manager"]
    with pytest.raises(PermissionDenied):
        services.introduce(
            manager, world.registry.medtech, world.registry.medtech_member, world.hydrogen
        )
