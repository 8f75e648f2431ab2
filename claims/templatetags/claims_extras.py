"""Display filters for figures and times; the wording as stated is always shown beside them."""

from datetime import UTC

from django import template

from claims.discrepancy import Interval
from claims.tables import lean_words

register = template.Library()


@register.filter
def interval(claim) -> str:
    """A figure claim's interval: "62", "90+", "27–33"."""
    return str(Interval(claim.low, claim.high))


@register.filter
def utc_window(timing) -> str:
    """A timing claim's normalised window: "14:00–14:50 UTC, 17 Sep 2016", or "" if none."""
    start, end = timing.start_utc, timing.end_utc
    if start is None:
        return ""
    start = start.astimezone(UTC)
    day = f"{start.day} {start:%b %Y}"
    if end is None or end == start:
        return f"{start:%H:%M} UTC, {day}"
    end = end.astimezone(UTC)
    if end.date() == start.date():
        return f"{start:%H:%M}–{end:%H:%M} UTC, {day}"
    return f"{start:%H:%M} UTC {day} – {end:%H:%M} UTC {end.day} {end:%b %Y}"


@register.filter
def minutes(entry) -> str:
    """A duration entry as minutes: "40 min", "25–35 min", "30+ min"."""
    return f"{entry.minutes} min"


@register.filter
def utc(moment) -> str:
    if moment is None:
        return "—"
    moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


@register.filter
def lean(value) -> str:
    """A signed deviation from the median in words: "18% below the median"."""
    return lean_words(value)


@register.simple_tag
def table_row(table, record):
    """A row's cells written by the table itself (IncidentTable.row_html), not cell by cell."""
    return table.row_html(record)
