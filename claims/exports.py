"""CSV exports of one incident (comparison.csv, conflicts.csv) and the helpers every export
shares; /claims.csv, which can run to millions of rows, is in claims/claims_export.py. All
stream: rows are written as they are read, never collected in memory.

UTF-8 with a byte-order mark (so that Excel detects UTF-8 and non-Latin names survive), a header
row, RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (starting with =, +,
-, @, tab or carriage return) are prefixed with an apostrophe.
"""

import csv
from collections.abc import Iterable, Iterator

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object whose write() returns the line, so csv.writer can feed a generator."""

    def write(self, value):
        return value


def safe_cell(value) -> object:
    """The value as a spreadsheet should show it: text never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def iso_utc(moment) -> str:
    """2016-09-17T15:00:00Z (microseconds only when there are); "" for None."""
    return moment.isoformat().replace("+00:00", "Z") if moment else ""


def stream_csv(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(v) for v in row])


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        stream_csv(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def bad_request(errors) -> HttpResponse:
    lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse(
        "Bad filter: " + "; ".join(lines) + "\n", status=400, content_type="text/plain"
    )


def article_link(article) -> str:
    if article is None:
        return ""
    return article.url or reverse("claims:article-detail", kwargs={"pk": article.pk})


COMPARISON_HEADER = [
    "incident",
    "rule",
    "as_of",
    "claimant",
    "claimant_kind",
    "metric",
    "victim_group",
    "victims_as_stated",
    "stated",
    "qualifier",
    "low",
    "high",
    "interval",
    "current",
    "change",
    "conflicts_with",
    "independent_voices",
    "cited",
    "reported_at_utc",
    "zone_as_stated",
    "start_utc",
    "end_utc",
    "duration_min_low",
    "duration_min_high",
    "evidence",
    "article_url",
    "review_status",
]


def comparison_rows(page) -> Iterator[list]:
    """The incident page's table: one row per claimant and figure (current and superseded), then
    one row per timing claim (metric "timing")."""
    incident = page.incident
    common = [incident.slug, page.rule.value, iso_utc(page.as_of)]
    by_id = {c.pk: c for c in page.figures}
    for mc in page.columns:
        conflicts = {}
        for pair in mc.conflicts:
            conflicts.setdefault(pair.low.claimant, []).append(pair.high.claimant_label)
            conflicts.setdefault(pair.high.claimant, []).append(pair.low.claimant_label)
        support = {s.figure.claimant: s.count for s in mc.support}
        for chain in mc.history:
            for entry in chain:
                f = entry.figure
                claim = by_id[f.id]
                yield [
                    *common,
                    claim.claimant.name,
                    claim.claimant.kind,
                    mc.metric.value,
                    mc.victim_group.value,
                    claim.victims_text,
                    claim.stated_text,
                    claim.qualifier,
                    claim.low,
                    claim.high,
                    str(f.interval),
                    "current" if entry.is_current else "superseded",
                    entry.direction.value,
                    "; ".join(conflicts.get(f.claimant, [])) if entry.is_current else "",
                    support.get(f.claimant, 1) if entry.is_current else "",
                    claim.cited_text,
                    iso_utc(claim.reported_at),
                    "",
                    "",
                    "",
                    "",
                    "",
                    claim.evidence,
                    article_link(claim.article),
                    claim.status,
                ]
    for t in page.timings:
        yield [
            *common,
            t.claimant.name,
            t.claimant.kind,
            "timing",
            "",
            "",
            t.stated_text,
            "",
            "",
            "",
            "",
            "current",
            "",
            "",
            "",
            t.cited_text,
            iso_utc(t.reported_at),
            t.zone_label,
            iso_utc(t.start_utc),
            iso_utc(t.end_utc),
            t.duration_min_low,
            t.duration_min_high,
            t.evidence,
            article_link(t.article),
            t.status,
        ]


def comparison_response(page) -> StreamingHttpResponse:
    return csv_response(
        f"{page.incident.slug}-comparison.csv", COMPARISON_HEADER, comparison_rows(page)
    )


CONFLICTS_HEADER = [
    "incident",
    "rule",
    "as_of",
    "kind",
    "metric",
    "victim_group",
    "claimant_a",
    "stated_a",
    "interval_a",
    "claimant_b",
    "stated_b",
    "interval_b",
    "conflict",
    "gap",
    "severity",
    "start_offset_minutes",
    "same_upstream_voice",
]


def conflict_rows(page) -> Iterator[list]:
    """Every pair of current claims, conflicts first: figures per metric, then timing windows.

    For figures `gap` is the distance between the intervals (0 when they overlap); for timings it
    is minutes between the nearer ends of the two windows.
    """
    common = [page.incident.slug, page.rule.value, iso_utc(page.as_of)]
    for mc in page.columns:
        for pair in (*mc.conflicts, *mc.agreements):
            yield [
                *common,
                "figure",
                mc.metric.value,
                mc.victim_group.value,
                pair.low.claimant_label,
                pair.low.stated,
                str(pair.low.interval),
                pair.high.claimant_label,
                pair.high.stated,
                str(pair.high.interval),
                "yes" if pair.conflicts else "no",
                pair.gap,
                f"{pair.severity:.4f}",
                "",
                "yes" if pair.same_voice else "no",
            ]
    for pair in sorted(page.comparison.timing.pairs, key=lambda p: p.agree):
        yield [
            *common,
            "timing",
            "",
            "",
            pair.early.timing.claimant_label,
            pair.early.timing.stated,
            _window(pair.early),
            pair.late.timing.claimant_label,
            pair.late.timing.stated,
            _window(pair.late),
            "no" if pair.agree else "yes",
            pair.gap_minutes,
            "",
            pair.start_offset_minutes,
            "yes" if pair.same_voice else "no",
        ]


def _window(window) -> str:
    start, end = iso_utc(window.start), iso_utc(window.end)
    return start if start == end else f"{start}/{end}"


def conflicts_response(page) -> StreamingHttpResponse:
    return csv_response(
        f"{page.incident.slug}-conflicts.csv", CONFLICTS_HEADER, conflict_rows(page)
    )
