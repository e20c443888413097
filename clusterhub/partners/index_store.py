"""The match index on disk: written whole by the background task, read by every web worker.

The task builds a new index and swaps the file in with ``os.replace`` (atomic on one file
system), so a reader sees either the old or the new index, never half of one. Each worker keeps
the index it loaded in memory and reloads it only when the file's modification time changes.

The index pickles as it is: the engine's text analyser leaves out its PyStemmer objects and
makes them again when it is read.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import pickle
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings

from clusterhub.partners.vectors import LsaModel
from clusterlogic.calls import CallNetwork
from clusterlogic.matching import MatchIndex

FILE_NAME = "index.pickle"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredIndex:
    """An index with what it was built from: the version of the registry it reflects."""

    index: MatchIndex
    built_at: datetime
    source_version: str
    # The text-to-vector model whose vectors PostgreSQL holds; None on SQLite.
    lsa: LsaModel | None = None
    # Who was in which project, for the call page's suggestions; None in a file written
    # before it was kept (that page then ranks by the call's wording and themes alone).
    network: CallNetwork | None = None


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


def dumps(stored: StoredIndex) -> bytes:
    return pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> StoredIndex:
    stored = pickle.loads(data)
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
    """The stored index, read again only when the file changed; ``None`` while there is none
    or the file is one this code cannot read (written by an older release): the caller then
    asks for a build, which replaces it."""
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
            try:
                stored = loads(path.read_bytes())
            except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError):
                logger.warning("partner index %s cannot be read; it will be built again", path)
                return None
            current = _Loaded(path, file_key, stored)
            _loaded = current
    return current.stored


def forget_loaded() -> None:
    """Drop the in-memory copy (tests; a worker would simply reload on the next change)."""
    global _loaded
    _loaded = None
