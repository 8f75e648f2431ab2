"""Comparing the current figures of one metric and comparable group: agreement, conflict, spread,
independent voices and the reconciled interval under the reader's rule.

Definitions (docs/SEMANTICS.md has them with examples):
- Two claims *agree* when their intervals overlap (some number makes both right) and *conflict*
  when they are disjoint; the *gap* is the distance between the nearer bounds.
- *Spread* = highest lower bound / lowest upper bound over current claims. Above 1 means at least
  one conflict; 1 or below means every claim can be right at once.
- A conflicting pair's *severity* = 1 - lower claim's ceiling / higher claim's floor, in (0, 1]:
  62 against at least 90 is 1 - 62/90 = 0.31. The pair with the highest severity disagrees most.
- A *voice* is the source a claim traces back to through ``upstream`` links; claims relaying the
  same voice are one source, however many outlets carry them.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from claims.discrepancy.inputs import (
    MONITOR_KINDS,
    OFFICIAL_KINDS,
    FigureInput,
    Metric,
    Rule,
    VictimGroup,
    resolve_voices,
)
from claims.discrepancy.intervals import Interval
from claims.discrepancy.revisions import RevisionEntry, report_order


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Two current claims side by side; ``low`` is the one with the lower floor."""

    low: FigureInput
    high: FigureInput
    gap: int  # 0 when they overlap
    same_voice: bool  # both trace back to one voice (a relay against its origin)

    @property
    def conflicts(self) -> bool:
        return self.gap > 0

    @property
    def severity(self) -> float:
        """1 - ceiling of the lower claim / floor of the higher claim; 0 when they agree."""
        if not self.conflicts:
            return 0.0
        ceiling = self.low.interval.high or 0  # a conflict means the lower claim has a ceiling
        return 1.0 - ceiling / self.high.interval.low


@dataclass(frozen=True, slots=True)
class VoiceSupport:
    """How many independent voices stand behind one current figure (itself included)."""

    figure: FigureInput
    voices: tuple[str, ...]  # root voices of every current claim compatible with this figure

    @property
    def count(self) -> int:
        return len(self.voices)


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The one interval the chosen rule gives, and which figures it rests on."""

    rule: Rule
    interval: Interval | None  # None when the rule keeps no figure (no monitor spoke...)
    basis: tuple[FigureInput, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class MetricComparison:
    """Everything the page shows for one metric and comparable victim group."""

    metric: Metric
    victim_group: VictimGroup
    current: tuple[FigureInput, ...]  # one per claimant, sorted low to high
    history: tuple[tuple[RevisionEntry, ...], ...]  # each claimant's chain, same order as current
    range: Interval  # hull of current intervals
    common: Interval | None  # values every current claim allows (None when any two conflict)
    lowest: FigureInput
    highest: FigureInput
    agreements: tuple[FigurePair, ...]
    conflicts: tuple[FigurePair, ...]
    spread: float | None
    most_disputed: FigurePair | None
    support: tuple[VoiceSupport, ...]  # same order as current
    independent_voices: int
    reconciled: Reconciliation

    @property
    def has_conflict(self) -> bool:
        return bool(self.conflicts)

    @property
    def severity(self) -> float:
        """The worst conflict between independent voices (relay-vs-origin pairs are left out)."""
        return max((p.severity for p in self.conflicts if not p.same_voice), default=0.0)

    @property
    def revised(self) -> tuple[tuple[RevisionEntry, ...], ...]:
        return tuple(chain for chain in self.history if len(chain) > 1)


def _interval_sort_key(f: FigureInput) -> tuple:
    return (f.interval.low, f.interval.upper, f.claimant)


def spread_of(intervals: Sequence[Interval]) -> float | None:
    """max(low) / min(high) over the intervals.

    None with fewer than two intervals or when none has a ceiling (nothing to set a floor
    against); 0.0 when every floor is zero; infinity when a source says zero and another more.
    """
    ceilings = [i.high for i in intervals if i.high is not None]
    if len(intervals) < 2 or not ceilings:
        return None
    max_low, min_high = max(i.low for i in intervals), min(ceilings)
    if max_low == 0:
        return 0.0
    if min_high == 0:
        return float("inf")
    return max_low / min_high


def reconcile(current: Sequence[FigureInput], rule: Rule) -> Reconciliation:
    """One interval from the current figures under the reader's rule.

    - RANGE: the hull of every current interval (nobody's figure falls outside).
    - MEDIAN: median of the floors (lower median) to median of the ceilings (upper median, an open
      ceiling counting as infinite): robust to one outlier, rounded outward to whole numbers.
    - LATEST: the current figure reported most recently (hull of those tied at that instant).
    - MONITORS / OFFICIALS: the hull of current figures from those kinds of claimant only.
    """
    rule = Rule(rule)
    if not current:
        return Reconciliation(rule, None, (), "no figures")
    match rule:
        case Rule.RANGE:
            basis = tuple(current)
        case Rule.MEDIAN:
            lows = [f.interval.low for f in current]
            uppers = [f.interval.upper for f in current]
            high = statistics.median_high(uppers)
            interval = Interval(
                statistics.median_low(lows), None if high == float("inf") else int(high)
            )
            return Reconciliation(rule, interval, tuple(current))
        case Rule.LATEST:
            latest = max(f.reported_at for f in current)
            basis = tuple(f for f in current if f.reported_at == latest)
        case Rule.MONITORS | Rule.OFFICIALS:
            kinds = MONITOR_KINDS if rule is Rule.MONITORS else OFFICIAL_KINDS
            basis = tuple(f for f in current if f.claimant_kind in kinds)
            if not basis:
                return Reconciliation(
                    rule, None, (), f"no figure from {rule.label.removesuffix(' only')}"
                )
    return Reconciliation(rule, Interval.hull(f.interval for f in basis), basis)


def compare_metric(
    metric: Metric,
    victim_group: VictimGroup,
    chains: Sequence[tuple[RevisionEntry, ...]],
    rule: Rule = Rule.RANGE,
) -> MetricComparison:
    """Compare one comparable group, given each claimant's revision chain (non-empty chains).

    1. The current figure of each claimant is the last entry of its chain.
    2. Pair every two current figures: overlapping pairs agree, disjoint pairs conflict (with the
       gap); the conflicting pair with the highest severity disagrees most.
    3. Resolve relay chains to root voices; a figure's support is the set of voices whose current
       figures are compatible with it.
    4. Summarise: hull, common values, lowest and highest claim, spread, reconciled interval.
    """
    if not chains:
        raise ValueError("compare_metric needs at least one claimant's figures.")
    ordered = sorted(chains, key=lambda chain: _interval_sort_key(chain[-1].figure))
    current = tuple(chain[-1].figure for chain in ordered)
    roots = resolve_voices(current)
    root = {f.claimant: roots.get(f.claimant, f.claimant) for f in current}

    agreements: list[FigurePair] = []
    conflicts: list[FigurePair] = []
    compatible: dict[str, set[str]] = {f.claimant: {root[f.claimant]} for f in current}
    for a, b in combinations(current, 2):
        lo, hi = (a, b) if _interval_sort_key(a) <= _interval_sort_key(b) else (b, a)
        pair = FigurePair(
            lo, hi, lo.interval.gap_to(hi.interval), root[a.claimant] == root[b.claimant]
        )
        if pair.conflicts:
            conflicts.append(pair)
        else:
            agreements.append(pair)
            compatible[a.claimant].add(root[b.claimant])
            compatible[b.claimant].add(root[a.claimant])
    most = max(conflicts, key=lambda p: (p.severity, p.gap), default=None)

    common: Interval | None = current[0].interval
    for f in current[1:]:
        common = common.intersection(f.interval) if common else None

    return MetricComparison(
        metric=metric,
        victim_group=victim_group,
        current=current,
        history=tuple(ordered),
        range=Interval.hull(f.interval for f in current),
        common=common,
        lowest=min(current, key=_interval_sort_key),
        highest=max(current, key=lambda f: (f.interval.upper, f.interval.low, f.claimant)),
        agreements=tuple(agreements),
        conflicts=tuple(conflicts),
        spread=spread_of([f.interval for f in current]),
        most_disputed=most,
        support=tuple(VoiceSupport(f, tuple(sorted(compatible[f.claimant]))) for f in current),
        independent_voices=len(set(root.values())),
        reconciled=reconcile(sorted(current, key=report_order), rule),
    )
