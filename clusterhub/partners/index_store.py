"""The match index in the database: written whole by a background task, read by every web
process on every machine.

The task builds a new index and saves it as the one ``PartnerIndexSnapshot`` row, with a new
version, in one statement: a reader sees either the old or the new index, never half of one.
Each process keeps the index it loaded in memory and asks for the row's version at most every
``CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS``; only when the version changed does it read the
index again. So a change saved through one process reaches the suggestions of every other
within the refresh time, with nothing on a local disk.

The index pickles as it is: the engine's text analyser leaves out its PyStemmer objects and
makes them again when it is read.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from clusterhub.core import locks
from clusterhub.partners.models import PartnerIndexSnapshot
from clusterhub.partners.vectors import LsaModel
from clusterlogic.calls import CallNetwork
from clusterlogic.matching import MatchIndex

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


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Held while a task reads, changes and saves the stored index: two tasks at once (two
    workers, on one machine or two, or a save's refresh beside a catch-up) would otherwise each
    save their own copy and the later one would drop the other's change. Readers never take it."""
    with locks.partner_index_writer():
        yield


def dumps(stored: StoredIndex) -> bytes:
    return pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> StoredIndex:
    stored = pickle.loads(data)
    if not isinstance(stored, StoredIndex):
        raise pickle.UnpicklingError("the row holds no partner index")
    return stored


@dataclass(frozen=True)
class _Loaded:
    version: uuid.UUID
    # ``time.monotonic()`` of the last look at the stored version.
    checked_at: float
    stored: StoredIndex | None


_loaded: _Loaded | None = None
_lock = threading.Lock()


def save(stored: StoredIndex) -> uuid.UUID:
    """Replace the stored index with ``stored`` under a new version; this process keeps it as
    its loaded copy, the others load it at their next look."""
    global _loaded
    version = uuid.uuid4()
    PartnerIndexSnapshot.objects.update_or_create(
        pk=PartnerIndexSnapshot.CURRENT,
        defaults={"version": version, "built_at": stored.built_at, "data": dumps(stored)},
    )
    _loaded = _Loaded(version, time.monotonic(), stored)
    return version


def _stored_version() -> uuid.UUID | None:
    version: uuid.UUID | None = (
        PartnerIndexSnapshot.objects.filter(pk=PartnerIndexSnapshot.CURRENT)
        .values_list("version", flat=True)
        .first()
    )
    return version


def _read(version: uuid.UUID) -> StoredIndex | None:
    data = (
        PartnerIndexSnapshot.objects.filter(pk=PartnerIndexSnapshot.CURRENT, version=version)
        .values_list("data", flat=True)
        .first()
    )
    if data is None:
        return None
    try:
        return loads(bytes(data))
    except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError):
        logger.warning("stored partner index %s cannot be read; it will be built again", version)
        return None


def load() -> StoredIndex | None:
    """The stored index, read again only when its version changed; ``None`` while there is
    none or the row holds one this code cannot read (written by an older release): the caller
    then asks for a build, which replaces it."""
    global _loaded
    current = _loaded
    refresh = settings.CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS
    if current is not None and time.monotonic() - current.checked_at < refresh:
        return current.stored
    with _lock:
        current = _loaded
        if current is not None and time.monotonic() - current.checked_at < refresh:
            return current.stored
        version = _stored_version()
        now = time.monotonic()
        if version is None:
            _loaded = None
            return None
        if current is not None and current.version == version:
            current = _Loaded(version, now, current.stored)
        else:
            current = _Loaded(version, now, _read(version))
        _loaded = current
    return current.stored


def forget_loaded() -> None:
    """Drop the in-memory copy (tests; a process would simply reload on the next change)."""
    global _loaded
    _loaded = None
