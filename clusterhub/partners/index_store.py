"""The match index on disk: written whole by the background task, read by every web worker.

The task builds a new index and swaps the file in with ``os.replace`` (atomic on one file
system), so a reader sees either the old or the new index, never half of one. Each worker keeps
the index it loaded in memory and reloads it only when the file's modification time changes.

The engine's text analyser holds PyStemmer objects, which cannot be pickled; they are written as
a reference to their algorithm and created afresh when the index is read.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import pickle
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import Stemmer
from django.conf import settings

from clusterhub.partners.vectors import LsaModel
from clusterlogic.matching import MatchIndex

FILE_NAME = "index.pickle"
# Words whose stems tell the Snowball algorithms apart (German and English first: the engine's).
_PROBE_WORDS = (
    "Forschungseinrichtungen",
    "Wasserstoffherstellung",
    "connections",
    "universities",
    "generalizations",
    "häufigkeiten",
    "organisationen",
    "running",
)
_PREFERRED_ALGORITHMS = ("german", "english")


@dataclass(frozen=True)
class StoredIndex:
    """An index with what it was built from: the version of the registry it reflects."""

    index: MatchIndex
    built_at: datetime
    source_version: str
    # The text-to-vector model whose vectors PostgreSQL holds; None on SQLite.
    lsa: LsaModel | None = None
    # When profiles saved since ``built_at`` last replaced theirs in place; None: as built.
    updated_at: datetime | None = None


def index_dir() -> Path:
    return Path(settings.VAR_DIR) / "partner-index"


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Held while a task reads, changes and saves the stored index: two tasks at once (two
    workers, or a save's refresh beside a catch-up) would otherwise each save their own copy
    and the later one would drop the other's change. Readers never take it."""
    directory = index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "writing.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def index_path() -> Path:
    return index_dir() / FILE_NAME


def _stemmer_algorithm(stemmer: Any) -> str:
    stems = stemmer.stemWords(list(_PROBE_WORDS))
    others = [a for a in Stemmer.algorithms() if a not in _PREFERRED_ALGORITHMS]
    for algorithm in (*_PREFERRED_ALGORITHMS, *others):
        if Stemmer.Stemmer(algorithm).stemWords(list(_PROBE_WORDS)) == stems:
            return str(algorithm)
    raise pickle.PicklingError("a stemmer whose algorithm cannot be recognised")


class _IndexPickler(pickle.Pickler):
    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, Stemmer.Stemmer):
            return ("stemmer", _stemmer_algorithm(obj))
        return None


class _IndexUnpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        kind, algorithm = pid
        if kind != "stemmer":
            raise pickle.UnpicklingError(f"unknown persistent object {kind!r}")
        return Stemmer.Stemmer(algorithm)


def dumps(stored: StoredIndex) -> bytes:
    buffer = io.BytesIO()
    _IndexPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(stored)
    return buffer.getvalue()


def loads(data: bytes) -> StoredIndex:
    stored = _IndexUnpickler(io.BytesIO(data)).load()
    if not isinstance(stored, StoredIndex):
        raise pickle.UnpicklingError("the file holds no partner index")
    return stored


def save(stored: StoredIndex) -> Path:
    """Write the index next to the current one, then swap it in atomically."""
    directory = index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    data = dumps(stored)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, index_path())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return index_path()


@dataclass(frozen=True)
class _Loaded:
    path: Path
    # Inode too: each save swaps in a new file, and mtimes can be coarse.
    file_key: tuple[int, int, int]
    stored: StoredIndex


_loaded: _Loaded | None = None
_lock = threading.Lock()


def load() -> StoredIndex | None:
    """The stored index, read again only when the file changed; ``None`` while there is none."""
    global _loaded
    path = index_path()
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    file_key = (status.st_ino, status.st_mtime_ns, status.st_size)
    current = _loaded
    if current is not None and current.path == path and current.file_key == file_key:
        return current.stored
    with _lock:
        current = _loaded
        if current is None or current.path != path or current.file_key != file_key:
            stored = loads(path.read_bytes())
            current = _Loaded(path, file_key, stored)
            _loaded = current
    return current.stored


def forget_loaded() -> None:
    """Drop the in-memory copy (tests; a worker would simply reload on the next change)."""
    global _loaded
    _loaded = None
