"""A source's track record: where its current figures sit against the other sources' figures.

1. For each incident, compare the source's current figure per metric and comparable group with
   the other claimants' current figures in the same group (``compare`` does the grouping).
2. Position: "above" when its floor is above every other ceiling, "below" when its ceiling is
   below every other floor, otherwise "within" (it overlaps the others' range).
3. Deviation from the median: the figure's representative value (the midpoint of its interval,
   or its floor when open-ended) against the median of all current representative values in the
   group, as a signed fraction (+0.25 = a quarter above the median).
4. Revisions: how many of the source's figures replaced an earlier one of its own, by direction.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from claims.discrepancy.compare import IncidentComparison
from claims.discrepancy.intervals import Interval


class Position(StrEnum):
    ABOVE = "above"
    WITHIN = "within"
    BELOW = "below"


def representative(interval: Interval) -> float:
    """One number standing for an interval: its midpoint, or its floor when open-ended."""
    return interval.low if interval.high is None else (interval.low + interval.high) / 2


def position_against(interval: Interval, others: Iterable[Interval]) -> Position | None:
    """Where `interval` sits against the others' range; None when there are no others."""
    others = list(others)
    if not others:
        return None
    if all(o.high is not None and interval.low > o.high for o in others):
        return Position.ABOVE
    if interval.high is not None and all(interval.high < o.low for o in others):
        return Position.BELOW
    return Position.WITHIN


@dataclass(frozen=True, slots=True)
class Placement:
    """One current figure of the source in one incident, against the others."""

    incident: str
    metric: str
    victim_group: str
    stated: str
    interval: Interval
    position: Position
    deviation: float | None  # signed fraction from the group's median; None when the median is 0


@dataclass
class TrackRecord:
    claimant: str
    placements: list[Placement] = field(default_factory=list)
    revisions: Counter = field(default_factory=Counter)  # direction -> count
    cited: Counter = field(default_factory=Counter)  # whom it cites -> count

    def count(self, position: Position) -> int:
        return sum(1 for p in self.placements if p.position is position)

    @property
    def compared(self) -> int:
        return len(self.placements)

    @property
    def typical_deviation(self) -> float | None:
        """The median of the source's deviations from the median: its usual lean."""
        values = [p.deviation for p in self.placements if p.deviation is not None]
        return statistics.median(values) if values else None


def track_record(claimant: str, comparisons: dict[str, IncidentComparison]) -> TrackRecord:
    """The track record of `claimant` over the given incidents' comparisons (keyed by incident)."""
    record = TrackRecord(claimant)
    for incident, comparison in comparisons.items():
        for mc in comparison.metrics:
            for chain in mc.history:
                if chain[-1].figure.claimant != claimant:
                    continue
                for entry in chain[1:]:
                    record.revisions[entry.direction.value] += 1
                for entry in chain:
                    if entry.figure.cited:
                        record.cited[entry.figure.cited] += 1
            mine = [f for f in mc.current if f.claimant == claimant]
            others = [f.interval for f in mc.current if f.claimant != claimant]
            if not mine or not others:
                continue
            figure = mine[0]
            median = statistics.median(representative(f.interval) for f in mc.current)
            deviation = (representative(figure.interval) - median) / median if median else None
            record.placements.append(
                Placement(
                    incident=incident,
                    metric=mc.metric.value,
                    victim_group=mc.victim_group.value,
                    stated=figure.stated,
                    interval=figure.interval,
                    position=position_against(figure.interval, others),
                    deviation=deviation,
                )
            )
    return record
