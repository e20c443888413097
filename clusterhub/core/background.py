"""The one way to hand work to the background worker: enqueue a task once the writing
transaction has committed.

Services owe the work first (a mail row in the outbox, a queued scheduling run) and then call
``enqueue_on_commit("clusterhub.<app>.tasks.<task>", pk)``. The task module is resolved here,
by its dotted path, only when the commit has happened — the one lazy import of the project —
so services never import tasks, and tasks (which import services) close no import circle.
A rolled-back transaction enqueues nothing; a worker never sees a row that is not yet written.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.module_loading import import_string


def enqueue_now(task_path: str, *args: object) -> None:
    import_string(task_path).enqueue(*args)


def enqueue_on_commit(task_path: str, *args: object) -> None:
    """Enqueue ``task_path`` with ``args`` after the current transaction commits (at once
    when there is none)."""
    transaction.on_commit(lambda: enqueue_now(task_path, *args))
