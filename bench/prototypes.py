"""Prototypes of the fixes docs/PERFORMANCE.md proposes, served only by the benchmark URLconf
(bench/urls.py) so that they are measured beside the real pages in the same run.

/__bench__/claims.csv, for claims/exports.py:

1. read only the export's columns (`values_list`) instead of five full model instances per row
   (select_related loads every column of the incident, sources and article, raw HTML included);
2. write 500 rows at a time with csv.writer.writerows (the loop in C), and hand the server one
   ~150 KB chunk per 500 rows instead of one small string per row;
3. guard against formulas only the text cells (the others are numbers, dates and vocabularies).

Same rows, columns, order, quoting and formula guard as /claims.csv.

/__bench__/claims-copy.csv: 4. PostgreSQL writes the CSV (COPY ... TO STDOUT), same cells.
"""

import csv
import io

from django.http import StreamingHttpResponse
from django.urls import reverse

from claims import exports, selectors
from claims.filters import IncidentFilter
from claims.models import Incident

COLUMNS = [
    "pk", "incident__slug", "incident__title", "claimant__name", "claimant__kind", "metric",
    "victim_group", "victims_text", "stated_text", "qualifier", "low", "high", "is_current",
    "supersedes_id", "cited_text", "cited_source__name", "reported_at", "evidence",
    "article__url", "article_id", "status",
]  # fmt: skip


# Positions of the text cells a spreadsheet could run as a formula (exports.safe_cell); the others
# are numbers, fixed vocabularies, dates and our own links.
TEXT = (1, 2, 3, 7, 8, 14, 15, 17, 18)
BATCH = 500


def _lines(queryset):
    """CSV text in chunks of BATCH rows: csv.writer.writerows runs the loop in C."""
    out = io.StringIO()
    writer = csv.writer(out)
    yield exports.BOM + ",".join(exports.CLAIMS_HEADER) + "\r\n"
    batch = []
    for row in queryset.values_list(*COLUMNS).iterator(chunk_size=5000):
        row = list(row)
        article_id = row.pop(19)
        row[12] = "current" if row[12] else "superseded"
        row[16] = exports._iso(row[16])
        if not row[18] and article_id:
            row[18] = reverse("claims:article-detail", kwargs={"pk": article_id})
        for i in TEXT:
            value = row[i]
            if value is None:
                row[i] = ""
            elif value.startswith(exports._FORMULA_STARTS):
                row[i] = "'" + value
        batch.append(row)
        if len(batch) == BATCH:
            writer.writerows(batch)
            yield out.getvalue()
            out.seek(0)
            out.truncate()
            batch = []
    writer.writerows(batch)
    yield out.getvalue()


def claims_csv(request):
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid():
        return exports.bad_request(incidents.errors)
    queryset = selectors.claims_for_export(incidents.qs.values("pk"))
    response = StreamingHttpResponse(_lines(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claims.csv"'
    return response


# --- 4. let PostgreSQL write the CSV ------------------------------------------------------------

# The export's columns as SQL: the formula guard, the article link and the ISO dates of
# claims/exports.py, computed by PostgreSQL. NULLIF turns empty text into NULL because COPY writes
# an empty string as "" but NULL as nothing, which is what csv.writer writes for "".
_GUARD = "CASE WHEN {0} ~ '^[-=+@\\t\\r]' THEN '''' || {0} ELSE NULLIF({0}, '') END"
_ISO = (
    "to_char({0} AT TIME ZONE 'UTC', "
    "CASE WHEN mod(extract(microseconds FROM {0})::int, 1000000) = 0 "
    'THEN \'YYYY-MM-DD"T"HH24:MI:SS"Z"\' ELSE \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\' END)'
)
COPY_COLUMNS = ", ".join(
    [
        "f.id",
        _GUARD.format("i.slug"),
        _GUARD.format("i.title"),
        _GUARD.format("c.name"),
        "c.kind",
        "f.metric",
        "f.victim_group",
        _GUARD.format("f.victims_text"),
        _GUARD.format("f.stated_text"),
        "f.qualifier",
        "f.low",
        "f.high",
        "CASE WHEN f.is_current THEN 'current' ELSE 'superseded' END",
        "f.supersedes_id",
        _GUARD.format("f.cited_text"),
        _GUARD.format("cs.name"),
        _ISO.format("f.reported_at"),
        _GUARD.format("f.evidence"),
        "CASE WHEN a.url <> '' THEN " + _GUARD.format("a.url")
        + " WHEN a.id IS NOT NULL THEN '/articles/' || a.id || '/' END",
        "f.status",
    ]
)  # fmt: skip


def claims_copy_csv(request):
    """The same export written by PostgreSQL (COPY ... TO STDOUT), streamed as it arrives; the
    incident filter is the list's own queryset, embedded as a subquery."""
    from django.db import connection

    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid():
        return exports.bad_request(incidents.errors)
    where, params = incidents.qs.order_by().values("pk").query.sql_with_params()
    sql = (
        f"COPY (SELECT {COPY_COLUMNS} FROM claims_figureclaim f "  # noqa: S608
        "JOIN claims_incident i ON i.id = f.incident_id "
        "JOIN claims_source c ON c.id = f.claimant_id "
        "LEFT JOIN claims_source cs ON cs.id = f.cited_source_id "
        "LEFT JOIN claims_article a ON a.id = f.article_id "
        f"WHERE f.status = 'confirmed' AND f.incident_id IN ({where}) "
        "ORDER BY f.incident_id, f.metric, f.reported_at, f.id) TO STDOUT WITH (FORMAT csv)"
    )

    def blocks():
        yield exports.BOM + ",".join(exports.CLAIMS_HEADER) + "\r\n"
        connection.ensure_connection()
        buffer = bytearray()
        with connection.connection.cursor() as cursor, cursor.copy(sql, params) as copy:
            # PostgreSQL sends one message per row: coalesce them into ~256 KB writes.
            for block in copy:
                buffer += block
                if len(buffer) >= 1 << 18:
                    yield bytes(buffer)
                    buffer.clear()
        yield bytes(buffer)

    response = StreamingHttpResponse(blocks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claims.csv"'
    return response
