"""Indexes matching the incident list's sorts exactly (PostgreSQL only): newest first with the
undated last and the id breaking ties, as IncidentTable.order_* asks. PostgreSQL puts NULLs first
when descending unless told otherwise, so the model's (-started_at, id) index cannot serve
DESC NULLS LAST; SQLite accepts no NULLS LAST in an index and does not need one."""

from django.db import migrations

INDEXES = {
    "incident_started_nl_idx": "(started_at DESC NULLS LAST, id DESC)",
    "incident_reported_nl_idx": "(last_reported_at DESC NULLS LAST, id DESC)",
    "incident_disagreement_nl_idx": "(disagreement DESC NULLS LAST, id DESC)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON claims_incident {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_source_filter_indexes")]

    operations = [migrations.RunPython(create, drop)]
