"""The public change log: which confirmed figures and timings were added, revised or withdrawn,
when, and the editor's note. Read from the audit history (django-simple-history).

Only what the public could see is listed: a claim enters the log when it is confirmed, and leaves
it ("withdrawn") when it is rejected or deleted after having been confirmed. Editors' names are not
published; their notes are.
"""

from dataclasses import dataclass
from datetime import datetime

from claims.models import FigureClaim, Incident, Source, TimingClaim

# History rows written by the services themselves, not by an editor: they change no figure.
_BOOKKEEPING = {"revision links updated"}


@dataclass(frozen=True)
class ChangeEvent:
    when: datetime
    incident_id: int
    kind: str  # "figure" or "timing"
    claim_id: int
    action: str  # "added", "revised", "withdrawn"
    claimant: str
    stated: str
    previous: str  # the wording before a revision
    what: str  # "killed", "injured"... or "timing"
    note: str

    @property
    def sentence(self) -> str:
        subject = f"{self.claimant}: {self.stated} {self.what}".strip()
        if self.action == "revised" and self.previous:
            return f"{subject} (was {self.previous})"
        return subject


def _events_for(records, kind: str, claimant_names: dict[int, str]) -> list[ChangeEvent]:
    """Walks each claim's history in order and keeps the transitions the public could see."""
    events = []
    previous: dict[int, object] = {}
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        was_public = before is not None and before.status == "confirmed"
        is_public = record.status == "confirmed" and record.history_type != "-"
        if is_public and not was_public:
            action = "added"
        elif was_public and not is_public:
            action = "withdrawn"
        elif is_public and _wording(before) != _wording(record):
            action = "revised"
        else:
            continue
        if (record.history_change_reason or "") in _BOOKKEEPING and action != "withdrawn":
            continue
        events.append(
            ChangeEvent(
                when=record.history_date,
                incident_id=record.incident_id,
                kind=kind,
                claim_id=record.id,
                action=action,
                claimant=claimant_names.get(record.claimant_id, "A source"),
                stated=record.stated_text,
                previous=before.stated_text if action == "revised" else "",
                what=getattr(record, "metric", "timing"),
                note=record.history_change_reason or "",
            )
        )
    return events


def _wording(record) -> str:
    if record is None:
        return ""
    if hasattr(record, "low"):
        return f"{record.stated_text} [{record.low}-{record.high}] {record.metric}"
    return f"{record.stated_text} [{record.start_utc}-{record.end_utc}]"


def change_events(incident: Incident | None = None, *, limit: int = 200) -> list[ChangeEvent]:
    """Newest first. For one incident: its whole log; overall: the latest `limit` history rows.

    Three queries: figure history, timing history, and the names of the claimants involved.
    """
    figures = FigureClaim.history.order_by("-history_date", "-history_id")
    timings = TimingClaim.history.order_by("-history_date", "-history_id")
    if incident is not None:
        figures, timings = (
            figures.filter(incident_id=incident.pk),
            timings.filter(incident_id=incident.pk),
        )
    figure_rows = list(reversed(figures[:limit] if incident is None else figures))
    timing_rows = list(reversed(timings[:limit] if incident is None else timings))
    ids = {r.claimant_id for r in (*figure_rows, *timing_rows)}
    names = dict(Source.objects.filter(pk__in=ids).values_list("pk", "name"))
    events = _events_for(figure_rows, "figure", names) + _events_for(timing_rows, "timing", names)
    events.sort(key=lambda e: e.when, reverse=True)
    return events
