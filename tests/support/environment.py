"""The environment every test run starts from, set before pytest-django reads the settings.

Loaded with ``-p tests.support.environment`` (``addopts`` in pyproject.toml), which pytest
imports before pytest-django imports ``config.settings`` — a conftest would come too late.
With debug off the settings refuse to start without a secret key; tests get a fixed one of
their own (a developer's or CI's ``DJANGO_SECRET_KEY`` wins), so nothing reads ``var/``.
"""

from __future__ import annotations

import os

TEST_SECRET_KEY = "tests-only-not-secret-8f3c1e5b9d7a4f2e6c0b1a3d5e7f9a2c4b6d8e0f"
os.environ.setdefault("DJANGO_SECRET_KEY", TEST_SECRET_KEY)
