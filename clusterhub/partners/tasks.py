"""Background work for partner matching: thin, load by id, call a service, safe to repeat."""

from __future__ import annotations

from django_tasks import task

from clusterhub.partners import services


@task()
def refresh_partner_index(organisation_id: int) -> bool:
    """Enqueued on commit whenever an organisation is saved."""
    return services.refresh_partner_index_for(organisation_id)


@task()
def rebuild_partner_index() -> int:
    """Enqueued when a web worker finds no index or a stale one."""
    return len(services.rebuild_partner_index().index.organisations)
