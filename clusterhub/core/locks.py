"""Every row lock of the site, named, in one module, taken in one fixed order.

A transaction that needs more than one of these takes them from top to bottom, never back
up, so two transactions can never each hold a lock the other waits for:

1. the event row (``lock_event``) — it guards the places, the waitlist and offers
   (``events.services``), who is invited (``events.invitations``) and that one event never has
   two scheduling runs (``matchmaking.schedule_runs``);
2. a registration row (``lock_registration``) — staff's review of who registered
   (``events.review``);
3. matchmaking participant rows (``lock_participants``, in ascending pk) — two placements for
   the same people at once (``matchmaking.placement``);
4. meeting request rows (``lock_meeting_request``, ``live_meeting_requests_for_update``) — a
   request and its answer (``matchmaking.services``, ``matchmaking.placement``);
5. an adviser's user row (``lock_adviser``) — one consultation slot is never booked twice
   (``support.services``); taken alone, never with the others;
6. organisation rows (``lock_organisations``, in ascending pk) — a merge of two duplicates
   (``duplicates.services``); taken alone;
7. a project row (``lock_project``) — its stage moves one at a time (``projects.services``);
   taken alone;
8. a room of a founders' centre (``lock_room``) — its contracts and confirmed bookings never
   overlap (``support.space``); taken alone;
9. an accelerator application (``lock_application``) — it is decided once, with one mail
   (``support.cohorts``); taken alone;
10. a joint trade-fair stand (``lock_joint_stand``) — its places and waiting list
   (``support.fairs``); taken alone;
11. a periodic job's bookkeeping row (``lock_periodic_job``) — one scheduler claims a due job
   (``core.periodic``); taken alone.

One lock is not a row lock: ``partner_index_writer`` lets one task at a time read, change and
save the stored partner index, on whichever machine it runs. It is held for seconds (a build),
outside any transaction, and never together with the row locks above.

Each helper must run inside ``transaction.atomic()``. On PostgreSQL each is a
``SELECT … FOR UPDATE``. SQLite has no row locks (Django drops ``FOR UPDATE`` there): the
settings' ``transaction_mode=IMMEDIATE`` takes the database's one write lock at ``BEGIN``, so
every write transaction already runs alone and the order holds trivially. Registrations
queue in front of that lock on a Python lock of their own (``events.services.places_transaction``)
so that under a rush the lock is handed on at once instead of after SQLite's busy sleeps.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import QuerySet

from clusterhub.core import rows
from clusterhub.core.models import PeriodicJobRun
from clusterhub.directory.models import Organisation
from clusterhub.events.models import Event, Registration
from clusterhub.matchmaking.models import MeetingRequest, Participant
from clusterhub.projects.models import Project
from clusterhub.support.models import Application, JointStand, Room


def lock_event(event_id: int) -> Event:
    """The event row, locked: its places, waitlist, invitations and runs change one at a time.
    Read by plain SQL (``core.rows``): every registrant of a rush waits for this lock, and the
    ORM's query building would be most of the time each holds it."""
    event = rows.one_row(Event, f"{rows.column(Event, 'id')} = %s", [event_id], for_update=True)
    if event is None:
        raise Event.DoesNotExist(f"No event {event_id}")
    return event


def lock_event_row(event_id: int) -> None:
    """Lock the event row without loading it (only its pk is read)."""
    Event.objects.select_for_update().only("pk").get(pk=event_id)


def lock_registration(registration_id: int) -> Registration:
    """The registration row with its event, locked (on PostgreSQL the joined event row is
    locked in the same statement, which keeps the order: event, then registration)."""
    return Registration.objects.select_for_update().select_related("event").get(pk=registration_id)


def lock_participants(*participant_ids: int) -> None:
    """Lock matchmaking participants, in ascending pk so that two pairs never cross."""
    list(Participant.objects.select_for_update().filter(pk__in=participant_ids).order_by("pk"))


def lock_meeting_request(request_id: int) -> MeetingRequest:
    """The meeting request row, re-read and locked."""
    return MeetingRequest.objects.select_for_update().get(pk=request_id)


def live_meeting_requests_for_update() -> QuerySet[MeetingRequest]:
    """The requests still open or accepted, locked as they are read (the queryset is lazy:
    the rows a later ``.filter(...).first()`` or ``.exists()`` reads are the ones locked)."""
    return MeetingRequest.objects.select_for_update().filter(status__in=MeetingRequest.LIVE)


def lock_adviser(adviser_id: int) -> None:
    """An adviser's user row, locked: their consultation bookings change one at a time."""
    get_user_model().objects.select_for_update().only("pk").get(pk=adviser_id)


def lock_organisations(*organisation_ids: int) -> int:
    """Lock organisation rows in ascending pk; returns how many exist."""
    rows = Organisation.objects.select_for_update().filter(pk__in=organisation_ids).order_by("pk")
    return len(list(rows.values_list("pk", flat=True)))


def lock_project(project_id: int) -> Project:
    """The project row, re-read and locked."""
    return Project.objects.select_for_update().get(pk=project_id)


def lock_room(room_id: int) -> None:
    """A room of a founders' centre, locked: its contracts and bookings change one at a time
    (``support.space``); taken alone."""
    Room.objects.select_for_update().only("pk").get(pk=room_id)


def lock_application(application_id: int) -> str:
    """An accelerator application, locked; returns its status as it stands now, so it is
    decided once (``support.cohorts``); taken alone."""
    return str(
        Application.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=application_id)
    )


def lock_joint_stand(stand_id: int) -> None:
    """A joint trade-fair stand, locked: its places and waiting list change one at a time
    (``support.fairs``); taken alone."""
    JointStand.objects.select_for_update().only("pk").get(pk=stand_id)


def lock_periodic_job(name: str) -> PeriodicJobRun:
    """A periodic job's bookkeeping row (``core.periodic``): one scheduler at a time decides
    whether the job is due and claims it; taken alone, only for that short claim."""
    return PeriodicJobRun.objects.select_for_update().get(name=name)


# Any fixed 64-bit number, the same in every process: the key of the advisory lock.
PARTNER_INDEX_LOCK_KEY = (
    int.from_bytes(hashlib.sha256(b"clusterhub.partner-index").digest()[:8]) >> 1
)


@contextlib.contextmanager
def partner_index_writer() -> Iterator[None]:
    """Held while a task reads, changes and saves the stored partner index, by every process
    on every machine that shares the database. Not a transaction: a build takes seconds, and a
    transaction as long would hold SQLite's one write lock (or PostgreSQL's snapshot) for them.

    PostgreSQL: a session-level advisory lock (``pg_advisory_lock``), released explicitly and,
    should the process die, with its connection. SQLite serves one machine only: an exclusive
    ``flock`` on a file beside the database file (per process for an in-memory database)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [PARTNER_INDEX_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [PARTNER_INDEX_LOCK_KEY])
        return
    with _sqlite_lock_file().open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_lock_file() -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        # Only this process sees the database, so only its threads need to queue.
        digest = hashlib.sha256(f"{os.getpid()}:{name}".encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"clusterhub-partner-index-{digest}.lock"
    return Path(f"{name}.partner-index.lock")
