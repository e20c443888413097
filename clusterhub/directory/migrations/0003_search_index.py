"""Trigram search: FTS5 (trigram tokenizer) on SQLite; trigram postings and German
full text on PostgreSQL.

The PostgreSQL statements are kept here as they were when this migration was written:
0004 replaces the postings and their trigger with pg_trgm's GIN index.
"""

from typing import Any

from django.db import migrations

from clusterhub.directory import search

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


def create(apps: Any, schema_editor: Any) -> None:
    statements = {
        "sqlite": search.SQLITE_FTS_SETUP,
        "postgresql": POSTGRES_SEARCH_SETUP,
    }.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps: Any, schema_editor: Any) -> None:
    statements = {
        "sqlite": search.SQLITE_FTS_TEARDOWN,
        "postgresql": POSTGRES_SEARCH_TEARDOWN,
    }.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_organisation_trigram")]
    operations = [migrations.RunPython(create, drop)]
