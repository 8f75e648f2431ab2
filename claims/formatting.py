"""Small display helpers shared by tables, templates and exports."""


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
