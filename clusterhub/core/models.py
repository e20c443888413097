"""Bookkeeping of the site's own operation (not of its users' data)."""

from __future__ import annotations

from django.db import models


class PeriodicJobRun(models.Model):
    """When a periodic job (``core.periodic``) last started and how it ended: kept in the
    database, so a scheduler on any machine knows what is due and two schedulers never run
    the same job at once."""

    name = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    succeeded = models.BooleanField(null=True)
    # The command's last line of output, or the error's type when it failed.
    outcome = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
