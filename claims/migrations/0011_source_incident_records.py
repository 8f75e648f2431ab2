"""Sources' track records kept per incident (claims/track.py), filled from the claims stored."""

import django.db.models.deletion
from django.db import migrations, models


def backfill(apps, schema_editor):
    # Computed by the app's own code (the engine cannot run on historical models): each
    # incident's rows from its comparison, then every source's totals once. An empty database,
    # as in tests, has nothing to fill. About 5 ms an incident: 8 minutes for 100,000.
    if not apps.get_model("claims", "Incident").objects.exists():
        return
    from claims import selectors, track
    from claims.models import Incident, Source

    for incident in Incident.objects.order_by("pk").iterator():
        facts = selectors.incident_public_facts(incident)
        track.incident_refresh(incident, facts.comparison, facts.claimants)
    track.sources_refresh(Source.objects.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_data_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="SourceIncidentRecord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("above", models.PositiveIntegerField(default=0)),
                ("within", models.PositiveIntegerField(default=0)),
                ("below", models.PositiveIntegerField(default=0)),
                ("deviations", models.JSONField(default=list)),
                ("revisions", models.JSONField(default=dict)),
                ("cited", models.JSONField(default=dict)),
                ("placements", models.JSONField(default=list)),
                (
                    "incident",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="source_records",
                        to="claims.incident",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="incident_records",
                        to="claims.source",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("source", "incident"), name="source_incident_record_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
