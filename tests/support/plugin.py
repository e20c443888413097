"""Project-wide pytest hooks: database selection markers and "nothing is skipped in CI".

Registered for every test directory by the repository's root ``conftest.py``.

Markers
-------
``postgresql``
    The test needs PostgreSQL (extensions, ``pg_trgm``, pgvector …). It is *deselected*, not
    skipped, in the SQLite run; ``make test`` runs the whole suite again on PostgreSQL.
``sqlite``
    The test exercises SQLite-only code (FTS5 …); deselected in the PostgreSQL run.

``--database-tests-only`` (the PostgreSQL run of ``make test``) deselects every test that
uses no database: without the ``django_db`` marker or a fixture built on pytest-django's
database (``db``, ``transactional_db``, ``client`` logins through ``registry`` …) a test
cannot reach the database (pytest-django blocks it), so it runs exactly the same code on
either database and the SQLite run already ran it.

Passwords are hashed with MD5 in tests (``fast_password_hashing``), for speed only.

Hypothesis runs without its per-example deadline (profile ``clusterhub``): speed is measured
in ``bench/``, never asserted in a test, and on a loaded machine the 200 ms default failed
tests that were right ("Unreliable test timings").

In CI (``CI=true``) every skip is reported as a failure: a skipped test there means a
missing system package or a forgotten guard, and it must not pass silently.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

DATABASE_MARKERS = {
    "postgresql": "needs PostgreSQL; deselected when the tests run on SQLite",
    "sqlite": "needs SQLite; deselected when the tests run on PostgreSQL",
}


hypothesis_settings.register_profile("clusterhub", deadline=None)
hypothesis_settings.load_profile("clusterhub")


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def configured_database_vendor() -> str | None:
    """``postgresql`` or ``sqlite`` from Django's settings, None before Django is configured."""
    from django.conf import settings

    if not settings.configured:
        return None
    engine: str = settings.DATABASES["default"]["ENGINE"]
    return "postgresql" if "postgresql" in engine else "sqlite" if "sqlite" in engine else engine


# pytest-django's fixtures that open the test database; every database fixture of the
# project (``db`` → ``registry`` → ``login`` …) depends on one of them.
DATABASE_FIXTURES = frozenset({"_django_db_helper", "live_server"})


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="deselect the tests that use no database (they ran in the SQLite run already)",
    )


def uses_database(item: pytest.Item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        item.get_closest_marker("django_db")
        or item.get_closest_marker("postgresql")
        or DATABASE_FIXTURES.intersection(fixtures)
    )


def pytest_configure(config: pytest.Config) -> None:
    for name, description in DATABASE_MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    vendor = configured_database_vendor()
    if vendor is None:
        return
    database_only = config.getoption("database_tests_only")
    kept: list[pytest.Item] = []
    deselected: list[pytest.Item] = []
    for item in items:
        wanted = [name for name in DATABASE_MARKERS if item.get_closest_marker(name)]
        unwanted = (wanted and vendor not in wanted) or (database_only and not uses_database(item))
        (deselected if unwanted else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Generator[None]:
    """Hash test passwords with MD5: the production hasher (PBKDF2, a million rounds) costs
    about a second per user on CI's two cores, which made fixture-heavy tests crawl."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def no_partner_index_from_an_earlier_test() -> Generator[None]:
    """Each process keeps the partner index it loaded between its looks at the database; a
    test starts without the copy an earlier test (whose rows were rolled back) left."""
    from clusterhub.partners import index_store

    index_store.forget_loaded()
    yield
    index_store.forget_loaded()


def commits(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.fixture(autouse=True)
def no_cache_rows_from_a_committing_test(
    request: pytest.FixtureRequest, django_db_blocker: Any
) -> Generator[None]:
    """The cache is a database table (``clusterhub_cache``) that emptying the tables after a
    committing test leaves alone (it is no model's): its rows (rate-limit counts, a rebuild
    request) would reach the next test of the same database."""
    yield
    if commits(request.node):
        from django.core.cache import cache

        with django_db_blocker.unblock():
            cache.clear()


def skip_as_failure(report: pytest.TestReport | pytest.CollectReport) -> None:
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped in CI, which must run everything: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[Any]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report: pytest.TestReport = yield
    if running_in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        skip_as_failure(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report: pytest.CollectReport = yield
    if running_in_ci() and report.skipped:
        skip_as_failure(report)
    return report
