"""Profile vectors: LSA in any process, stored with an HNSW index on PostgreSQL only."""

from __future__ import annotations

import os

import numpy as np
from django.db import connection

from clusterhub.partners import index_store, vectors
from clusterhub.partners.models import LSA_DIMENSIONS, OrganisationVector
from clusterhub.partners.tests.conftest import PartnerWorld

PROFILES = [
    "Elektrolyseure und Wasserstoff-Tankstellen für Industrie",
    "Wasserstoff Speicher und Brennstoffzellen",
    "Maschinelles Lernen und KI für Bilddaten",
    "KI für medizinische Bilddaten und Diagnostik",
    "Steuerberatung für Handwerksbetriebe",
]


def test_lsa_puts_a_need_nearest_to_the_profiles_that_share_its_words() -> None:
    model = vectors.fit_lsa(PROFILES)
    assert model is not None
    profiles = model.project(PROFILES)
    need = model.project(["Wer liefert Wasserstoff für unsere Industrie?"])[0]
    assert profiles.shape == (len(PROFILES), LSA_DIMENSIONS)
    assert np.allclose(np.linalg.norm(profiles, axis=1), 1.0)
    nearest = np.argsort(-(profiles @ need))
    assert set(nearest[:2]) == {0, 1}


def test_lsa_needs_more_than_one_text() -> None:
    assert vectors.fit_lsa(["nur ein Profil"]) is None
    model = vectors.fit_lsa(PROFILES)
    assert model is not None
    assert not model.project(["xyzzy"]).any()  # no known word: a zero vector


def test_vectors_live_in_postgresql_with_an_hnsw_index(world: PartnerWorld) -> None:
    expected = os.environ.get("CLUSTERHUB_EXPECT_DATABASE", connection.vendor)
    assert connection.vendor == expected
    stored = index_store.load()
    assert stored is not None
    if connection.vendor == "postgresql":
        assert OrganisationVector.objects.count() >= 4
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'org_vector_hnsw_idx'"
            )
            assert "hnsw" in cursor.fetchone()[0]
        found = vectors.text_candidates(stored.lsa, "Wasserstoff-Tankstellen", 3)
        assert found is not None and found[0] == world.hydrogen.pk
    else:
        assert stored.lsa is None
        assert "partners_organisationvector" not in connection.introspection.table_names()
        assert vectors.text_candidates(stored.lsa, "Wasserstoff-Tankstellen", 3) is None
