"""The web process's long-lived objects, kept out of the cyclic garbage collector's way.

A Django process holds about a quarter of a million objects that live as long as it does:
modules, models, the URL map and the views it imports, compiled templates, translations.
Python's collector walks all of them in each full collection, which falls every so often in
the middle of some request: measured on the insight bench (``bench/insight``), one request
in ten or twenty took 400–700 ms instead of 50, the collector's pause. Frozen
(``gc.freeze``) once the site is loaded, they are skipped: a full collection then walks only
what requests made since. They are never freed anyway, and a worker is replaced after
``GUNICORN_MAX_REQUESTS`` requests.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> int:
    """Loads what the first request would (the URL map, and through it every view module),
    collects what start-up left behind, and freezes the rest; returns how many objects were
    frozen. Called by ``config.wsgi`` once the application is built."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the URL conf and the views it names
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
