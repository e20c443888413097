"""Dense profile vectors in pgvector, so that PostgreSQL can fetch text candidates for a need.

No embedding model ships with the default install, so the vectors are latent semantic analysis
(LSA): tf-idf of the profile texts reduced with a truncated SVD. They live in one table with an
HNSW index that every web worker shares; the engine then re-ranks the candidates they bring,
joined by the nearest profiles by sentence embedding where the ``embeddings`` extra is
installed (those vectors live in the stored index, see ``queries``). On SQLite there is no such
table and the engine ranks everything itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from numpy.typing import NDArray
from pgvector.django import CosineDistance
from scipy import sparse
from scipy.sparse.linalg import svds

from clusterhub.partners.models import LSA_DIMENSIONS, OrganisationVector

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_BATCH = 2000


def uses_vectors() -> bool:
    return connection.vendor == "postgresql"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@dataclass(frozen=True)
class LsaModel:
    """What turns a text into the vector space: vocabulary, idf weights and SVD components."""

    vocabulary: dict[str, int]
    idf: NDArray[np.float64]
    components: NDArray[np.float64]  # (dimensions used, terms)

    def _tfidf(self, texts: Sequence[str]) -> sparse.csr_matrix:
        rows: list[int] = []
        columns: list[int] = []
        for row, text in enumerate(texts):
            for word in _words(text):
                column = self.vocabulary.get(word)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
        counts = sparse.csr_matrix(
            (np.ones(len(rows)), (rows, columns)), shape=(len(texts), len(self.vocabulary))
        )
        counts.sum_duplicates()
        counts.data = np.log1p(counts.data)
        weighted = sparse.csr_matrix(counts.multiply(self.idf[np.newaxis, :]))
        return _unit_rows_sparse(weighted)

    def project(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Unit vectors of ``LSA_DIMENSIONS`` (zero for a text with no known word)."""
        reduced = np.asarray(self._tfidf(texts) @ self.components.T)
        padded = np.zeros((len(texts), LSA_DIMENSIONS))
        padded[:, : reduced.shape[1]] = reduced
        norms = np.linalg.norm(padded, axis=1, keepdims=True)
        return np.divide(padded, norms, out=np.zeros_like(padded), where=norms > 0).astype(
            np.float32
        )


def _unit_rows_sparse(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sparse.csr_matrix(sparse.diags(scale) @ matrix)


def fit_lsa(texts: Sequence[str]) -> LsaModel | None:
    """LSA over ``texts``; ``None`` when there are too few texts or words to reduce."""
    vocabulary: dict[str, int] = {}
    document_frequency: list[int] = []
    for text in texts:
        for word in set(_words(text)):
            if word not in vocabulary:
                vocabulary[word] = len(vocabulary)
                document_frequency.append(0)
            document_frequency[vocabulary[word]] += 1
    dimensions = min(LSA_DIMENSIONS, len(texts) - 1, len(vocabulary) - 1)
    if dimensions < 1:
        return None
    idf = np.log((1 + len(texts)) / (1 + np.asarray(document_frequency, dtype=np.float64))) + 1
    empty = LsaModel(vocabulary, idf, np.zeros((0, len(vocabulary))))
    matrix = empty._tfidf(texts)
    # A fixed start vector makes ARPACK, and so the stored vectors, repeatable.
    start = np.full(min(matrix.shape), 1.0 / np.sqrt(min(matrix.shape)))
    _, _, components = svds(matrix, k=dimensions, v0=start)
    return LsaModel(vocabulary, idf, np.asarray(components, dtype=np.float64))


def _vector_rows(
    model: LsaModel, organisation_ids: Sequence[int], texts: Sequence[str]
) -> list[OrganisationVector]:
    return [
        OrganisationVector(organisation_id=pk, embedding=vector)
        for pk, vector in zip(organisation_ids, model.project(texts), strict=True)
        if vector.any()  # a zero vector has no cosine distance
    ]


def store_vectors(
    model: LsaModel | None, organisation_ids: Sequence[int], texts: Sequence[str]
) -> int:
    """Replace the stored vectors (PostgreSQL only); returns how many were written."""
    if not uses_vectors():
        return 0
    rows = _vector_rows(model, organisation_ids, texts) if model is not None else []
    with transaction.atomic():
        OrganisationVector.objects.all().delete()
        OrganisationVector.objects.bulk_create(rows, batch_size=_BATCH)
    return len(rows)


def text_candidates(model: LsaModel | None, text: str, limit: int) -> list[int] | None:
    """Ids of the ``limit`` profiles nearest to ``text`` through the HNSW index; ``None``
    where there are no stored vectors to ask (SQLite, or a text with no known word)."""
    if not uses_vectors() or model is None:
        return None
    vector = model.project([text])[0]
    if not vector.any():
        return None
    nearest = OrganisationVector.objects.order_by(CosineDistance("embedding", vector.tolist()))
    return list(nearest.values_list("organisation_id", flat=True)[:limit])
