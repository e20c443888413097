"""The optional embedding signal plugs in through any TextEncoder; the default needs none."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matching_demo import DEMO, DEMO_TIES
from numpy.typing import NDArray

from clusterlogic.matching import Query, build_index
from clusterlogic.matching.encoders import SentenceModelEncoder


class TopicEncoder:
    """A stand-in for a sentence model: maps synonyms of two topics onto two axes."""

    _AXES = ({"hydrogen", "wasserstoff", "h2", "brenner"}, {"recycling", "kreislauf", "abfall"})

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.calls += 1
        rows = []
        for text in texts:
            lowered = text.lower()
            row = [float(sum(word in lowered for word in axis)) for axis in self._AXES] + [0.1]
            rows.append(np.array(row) / np.linalg.norm(row))
        return np.asarray(rows, dtype=np.float32)


def test_embedding_signal_finds_a_synonym_that_bm25_cannot() -> None:
    encoder = TopicEncoder()
    index = build_index(DEMO, DEMO_TIES, encoder=encoder)
    best = index.rank(Query(id="q", text="H2"), k=1)[0]
    assert best.id in {"brenner", "elektrolyse"}
    assert "embedding_match" in {p.code for p in best.reasons}
    assert encoder.calls == 2  # once for the profiles, once for the need


def test_without_encoder_no_embedding_reason_appears() -> None:
    index = build_index(DEMO, DEMO_TIES)
    ranked = index.rank(Query(id="q", text="H2"), k=len(DEMO))
    assert all(p.code != "embedding_match" for r in ranked for p in r.reasons)


def test_sentence_model_adapter_asks_for_normalised_vectors() -> None:
    class FakeModel:
        def encode(
            self, texts: list[str], batch_size: int, normalize_embeddings: bool
        ) -> list[list[float]]:
            assert normalize_embeddings
            return [[1.0, 0.0] for _ in texts]

    vectors = SentenceModelEncoder(FakeModel()).encode(["a", "b"])
    assert vectors.shape == (2, 2) and vectors.dtype == np.float32
