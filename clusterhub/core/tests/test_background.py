"""Handing work to the worker: the task runs only if the transaction that owes it commits."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from clusterhub.core.background import enqueue_on_commit

pytestmark = pytest.mark.django_db
TASK = "clusterhub.events.tasks.deliver_mail"


class Rollback(Exception):
    pass


def test_with_the_database_backend_the_task_row_is_written_with_the_data(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(Rollback), transaction.atomic():
        enqueue_on_commit(TASK, 1)
        assert DBTaskResult.objects.count() == 1  # in the same transaction, not after it
        raise Rollback
    assert DBTaskResult.objects.count() == 0  # rolled back with the data

    with transaction.atomic():
        enqueue_on_commit(TASK, 2)
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [2]


def test_other_backends_get_the_task_only_after_the_commit(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()  # type: ignore[attr-defined]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_on_commit(TASK, 3)
    assert default_task_backend.results == []  # type: ignore[attr-defined]
    for callback in callbacks:
        callback()
    assert [result.args for result in default_task_backend.results] == [[3]]  # type: ignore[attr-defined]
