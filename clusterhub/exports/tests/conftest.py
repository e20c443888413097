from __future__ import annotations

import pytest
from django.conf import LazySettings


@pytest.fixture(autouse=True)
def files_in_memory(settings: LazySettings) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
