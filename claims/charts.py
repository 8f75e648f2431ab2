"""Server-rendered SVG charts of one incident's comparison. Pure: comparison in, SVG text out.

Accessible by construction: each chart has role="img", a <title> and a <desc> that states in words
what the marks show, and each mark has its own <title> with the source's wording (shown on hover).
No script, no external font or stylesheet: the SVG works offline, inline or as a file.
"""

from datetime import UTC, datetime, timedelta
from html import escape

from claims.discrepancy import IncidentComparison, Interval

WIDTH = 760
LABEL_W = 230  # left column for claimant names
RIGHT_PAD = 110  # room for the stated wording right of the marks
ROW_H = 26
TOP = 34
# Presentation attributes instead of a <style> element: the pages' Content Security Policy
# forbids inline styles, and attributes keep the charts identical inline and as files.
INK, MUTED, LINE, GRID, BLUE, RED = "#1d2329", "#5b6670", "#b8c0c8", "#eceff3", "#0b5cad", "#b3261e"
FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"


def _paint(cls: str) -> str:
    """Fill and opacity for a mark's classes ("bar conflict old", "moment", "window conflict")."""
    names = cls.split()
    colour = RED if "conflict" in names else BLUE
    opacity = ' opacity="0.28"' if "old" in names else ""
    return f'fill="{colour}"{opacity}'


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(width: int, height: int, title: str, desc: str, body: list[str], chart_id: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" class="chart" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{FONT}" '
        f'font-size="11.5" fill="{INK}">'
        f'<title id="{chart_id}-title">{_e(title)}</title>'
        f'<desc id="{chart_id}-desc">{_e(desc)}</desc>{"".join(body)}</svg>'
    )


def _nice_max(value: float) -> int:
    """A round axis maximum just above `value` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 10
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)


def figures_svg(comparison: IncidentComparison, title: str) -> str:
    """A range plot per metric: one line per claimant's current figure, earlier figures faint.

    An interval is a bar, an open-ended figure a bar running into an arrow, an exact figure a
    diamond. Conflicting claimants are drawn in red.
    """
    body: list[str] = []
    lines: list[str] = []
    y = TOP
    plot_w = WIDTH - LABEL_W - RIGHT_PAD
    for mc in comparison.metrics:
        uppers = [
            f.interval.high if f.interval.high is not None else f.interval.low * 1.2 + 1
            for chain in mc.history
            for f in (e.figure for e in chain)
        ]
        top = _nice_max(max(uppers, default=10) * 1.1)

        def x(value: float, top=top) -> float:
            return LABEL_W + plot_w * min(value, top) / top

        heading = f"{mc.metric.label.capitalize()}, {mc.victim_group.label}"
        body.append(
            f'<text font-weight="600" font-size="13" x="8" y="{y - 12}">{_e(heading)}</text>'
        )
        conflicting = {p.low.claimant for p in mc.conflicts} | {
            p.high.claimant for p in mc.conflicts
        }
        for chain in mc.history:
            current = chain[-1].figure
            cls = " conflict" if current.claimant in conflicting else ""
            body.append(
                f'<text x="8" y="{y + 4}">{_e(_short(current.claimant_label))}</text>'
                f'<line stroke="{GRID}" x1="{LABEL_W}" x2="{LABEL_W + plot_w}" y1="{y}" y2="{y}"/>'
            )
            for entry in chain:
                f = entry.figure
                old = "" if entry.is_current else " old"
                body.append(_mark(f.interval, x, y, cls + old, f, x(top)))
            body.append(
                f'<text fill="{MUTED}" x="{LABEL_W + plot_w + 8}" y="{y + 4}">'
                f"{_e(current.stated[:18])}</text>"
            )
            history = " then ".join(e.figure.stated for e in chain)
            lines.append(f"{current.claimant_label}: {history} ({mc.metric.label})")
            y += ROW_H
        axis_y = y - ROW_H / 2 + 4
        body.append(
            f'<line stroke="{LINE}" x1="{LABEL_W}" x2="{LABEL_W + plot_w}" '
            f'y1="{axis_y}" y2="{axis_y}"/>'
        )
        for tick in range(0, 5):
            value = top * tick / 4
            body.append(
                f'<text fill="{MUTED}" x="{x(value)}" y="{axis_y + 14}" text-anchor="middle">'
                f"{value:,.0f}</text>"
            )
        y += 46
    if not comparison.metrics:
        body.append(f'<text fill="{MUTED}" x="8" y="{TOP}">No figures reported yet.</text>')
        y += ROW_H
    desc = "; ".join(lines) or "No figures reported yet."
    return _svg(WIDTH, int(y), title, desc, body, "figures")


def _mark(interval: Interval, x, y: float, cls: str, figure, right_edge: float) -> str:
    label = f"<title>{_e(figure.claimant_label)}: {_e(figure.stated)} ({interval})</title>"
    data = f'data-claimant="{_e(figure.claimant)}" data-low="{interval.low}"'
    if interval.is_exact:
        cx = x(interval.low)
        return (
            f'<path class="bar{cls}" {_paint(cls)} {data} data-kind="exact" '
            f'd="M{cx:.1f} {y - 7} l7 7 l-7 7 l-7 -7 z">{label}</path>'
        )
    start = x(interval.low)
    if interval.high is None:
        end = right_edge
        return (
            f'<g class="bar{cls}" {_paint(cls)} {data} data-kind="open">{label}'
            f'<rect x="{start:.1f}" y="{y - 4}" width="{max(end - start - 8, 2):.1f}" height="8"/>'
            f'<path d="M{end - 10:.1f} {y - 8} l10 8 l-10 8 z"/></g>'
        )
    end = x(interval.high)
    return (
        f'<rect class="bar{cls}" {_paint(cls)} {data} data-kind="interval" '
        f'data-high="{interval.high}" '
        f'x="{start:.1f}" y="{y - 5}" width="{max(end - start, 3):.1f}" height="10" rx="2">'
        f"{label}</rect>"
    )


def timeline_svg(comparison: IncidentComparison, title: str) -> str:
    """Each claimant's stated time or window on one UTC axis, so gaps between them show."""
    windows = comparison.timing.windows
    body: list[str] = []
    plot_w = WIDTH - LABEL_W - RIGHT_PAD
    if not windows:
        body.append(f'<text fill="{MUTED}" x="8" y="{TOP}">No times reported yet.</text>')
        return _svg(WIDTH, TOP + ROW_H, title, "No times reported yet.", body, "timeline")
    start = min(w.start for w in windows)
    end = max(w.end for w in windows)
    span = max(end - start, timedelta(minutes=60))
    pad = span * 0.15
    lo, hi = start - pad, end + pad
    total = (hi - lo).total_seconds()

    def x(moment: datetime) -> float:
        return LABEL_W + plot_w * (moment - lo).total_seconds() / total

    disputed = {w.claimant for p in comparison.timing.disagreements for w in (p.early, p.late)}
    lines = []
    y = TOP
    axis_y = TOP + len(windows) * ROW_H - 6
    # Grid first, so the marks are drawn over it.
    body.append(
        f'<text font-weight="600" font-size="13" x="8" y="{TOP - 12}">Stated times, in UTC</text>'
    )
    for tick in _ticks(lo, hi):
        body.append(
            f'<line stroke="{GRID}" x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{TOP - 10}" '
            f'y2="{axis_y}"/><text fill="{MUTED}" x="{x(tick):.1f}" y="{axis_y + 14}" '
            f'text-anchor="middle">{_clock(tick)}</text>'
        )
    for w in windows:
        cls = " conflict" if w.claimant in disputed else ""
        stated = w.timing.stated
        when = _clock(w.start) if w.is_moment else f"{_clock(w.start)}–{_clock(w.end)}"
        tip = f"<title>{_e(w.timing.claimant_label)}: “{_e(stated)}” = {when} UTC</title>"
        data = (
            f'data-claimant="{_e(w.claimant)}" data-start="{w.start.isoformat()}" '
            f'data-end="{w.end.isoformat()}"'
        )
        body.append(f'<text x="8" y="{y + 4}">{_e(_short(w.timing.claimant_label))}</text>')
        if w.is_moment:
            body.append(
                f'<circle class="moment{cls}" {_paint(cls)} {data} '
                f'cx="{x(w.start):.1f}" cy="{y}" r="6">{tip}</circle>'
            )
        else:
            body.append(
                f'<rect class="window{cls}" {_paint(cls)} {data} x="{x(w.start):.1f}" y="{y - 6}" '
                f'width="{max(x(w.end) - x(w.start), 2):.1f}" height="12" rx="2">{tip}</rect>'
            )
        body.append(
            f'<text fill="{MUTED}" x="{LABEL_W + plot_w + 8}" y="{y + 4}">{_e(when)} UTC</text>'
        )
        lines.append(f"{w.timing.claimant_label}: {when} UTC (stated: {stated})")
        y += ROW_H
    body.append(
        f'<line stroke="{LINE}" x1="{LABEL_W}" x2="{LABEL_W + plot_w}" '
        f'y1="{axis_y}" y2="{axis_y}"/>'
    )
    body.append(f'<text fill="{MUTED}" x="8" y="{axis_y + 14}">UTC, {start:%d %b %Y}</text>')
    if comparison.timing.most_disputed:
        pair = comparison.timing.most_disputed
        lines.append(
            f"{pair.early.timing.claimant_label} and {pair.late.timing.claimant_label} start "
            f"{pair.start_offset_minutes} minutes apart"
        )
    return _svg(WIDTH, int(axis_y + 26), title, "; ".join(lines), body, "timeline")


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _clock(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%H:%M")


def _ticks(lo: datetime, hi: datetime) -> list[datetime]:
    """Round UTC clock times across the axis: every 10, 15, 30 minutes or 1, 3, 6, 12 hours."""
    total = (hi - lo).total_seconds() / 60
    step = next((s for s in (10, 15, 30, 60, 180, 360, 720, 1440) if total / s <= 8), 2880)
    first = lo.astimezone(UTC).replace(second=0, microsecond=0)
    minutes = first.hour * 60 + first.minute
    first += timedelta(minutes=(-minutes) % step)
    ticks = []
    while first <= hi:
        ticks.append(first)
        first += timedelta(minutes=step)
    return ticks
