"""Profile vectors in pgvector: on PostgreSQL only (extension, table and HNSW index).

The model is in the migration state on every database, so ``makemigrations --check`` stays
quiet; its table is created only where ``schema_editor.connection.vendor`` is PostgreSQL.
"""

import pgvector.django.indexes
import pgvector.django.vector
from django.db import migrations, models


def create_on_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS vector")
    schema_editor.create_model(apps.get_model("partners", "OrganisationVector"))


def drop_on_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.delete_model(apps.get_model("partners", "OrganisationVector"))


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OrganisationVector",
                    fields=[
                        (
                            "organisation_id",
                            models.BigIntegerField(primary_key=True, serialize=False),
                        ),
                        ("embedding", pgvector.django.vector.VectorField(dimensions=64)),
                    ],
                    options={
                        "verbose_name": "Profilvektor",
                        "verbose_name_plural": "Profilvektoren",
                        "indexes": [
                            pgvector.django.indexes.HnswIndex(
                                ef_construction=64,
                                fields=["embedding"],
                                m=16,
                                name="org_vector_hnsw_idx",
                                opclasses=["vector_cosine_ops"],
                            )
                        ],
                    },
                ),
            ],
        ),
        # After the state operation, so that ``apps`` already knows the model.
        migrations.RunPython(create_on_postgresql, drop_on_postgresql),
    ]
