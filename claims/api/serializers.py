"""How incidents, sources and claims look in the API (read-only; comparisons: comparison.py).

Empty text that stands for "unknown" (a blank dataset id, article address or website) is null,
never "", so that a client can tell "not known" from a value.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import discrepancy as d
from claims.formatting import format_range
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim


def _absolute(serializer: serializers.Serializer, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class KilledRangeSerializer(serializers.Serializer):
    """The incident list's "Killed (range)" column, from the current confirmed figures."""

    low = serializers.IntegerField(
        source="killed_low",
        allow_null=True,
        help_text="Floor of the lowest current figure; null when no source gave a death toll.",
    )
    high = serializers.IntegerField(
        source="killed_high",
        allow_null=True,
        help_text="The highest current figure: its ceiling, or its floor when it is open-ended.",
    )
    open = serializers.BooleanField(
        source="killed_open",
        help_text='true when the highest figure has no upper bound ("at least 90").',
    )
    text = serializers.SerializerMethodField(help_text='As the list shows it: "62 – 90+".')

    def get_text(self, incident: Incident) -> str | None:
        if incident.killed_low is None:
            return None
        return format_range(incident.killed_low, incident.killed_high, incident.killed_open)


class DatasetIdsSerializer(serializers.Serializer):
    """The incident's identifiers in conflict-event datasets (null where not known)."""

    acled = serializers.SerializerMethodField(help_text="ACLED event id.")
    ucdp = serializers.SerializerMethodField(help_text="UCDP GED id.")
    airwars = serializers.SerializerMethodField(help_text="Airwars code.")

    def get_acled(self, incident: Incident) -> str | None:
        return incident.acled_event_id or None

    def get_ucdp(self, incident: Incident) -> str | None:
        return incident.ucdp_ged_id or None

    def get_airwars(self, incident: Incident) -> str | None:
        return incident.airwars_code or None


class IncidentSerializer(serializers.ModelSerializer):
    """An incident with the list page's columns (denormalised from its confirmed claims)."""

    url = serializers.HyperlinkedIdentityField(
        view_name="api:incident-detail", lookup_field="slug", help_text="This incident in the API."
    )
    html_url = serializers.SerializerMethodField(help_text="The incident page for readers.")
    comparison_url = serializers.HyperlinkedIdentityField(
        view_name="api:incident-comparison",
        lookup_field="slug",
        help_text="The side-by-side comparison of its claims.",
    )
    latitude = serializers.FloatField(allow_null=True, read_only=True)
    longitude = serializers.FloatField(allow_null=True, read_only=True)
    time_zone = serializers.SerializerMethodField(
        help_text="IANA zone of the place: what 'local time' in reports means."
    )
    killed = KilledRangeSerializer(source="*", read_only=True)
    disagreement = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text="0 (sources agree) to 1; null before any confirmed claim (docs/SEMANTICS.md).",
    )
    datasets = DatasetIdsSerializer(source="*", read_only=True)

    class Meta:
        model = Incident
        fields = [
            "slug",
            "title",
            "place",
            "country",
            "latitude",
            "longitude",
            "time_zone",
            "started_at",
            "source_count",
            "killed",
            "disagreement",
            "last_reported_at",
            "datasets",
            "is_sample",
            "url",
            "html_url",
            "comparison_url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, incident: Incident) -> str:
        return _absolute(self, incident.get_absolute_url())

    def get_time_zone(self, incident: Incident) -> str | None:
        return incident.time_zone or None


class IncidentDetailSerializer(IncidentSerializer):
    """An incident with its summary."""

    class Meta(IncidentSerializer.Meta):
        fields = [*IncidentSerializer.Meta.fields, "summary", "updated_at"]
        read_only_fields = fields


class ArticleRefSerializer(serializers.ModelSerializer):
    """The publication a claim was read from."""

    url = serializers.SerializerMethodField(help_text="Where it was published, if online.")
    html_url = serializers.SerializerMethodField(
        help_text="The article's text on this site, with the evidence highlighted."
    )

    class Meta:
        model = Article
        fields = ["id", "outlet", "title", "published_at", "url", "html_url"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, article: Article):
        return article.url or None

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, article: Article) -> str:
        return _absolute(self, reverse("claims:article-detail", kwargs={"pk": article.pk}))


class _ClaimSerializer(serializers.ModelSerializer):
    # Provenance shared by figure and timing claims (a comment: a docstring would describe both).

    incident = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="Incident slug."
    )
    claimant = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="Slug of the source that made the claim."
    )
    claimant_name = serializers.CharField(source="claimant.name", read_only=True)
    cited_source = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="Slug of the cited source, where it is a known source.",
    )
    article = ArticleRefSerializer(read_only=True, allow_null=True)
    reference_url = serializers.SerializerMethodField(
        help_text="Where an editor found a claim entered by hand."
    )

    provenance_fields = [
        "id",
        "incident",
        "claimant",
        "claimant_name",
        "cited_text",
        "cited_source",
        "stated_text",
    ]
    evidence_fields = ["reported_at", "evidence", "article", "reference_url"]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_reference_url(self, claim):
        return claim.reference_url or None


class FigureClaimSerializer(_ClaimSerializer):
    """One confirmed figure one source reported, as stated and as an interval."""

    high = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="null: open-ended (no upper bound)."
    )
    interval = serializers.SerializerMethodField(
        help_text='The interval in words: "62", "at least 90", "between 55 and 69".'
    )
    supersedes = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="Id of the same source's previous figure for this metric and victim group.",
    )

    class Meta:
        model = FigureClaim
        fields = [
            *_ClaimSerializer.provenance_fields,
            "qualifier",
            "low",
            "high",
            "interval",
            "metric",
            "victims_text",
            "victim_group",
            "is_hedged",
            "is_cumulative",
            "marked_earlier",
            "is_current",
            "supersedes",
            *_ClaimSerializer.evidence_fields,
        ]
        read_only_fields = fields

    def get_interval(self, claim: FigureClaim) -> str:
        return d.interval_words(d.Interval(claim.low, claim.high))


class TimingClaimSerializer(_ClaimSerializer):
    """One confirmed timing: the wording and zone as stated, the window in UTC, the duration."""

    class Meta:
        model = TimingClaim
        fields = [
            *_ClaimSerializer.provenance_fields,
            "zone_label",
            "start_utc",
            "end_utc",
            "duration_min_low",
            "duration_min_high",
            *_ClaimSerializer.evidence_fields,
        ]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    """Someone who makes claims, with the names they go by and their confirmed claims."""

    url = serializers.HyperlinkedIdentityField(
        view_name="api:source-detail", lookup_field="slug", help_text="This source in the API."
    )
    html_url = serializers.SerializerMethodField(help_text="The source's page for readers.")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    website = serializers.SerializerMethodField()
    aliases = serializers.SlugRelatedField(
        slug_field="alias",
        many=True,
        read_only=True,
        help_text="Other names the source goes by in reports.",
    )
    figure_claim_count = serializers.IntegerField(
        read_only=True, help_text="Confirmed figures it reported."
    )
    timing_claim_count = serializers.IntegerField(
        read_only=True, help_text="Confirmed timings it reported."
    )
    incident_count = serializers.IntegerField(
        source="confirmed_incident_count",
        read_only=True,
        help_text="Incidents it made at least one confirmed claim about.",
    )

    class Meta:
        model = Source
        fields = [
            "slug",
            "name",
            "kind",
            "kind_label",
            "affiliation",
            "country",
            "website",
            "description",
            "aliases",
            "figure_claim_count",
            "timing_claim_count",
            "incident_count",
            "url",
            "html_url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, source: Source) -> str:
        return _absolute(self, source.get_absolute_url())

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_website(self, source: Source):
        return source.url or None
