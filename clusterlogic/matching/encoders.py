"""Optional sentence embeddings: any encoder that turns texts into unit vectors plugs in.

The default install has none. The ``embeddings`` extra installs WordLlama
(:class:`WordLlamaEncoder`): static token embeddings, average-pooled, with the weights and the
tokenizer inside its wheel, so it needs neither torch nor a download. :func:`installed_encoder`
returns it where it is installed. Any other model plugs in the same way, e.g. a
``sentence_transformers`` model wrapped in :class:`SentenceModelEncoder`. Pass the encoder to
``build_index(..., encoder=...)``; its cosine similarity then joins BM25 as the ``embedding``
feature and the reason part ``embedding_match``.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
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


# The one WordLlama model whose files the wheel ships (wordllama/weights, wordllama/tokenizers).
WORDLLAMA_CONFIG = "l2_supercat"
WORDLLAMA_DIMENSIONS = 256
_WORDLLAMA_FILES = (
    Path("weights") / f"{WORDLLAMA_CONFIG}_{WORDLLAMA_DIMENSIONS}.safetensors",
    Path("tokenizers") / f"{WORDLLAMA_CONFIG}_tokenizer_config.json",
)


def _wordllama_package_dir() -> Path | None:
    """Where the installed wordllama package lies, found without importing it."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


@functools.cache
def _wordllama_model(dimensions: int) -> Any:
    """The shipped model, loaded once per process (about 0.5 s) and shared: it is read-only."""
    package_dir = _wordllama_package_dir()
    if package_dir is None:
        raise ModuleNotFoundError("wordllama is missing: pip install 'clusterhub[embeddings]'")
    # wordllama's inference module calls logging.basicConfig(level=INFO) when imported, which
    # would make every INFO record of the host program appear; undo that on the root logger.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from wordllama import WordLlama
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    # The package looks for its shipped tokenizer under "tokenizer/" but ships it under
    # "tokenizers/", and would then download it. As cache_dir, the package folder itself holds
    # both files where the loader looks; disable_download turns any miss into an error.
    return WordLlama.load(
        config=WORDLLAMA_CONFIG,
        dim=WORDLLAMA_DIMENSIONS,
        trunc_dim=dimensions if dimensions != WORDLLAMA_DIMENSIONS else None,
        cache_dir=package_dir,
        disable_download=True,
    )


def _unit_rows(vectors: NDArray[np.float32]) -> NDArray[np.float32]:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return np.asarray(unit, dtype=np.float32)


@dataclass(frozen=True)
class WordLlamaEncoder:
    """WordLlama ``l2_supercat`` (German and English; multilingual only as far as its Llama-2
    vocabulary goes) from the files its wheel ships; it never downloads anything.

    Holds no model itself (the model is loaded on first use and cached per process), so an
    index that keeps the encoder pickles small. ``dimensions`` may truncate the vectors to
    64 or 128 (Matryoshka-trained); a text without tokens gets a zero row.
    """

    dimensions: int = WORDLLAMA_DIMENSIONS
    batch_size: int = 64

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        result = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return result
        model = _wordllama_model(self.dimensions)
        # Batches are padded to their longest text: batching texts of like length saves work.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            chosen = order[start : start + self.batch_size]
            pooled = model.embed([texts[i] for i in chosen], batch_size=self.batch_size)
            result[chosen] = np.asarray(pooled, dtype=np.float32)
        return _unit_rows(result)


def installed_encoder() -> TextEncoder | None:
    """The packaged sentence encoder where the ``embeddings`` extra is installed, else None.

    Only looks for the package and its shipped files; loads nothing and downloads nothing."""
    package_dir = _wordllama_package_dir()
    if package_dir is None or not all((package_dir / f).is_file() for f in _WORDLLAMA_FILES):
        return None
    return WordLlamaEncoder()
