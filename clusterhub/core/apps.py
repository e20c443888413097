from typing import Any

from django.apps import AppConfig
from django.core.cache import caches
from django.core.management import call_command
from django.core.signals import setting_changed
from django.db.models.signals import post_migrate


def create_cache_table(using: str = "default", **_: Any) -> None:
    """The database cache's table, made by every ``migrate`` (demo, serve, deploy, the tests'
    databases) so that no path forgets ``createcachetable``. It does nothing where the table
    exists or another cache backend is configured. Django sends the signal once for each app
    with models (core has none), so it runs a few times per ``migrate``: one cheap look at the
    table names each."""
    call_command("createcachetable", database=using, verbosity=0)


def forget_page_chrome(**_: Any) -> None:
    """A changed setting (a test's ``override_settings``: URLs, static files, languages) may
    change what the page frame renders; the kept copies are dropped."""
    caches["page_chrome"].clear()


class CoreConfig(AppConfig):
    name = "clusterhub.core"
    label = "core"

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, dispatch_uid="core.cache_table")
        setting_changed.connect(forget_page_chrome, dispatch_uid="core.page_chrome")
