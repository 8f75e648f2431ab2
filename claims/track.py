"""Sources' track records, kept per incident.

A source's record (docs/SEMANTICS.md: where its figures sit against the others', its lean, its
revisions, whom it cites) is a sum over the incidents it reported. Recomputing it from every one
of those incidents on each write cost 3.8 s for the busiest source at 10,000 incidents, and grew
with the data. Instead each incident keeps one SourceIncidentRecord per source (computed by the
same engine, claims.discrepancy.track_record, on that incident alone), and a write recomputes
only the changed incident's rows, then the totals of the sources in it from their rows.
"""

import statistics
from collections import Counter

from django.db.models import Count, F, Sum

from claims import discrepancy as d
from claims.models import Source, SourceIncidentRecord


def record_row(record: d.TrackRecord) -> dict:
    """A TrackRecord over one incident as the columns of its SourceIncidentRecord."""
    return {
        "above": record.count(d.Position.ABOVE),
        "within": record.count(d.Position.WITHIN),
        "below": record.count(d.Position.BELOW),
        "deviations": [p.deviation for p in record.placements if p.deviation is not None],
        "revisions": dict(record.revisions),
        "cited": dict(record.cited),
        "placements": [
            {
                "metric": p.metric,
                "victim_group": p.victim_group,
                "position": p.position.value,
                "deviation": p.deviation,
            }
            for p in record.placements
        ],
    }


def incident_rows(incident_slug: str, comparison, claimants: dict[str, int]) -> dict[int, dict]:
    """The rows of one incident: for each claimant (slug -> source id) with a public claim."""
    return {
        source_id: record_row(d.track_record(slug, {incident_slug: comparison}))
        for slug, source_id in claimants.items()
    }


def incident_refresh(incident, comparison, claimants: dict[str, int]) -> set[int]:
    """Rewrites the incident's rows; returns the ids of the sources whose totals changed."""
    rows = incident_rows(incident.slug, comparison, claimants)
    stored = SourceIncidentRecord.objects.filter(incident=incident)
    affected = set(stored.values_list("source_id", flat=True)) | set(rows)
    stored.exclude(source_id__in=rows).delete()
    SourceIncidentRecord.objects.bulk_create(
        [SourceIncidentRecord(source_id=s, incident=incident, **row) for s, row in rows.items()],
        update_conflicts=True,
        unique_fields=["source", "incident"],
        update_fields=[
            "above",
            "within",
            "below",
            "deviations",
            "revisions",
            "cited",
            "placements",
        ],
    )
    return affected


def totals(deviations: list[float], incidents: int, compared: int) -> dict:
    """The sources list's columns from a source's summed rows."""
    lean = statistics.median(deviations) if deviations else None
    return {
        "incident_count": incidents,
        "compared_count": compared,
        "typical_deviation": None if lean is None else round(lean, 4),
    }


def sources_refresh(source_ids) -> None:
    """Recomputes the sources list's columns of the given sources from their rows."""
    for source_id in set(source_ids):
        rows = SourceIncidentRecord.objects.filter(source_id=source_id)
        counted = rows.aggregate(
            incidents=Count("id"), compared=Sum(F("above") + F("within") + F("below"))
        )
        deviations = [x for values in rows.values_list("deviations", flat=True) for x in values]
        Source.objects.filter(pk=source_id).update(
            **totals(deviations, counted["incidents"], counted["compared"] or 0)
        )


def source_summary(source: Source) -> dict:
    """The source page's record: positions, revisions by direction, whom it cites most."""
    rows = SourceIncidentRecord.objects.filter(source=source)
    counts = rows.aggregate(above=Sum("above"), within=Sum("within"), below=Sum("below"))
    revisions: Counter = Counter()
    cited: Counter = Counter()
    for revised, cites in rows.values_list("revisions", "cited"):
        revisions.update(revised)
        cited.update(cites)
    return {
        "counts": {k: v or 0 for k, v in counts.items()},
        "revisions": sorted(revisions.items()),
        "cited": cited.most_common(5),
    }


def placements(source: Source, incident_ids) -> dict[tuple, dict]:
    """(incident id, metric, victim group) -> placement, for the given incidents."""
    found = {}
    rows = SourceIncidentRecord.objects.filter(source=source, incident_id__in=incident_ids)
    for incident_id, entries in rows.values_list("incident_id", "placements"):
        for p in entries:
            found[(incident_id, p["metric"], p["victim_group"])] = p
    return found
