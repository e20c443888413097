"""Typo-tolerant organisation search on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm).

The database narrows 100,000 rows to a few hundred candidates through a trigram index;
rapidfuzz then orders those candidates by how well their names match what was typed, so
"peperl fuchs" finds "Pepperl+Fuchs" on both databases with the same ranking rule.
"""

from __future__ import annotations

import re

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import SearchQuery, SearchVector, TrigramWordSimilarity
from django.db import connection
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Model, Q, Value
from django.db.models.functions import Greatest
from rapidfuzz import fuzz, utils

CANDIDATE_LIMIT = 400
_WORD = re.compile(r"\w+", re.UNICODE)


def _sqlite_fts(table: str, columns: list[str]) -> tuple[list[str], list[str]]:
    """An external-content FTS5 trigram table over ``columns`` and the triggers that sync it."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    setup = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5({names}, "
        "content='directory_organisation', content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON directory_organisation BEGIN "
        f"INSERT INTO {table}(rowid, {names}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON directory_organisation BEGIN "
        f"INSERT INTO {table}({table}, rowid, {names}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE OF {names} "
        f"ON directory_organisation BEGIN "
        f"INSERT INTO {table}({table}, rowid, {names}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {table}(rowid, {names}) VALUES (new.id, {new}); END",
        f"INSERT INTO {table}({table}) VALUES ('rebuild')",
    ]
    teardown = [
        f"DROP TRIGGER IF EXISTS {table}_au",
        f"DROP TRIGGER IF EXISTS {table}_ad",
        f"DROP TRIGGER IF EXISTS {table}_ai",
        f"DROP TABLE IF EXISTS {table}",
    ]
    return setup, teardown


# Two indexes, because a misspelt name and a word in a description need different queries:
# names are short, so any shared trigram may make a candidate (OR, ranked by bm25); long texts
# are matched on whole words as substrings, which FTS5 answers by intersecting postings.
_NAME_SETUP, _NAME_TEARDOWN = _sqlite_fts("directory_organisation_name_fts", ["name", "city"])
_TEXT_SETUP, _TEXT_TEARDOWN = _sqlite_fts("directory_organisation_fts", ["search_text"])
SQLITE_FTS_SETUP = _NAME_SETUP + _TEXT_SETUP
SQLITE_FTS_TEARDOWN = _NAME_TEARDOWN + _TEXT_TEARDOWN
TEXT_CANDIDATE_SHARE = 4


# PostgreSQL: pg_trgm's GIN operator class on name and city answers the word-similarity
# operator (``%>``) from the index, and a German full-text index covers the longer texts
# (offers, seeks, description). Built with Django's own index classes; created only on
# PostgreSQL by migrations (SQLite cannot parse ``USING gin``), so they are not in Meta.
POSTGRES_INDEXES = [
    GinIndex(OpClass("name", name="gin_trgm_ops"), name="org_name_trgm_idx"),
    GinIndex(OpClass("city", name="gin_trgm_ops"), name="org_city_trgm_idx"),
    GinIndex(SearchVector("search_text", config="german"), name="org_search_fts_idx"),
]


def create_postgres_indexes(
    schema_editor: BaseDatabaseSchemaEditor, organisation: type[Model]
) -> None:
    """Create (or replace) the search indexes; ``organisation`` may be a migration's model."""
    for index in POSTGRES_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index.name}")
        schema_editor.add_index(organisation, index)


def drop_postgres_indexes(schema_editor: BaseDatabaseSchemaEditor) -> None:
    for index in POSTGRES_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index.name}")


def trigrams(query: str) -> list[str]:
    """Distinct lower-case trigrams of each word of ``query`` (words under 3 letters whole)."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query.lower()):
        if len(word) < 3:
            continue
        for start in range(len(word) - 2):
            seen.setdefault(word[start : start + 3], None)
    return list(seen)


def _fts_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _sqlite_candidates(query: str, limit: int) -> list[int]:
    grams = trigrams(query)
    if not grams:
        return []
    words = [word for word in _WORD.findall(query.lower()) if len(word) >= 3]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM directory_organisation_name_fts "
            "WHERE directory_organisation_name_fts MATCH %s "
            "ORDER BY bm25(directory_organisation_name_fts, 10.0, 1.0) LIMIT %s",
            [" OR ".join(_fts_quote(gram) for gram in grams), limit],
        )
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT rowid FROM directory_organisation_fts WHERE directory_organisation_fts "
            "MATCH %s ORDER BY bm25(directory_organisation_fts) LIMIT %s",
            [" OR ".join(_fts_quote(word) for word in words), limit // TEXT_CANDIDATE_SHARE],
        )
        seen = set(ids)
        ids.extend(pk for (pk,) in cursor.fetchall() if pk not in seen)
    return ids


def _postgres_candidates(query: str, limit: int) -> list[int]:
    from clusterhub.directory.models import Organisation

    ids: list[int] = []
    if trigrams(query):
        # The query also without accents, so "Wärmewerk" finds a name stored as "Warmewerk";
        # both spellings hit the trigram index (pg_trgm folds case itself).
        plain = Unaccent(Value(query))
        similar = (
            Q(name__trigram_word_similar=query)
            | Q(name__trigram_word_similar=plain)
            | Q(city__trigram_word_similar=query)
        )
        closeness = Greatest(
            TrigramWordSimilarity(query, "name"),
            TrigramWordSimilarity(plain, "name"),  # type: ignore[arg-type]  # stubs: str only
            TrigramWordSimilarity(query, "city"),
        )
        ids = list(
            Organisation.objects.filter(similar)
            .annotate(closeness=closeness)
            .order_by("-closeness", "pk")
            .values_list("pk", flat=True)[:limit]
        )
    # No ranking by ts_rank: it would recompute the tsvector of every matching row (thousands
    # for a common word); the candidates are ordered by rapidfuzz afterwards anyway.
    in_text = (
        Organisation.objects.annotate(text=SearchVector("search_text", config="german"))
        .filter(text=SearchQuery(query, config="german"))
        .values_list("pk", flat=True)[: limit // TEXT_CANDIDATE_SHARE]
    )
    seen = set(ids)
    ids.extend(pk for pk in in_text if pk not in seen)
    return ids


def candidate_ids(query: str, limit: int = CANDIDATE_LIMIT) -> list[int]:
    """Ids of organisations whose name or text resembles ``query``, best first."""
    if connection.vendor == "postgresql":
        return _postgres_candidates(query, limit)
    return _sqlite_candidates(query, limit)


def rank_by_name(query: str, rows: list[tuple[int, str]], db_order: list[int]) -> list[int]:
    """Order candidate ids: closeness of the name to the query, then the index's own rank."""
    position = {pk: index for index, pk in enumerate(db_order)}
    processed = utils.default_process(query)

    def score(row: tuple[int, str]) -> tuple[float, int]:
        pk, name = row
        name_score = fuzz.WRatio(processed, utils.default_process(name))
        return (-name_score, position.get(pk, len(position)))

    return [pk for pk, _name in sorted(rows, key=score)]
