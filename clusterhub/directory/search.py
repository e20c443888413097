"""Typo-tolerant organisation search on SQLite (FTS5 trigram) and PostgreSQL (trigram postings).

The database narrows 100,000 rows to a few hundred candidates through a trigram index;
rapidfuzz then orders those candidates by how well their names match what was typed, so
"peperl fuchs" finds "Pepperl+Fuchs" on both databases with the same ranking rule.
"""

from __future__ import annotations

import re

from django.db import connection
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


# Trigram postings of name and city, kept by a trigger so bulk writes stay in step, and a
# German full-text index over the longer texts (offers, seeks, description).
POSTGRES_SEARCH_SETUP = [
    r"""
    CREATE OR REPLACE FUNCTION directory_organisation_trigrams() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            DELETE FROM directory_organisationtrigram WHERE organisation_id = NEW.id;
        END IF;
        INSERT INTO directory_organisationtrigram (organisation_id, trigram)
        SELECT DISTINCT NEW.id, substr(word, i, 3)
        FROM regexp_split_to_table(
                 lower(NEW.name || ' ' || coalesce(NEW.city, '')), '[^[:alnum:]]+'
             ) AS word,
             generate_series(1, greatest(length(word) - 2, 0)) AS i
        WHERE length(word) >= 3;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER directory_organisation_trigrams_trg
    AFTER INSERT OR UPDATE OF name, city ON directory_organisation
    FOR EACH ROW EXECUTE FUNCTION directory_organisation_trigrams()
    """,
    """
    INSERT INTO directory_organisationtrigram (organisation_id, trigram)
    SELECT DISTINCT o.id, substr(word, i, 3)
    FROM directory_organisation o,
         regexp_split_to_table(lower(o.name || ' ' || coalesce(o.city, '')), '[^[:alnum:]]+')
         AS word,
         generate_series(1, greatest(length(word) - 2, 0)) AS i
    WHERE length(word) >= 3
    ON CONFLICT DO NOTHING
    """,
    "CREATE INDEX IF NOT EXISTS org_search_fts_idx ON directory_organisation "
    "USING gin (to_tsvector('german', search_text))",
]
POSTGRES_SEARCH_TEARDOWN = [
    "DROP INDEX IF EXISTS org_search_fts_idx",
    "DROP TRIGGER IF EXISTS directory_organisation_trigrams_trg ON directory_organisation",
    "DROP FUNCTION IF EXISTS directory_organisation_trigrams()",
]


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
    grams = trigrams(query)
    ids: list[int] = []
    with connection.cursor() as cursor:
        if grams:
            cursor.execute(
                "SELECT organisation_id FROM directory_organisationtrigram "
                "WHERE trigram = ANY(%s) GROUP BY organisation_id "
                "ORDER BY count(*) DESC, organisation_id LIMIT %s",
                [grams, limit],
            )
            ids = [row[0] for row in cursor.fetchall()]
        # No ts_rank: it would recompute the tsvector of every matching row (thousands for a
        # common word); the candidates are ordered by rapidfuzz afterwards anyway.
        cursor.execute(
            "SELECT id FROM directory_organisation "
            "WHERE to_tsvector('german', search_text) @@ plainto_tsquery('german', %s) "
            "LIMIT %s",
            [query, limit // TEXT_CANDIDATE_SHARE],
        )
        seen = set(ids)
        ids.extend(pk for (pk,) in cursor.fetchall() if pk not in seen)
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
