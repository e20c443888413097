"""Sentence embeddings in the web app: the index built where the ``embeddings`` extra is
installed (CI installs it) carries the encoder, and a need said in other words than a profile
still finds it, on SQLite and on PostgreSQL (where pgvector brings LSA candidates)."""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from clusterhub.accounts.roles import viewer_for
from clusterhub.directory.models import Organisation
from clusterhub.partners import engine_input, index_store, queries, services, vectors
from clusterhub.partners.tests.conftest import PartnerWorld
from clusterlogic.matching.encoders import WordLlamaEncoder
from tests.factories import OrganisationFactory

Login = Callable[[str], Client]
# English, and so no word in common with the solar firm's German profile.
NEED = "solar power for our factory roof"


@pytest.fixture
def solar(world: PartnerWorld) -> Organisation:
    firm = OrganisationFactory.create(
        name="Sonnenstrom GmbH",
        kind=Organisation.Kind.SME,
        offers="Photovoltaik-Anlagen und Batteriespeicher für Dächer",
        seeks="",
        description_de="",
    )
    services.rebuild_partner_index()
    return firm


def _names(found: queries.Suggestions) -> list[str]:
    return [s.organisation.name for s in found.items]


def test_stored_index_carries_the_installed_encoder_and_unit_vectors(world: PartnerWorld) -> None:
    stored = index_store.load()
    assert stored is not None
    assert isinstance(stored.index.encoder, WordLlamaEncoder)
    embeddings = stored.index.embeddings
    assert embeddings is not None and embeddings.shape[0] == len(stored.index.organisations)
    np.testing.assert_allclose(np.linalg.norm(embeddings, axis=1), 1.0, atol=1e-5)


def test_need_in_other_words_finds_the_firm_with_a_german_reason(
    solar: Organisation, login: Login
) -> None:
    url = reverse("partners:need_search")
    body = login("reader").get(url, {"q": NEED}).content.decode()
    first = html.unescape(body.split('<li class="partner-suggestion">')[1])
    assert solar.name in first
    assert "Ähnliches Profil" in first


def test_embedding_candidates_join_the_vector_index_candidates(
    solar: Organisation, world: PartnerWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = index_store.load()
    assert stored is not None
    assert queries._embedding_candidates(stored.index, NEED, 1) == {engine_id_of(solar)}
    # "Mannheim" is a word of the clinic's profile: pgvector's LSA neighbours of this need,
    # cut to one, leave the solar firm out; the embedding candidates (300) bring it back.
    need = f"{NEED} in Mannheim"
    monkeypatch.setattr(queries, "_TEXT_CANDIDATES", 1)
    lsa_nearest = vectors.text_candidates(stored.lsa, need, 1)
    if connection.vendor == "postgresql":
        assert lsa_nearest is not None and solar.pk not in lsa_nearest
    viewer = viewer_for(world.registry.users["reader"])
    assert solar.name in _names(queries.need_suggestions(viewer, need, queries.SuggestionFilter()))


def engine_id_of(organisation: Organisation) -> str:
    return engine_input.engine_id(organisation.pk)


def test_without_the_extra_the_index_is_lexical_and_search_still_works(
    solar: Organisation, world: PartnerWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "installed_encoder", lambda: None)
    services.rebuild_partner_index()
    stored = index_store.load()
    assert stored is not None and stored.index.encoder is None and stored.index.embeddings is None
    viewer = viewer_for(world.registry.users["reader"])
    assert queries._embedding_candidates(stored.index, NEED, 5) == set()
    found = _names(
        queries.need_suggestions(viewer, "Wasserstoff-Tankstellen", queries.SuggestionFilter())
    )
    assert found[0] == world.hydrogen.name
    assert (
        solar.name
        not in _names(queries.need_suggestions(viewer, NEED, queries.SuggestionFilter()))[:1]
    )
