"""The one way to hand work to the background worker: enqueue a task with the transaction
that owes it.

Services owe the work first (a mail row in the outbox, a queued scheduling run) and then call
``enqueue_on_commit("clusterhub.<app>.tasks.<task>", pk)``. The task is resolved here, by its
dotted path, when the work is owed — the one lazy import of the project — so services never
import tasks, and tasks (which import services) close no import circle.

A rolled-back transaction enqueues nothing, and a worker never sees a row that is not yet
committed: with the database task backend (``django-tasks-db``, the site's) the task row is
written inside the same transaction, so both commit or neither — nothing is lost if the
process dies between commit and enqueue, and SQLite takes one write lock, not two. Any other
backend is called once the transaction has committed.
"""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, router, transaction
from django.utils.module_loading import import_string
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def _written_with_the_data(task: Any) -> bool:
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    return router.db_for_write(DBTaskResult) == DEFAULT_DB_ALIAS


def enqueue_on_commit(task_path: str, *args: object) -> None:
    """Enqueue ``task_path`` with ``args`` so that it runs only if the current transaction
    commits (at once when there is none)."""
    task = import_string(task_path)
    if transaction.get_connection().in_atomic_block and _written_with_the_data(task):
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))
