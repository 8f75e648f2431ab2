"""Indexes for the incident list's filters and search at scale (PostgreSQL only).

Each index matches, expression for expression, the SQL Django generates for one filter of
claims/filters.py, so the planner can use it (checked with bench/explain.py; numbers in
docs/PERFORMANCE.md). They are raw SQL, outside the model state, because they index expressions
Django's lookups produce (UPPER(...) for iexact/icontains, the UTC date for __date) rather than
columns; SQLite, the embedded default, gets none of them and migrates as before.
"""

from django.db import migrations

INDEXES = {
    # Search box (IncidentQuerySet.search): `icontains` is UPPER(col::text) LIKE UPPER('%word%');
    # a trigram GIN index per column serves it for any word of three or more letters.
    "incident_title_trgm_idx": "USING gin (UPPER(title::text) gin_trgm_ops)",
    "incident_place_trgm_idx": "USING gin (UPPER(place::text) gin_trgm_ops)",
    "incident_country_trgm_idx": "USING gin (UPPER(country::text) gin_trgm_ops)",
    # Country filter (`iexact`, UPPER(country::text) = UPPER(...)) with the list's default sort:
    # rows come out of the index already in order, so a page reads 26 rows, not the country.
    "incident_country_upper_idx": "(UPPER(country::text), started_at DESC)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Trusted since PostgreSQL 13: the database owner may create it without superuser rights.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON claims_incident {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0006_edit_versions"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
