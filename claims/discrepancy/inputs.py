"""What the engine compares: one record per figure or timing a source gave, as plain dataclasses.

The Django shell builds these from FigureClaim / TimingClaim rows; tests build them by hand. Enum
fields accept their string values ("killed") so rows can be passed through without conversion.
Every record carries ``reported_at`` (aware): revisions and "as of" comparisons depend on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from claims.discrepancy.intervals import Interval, Qualifier


class Metric(StrEnum):
    """What was counted. Order matters: summaries and comparisons list metrics in this order."""

    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    DETAINED = "detained"
    ABDUCTED = "abducted"
    DISPLACED = "displaced"

    @property
    def label(self) -> str:
        return self.value

    @property
    def noun(self) -> str:
        """How a sentence names the quantity: "the death toll", "the number injured"."""
        return "the death toll" if self is Metric.KILLED else f"the number {self.value}"


# Words used in reports for each metric; "wounded", "injured" and "hurt" are one metric.
METRIC_SYNONYMS: dict[str, Metric] = {
    "killed": Metric.KILLED,
    "dead": Metric.KILLED,
    "deaths": Metric.KILLED,
    "died": Metric.KILLED,
    "death toll": Metric.KILLED,
    "fatalities": Metric.KILLED,
    "lost their lives": Metric.KILLED,
    "injured": Metric.INJURED,
    "wounded": Metric.INJURED,
    "hurt": Metric.INJURED,
    "injuries": Metric.INJURED,
    "casualties treated": Metric.INJURED,
    "missing": Metric.MISSING,
    "unaccounted for": Metric.MISSING,
    "detained": Metric.DETAINED,
    "arrested": Metric.DETAINED,
    "captured": Metric.DETAINED,
    "abducted": Metric.ABDUCTED,
    "kidnapped": Metric.ABDUCTED,
    "displaced": Metric.DISPLACED,
    "fled": Metric.DISPLACED,
}


def metric_for(word: str) -> Metric:
    """The metric a reporting word stands for; raises ValueError for words not in the table."""
    key = " ".join(word.lower().split())
    if key in METRIC_SYNONYMS:
        return METRIC_SYNONYMS[key]
    raise ValueError(f"{word!r} is not a known casualty metric.")


class VictimGroup(StrEnum):
    """Who the victims were, as a category (the wording as stated stays on the claim)."""

    CIVILIANS = "civilians"
    STATE_FORCES = "state_forces"
    NON_STATE = "non_state"
    UNSPECIFIED = "unspecified"

    @property
    def label(self) -> str:
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    VictimGroup.CIVILIANS: "civilians",
    VictimGroup.STATE_FORCES: "state forces",
    VictimGroup.NON_STATE: "non-state fighters",
    VictimGroup.UNSPECIFIED: "unspecified victims",
}


class Rule(StrEnum):
    """How the reader wants current figures reconciled into one interval."""

    RANGE = "range"
    MEDIAN = "median"
    LATEST = "latest"
    MONITORS = "monitors"
    OFFICIALS = "officials"

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]


_RULE_LABELS = {
    Rule.RANGE: "full range of current figures",
    Rule.MEDIAN: "median of current figures",
    Rule.LATEST: "most recently reported figure",
    Rule.MONITORS: "independent monitors only",
    Rule.OFFICIALS: "officials only",
}

# Claimant kinds (the Source.Kind values) that each restricted rule keeps.
MONITOR_KINDS = frozenset({"monitor"})
OFFICIAL_KINDS = frozenset({"government", "military", "official"})
# The kinds the Source model knows; other strings are accepted and treated like "other".
CLAIMANT_KINDS = frozenset(
    {"monitor", "government", "military", "armed_group", "media", "official", "anonymous", "other"}
)


def _require_aware(name: str, value: datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{name} must be timezone-aware (UTC), got a naive {value!r}.")


@dataclass(frozen=True, slots=True)
class FigureInput:
    """One figure one claimant reported: what was counted, the interval, and the words used.

    ``upstream`` is the key of the voice this figure traces back to (the source an outlet relays,
    or the source the claimant cites when that source is known); None means the claimant itself.
    """

    id: int | str
    claimant: str
    claimant_label: str
    claimant_kind: str
    metric: Metric
    victim_group: VictimGroup
    interval: Interval
    qualifier: Qualifier
    stated: str
    reported_at: datetime
    cited: str = ""
    upstream: str | None = None
    hedged: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "metric", Metric(self.metric))
        object.__setattr__(self, "victim_group", VictimGroup(self.victim_group))
        object.__setattr__(self, "qualifier", Qualifier(self.qualifier))
        if not isinstance(self.interval, Interval):
            raise TypeError(f"interval must be an Interval, not {self.interval!r}.")
        _require_aware("reported_at", self.reported_at)

    @property
    def voice(self) -> str:
        """Who ultimately stands behind the figure (before following relay chains)."""
        return self.upstream or self.claimant


@dataclass(frozen=True, slots=True)
class TimingInput:
    """When one claimant says the incident happened and/or how long it lasted.

    ``start_utc``/``end_utc`` are the normalised window (a moment has no end, or end == start);
    ``duration_low``/``duration_high`` are minutes as stated ("about half an hour").
    """

    id: int | str
    claimant: str
    claimant_label: str
    claimant_kind: str
    stated: str
    zone_label: str
    start_utc: datetime | None
    end_utc: datetime | None
    duration_low: int | None
    duration_high: int | None
    reported_at: datetime
    upstream: str | None = None
    cited: str = ""

    def __post_init__(self) -> None:
        _require_aware("reported_at", self.reported_at)
        _require_aware("start_utc", self.start_utc)
        _require_aware("end_utc", self.end_utc)
        if self.start_utc and self.end_utc and self.end_utc < self.start_utc:
            raise ValueError("A timing window cannot end before it starts.")
        if self.duration_low is None and self.duration_high is not None:
            raise ValueError("A duration needs its shortest value.")
        if self.duration_low is not None:
            # Reuse the interval checks (non-negative, low <= high).
            Interval(self.duration_low, self.duration_high)

    @property
    def has_window(self) -> bool:
        return self.start_utc is not None or self.end_utc is not None

    @property
    def has_duration(self) -> bool:
        return self.duration_low is not None

    @property
    def voice(self) -> str:
        return self.upstream or self.claimant


def resolve_voices(items: Iterable[FigureInput | TimingInput]) -> dict[str, str]:
    """Claimant key -> the root voice it traces back to, following relay chains.

    1. Each claimant points at its figure's ``upstream`` (or at nothing).
    2. Follow pointers until a key that points nowhere; a relay of a relay ends at the original.
    3. A cycle (A relays B, B relays A) stops at the first repeated key: the chain is resolved to
       the smallest key in the cycle so the answer does not depend on where the walk started.
    """
    items = list(items)
    points_to = {f.claimant: f.upstream for f in items if f.upstream and f.upstream != f.claimant}
    roots: dict[str, str] = {}
    for start in {f.claimant for f in items} | {f.upstream for f in items if f.upstream}:
        path: list[str] = []
        key = start
        while key in points_to and key not in path:
            path.append(key)
            key = points_to[key]
        if key in path:  # cycle: everything on it is one voice
            key = min(path[path.index(key) :])
        roots[start] = key
    return roots
