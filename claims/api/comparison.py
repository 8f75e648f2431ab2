"""The discrepancy engine's result as JSON: serializers over its dataclasses, read-only.

The engine (claims/discrepancy/) decides everything; these classes only name and shape its fields.
JSON has no Infinity: a spread of "infinitely apart" (a source says 0, another more) is
`spread: null` with `spread_infinite: true`; an open upper bound is `high: null` with `open: true`.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import discrepancy as d
from claims.models import FigureClaim


def _choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]


class IntervalSerializer(serializers.Serializer):
    """Whole numbers low..high inclusive (docs/SEMANTICS.md, section 1)."""

    low = serializers.IntegerField()
    high = serializers.IntegerField(allow_null=True, help_text="null: no upper bound.")
    open = serializers.BooleanField(source="is_open", help_text="true when high is null.")
    text = serializers.SerializerMethodField(help_text='In words: "62", "at least 90".')

    def get_text(self, interval: d.Interval) -> str:
        return d.interval_words(interval)


class ComparedFigureSerializer(serializers.Serializer):
    """One confirmed figure as the engine compared it."""

    claim_id = serializers.IntegerField(source="id", help_text="Id in /api/claims/.")
    claimant = serializers.CharField(help_text="Source slug.")
    claimant_name = serializers.CharField(source="claimant_label")
    # Plain text, not a second enum: the values are the source's `kind` (KindEnum).
    claimant_kind = serializers.CharField(help_text="The source's kind, as in /api/sources/.")
    stated = serializers.CharField(help_text="The figure as the source worded it.")
    qualifier = serializers.ChoiceField(choices=FigureClaim.Qualifier.choices)
    interval = IntervalSerializer()
    reported_at = serializers.DateTimeField()
    cited = serializers.CharField(help_text="Whom the source cites, as stated.")
    upstream = serializers.CharField(
        allow_null=True, help_text="Slug of the cited source, where it is a known source."
    )
    hedged = serializers.BooleanField()


class FigurePairSerializer(serializers.Serializer):
    """Two current figures side by side; `low` has the lower floor."""

    low = ComparedFigureSerializer()
    high = ComparedFigureSerializer()
    gap = serializers.IntegerField(help_text="Distance between the nearer bounds; 0 if they agree.")
    conflicts = serializers.BooleanField(help_text="true when no single number fits both.")
    severity = serializers.SerializerMethodField(
        help_text="1 - ceiling of the lower / floor of the higher (0 when they agree)."
    )
    same_voice = serializers.BooleanField(help_text="Both trace back to the same source.")

    def get_severity(self, pair: d.FigurePair) -> float:
        return round(pair.severity, 4)


class RevisionEntrySerializer(serializers.Serializer):
    figure = ComparedFigureSerializer()
    direction = serializers.ChoiceField(
        choices=_choices(d.Direction), help_text="How this figure moved from the previous one."
    )
    direction_label = serializers.SerializerMethodField()
    supersedes = serializers.IntegerField(allow_null=True, help_text="Claim id it replaced.")
    superseded_by = serializers.IntegerField(
        allow_null=True, help_text="Claim id that replaced it."
    )
    is_current = serializers.BooleanField()

    def get_direction_label(self, entry: d.RevisionEntry) -> str:
        return entry.direction.label


class RevisionChainSerializer(serializers.Serializer):
    """One source's figures for the metric, oldest first; the last one is current."""

    claimant = serializers.SerializerMethodField(help_text="Source slug.")
    claimant_name = serializers.SerializerMethodField()
    entries = RevisionEntrySerializer(many=True, source="*")

    def get_claimant(self, chain: tuple) -> str:
        return chain[-1].figure.claimant

    def get_claimant_name(self, chain: tuple) -> str:
        return chain[-1].figure.claimant_label


class CurrentFigureSerializer(serializers.Serializer):
    """A source's current figure and the independent voices whose figures are compatible."""

    figure = ComparedFigureSerializer()
    voices = serializers.ListField(
        child=serializers.CharField(), help_text="Root source slugs backing this figure."
    )
    voice_count = serializers.IntegerField(source="count")


class ReconciliationSerializer(serializers.Serializer):
    """The one interval the reader's rule gives."""

    rule = serializers.ChoiceField(choices=_choices(d.Rule))
    rule_label = serializers.SerializerMethodField()
    interval = IntervalSerializer(allow_null=True, help_text="null when the rule keeps no figure.")
    basis = serializers.SerializerMethodField(help_text="Claim ids the interval rests on.")
    note = serializers.CharField()

    def get_rule_label(self, rec: d.Reconciliation) -> str:
        return rec.rule.label

    def get_basis(self, rec: d.Reconciliation) -> list[int]:
        return [f.id for f in rec.basis]


class MetricComparisonSerializer(serializers.Serializer):
    """Everything compared for one metric and comparable victim group."""

    metric = serializers.ChoiceField(choices=FigureClaim.Metric.choices)
    victim_group = serializers.ChoiceField(choices=FigureClaim.VictimGroup.choices)
    victim_group_label = serializers.SerializerMethodField()
    range = IntervalSerializer(help_text="From the lowest floor to the highest ceiling.")
    common = IntervalSerializer(
        allow_null=True, help_text="Values every current figure allows; null if any two conflict."
    )
    reconciled = ReconciliationSerializer()
    has_conflict = serializers.BooleanField()
    severity = serializers.SerializerMethodField(
        help_text="The worst conflict between independent voices, 0 to 1."
    )
    spread = serializers.SerializerMethodField(
        help_text="Highest floor / lowest ceiling; null when undefined or infinite."
    )
    spread_infinite = serializers.SerializerMethodField(
        help_text="true when one source says 0 and another more (the spread is infinite)."
    )
    independent_voices = serializers.IntegerField()
    lowest = ComparedFigureSerializer()
    highest = ComparedFigureSerializer()
    most_disputed = FigurePairSerializer(allow_null=True)
    conflicts = FigurePairSerializer(many=True)
    agreements = FigurePairSerializer(many=True)
    current = CurrentFigureSerializer(
        many=True, source="support", help_text="One per source, low to high."
    )
    revisions = RevisionChainSerializer(
        many=True, source="history", help_text="Each source's chain, in the order of `current`."
    )

    def get_victim_group_label(self, mc: d.MetricComparison) -> str:
        return mc.victim_group.label

    def get_severity(self, mc: d.MetricComparison) -> float:
        return round(mc.severity, 4)

    def get_spread(self, mc: d.MetricComparison) -> float | None:
        if mc.spread is None or mc.spread == float("inf"):
            return None
        return round(mc.spread, 4)

    def get_spread_infinite(self, mc: d.MetricComparison) -> bool:
        return mc.spread == float("inf")


class TimingWindowSerializer(serializers.Serializer):
    """A source's current window in UTC (start == end for a moment)."""

    claim_id = serializers.IntegerField(source="timing.id")
    claimant = serializers.CharField(help_text="Source slug.")
    claimant_name = serializers.CharField(source="timing.claimant_label")
    stated = serializers.CharField(source="timing.stated", help_text="The wording as stated.")
    zone_label = serializers.CharField(source="timing.zone_label")
    start = serializers.DateTimeField(help_text="UTC.")
    end = serializers.DateTimeField(help_text="UTC.")
    is_moment = serializers.BooleanField()
    length_minutes = serializers.IntegerField()
    voice = serializers.CharField(help_text="The root source it traces back to.")


class TimingPairSerializer(serializers.Serializer):
    """Two windows; `early` starts no later than `late`."""

    early = TimingWindowSerializer()
    late = TimingWindowSerializer()
    start_offset_minutes = serializers.IntegerField()
    start_offset_words = serializers.SerializerMethodField(help_text='"about an hour"')
    overlap_minutes = serializers.IntegerField()
    gap_minutes = serializers.IntegerField(help_text="Between the nearer ends; 0 if they overlap.")
    overlaps = serializers.BooleanField()
    agree = serializers.BooleanField(
        help_text=f"true when at most {d.TIMING_TOLERANCE_MINUTES} minutes apart."
    )
    same_voice = serializers.BooleanField()

    def get_start_offset_words(self, pair: d.TimingPair) -> str:
        return d.phrase_minutes(pair.start_offset_minutes)


class DurationSerializer(serializers.Serializer):
    """How long one source says the incident lasted."""

    claim_id = serializers.IntegerField(source="timing.id")
    claimant = serializers.CharField(help_text="Source slug.")
    claimant_name = serializers.CharField(source="timing.claimant_label")
    stated = serializers.CharField(source="timing.stated")
    minutes = IntervalSerializer()
    from_window = serializers.BooleanField(
        help_text="true when derived from the source's start..end rather than stated."
    )


class TimeSpanSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class TimingComparisonSerializer(serializers.Serializer):
    windows = TimingWindowSerializer(many=True, help_text="Sorted by start.")
    pairs = TimingPairSerializer(many=True)
    most_disputed = TimingPairSerializer(allow_null=True)
    disagreement_minutes = serializers.IntegerField(
        help_text="Start offset of the most distant disagreeing independent pair (0 if none)."
    )
    durations = DurationSerializer(many=True, help_text="Shortest first.")
    duration_range = IntervalSerializer(allow_null=True)
    common = serializers.SerializerMethodField(help_text="The span every window shares, if any.")

    @extend_schema_field(TimeSpanSerializer(allow_null=True))
    def get_common(self, timing: d.TimingComparison):
        if timing.common is None:
            return None
        start, end = timing.common
        return TimeSpanSerializer({"start": start, "end": end}).data


class IncidentComparisonSerializer(serializers.Serializer):
    """An incident's comparison (claims.selectors.IncidentPage) under the reader's rule and date."""

    incident = serializers.CharField(source="incident.slug", help_text="Incident slug.")
    incident_title = serializers.CharField(source="incident.title")
    html_url = serializers.SerializerMethodField(help_text="The incident page for readers.")
    rule = serializers.ChoiceField(choices=_choices(d.Rule), source="comparison.rule")
    rule_label = serializers.SerializerMethodField()
    as_of = serializers.DateTimeField(
        source="comparison.as_of", allow_null=True, help_text="null: everything reported so far."
    )
    score = serializers.FloatField(
        source="comparison.score", help_text="Disagreement, 0 (none) to 1."
    )
    source_count = serializers.IntegerField(source="comparison.source_count")
    independent_voices = serializers.IntegerField(source="comparison.independent_voices")
    summary = serializers.SerializerMethodField(help_text="Plain-language sentences.")
    metrics = MetricComparisonSerializer(many=True, source="comparison.metrics")
    timing = TimingComparisonSerializer(source="comparison.timing")
    cumulative_claims = serializers.SerializerMethodField(
        help_text="Ids of whole-war tolls: listed, never compared with the incident's figures."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, page) -> str:
        request = self.context.get("request")
        path = page.incident.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path

    def get_rule_label(self, page) -> str:
        return page.rule.label

    def get_summary(self, page) -> list[str]:
        return page.comparison.summary()

    def get_cumulative_claims(self, page) -> list[int]:
        return [claim.pk for claim in page.cumulative]
