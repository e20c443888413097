"""Trigram search structures: FTS5 (trigram tokenizer) on SQLite, trigram postings + German full text on PostgreSQL."""

from django.db import migrations

from clusterhub.directory import search


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    statements = {
        "sqlite": search.SQLITE_FTS_SETUP,
        "postgresql": search.POSTGRES_SEARCH_SETUP,
    }.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    statements = {
        "sqlite": search.SQLITE_FTS_TEARDOWN,
        "postgresql": search.POSTGRES_SEARCH_TEARDOWN,
    }.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_organisation_trigram")]
    operations = [migrations.RunPython(create, drop)]
