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

from django.db import connection
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


_COLUMNS = ["above", "within", "below", "deviations", "revisions", "cited", "placements"]
_IN_TOTALS = ("above", "within", "below", "deviations")  # what the sources list sums


def incident_refresh(incident, comparison, claimants: dict[str, int]) -> set[int]:
    """Rewrites the incident's rows that changed; returns the ids of the sources whose totals
    must be summed again: those with a row added or removed, or whose positions or deviations
    changed here (a busy source's totals are the costly part of a write, so they are not
    recomputed when its row in this incident came out the same)."""
    rows = incident_rows(incident.slug, comparison, claimants)
    stored = SourceIncidentRecord.objects.filter(incident=incident)
    before = {r["source_id"]: r for r in stored.values("source_id", *_COLUMNS)}
    changed = {
        source_id: row
        for source_id, row in rows.items()
        if source_id not in before or any(before[source_id][c] != row[c] for c in _COLUMNS)
    }
    removed = before.keys() - rows.keys()
    if removed:
        stored.filter(source_id__in=removed).delete()
    SourceIncidentRecord.objects.bulk_create(
        [SourceIncidentRecord(source_id=s, incident=incident, **row) for s, row in changed.items()],
        update_conflicts=True,
        unique_fields=["source", "incident"],
        update_fields=_COLUMNS,
    )
    return removed | {
        source_id
        for source_id, row in changed.items()
        if source_id not in before or any(before[source_id][c] != row[c] for c in _IN_TOTALS)
    }


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def totals(incidents: int, compared: int, lean: float | None) -> dict:
    """The sources list's columns from a source's summed rows (lean: the median deviation)."""
    return {
        "incident_count": incidents,
        "compared_count": compared,
        "typical_deviation": None if lean is None else round(lean, 4),
    }


def sources_refresh(source_ids) -> None:
    """Recomputes the sources list's columns of the given sources from their rows."""
    for source_id in set(source_ids):
        if connection.vendor == "postgresql":
            columns = totals(*_pg_totals(source_id))
        else:
            rows = SourceIncidentRecord.objects.filter(source_id=source_id)
            counted = rows.aggregate(
                incidents=Count("id"), compared=Sum(F("above") + F("within") + F("below"))
            )
            deviations = [x for values in rows.values_list("deviations", flat=True) for x in values]
            columns = totals(counted["incidents"], counted["compared"] or 0, median(deviations))
        Source.objects.filter(pk=source_id).update(**columns)


# On PostgreSQL the sums and the median are taken in SQL, over the jsonb arrays, instead of
# decoding every row in Python: 120 ms to about 15 ms for a source with 23,000 incidents.
_RECORDS = SourceIncidentRecord._meta.db_table


def _pg_totals(source_id: int) -> tuple[int, int, float | None]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT count(*), coalesce(sum(above + within + below), 0),
                   (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.value::float8)
                    FROM {_RECORDS} r, jsonb_array_elements_text(r.deviations) AS d(value)
                    WHERE r.source_id = %s)
                FROM {_RECORDS} WHERE source_id = %s""",  # noqa: S608
            [source_id, source_id],
        )
        return cursor.fetchone()


def _pg_counters(source_id: int) -> tuple[Counter, Counter]:
    """(revisions by direction, citations by whom) of a source, in one query."""
    each = (
        "SELECT {tag}, e.key, sum(e.value::int) FROM {table} r, jsonb_each_text(r.{column}) "
        "AS e(key, value) WHERE r.source_id = %s GROUP BY e.key"
    )
    sql = " UNION ALL ".join(
        each.format(tag=f"'{column}'", table=_RECORDS, column=column)
        for column in ("revisions", "cited")
    )
    found = {"revisions": Counter(), "cited": Counter()}
    with connection.cursor() as cursor:
        cursor.execute(sql, [source_id, source_id])
        for column, key, count in cursor.fetchall():
            found[column][key] = count
    return found["revisions"], found["cited"]


def source_summary(source: Source) -> dict:
    """The source page's record: positions, revisions by direction, whom it cites most."""
    rows = SourceIncidentRecord.objects.filter(source=source)
    counts = rows.aggregate(above=Sum("above"), within=Sum("within"), below=Sum("below"))
    if connection.vendor == "postgresql":
        revisions, cited = _pg_counters(source.pk)
    else:
        revisions, cited = Counter(), Counter()
        for revised, cites in rows.values_list("revisions", "cited"):
            revisions.update(revised)
            cited.update(cites)
    return {
        "counts": {k: v or 0 for k, v in counts.items()},
        "revisions": sorted(revisions.items()),
        # Most cited first; ties by name, the same on every database.
        "cited": sorted(cited.items(), key=lambda item: (-item[1], item[0]))[:5],
    }


def placements(source: Source, incident_ids) -> dict[tuple, dict]:
    """(incident id, metric, victim group) -> placement, for the given incidents."""
    found = {}
    rows = SourceIncidentRecord.objects.filter(source=source, incident_id__in=incident_ids)
    for incident_id, entries in rows.values_list("incident_id", "placements"):
        for p in entries:
            found[(incident_id, p["metric"], p["victim_group"])] = p
    return found
