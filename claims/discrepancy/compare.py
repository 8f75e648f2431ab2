"""One incident's comparison: every metric, the timing, a disagreement score and a plain summary.

``compare(figures, timings, rule=..., as_of=...)`` is the single entry point the Django shell calls
(views, exports and the denormalised list columns all read from its result).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from claims.discrepancy.figures import MetricComparison, compare_metric
from claims.discrepancy.inputs import (
    FigureInput,
    Metric,
    Rule,
    TimingInput,
    VictimGroup,
    resolve_voices,
)
from claims.discrepancy.intervals import Interval
from claims.discrepancy.revisions import RevisionEntry, revision_chains, visible
from claims.discrepancy.timing import TimingComparison, compare_timings

# How much a conflict on each metric weighs in the score: deaths are what readers compare first;
# counts of detained or displaced people are looser by nature.
METRIC_WEIGHTS: dict[Metric, float] = {
    Metric.KILLED: 1.0,
    Metric.INJURED: 0.7,
    Metric.MISSING: 0.7,
    Metric.DETAINED: 0.5,
    Metric.ABDUCTED: 0.5,
    Metric.DISPLACED: 0.4,
}
# A timing disagreement counts at most this much, reached at TIMING_SATURATION_MINUTES apart.
TIMING_WEIGHT = 0.5
TIMING_SATURATION_MINUTES = 180


@dataclass(frozen=True, slots=True)
class IncidentComparison:
    """The comparison of one incident as it stood at ``as_of`` (None = now) under ``rule``."""

    metrics: tuple[MetricComparison, ...]  # ordered killed, injured, ...; then by victim group
    timing: TimingComparison
    rule: Rule
    as_of: datetime | None
    score: float
    source_count: int  # distinct claimants with a figure or a timing
    independent_voices: int  # distinct root voices among them

    def metric(
        self, metric: Metric | str, victim_group: VictimGroup | str | None = None
    ) -> MetricComparison | None:
        """The comparison for one metric (and group); with no group, the first one shown."""
        for mc in self.metrics:
            if mc.metric == metric and (victim_group is None or mc.victim_group == victim_group):
                return mc
        return None

    def reconciled_for(self, metric: Metric | str) -> Interval | None:
        """One interval per metric for list columns (e.g. Incident.killed_low/high).

        One comparable group: its reconciled interval. Several: the UNSPECIFIED group when present
        (those figures are usually totals); otherwise the specific groups added up, since
        civilians and soldiers are different people (open if any part is open).
        """
        parts = [mc for mc in self.metrics if mc.metric == metric]
        parts = [mc for mc in parts if mc.reconciled.interval is not None]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0].reconciled.interval
        for mc in parts:
            if mc.victim_group is VictimGroup.UNSPECIFIED:
                return mc.reconciled.interval
        intervals = [mc.reconciled.interval for mc in parts if mc.reconciled.interval]
        low = sum(i.low for i in intervals)
        highs = [i.high for i in intervals if i.high is not None]
        return Interval(low, sum(highs) if len(highs) == len(intervals) else None)

    def summary(self) -> list[str]:
        """Plain-language sentences for the incident page (see ``summary.summarize``)."""
        from claims.discrepancy.summary import summarize  # summary reads this module's types

        return summarize(self)


def _metric_weight(metric: Metric) -> float:
    return METRIC_WEIGHTS.get(metric, 0.5)


def disagreement_score(comparison: IncidentComparison) -> float:
    """How disputed an incident is, from 0 (no disagreement) to 1; used to sort the list.

    1. Figures: for each metric and group, the severity of its worst conflict between independent
       voices (1 - ceiling of the lower claim / floor of the higher claim), times the metric's
       weight; F is the largest of these.
    2. Timing: T = TIMING_WEIGHT x min(1, start offset of the most distant disagreeing pair /
       TIMING_SATURATION_MINUTES).
    3. Score = 1 - (1 - F) x (1 - T): either kind of disagreement raises it, neither can push it
       past 1, and it is 0 when everyone agrees or only one source spoke. Rounded to 4 places.
    """
    f = max((_metric_weight(mc.metric) * mc.severity for mc in comparison.metrics), default=0.0)
    minutes = comparison.timing.disagreement_minutes
    t = TIMING_WEIGHT * min(1.0, minutes / TIMING_SATURATION_MINUTES)
    return round(1.0 - (1.0 - f) * (1.0 - t), 4)


_METRIC_ORDER = {m: i for i, m in enumerate(Metric)}
_GROUP_ORDER = {g: i for i, g in enumerate(VictimGroup)}


def compare(
    figures: Iterable[FigureInput],
    timings: Iterable[TimingInput] = (),
    *,
    rule: Rule | str = Rule.RANGE,
    as_of: datetime | None = None,
) -> IncidentComparison:
    """Compare one incident's claims as they stood at ``as_of``, reconciled under ``rule``.

    1. Keep only claims reported by ``as_of`` (all when None).
    2. Build each claimant's revision chain per metric and comparable group.
    3. Compare each group's current figures (``compare_metric``) and the timings.
    4. Count sources and voices, then score the whole.
    """
    rule = Rule(rule)
    shown_figures = visible(figures, as_of)
    shown_timings = visible(timings, as_of)
    chains = revision_chains(shown_figures)
    by_group: dict[tuple[Metric, VictimGroup], list[tuple[RevisionEntry, ...]]] = defaultdict(list)
    for key, chain in chains.items():
        by_group[(key.metric, key.victim_group)].append(chain)
    metrics = tuple(
        compare_metric(metric, group, by_group[(metric, group)], rule)
        for metric, group in sorted(
            by_group, key=lambda k: (_METRIC_ORDER[k[0]], _GROUP_ORDER[k[1]])
        )
    )
    roots = resolve_voices([*shown_figures, *shown_timings])
    claimants = {c.claimant for c in (*shown_figures, *shown_timings)}
    partial = IncidentComparison(
        metrics=metrics,
        timing=compare_timings(shown_timings),
        rule=rule,
        as_of=as_of,
        score=0.0,
        source_count=len(claimants),
        independent_voices=len({roots.get(c, c) for c in claimants}),
    )
    return _with_score(partial)


def _with_score(comparison: IncidentComparison) -> IncidentComparison:
    return replace(comparison, score=disagreement_score(comparison))
