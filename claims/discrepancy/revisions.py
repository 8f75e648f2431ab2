"""Revisions and comparable groups: which of a claimant's figures is current, and what it replaced.

A claimant's later figure for the same metric and comparable victim group supersedes its earlier
one (SOHR: 83 killed, later "at least 90"). The current figure is what gets compared; the earlier
ones stay visible as history, each with the direction of the change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from claims.discrepancy.inputs import FigureInput, Metric, TimingInput, VictimGroup


class Direction(StrEnum):
    """How a revision moved the figure compared with the claimant's previous one."""

    FIRST = "first"  # the claimant's first figure
    UP = "up"  # neither bound went down, one went up (83 -> at least 90)
    DOWN = "down"  # neither bound went up, one went down
    NARROWED = "narrowed"  # the floor rose and the ceiling fell (about 100 -> 95-100)
    WIDENED = "widened"  # the floor fell and the ceiling rose
    SAME = "same"  # the same interval again

    @property
    def label(self) -> str:
        return _DIRECTION_LABELS[self]


_DIRECTION_LABELS = {
    Direction.FIRST: "first figure",
    Direction.UP: "up",
    Direction.DOWN: "down",
    Direction.NARROWED: "narrowed",
    Direction.WIDENED: "widened",
    Direction.SAME: "unchanged",
}


def direction_of(previous: FigureInput | None, current: FigureInput) -> Direction:
    """Compare the bounds one by one; an open ceiling counts as higher than any number."""
    if previous is None:
        return Direction.FIRST
    p, c = previous.interval, current.interval
    d_low = (c.low > p.low) - (c.low < p.low)
    d_high = (c.upper > p.upper) - (c.upper < p.upper)
    if d_low == 0 and d_high == 0:
        return Direction.SAME
    if d_low >= 0 and d_high >= 0:
        return Direction.UP
    if d_low <= 0 and d_high <= 0:
        return Direction.DOWN
    return Direction.NARROWED if d_low > 0 else Direction.WIDENED


class ChainKey(NamedTuple):
    claimant: str
    metric: Metric
    victim_group: VictimGroup  # the comparable group (see comparable_group_map)


@dataclass(frozen=True, slots=True)
class RevisionEntry:
    """One figure in a claimant's chain, with what it replaced and what replaced it."""

    figure: FigureInput
    direction: Direction
    supersedes: int | str | None
    superseded_by: int | str | None

    @property
    def is_current(self) -> bool:
        return self.superseded_by is None


def _id_key(value: int | str) -> tuple[int, int | str]:
    return (0, value) if isinstance(value, int) else (1, str(value))


def report_order(item: FigureInput | TimingInput) -> tuple:
    """Total order used everywhere "later" matters: reported_at, then id, then content.

    The tie-breaks make results independent of input order even for claims reported at the same
    instant (two figures from one article): the higher id, entered later, counts as later.
    """
    if isinstance(item, FigureInput):
        content: tuple = (item.interval.low, item.interval.upper, item.stated)
    else:
        content = (item.stated,)
    return (item.reported_at, _id_key(item.id), content)


def visible(items: Iterable, as_of: datetime | None) -> list:
    """Only what had been reported by ``as_of`` (everything when None)."""
    if as_of is None:
        return list(items)
    if as_of.tzinfo is None or as_of.utcoffset() is None:
        raise ValueError("as_of must be timezone-aware.")
    return [item for item in items if item.reported_at <= as_of]


def comparable_group_map(figures: Iterable[FigureInput]) -> dict[Metric, VictimGroup]:
    """Where each metric's UNSPECIFIED figures are compared (the compatibility rule).

    1. Figures are only ever compared within one metric.
    2. Specific groups (civilians, state forces, non-state fighters) are compared only with the
       same group: 40 civilians and 60 soldiers do not contradict each other.
    3. A figure with unspecified victims joins the specific group when the metric has exactly one
       specific group among the figures (all sources evidently talk about the same victims).
    4. When there are several specific groups, unspecified figures may be totals, so they form their
       own group rather than be set against a part.

    Returns, per metric, the group unspecified figures belong to.
    """
    specific: dict[Metric, set[VictimGroup]] = defaultdict(set)
    metrics: set[Metric] = set()
    for f in figures:
        metrics.add(f.metric)
        if f.victim_group is not VictimGroup.UNSPECIFIED:
            specific[f.metric].add(f.victim_group)
    return {
        m: next(iter(specific[m])) if len(specific[m]) == 1 else VictimGroup.UNSPECIFIED
        for m in metrics
    }


def comparable_group(figure: FigureInput, group_map: dict[Metric, VictimGroup]) -> VictimGroup:
    if figure.victim_group is VictimGroup.UNSPECIFIED:
        return group_map.get(figure.metric, VictimGroup.UNSPECIFIED)
    return figure.victim_group


def revision_chains(
    figures: Iterable[FigureInput], *, as_of: datetime | None = None
) -> dict[ChainKey, tuple[RevisionEntry, ...]]:
    """Each claimant's figures per (metric, comparable group), oldest first, linked as revisions.

    1. Keep only figures reported by ``as_of``.
    2. Work out the comparable group of every figure (``comparable_group_map``) on that set.
    3. Group by (claimant, metric, comparable group) and sort each group by ``report_order``.
    4. Link neighbours: each entry supersedes the previous one and gets its direction of change;
       the last entry is the claimant's current figure.
    """
    shown = visible(figures, as_of)
    group_map = comparable_group_map(shown)
    grouped: dict[ChainKey, list[FigureInput]] = defaultdict(list)
    for f in shown:
        grouped[ChainKey(f.claimant, f.metric, comparable_group(f, group_map))].append(f)
    chains: dict[ChainKey, tuple[RevisionEntry, ...]] = {}
    for key in sorted(grouped, key=_chain_sort_key):
        items = sorted(grouped[key], key=report_order)
        chains[key] = tuple(
            RevisionEntry(
                figure=f,
                direction=direction_of(items[i - 1] if i else None, f),
                supersedes=items[i - 1].id if i else None,
                superseded_by=items[i + 1].id if i + 1 < len(items) else None,
            )
            for i, f in enumerate(items)
        )
    return chains


_METRIC_ORDER = {m: i for i, m in enumerate(Metric)}
_GROUP_ORDER = {g: i for i, g in enumerate(VictimGroup)}


def _chain_sort_key(key: ChainKey) -> tuple:
    return (_METRIC_ORDER[key.metric], _GROUP_ORDER[key.victim_group], key.claimant)
