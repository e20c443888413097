"""Background work for partner matching: thin, load by id, call a service, safe to repeat."""

from __future__ import annotations

from django_tasks import task

from clusterhub.partners import services


@task()
def refresh_partner_index(organisation_id: int) -> bool:
    """Enqueued on commit whenever an organisation is saved."""
    return services.refresh_partner_index_for(organisation_id)


@task()
def catch_up_partner_index() -> bool:
    """Enqueued when a web worker finds no index or one behind the registry: builds it again."""
    return services.catch_up_partner_index()
