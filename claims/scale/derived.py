"""The denormalised columns of generated rows, computed as the services compute them: the same
engine (claims.discrepancy) and the same rules as services.figures_relink and
selectors.incident_public_facts and claims.track, on rows not yet written."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claims import discrepancy as d
from claims import track
from claims.scale.incidents import IncidentData


@dataclass
class TrackTotals:
    """A source's track record summed over the incidents generated so far."""

    incidents: int = 0
    compared: int = 0
    deviations: list = field(default_factory=list)

    def columns(self) -> dict:
        return track.totals(self.incidents, self.compared, track.median(self.deviations))


def relink(figures: list[dict]) -> None:
    """Sets supersedes_id / is_current on one incident's figures as services.figures_relink does:
    confirmed, non-cumulative figures chained per (claimant, metric, victim group) by
    (reported_at, id); every other figure supersedes nothing and is not current."""
    chains: dict[tuple, list[dict]] = defaultdict(list)
    for f in sorted(figures, key=lambda f: (f["reported_at"], f["id"])):
        if f["status"] == "confirmed" and not f["is_cumulative"]:
            chains[(f["claimant"].id, f["metric"], f["victim_group"])].append(f)
        else:
            f["supersedes_id"], f["is_current"] = None, False
    for chain in chains.values():
        for i, f in enumerate(chain):
            f["supersedes_id"] = chain[i - 1]["id"] if i else None
            f["is_current"] = i == len(chain) - 1


def _figure_input(f: dict) -> d.FigureInput:
    # Mirrors selectors.figure_input for a generated row.
    spec, relay = f["claimant"], f["cited_source"]
    return d.FigureInput(
        id=f["id"],
        claimant=spec.slug,
        claimant_label=spec.name,
        claimant_kind=spec.kind,
        metric=f["metric"],
        victim_group=f["victim_group"],
        interval=d.Interval(f["low"], f["high"]),
        qualifier=f["qualifier"],
        stated=f["stated_text"],
        reported_at=f["reported_at"],
        cited=f["cited_text"],
        upstream=relay.slug if relay else None,
        hedged=f["is_hedged"],
    )


def _timing_input(t: dict) -> d.TimingInput:
    # Mirrors selectors.timing_input for a generated row.
    spec, relay = t["claimant"], t["cited_source"]
    return d.TimingInput(
        id=t["id"],
        claimant=spec.slug,
        claimant_label=spec.name,
        claimant_kind=spec.kind,
        stated=t["stated_text"],
        zone_label=t.get("zone_label", ""),
        start_utc=t.get("start_utc"),
        end_utc=t.get("end_utc"),
        duration_low=t.get("duration_min_low"),
        duration_high=t.get("duration_min_high"),
        reported_at=t["reported_at"],
        upstream=relay.slug if relay else None,
        cited=t["cited_text"],
    )


def summarise(data: IncidentData, track_totals: dict[int, TrackTotals]) -> None:
    """Fills the incident's list columns (as selectors.incident_public_facts), its sources'
    per-incident track records (as claims.track.incident_refresh) and adds them to the sources'
    totals (as claims.track.sources_refresh)."""
    figures = [f for f in data.figures if f["status"] == "confirmed" and not f["is_cumulative"]]
    timings = [t for t in data.timings if t["status"] == "confirmed"]
    comparison = d.compare([_figure_input(f) for f in figures], [_timing_input(t) for t in timings])
    killed = [m for m in comparison.metrics if m.metric == d.Metric.KILLED]
    main = max(killed, key=lambda m: len(m.current), default=None)
    top = main.highest.interval if main else None
    data.row.update(
        source_count=len({c["claimant"].id for c in (*figures, *timings)}),
        killed_low=main.lowest.interval.low if main else None,
        killed_high=(top.low if top.high is None else top.high) if main else None,
        killed_open=bool(main and top.high is None),
        disagreement=round(comparison.score, 4) if (figures or timings) else None,
        last_reported_at=max((c["reported_at"] for c in (*figures, *timings)), default=None),
    )
    claimants = {c["claimant"].slug: c["claimant"].id for c in (*figures, *timings)}
    rows = track.incident_rows(data.row["slug"], comparison, claimants)
    for source_id, row in rows.items():
        totals = track_totals[source_id]
        totals.incidents += 1
        totals.compared += row["above"] + row["within"] + row["below"]
        totals.deviations += row["deviations"]
        data.track_rows.append({"source_id": source_id, **row})
