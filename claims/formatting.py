"""Small display and parsing helpers shared by tables, templates, views, exports and the API."""

from datetime import UTC, datetime


def format_range(low: int | None, high: int | None, open_ended: bool = False) -> str:
    """'62 – 90+' for the lowest and highest figures across sources; '—' when there is none."""
    if low is None:
        return "—"
    top = "" if high is None else f"{high:,}"
    if open_ended:
        top = f"{top}+"
    if not top or top == f"{low:,}":
        return f"{low:,}"
    return f"{low:,} – {top}"


def to_utc_clamped(moment: datetime) -> datetime:
    """`moment` in UTC; beyond year 1 or 9999 in UTC, the first or last moment there is (a
    reader's "as of 9999-12-31T23:00-05:00" is a valid wish, not a server error)."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return (datetime.max if moment.year > 1 else datetime.min).replace(tzinfo=UTC)
