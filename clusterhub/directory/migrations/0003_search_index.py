"""Trigram search: FTS5 (trigram tokenizer) on SQLite; trigram postings and German
full text on PostgreSQL."""

from typing import Any

from django.db import migrations

from clusterhub.directory import search


def create(apps: Any, schema_editor: Any) -> None:
    statements = {
        "sqlite": search.SQLITE_FTS_SETUP,
        "postgresql": search.POSTGRES_SEARCH_SETUP,
    }.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps: Any, schema_editor: Any) -> None:
    statements = {
        "sqlite": search.SQLITE_FTS_TEARDOWN,
        "postgresql": search.POSTGRES_SEARCH_TEARDOWN,
    }.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_organisation_trigram")]
    operations = [migrations.RunPython(create, drop)]
