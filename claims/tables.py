"""django-tables2 tables: the columns, sorting and paging of the incident and source lists."""

import re

import django_tables2 as tables
from django.core.paginator import EmptyPage
from django.db.models import F
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_tables2 import LazyPaginator

from claims.formatting import format_range
from claims.models import Incident, Source


class BoundedLazyPaginator(LazyPaginator):
    """LazyPaginator (no COUNT over the table) that never sends the database an absurd LIMIT or
    OFFSET from the query string: rows per page stay within 1..MAX_PER_PAGE, and a page number
    beyond MAX_PAGE is treated as out of range (django-tables2 then shows the first page)."""

    MAX_PER_PAGE = 100
    MAX_PAGE = 100_000

    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(object_list, min(max(int(per_page), 1), self.MAX_PER_PAGE), **kwargs)

    def validate_number(self, number):
        number = super().validate_number(number)
        if number > self.MAX_PAGE:
            raise EmptyPage("That page number is too large")
        return number


_SORT_KEY_RE = re.compile(r"-?[a-z_]{1,40}")


class PlainSortTable(tables.Table):
    """A table whose ``?sort=`` takes column names only: anything else in the address (a
    dotted path, markup, a long string) is dropped before the table reads it."""

    @tables.Table.order_by.setter
    def order_by(self, value):
        if isinstance(value, str):
            value = [value]
        keys = [
            k
            for v in value or ()
            for k in (v.split(",") if isinstance(v, str) else ())
            if _SORT_KEY_RE.fullmatch(k)
        ]
        tables.Table.order_by.fset(self, keys)


class IncidentTable(PlainSortTable):
    title = tables.Column(linkify=True, verbose_name="Incident")
    started_at = tables.DateColumn(format="j M Y", verbose_name="Date", empty_values=())
    place = tables.Column(verbose_name="Place", order_by=("country", "place"))
    source_count = tables.Column(
        verbose_name="Sources", attrs={"td": {"class": "num", "data-label": "Sources"}}
    )
    killed = tables.Column(
        verbose_name="Killed (range)",
        accessor="killed_low",
        order_by=("killed_low", "killed_high"),
        attrs={"td": {"class": "num", "data-label": "Killed"}},
    )
    disagreement = tables.Column(
        verbose_name="Disagreement", attrs={"td": {"class": "num", "data-label": "Disagreement"}}
    )
    last_reported_at = tables.DateColumn(
        format="j M Y", verbose_name="Last update", attrs={"td": {"data-label": "Updated"}}
    )

    class Meta:
        model = Incident
        fields = ("title", "started_at", "place")
        sequence = (
            "title",
            "started_at",
            "place",
            "source_count",
            "killed",
            "disagreement",
            "last_reported_at",
        )
        order_by = ("-started_at",)
        attrs = {"class": "data-table incident-table"}
        empty_text = "No incident matches these filters."
        template_name = "claims/incident_table.html"

    # Sorting: undated or unscored incidents last in either direction (PostgreSQL would put
    # NULLs first when descending), and the id as tie-breaker so that pages never repeat or skip
    # rows. Descending matches the list's indexes exactly.
    def _nulls_last(self, queryset, field: str, is_descending: bool):
        if is_descending:
            return queryset.order_by(F(field).desc(nulls_last=True), F("id").desc()), True
        return queryset.order_by(F(field).asc(nulls_last=True), F("id").asc()), True

    def order_started_at(self, queryset, is_descending):
        return self._nulls_last(queryset, "started_at", is_descending)

    def order_disagreement(self, queryset, is_descending):
        return self._nulls_last(queryset, "disagreement", is_descending)

    def order_last_reported_at(self, queryset, is_descending):
        return self._nulls_last(queryset, "last_reported_at", is_descending)

    def row_html(self, record) -> str:
        """One row's cells. django-tables2 still defines the columns, sorts and pages the list,
        but its per-cell machinery cost about 2 ms a row, the largest part of rendering the
        list (docs/PERFORMANCE.md); the list's template (claims/incident_table.html) writes the
        cells with this instead. Everything is escaped by format_html."""
        badge = (
            mark_safe(' <span class="badge sample">sample data</span>') if record.is_sample else ""
        )
        place = f"{record.place}, {record.country}" if record.country else record.place
        if record.disagreement is None:
            score = "—"
        else:
            value = record.disagreement
            level = "high" if value >= 0.5 else "some" if value >= 0.1 else "low"
            score = format_html('<span class="score score-{}">{}</span>', level, f"{value:.2f}")
        return format_html(
            '<td><a href="{}">{}{}</a></td><td>{}</td><td>{}</td>'
            '<td class="num" data-label="Sources">{}</td>'
            '<td class="num" data-label="Killed">{}</td>'
            '<td class="num" data-label="Disagreement">{}</td>'
            '<td data-label="Updated">{}</td>',
            record.get_absolute_url(),
            record.title,
            badge,
            _day(record.started_at),
            place,
            record.source_count,
            format_range(record.killed_low, record.killed_high, record.killed_open),
            score,
            _day(record.last_reported_at),
        )


def _day(moment) -> str:
    return dateformat.format(timezone.localtime(moment), "j M Y") if moment else "—"


class SourceTable(PlainSortTable):
    name = tables.Column(linkify=True, verbose_name="Source")
    kind = tables.Column(verbose_name="Kind")
    incident_count = tables.Column(
        verbose_name="Incidents", attrs={"td": {"class": "num", "data-label": "Incidents"}}
    )
    compared_count = tables.Column(
        verbose_name="Figures compared", attrs={"td": {"class": "num", "data-label": "Compared"}}
    )
    typical_deviation = tables.Column(
        verbose_name="Usually sits",
        attrs={"td": {"class": "num", "data-label": "Usually sits"}},
        empty_values=(),
    )

    class Meta:
        model = Source
        fields = ("name", "kind", "affiliation")
        sequence = ("name", "kind", "affiliation", "incident_count", "compared_count")
        order_by = ("-incident_count",)
        attrs = {"class": "data-table source-table"}
        empty_text = "No source yet."

    def render_typical_deviation(self, value):
        return lean_words(value)

    def value_typical_deviation(self, value):
        return "" if value is None else f"{value:+.4f}"


def lean_words(value: float | None) -> str:
    """A source's usual lean in words: "23% above the median", "at the median"."""
    if value is None:
        return "—"
    if abs(value) < 0.005:
        return "at the median"
    return f"{abs(value):.0%} {'above' if value > 0 else 'below'} the median"
