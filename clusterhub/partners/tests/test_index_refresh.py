"""The stored index is built again, whole, whenever the registry it reflects changed: a
profile, a membership, an introduction or a project participation."""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from clusterhub.accounts.roles import viewer_for
from clusterhub.directory.models import Organisation
from clusterhub.directory.services import save_organisation
from clusterhub.partners import engine_input, index_store, queries, services, vectors
from clusterhub.partners.models import PartnerIndexSnapshot
from clusterhub.partners.tests.conftest import PartnerWorld
from clusterhub.projects.models import Project
from clusterlogic.matching import Query
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ThemeFactory,
)

Capture = Callable[..., Any]


def need(world: PartnerWorld, text: str) -> list[str]:
    viewer = viewer_for(world.registry.users["reader"])
    found = queries.need_suggestions(viewer, text, queries.SuggestionFilter())
    return [s.organisation.name for s in found.items]


def save_profile(
    world: PartnerWorld, organisation: Organisation, capture: Capture, **changes: Any
) -> None:
    """Save through the service, running the tasks enqueued on commit."""
    with capture(execute=True):
        save_organisation(world.registry.users["admin"], organisation, changes)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per full build of the engine index (the registry's size)."""
    counted: list[int] = []
    build = services.build_index

    def counting(organisations: Any, *args: Any, **kwargs: Any) -> Any:
        counted.append(len(organisations))
        return build(organisations, *args, **kwargs)

    monkeypatch.setattr(services, "build_index", counting)
    return counted


def stored_index() -> index_store.StoredIndex:
    stored = index_store.load()
    assert stored is not None
    return stored


def test_a_saved_profile_reaches_suggestions_through_a_full_build(
    world: PartnerWorld, builds: list[int], django_capture_on_commit_callbacks: Capture
) -> None:
    built = stored_index()
    assert world.institute.name not in need(world, "Brennstoffzellen für Gabelstapler")[:1]

    save_profile(
        world,
        world.institute,
        django_capture_on_commit_callbacks,
        offers="Brennstoffzellen für Gabelstapler und Flurförderzeuge",
    )

    assert builds == [Organisation.objects.count()]
    assert need(world, "Brennstoffzellen für Gabelstapler")[0] == world.institute.name
    stored = stored_index()
    assert stored.built_at > built.built_at
    assert stored.source_version == engine_input.registry_version()
    assert services.refresh_partner_index_for(world.institute.pk) is False  # already current
    assert len(builds) == 1


def test_a_changed_kind_and_theme_reach_the_index_and_the_reasons(
    world: PartnerWorld, builds: list[int], django_capture_on_commit_callbacks: Capture
) -> None:
    hydrogen_theme = world.hydrogen.themes.get()
    save_profile(
        world,
        world.institute,
        django_capture_on_commit_callbacks,
        kind=Organisation.Kind.PUBLIC,
        themes=[hydrogen_theme.pk],
    )

    assert len(builds) == 1
    index = stored_index().index
    institute = index.organisations[index.position[str(world.institute.pk)]]
    assert (institute.kind, institute.themes) == ("public", ("wasserstoff",))
    asker = engine_input.engine_id(world.hydrogen.pk)
    ranked = {r.id: r for r in index.rank(Query(id="q", org=asker), k=10)}
    reasons = {p.code: p.values for p in ranked[str(world.institute.pk)].reasons}
    assert reasons["shared_themes"] == ("wasserstoff",)


def test_a_new_organisation_rebuilds_the_index(world: PartnerWorld, builds: list[int]) -> None:
    newcomer = OrganisationFactory.create(name="Neue Energie AG", offers="Wasserstoff-Speicher")

    assert services.refresh_partner_index_for(newcomer.pk) is True

    assert builds == [Organisation.objects.count()]
    assert str(newcomer.pk) in stored_index().index.position


def test_a_theme_the_index_never_saw_reaches_it(
    world: PartnerWorld, builds: list[int], django_capture_on_commit_callbacks: Capture
) -> None:
    quantum = ThemeFactory.create(slug="quanten", label_de="Quantentechnologie")

    save_profile(world, world.hydrogen, django_capture_on_commit_callbacks, themes=[quantum.pk])

    assert len(builds) == 1
    assert "quanten" in stored_index().index.profiles.theme_names


def test_one_task_takes_in_every_profile_saved_since_the_stored_index(
    world: PartnerWorld, builds: list[int]
) -> None:
    for organisation, offers in ((world.hydrogen, "Gabelstapler"), (world.institute, "Bienen")):
        organisation.offers = offers
        organisation.save()  # no task enqueued: as if the first task had not run yet

    assert services.refresh_partner_index_for(world.institute.pk) is True
    assert services.refresh_partner_index_for(world.hydrogen.pk) is False

    assert len(builds) == 1
    texts = {o.id: o.text for o in stored_index().index.organisations}
    assert "Gabelstapler" in texts[str(world.hydrogen.pk)]
    assert "Bienen" in texts[str(world.institute.pk)]


def test_the_profile_vector_is_projected_again_on_postgresql(
    world: PartnerWorld, builds: list[int], django_capture_on_commit_callbacks: Capture
) -> None:
    nearest = vectors.text_candidates(
        stored_index().lsa, "Elektrolyseure Wasserstoff-Tankstellen", 2
    )
    assert nearest is None or world.shared_partner.pk not in nearest
    save_profile(
        world,
        world.shared_partner,
        django_capture_on_commit_callbacks,
        offers="Elektrolyseure und Wasserstoff-Tankstellen für Industrie und Logistik",
    )

    assert len(builds) == 1
    stored = stored_index()
    found = vectors.text_candidates(stored.lsa, "Elektrolyseure Wasserstoff-Tankstellen", 2)
    if connection.vendor == "postgresql":
        assert found is not None and world.shared_partner.pk in found
    else:
        assert stored.lsa is None and found is None


def test_a_web_worker_finding_the_index_behind_has_it_built_again(
    world: PartnerWorld, builds: list[int]
) -> None:
    # A save whose own task has not run (or was lost): only the registry moved on.
    Organisation.objects.filter(pk=world.institute.pk).update(
        offers="Brennstoffzellen für Gabelstapler", updated_at=timezone.now()
    )
    assert stored_index().source_version != engine_input.registry_version()

    assert services.catch_up_partner_index() is True

    assert len(builds) == 1
    assert need(world, "Brennstoffzellen für Gabelstapler")[0] == world.institute.name
    assert services.catch_up_partner_index() is False


def _is_stale() -> bool:
    return stored_index().source_version != engine_input.registry_version()


def _tied(index: Any, first: Organisation, second: Organisation) -> bool:
    a, b = index.position[str(first.pk)], index.position[str(second.pk)]
    return bool(index.graph.binary[a, b])


def test_an_added_membership_makes_the_index_stale_and_the_rebuild_ties_the_members(
    world: PartnerWorld, builds: list[int]
) -> None:
    assert not _is_stale()
    assert not _tied(stored_index().index, world.hydrogen, world.institute)

    MembershipFactory.create(organisation=world.hydrogen, cluster=world.registry.medtech)

    assert _is_stale()
    assert services.catch_up_partner_index() is True
    assert _tied(stored_index().index, world.hydrogen, world.institute)  # co-members now
    assert not _is_stale()


def test_an_ended_membership_makes_the_index_stale(world: PartnerWorld) -> None:
    membership = world.institute.memberships.get()
    membership.ended_on = timezone.localdate()
    membership.save()

    assert _is_stale()
    assert services.catch_up_partner_index() is True
    assert not _tied(stored_index().index, world.institute, world.registry.medtech_member)


def test_an_introduction_makes_the_index_stale(world: PartnerWorld) -> None:
    services.introduce(
        world.registry.users["admin"], world.registry.medtech, world.hydrogen, world.institute
    )

    assert _is_stale()
    assert services.catch_up_partner_index() is True
    assert _tied(stored_index().index, world.hydrogen, world.institute)


def test_a_project_participation_makes_the_index_stale(world: PartnerWorld) -> None:
    ParticipationFactory.create(
        project=Project.objects.get(acronym="VISION"), organisation=world.hydrogen
    )

    assert _is_stale()
    assert services.catch_up_partner_index() is True
    assert _tied(stored_index().index, world.hydrogen, world.institute)


def test_the_stored_index_ranks_as_built_after_a_round_trip(world: PartnerWorld) -> None:
    stored = stored_index()
    query = Query(id="q", text="Wasserstoff-Tankstellen und Brennstoffzellen")
    again = index_store.loads(index_store.dumps(stored))

    assert [r.id for r in again.index.rank(query, k=5)] == [
        r.id for r in stored.index.rank(query, k=5)
    ]


@pytest.mark.django_db
def test_an_unreadable_stored_index_counts_as_none() -> None:
    PartnerIndexSnapshot.objects.create(
        pk=PartnerIndexSnapshot.CURRENT, version=uuid.uuid4(), built_at=timezone.now(),
        data=b"not a pickle",
    )  # fmt: skip

    assert index_store.load() is None


@pytest.mark.django_db
def test_one_task_at_a_time_changes_the_stored_index() -> None:
    entered = threading.Event()

    def second_writer() -> None:
        # Its own database connection: on PostgreSQL another session, as a second machine's.
        try:
            with index_store.writing():
                entered.set()
        finally:
            connection.close()

    with index_store.writing():
        other = threading.Thread(target=second_writer)
        other.start()
        # It would save a copy without the first task's change: it must wait.
        assert not entered.wait(timeout=0.3)
    other.join(timeout=10)
    assert entered.is_set()


def test_refresh_and_catch_up_hold_the_writing_lock(
    world: PartnerWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[str] = []
    real = index_store.writing

    @contextlib.contextmanager
    def recording() -> Iterator[None]:
        with real():
            held.append("held")
            yield

    monkeypatch.setattr(index_store, "writing", recording)
    services.refresh_partner_index_for(world.institute.pk)
    services.catch_up_partner_index()
    services.rebuild_partner_index()
    assert held == ["held", "held", "held"]
