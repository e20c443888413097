"""Optional sentence embeddings: any encoder that turns texts into unit vectors plugs in.

The default install has none (no torch). Where ``sentence-transformers`` and a model that a
package ships are installed, wrap the model with :class:`SentenceModelEncoder` and pass it to
``build_index(..., encoder=...)``; its cosine similarity then joins BM25 as the ``embedding``
feature and the reason part ``embedding_match``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray


class TextEncoder(Protocol):
    """Maps texts to an (n, d) float32 array of unit-length rows."""

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


class SentenceModelEncoder:
    """Adapts a ``sentence_transformers.SentenceTransformer`` (duck-typed; the caller imports)."""

    def __init__(self, model: Any, batch_size: int = 64) -> None:
        self._model = model
        self._batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        vectors = self._model.encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True
        )
        return np.asarray(vectors, dtype=np.float32)
