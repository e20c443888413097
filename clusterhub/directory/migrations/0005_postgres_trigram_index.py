"""PostgreSQL search on pg_trgm and unaccent: GIN trigram indexes on name and city replace
the postings table and its PL/pgSQL trigger (0002, 0003). SQLite keeps its FTS5 tables;
the extension operations do nothing there."""

import importlib
from typing import Any

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

from clusterhub.directory import search

POSTINGS_TRIGGER_TEARDOWN = [
    "DROP TRIGGER IF EXISTS directory_organisation_trigrams_trg ON directory_organisation",
    "DROP FUNCTION IF EXISTS directory_organisation_trigrams()",
]


def use_pg_trgm(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTINGS_TRIGGER_TEARDOWN:
        schema_editor.execute(statement)
    search.create_postgres_indexes(schema_editor, apps.get_model("directory", "Organisation"))


def back_to_postings(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    search.drop_postgres_indexes(schema_editor)
    previous = importlib.import_module("clusterhub.directory.migrations.0003_search_index")
    for statement in previous.POSTGRES_SEARCH_SETUP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_person_erased_at")]
    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(use_pg_trgm, back_to_postings),
        # After the trigger is gone; reversed, the table is back before back_to_postings fills it.
        migrations.DeleteModel(name="OrganisationTrigram"),
    ]
