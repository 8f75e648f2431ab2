"""Discrepancy engine: claims in, comparisons out. Pure Python (no Django), dataclasses in and out.

Modules, by responsibility (rules for journalists in docs/SEMANTICS.md):
- ``intervals``: qualifiers and the interval each stated figure stands for; vague words.
- ``timezones``: stated clock times to UTC (fixed abbreviations, "local time", place names) and the
  check that several renderings of one moment agree.
- ``inputs``: the records compared (FigureInput, TimingInput), metrics, victim groups, rules.
- ``revisions``: comparable victim groups, revision chains and the direction of each change.
- ``figures``: agreement, conflict, spread, independent voices, reconciliation for one metric.
- ``timing``: UTC windows, offsets, gaps and durations across claimants.
- ``compare``: the whole incident (``compare``) and its ``disagreement_score``.
- ``summary``: plain-language sentences.
- ``track``: a source's track record (above, within or below the others; its usual lean).

Typical use::

    result = compare(figures, timings, rule=Rule.RANGE, as_of=None)
    result.metric(Metric.KILLED).conflicts, result.score, result.summary()
"""

from claims.discrepancy.compare import (
    METRIC_WEIGHTS,
    TIMING_SATURATION_MINUTES,
    TIMING_WEIGHT,
    IncidentComparison,
    compare,
    disagreement_score,
)
from claims.discrepancy.figures import (
    FigurePair,
    MetricComparison,
    Reconciliation,
    VoiceSupport,
    compare_metric,
    reconcile,
    spread_of,
)
from claims.discrepancy.inputs import (
    CLAIMANT_KINDS,
    METRIC_SYNONYMS,
    MONITOR_KINDS,
    OFFICIAL_KINDS,
    FigureInput,
    Metric,
    Rule,
    TimingInput,
    VictimGroup,
    metric_for,
    resolve_voices,
)
from claims.discrepancy.intervals import (
    MAX_FIGURE,
    QUALIFIER_PHRASES,
    VAGUE_INTERVALS,
    Interval,
    Qualifier,
    about_tolerance,
    describe_figure,
    interval_for,
    nearly_tolerance,
)
from claims.discrepancy.revisions import (
    ChainKey,
    Direction,
    RevisionEntry,
    comparable_group_map,
    direction_of,
    revision_chains,
)
from claims.discrepancy.summary import interval_words
from claims.discrepancy.timezones import (
    PLACE_ZONES,
    RENDERING_TOLERANCE,
    ZONE_NOTES,
    ZONE_OFFSETS,
    RenderingCheck,
    check_renderings,
    from_utc,
    resolve_zone,
    to_utc,
)
from claims.discrepancy.timing import (
    TIMING_TOLERANCE_MINUTES,
    DurationEntry,
    TimingComparison,
    TimingPair,
    TimingWindow,
    compare_timings,
    phrase_minutes,
)
from claims.discrepancy.track import (
    Placement,
    Position,
    TrackRecord,
    position_against,
    representative,
    track_record,
)

__all__ = [
    "Placement",
    "Position",
    "TrackRecord",
    "position_against",
    "representative",
    "track_record",
    "CLAIMANT_KINDS",
    "MAX_FIGURE",
    "METRIC_SYNONYMS",
    "METRIC_WEIGHTS",
    "MONITOR_KINDS",
    "OFFICIAL_KINDS",
    "PLACE_ZONES",
    "QUALIFIER_PHRASES",
    "RENDERING_TOLERANCE",
    "TIMING_SATURATION_MINUTES",
    "TIMING_TOLERANCE_MINUTES",
    "TIMING_WEIGHT",
    "VAGUE_INTERVALS",
    "ZONE_NOTES",
    "ZONE_OFFSETS",
    "ChainKey",
    "Direction",
    "DurationEntry",
    "FigureInput",
    "FigurePair",
    "IncidentComparison",
    "Interval",
    "Metric",
    "MetricComparison",
    "Qualifier",
    "Reconciliation",
    "RenderingCheck",
    "RevisionEntry",
    "Rule",
    "TimingComparison",
    "TimingInput",
    "TimingPair",
    "TimingWindow",
    "VictimGroup",
    "VoiceSupport",
    "about_tolerance",
    "check_renderings",
    "comparable_group_map",
    "compare",
    "compare_metric",
    "compare_timings",
    "describe_figure",
    "direction_of",
    "disagreement_score",
    "from_utc",
    "interval_for",
    "interval_words",
    "metric_for",
    "nearly_tolerance",
    "phrase_minutes",
    "reconcile",
    "resolve_voices",
    "resolve_zone",
    "revision_chains",
    "spread_of",
    "to_utc",
]
