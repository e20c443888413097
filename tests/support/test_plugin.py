"""``--database-tests-only`` keeps exactly the tests that can reach the database."""

from __future__ import annotations

import pytest
from hypothesis import settings as hypothesis_settings

from tests.support.plugin import uses_database
from tests.support.registry import Registry


def test_a_test_without_database_fixtures_counts_as_database_free(
    request: pytest.FixtureRequest,
) -> None:
    assert not uses_database(request.node)


@pytest.mark.django_db
def test_the_django_db_marker_counts_as_database_use(request: pytest.FixtureRequest) -> None:
    assert uses_database(request.node)


def test_a_fixture_built_on_db_counts_as_database_use(
    request: pytest.FixtureRequest, registry: Registry
) -> None:
    # registry → db → pytest-django's _django_db_helper: found through the fixture closure.
    assert uses_database(request.node)


def test_transactional_db_counts_as_database_use(
    request: pytest.FixtureRequest, transactional_db: None
) -> None:
    assert uses_database(request.node)


@pytest.mark.postgresql
@pytest.mark.django_db
def test_a_postgresql_test_is_never_deselected_as_database_free(
    request: pytest.FixtureRequest,
) -> None:
    assert uses_database(request.node)


def test_hypothesis_examples_have_no_deadline() -> None:
    # Timing is for bench/; a deadline made right tests fail on a loaded machine.
    assert hypothesis_settings().deadline is None  # a new settings object inherits the profile
