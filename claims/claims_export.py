"""/claims.csv: every public figure claim of the listed incidents, one row each.

It can run to millions of rows, so it is written two ways, to the same bytes:

- On PostgreSQL, PostgreSQL writes the CSV itself (`COPY (SELECT ...) TO STDOUT WITH CSV`): the
  query is the ORM's own (same joins, filters and order), with every cell computed in SQL
  (formula guard, ISO dates, article links), and the blocks PostgreSQL sends are passed on in
  ~256 KB writes. Nothing is held in memory and no Python object is made per row.
- Elsewhere (SQLite for the demo), the same columns are read with values_list() from a streaming
  iterator and written by csv.writer.

Lines end with LF on both (PostgreSQL's COPY cannot write CRLF); a cell holding a line break or a
carriage return is quoted, as RFC 4180 asks. A file starts with a UTF-8 byte-order mark.
"""

import csv
import io
from collections.abc import Iterator
from contextlib import nullcontext

from django.db import connections, transaction
from django.db.backends.utils import CursorDebugWrapper
from django.db.models import Case, CharField, F, Func, Q, Value, When
from django.db.models.functions import Cast, Concat, NullIf
from django.http import StreamingHttpResponse
from django.urls import reverse

from claims import exports

HEADER = [
    "claim_id",
    "incident",
    "incident_title",
    "claimant",
    "claimant_kind",
    "metric",
    "victim_group",
    "victims_as_stated",
    "stated",
    "qualifier",
    "low",
    "high",
    "current",
    "supersedes_claim_id",
    "cited",
    "cited_source",
    "reported_at_utc",
    "evidence",
    "article_url",
    "review_status",
]

# The columns, in HEADER's order, as the ORM names them. "current", "reported_at_utc" and
# "article_url" are derived (see _python_row and _sql_columns).
_FIELDS = [
    "pk",
    "incident__slug",
    "incident__title",
    "claimant__name",
    "claimant__kind",
    "metric",
    "victim_group",
    "victims_text",
    "stated_text",
    "qualifier",
    "low",
    "high",
    "is_current",
    "supersedes_id",
    "cited_text",
    "cited_source__name",
    "reported_at",
    "evidence",
    "article__url",
    "status",
]
_TEXT = {i for i, name in enumerate(_FIELDS) if name not in ("pk", "low", "high", "supersedes_id")}
_TEXT -= {_FIELDS.index("is_current"), _FIELDS.index("reported_at")}
_CURRENT, _REPORTED, _ARTICLE = (
    _FIELDS.index(n) for n in ("is_current", "reported_at", "article__url")
)
_BLOCK = 1 << 18  # bytes handed to the server at a time


def response(queryset) -> StreamingHttpResponse:
    """The export of `queryset` (FigureClaim rows, filtered and ordered by the caller)."""
    connection = connections[queryset.db]
    body = _copy_blocks(queryset) if connection.vendor == "postgresql" else _python_blocks(queryset)
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claims.csv"'
    return response


def _head() -> bytes:
    return (exports.BOM + ",".join(HEADER) + "\n").encode()


def _article_link_parts() -> tuple[str, str]:
    """The article page's address around its id, e.g. ("/articles/", "/")."""
    marker = 987654321
    before, _, after = reverse("claims:article-detail", kwargs={"pk": marker}).partition(
        str(marker)
    )
    return before, after


# --- Python: values_list and csv.writer ------------------------------------------------------


def _python_blocks(queryset) -> Iterator[bytes]:
    yield _head()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # CRLF so a lone CR in a cell is quoted
    before, after = _article_link_parts()
    # Inside a transaction the iterator reads from one consistent snapshot.
    with transaction.atomic(using=queryset.db):
        rows = queryset.values_list(*_FIELDS, "article_id").iterator(chunk_size=2000)
        for values in rows:
            row = list(values)
            article_id = row.pop()
            row[_CURRENT] = "current" if row[_CURRENT] else "superseded"
            row[_REPORTED] = exports.iso_utc(row[_REPORTED])
            if not row[_ARTICLE] and article_id is not None:
                row[_ARTICLE] = f"{before}{article_id}{after}"
            for i in _TEXT:
                row[i] = exports.safe_cell(row[i])
            writer.writerow(row)
            # csv.writer ends the row with CRLF; the file's rows end with LF, like COPY's.
            out.seek(out.tell() - 2)
            out.write("\n")
            out.truncate()
            if out.tell() >= _BLOCK:
                yield out.getvalue().encode()
                out.seek(0)
                out.truncate()
    yield out.getvalue().encode()


# --- PostgreSQL: COPY (the ORM's query) TO STDOUT ---------------------------------------------


def _guard(expression):
    """exports.safe_cell in SQL: '' and NULL become NULL (COPY writes both as an empty cell),
    text a spreadsheet would run as a formula gets an apostrophe in front."""
    return Case(
        When(
            Q(**{f"{expression.name}__regex": r"^[-=+@\t\r]"}),
            then=Concat(Value("'"), expression, output_field=CharField()),
        ),
        default=NullIf(expression, Value("")),
        output_field=CharField(),
    )


class _IsoUtc(Func):
    """exports.iso_utc in SQL: 2016-09-17T15:00:00Z, with microseconds only when there are."""

    template = (
        "to_char(%(expressions)s AT TIME ZONE 'UTC', CASE WHEN "
        "mod(extract(microseconds FROM %(expressions)s)::bigint, 1000000) = 0 "
        """THEN 'YYYY-MM-DD"T"HH24:MI:SS"Z"' ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' END)"""
    )
    output_field = CharField()


def _sql_columns() -> dict:
    before, after = _article_link_parts()
    columns = {}
    for i, name in enumerate(_FIELDS):
        if i == _CURRENT:
            column = Case(
                When(is_current=True, then=Value("current")),
                default=Value("superseded"),
                output_field=CharField(),
            )
        elif i == _REPORTED:
            column = _IsoUtc(F(name))
        elif i == _ARTICLE:
            column = Case(
                When(~Q(article__url=""), then=_guard(F(name))),
                When(
                    article__isnull=False,
                    then=Concat(
                        Value(before),
                        Cast("article_id", CharField()),
                        Value(after),
                        output_field=CharField(),
                    ),
                ),
                output_field=CharField(),
            )
        elif i in _TEXT:
            column = _guard(F(name))
        else:
            column = F(name)
        columns[f"c{i:02d}"] = column
    return columns


def copy_sql(queryset) -> tuple[str, tuple]:
    """The COPY statement and its parameters for `queryset`'s rows, in its order."""
    columns = _sql_columns()
    rows = queryset.annotate(**columns).values_list(*columns)
    select, params = rows.query.sql_with_params()
    return f"COPY ({select}) TO STDOUT WITH (FORMAT csv)", params


def _copy_blocks(queryset) -> Iterator[bytes]:
    yield _head()
    sql, params = copy_sql(queryset)
    connection = connections[queryset.db]
    connection.ensure_connection()
    buffer = bytearray()
    with connection.cursor() as cursor:
        # Shown in connection.queries (and counted by the query-count tests) like any query.
        logged = cursor.debug_sql(sql, params) if isinstance(cursor, CursorDebugWrapper) else None
        with logged or nullcontext(), cursor.cursor.copy(sql, params) as copy:
            # PostgreSQL sends one message per row: coalesce them into larger writes.
            for block in copy:
                buffer += block
                if len(buffer) >= _BLOCK:
                    yield bytes(buffer)
                    buffer.clear()
    yield bytes(buffer)
