"""What the tracker stores: incidents, the sources that make claims, the articles that carry them,
and the figures and timings each source reported.

What a source said (the stated wording, the zone label as written) is always stored apart from
what we derive from it (the interval low..high, the UTC window): the derived fields can be
recomputed from the stated ones, never the reverse.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from claims.querysets import FigureClaimQuerySet, IncidentQuerySet, TimingClaimQuerySet

# A single incident's toll above this is a typo or an attack, not a report (10 million).
MAX_FIGURE = 10_000_000
# A stated duration above this (a week, in minutes) is not the duration of one strike.
MAX_DURATION_MINUTES = 7 * 24 * 60


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(f"{value!r} is not an IANA time zone such as Asia/Damascus.")


class Incident(models.Model):
    """One violent event (a strike, a bombing, a massacre) that sources report figures for."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True, help_text="Used in the page address.")
    place = models.CharField(max_length=200, help_text="Place name as journalists would write it.")
    country = models.CharField(max_length=100, db_index=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="IANA zone of the place (Asia/Damascus): 'local time' in reports means it.",
    )
    started_at = models.DateTimeField(
        null=True, blank=True, help_text="Best-known start, in UTC.", verbose_name="start (UTC)"
    )
    summary = models.TextField(blank=True)
    acled_event_id = models.CharField("ACLED event id", max_length=40, blank=True)
    ucdp_ged_id = models.CharField("UCDP GED id", max_length=40, blank=True)
    airwars_code = models.CharField("Airwars code", max_length=40, blank=True)
    is_sample = models.BooleanField(
        "sample data", default=False, help_text="Invented for demonstration; never a real event."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Denormalised for the list page at scale; recomputed by services.incident_refresh_summary on
    # every claim write, never edited by hand.
    source_count = models.PositiveIntegerField(default=0, editable=False)
    killed_low = models.PositiveIntegerField(null=True, editable=False)
    killed_high = models.PositiveIntegerField(null=True, editable=False)
    killed_open = models.BooleanField(default=False, editable=False)
    disagreement = models.FloatField(null=True, editable=False)
    last_reported_at = models.DateTimeField(null=True, editable=False)

    history = HistoricalRecords()
    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="incident_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="incident_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(disagreement__isnull=True)
                | Q(disagreement__gte=0, disagreement__lte=1),
                name="incident_disagreement_0_1",
            ),
        ]
        indexes = [
            # Incident list: default sort and the date-range filter.
            models.Index(fields=["-started_at", "id"], name="incident_started_idx"),
            # Incident list: "last update" sort.
            models.Index(fields=["-last_reported_at", "id"], name="incident_reported_idx"),
            # Incident list: "most disputed" sort.
            models.Index(fields=["-disagreement", "id"], name="incident_disagreement_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("claims:incident-detail", kwargs={"slug": self.slug})

    def dataset_links(self) -> list[tuple[str, str, str]]:
        """(dataset, identifier, address) for each public dataset this incident is in; the
        address is empty where the dataset has no page per event (ACLED)."""
        links = []
        if self.acled_event_id:
            links.append(("ACLED", self.acled_event_id, ""))
        if self.ucdp_ged_id:
            links.append(
                ("UCDP GED", self.ucdp_ged_id, f"https://ucdp.uu.se/event/{self.ucdp_ged_id}")
            )
        if self.airwars_code:
            links.append(
                (
                    "Airwars",
                    self.airwars_code,
                    f"https://airwars.org/civilian-casualties/{self.airwars_code}/",
                )
            )
        return links


class Source(models.Model):
    """Someone who makes claims: a monitor, a ministry, an armed group, an outlet, an official."""

    class Kind(models.TextChoices):
        MONITOR = "monitor", "Monitor or NGO"
        GOVERNMENT = "government", "Government"
        MILITARY = "military", "Military"
        ARMED_GROUP = "armed_group", "Armed group"
        MEDIA = "media", "Media outlet"
        OFFICIAL = "official", "Official (named person)"
        ANONYMOUS = "anonymous", "Anonymous"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    affiliation = models.CharField(
        max_length=200, blank=True, help_text="Whom the source speaks for or belongs to."
    )
    country = models.CharField(max_length=100, blank=True)
    url = models.URLField("website", blank=True)
    description = models.TextField(blank=True)
    is_suggested = models.BooleanField(
        "suggested, not confirmed",
        default=False,
        help_text="Created from an extracted claimant name; an editor confirms it.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Denormalised track record for the sources list; recomputed by
    # services.sources_refresh_track_records whenever a claim of an incident it reports changes.
    incident_count = models.PositiveIntegerField(default=0, editable=False)
    compared_count = models.PositiveIntegerField(default=0, editable=False)
    typical_deviation = models.FloatField(null=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=["incident_count", "compared_count", "typical_deviation"]
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            # Sources list: ranked by how many incidents a source reports on.
            models.Index(fields=["-incident_count", "name"], name="source_activity_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("claims:source-detail", kwargs={"slug": self.slug})


class SourceAlias(models.Model):
    """Another name a source goes by in reports ("SOHR", "the Observatory")."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    # Lower-cased, whitespace-collapsed form: matching extracted names against aliases uses it.
    normalized = models.CharField(max_length=200, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "source aliases"

    def __str__(self):
        return self.alias

    def save(self, *args, **kwargs):
        self.normalized = self.normalize(self.alias)
        super().save(*args, **kwargs)

    @staticmethod
    def normalize(name: str) -> str:
        return " ".join(name.casefold().split())

    def validate_unique(self, exclude=None):
        self.normalized = self.normalize(self.alias or "")
        super().validate_unique(exclude=exclude)


class Feed(models.Model):
    """An RSS or Atom feed whose new items are ingested on a schedule."""

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=2000, unique=True)
    is_active = models.BooleanField(default=True)
    incident = models.ForeignKey(
        "Incident",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feeds",
        help_text="Link every item of this feed to this incident (optional).",
    )
    poll_minutes = models.PositiveIntegerField(
        "poll every (minutes)", default=30, validators=[MaxValueValidator(7 * 24 * 60)]
    )
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(poll_minutes__gte=1), name="feed_poll_positive"),
        ]

    def __str__(self):
        return self.name


class Article(models.Model):
    """A publication that carries claims, with the text it was read from and an archived copy."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        FETCHING = "fetching", "Fetching"
        EXTRACTED = "extracted", "Extracted"
        FAILED = "failed", "Failed"

    class Origin(models.TextChoices):
        URL = "url", "Fetched from its address"
        UPLOAD = "upload", "Uploaded HTML file"
        PASTE = "paste", "Pasted text"
        FEED = "feed", "Feed item"
        EDITOR = "editor", "Entered by an editor"

    url = models.URLField(max_length=2000, blank=True, help_text="Normalised address, if online.")
    outlet = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retrieved_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Extracted main text; evidence spans index it.")
    raw_html = models.TextField(blank=True, help_text="Archived copy of the page as fetched.")
    content_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text="SHA-256 of the text."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.EDITOR)
    attempts = models.PositiveIntegerField(default=0, editable=False)
    feed = models.ForeignKey(
        Feed, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    suggested_incident = models.ForeignKey(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggested_articles",
        help_text="An incident this article looks like (same place, close dates); confirm it.",
    )
    extracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="article_unique_url",
                violation_error_message="An article with this address is already stored.",
            ),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~Q(content_hash=""),
                name="article_unique_hash",
                violation_error_message="An article with the same text is already stored.",
            ),
        ]
        indexes = [
            # Ingestion sweep: articles still waiting for a worker.
            models.Index(
                fields=["created_at"], condition=Q(status="queued"), name="article_queued_idx"
            ),
        ]

    def __str__(self):
        return self.title or self.url or f"Article {self.pk}"


class ClaimBase(models.Model):
    """Provenance shared by figure and timing claims: who said it, citing whom, where, when."""

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        EDITOR = "editor", "Entered by an editor"
        EXTRACTED = "extracted", "Extracted from an article"
        DEMO = "demo", "Demo data"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="%(class)ss")
    claimant = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        help_text="Who made the claim (not the outlet that relayed it).",
    )
    cited_text = models.CharField(
        "cites (as stated)",
        max_length=300,
        blank=True,
        help_text='Whom the claimant cites, as written: "a source at the airport".',
    )
    cited_source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cited_in_%(class)ss",
        help_text="The cited source, where it is a known source.",
    )
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="%(class)ss"
    )
    evidence = models.TextField(blank=True, help_text="The sentence the claim was read from.")
    evidence_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    evidence_end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    reference_url = models.URLField(
        max_length=2000, blank=True, help_text="Where an editor found a figure entered by hand."
    )
    reported_at = models.DateTimeField(help_text="When the claimant made this claim (UTC).")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNREVIEWED)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.EDITOR)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    is_headline = models.BooleanField(
        "unattributed (headline)",
        default=False,
        help_text="From a headline or standfirst naming nobody; the outlet is the claimant.",
    )
    editor_note = models.CharField(max_length=500, blank=True)
    # Optimistic concurrency: services refuse a save whose version is not the stored one (someone
    # else saved in between) and bump it on every save.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Identifies an extracted claim within its article (kind, span, metric...), so that
    # re-ingesting the article refreshes its claims instead of duplicating them.
    extraction_key = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.evidence_start is None) != (self.evidence_end is None):
            raise ValidationError("An evidence span needs both a start and an end.")


def _provenance_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(evidence_start__isnull=True, evidence_end__isnull=True)
            | Q(evidence_start__lte=F("evidence_end")),
            name=f"{prefix}_evidence_span_ordered",
        ),
        models.UniqueConstraint(
            fields=["article", "extraction_key"],
            condition=~Q(extraction_key=""),
            name=f"{prefix}_unique_extraction",
        ),
    ]


class FigureClaim(ClaimBase):
    """One figure (killed, injured...) that one source reported for one incident."""

    class Metric(models.TextChoices):
        KILLED = "killed", "Killed"
        INJURED = "injured", "Injured"
        MISSING = "missing", "Missing"
        DETAINED = "detained", "Detained"
        ABDUCTED = "abducted", "Abducted"
        DISPLACED = "displaced", "Displaced"

    class VictimGroup(models.TextChoices):
        CIVILIANS = "civilians", "Civilians"
        STATE_FORCES = "state_forces", "State forces"
        NON_STATE = "non_state", "Non-state fighters"
        UNSPECIFIED = "unspecified", "Unspecified"

    class Qualifier(models.TextChoices):
        EXACT = "exact", "exact"
        AT_LEAST = "at_least", "at least"
        MORE_THAN = "more_than", "more than"
        ABOUT = "about", "about"
        NEARLY = "nearly", "nearly"
        UP_TO = "up_to", "up to"
        BETWEEN = "between", "between"
        VAGUE = "vague", "vague amount"

    metric = models.CharField(max_length=20, choices=Metric.choices, default=Metric.KILLED)
    victims_text = models.CharField(
        "victims (as stated)",
        max_length=200,
        blank=True,
        help_text='As written: "regime soldiers".',
    )
    victim_group = models.CharField(
        max_length=20, choices=VictimGroup.choices, default=VictimGroup.UNSPECIFIED
    )
    stated_text = models.CharField(
        "figure as stated", max_length=200, help_text='The wording of the figure: "at least 90".'
    )
    qualifier = models.CharField(max_length=20, choices=Qualifier.choices, default=Qualifier.EXACT)
    low = models.PositiveIntegerField(validators=[MaxValueValidator(MAX_FIGURE)])
    high = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_FIGURE)],
        help_text="Empty for an open-ended figure (at least 90).",
    )
    is_hedged = models.BooleanField(
        "hedged", default=False, help_text='"may have been killed": a claim, not a fact.'
    )
    is_cumulative = models.BooleanField(
        "cumulative toll",
        default=False,
        help_text='A toll for a whole war or period ("has killed more than 40,000"), not this '
        "incident: kept, never compared with the incident's figures.",
    )
    marked_earlier = models.BooleanField(
        "marked as earlier in the text",
        default=False,
        help_text='The article calls it an initial or earlier figure ("initially estimated").',
    )
    # Maintained by services.claims_relink: the claimant's previous figure for the same metric and
    # victim group on this incident. Pages read it to show history without recomputing.
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="superseded_by",
        editable=False,
    )
    is_current = models.BooleanField(default=True, editable=False)

    history = HistoricalRecords()
    objects = FigureClaimQuerySet.as_manager()

    class Meta:
        ordering = ["incident", "metric", "reported_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(low__gte=0), name="figure_low_non_negative"),
            models.CheckConstraint(
                condition=Q(high__isnull=True) | Q(low__lte=F("high")), name="figure_low_le_high"
            ),
            models.CheckConstraint(condition=Q(low__lte=MAX_FIGURE), name="figure_low_plausible"),
            *_provenance_constraints("figure"),
        ]
        indexes = [
            # Incident page and comparison export: one incident's claims by metric.
            models.Index(fields=["incident", "metric", "reported_at"], name="figure_incident_idx"),
            # Source page and the claims export's source filter.
            models.Index(fields=["claimant", "reported_at"], name="figure_claimant_idx"),
            # Review queue: unreviewed claims, oldest first.
            models.Index(
                fields=["created_at"], condition=Q(status="unreviewed"), name="figure_review_idx"
            ),
        ]

    def __str__(self):
        return f"{self.claimant}: {self.stated_text} {self.get_metric_display().lower()}"

    def clean(self):
        super().clean()
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValidationError(
                {"high": f"The upper bound ({self.high}) is below the lower bound ({self.low})."}
            )


class TimingClaim(ClaimBase):
    """When one source says an incident happened or how long it lasted, as stated and in UTC."""

    stated_text = models.CharField(
        "timing as stated",
        max_length=300,
        help_text='The wording: "between 1700 and 1750 local time", "lasted 40 minutes".',
    )
    zone_label = models.CharField(
        "zone as stated", max_length=40, blank=True, help_text='"EDT", "GMT", "local"...'
    )
    start_utc = models.DateTimeField("start (UTC)", null=True, blank=True)
    end_utc = models.DateTimeField(
        "end (UTC)", null=True, blank=True, help_text="Empty or equal to the start for a moment."
    )
    duration_min_low = models.PositiveIntegerField(
        "shortest duration (minutes)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    duration_min_high = models.PositiveIntegerField(
        "longest duration (minutes)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_DURATION_MINUTES)],
    )

    history = HistoricalRecords()
    objects = TimingClaimQuerySet.as_manager()

    class Meta:
        ordering = ["incident", "start_utc", "reported_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_utc__isnull=True) | Q(start_utc__lte=F("end_utc")),
                name="timing_start_le_end",
            ),
            models.CheckConstraint(
                condition=Q(end_utc__isnull=True) | Q(start_utc__isnull=False),
                name="timing_end_needs_start",
            ),
            models.CheckConstraint(
                condition=Q(duration_min_high__isnull=True)
                | Q(duration_min_low__lte=F("duration_min_high")),
                name="timing_duration_low_le_high",
            ),
            *_provenance_constraints("timing"),
        ]
        indexes = [
            # Incident page: one incident's timings.
            models.Index(fields=["incident", "reported_at"], name="timing_incident_idx"),
            # Review queue.
            models.Index(
                fields=["created_at"], condition=Q(status="unreviewed"), name="timing_review_idx"
            ),
        ]

    def __str__(self):
        return f"{self.claimant}: {self.stated_text}"

    def clean(self):
        super().clean()
        errors = {}
        if self.end_utc and not self.start_utc:
            errors["start_utc"] = "An end time needs a start time."
        elif self.start_utc and self.end_utc and self.end_utc < self.start_utc:
            errors["end_utc"] = "The end is before the start."
        low, high = self.duration_min_low, self.duration_min_high
        if low is not None and high is not None and low > high:
            errors["duration_min_high"] = "The longest duration is below the shortest."
        if high is not None and low is None:
            errors["duration_min_low"] = (
                "Give the shortest duration too (the same for an exact one)."
            )
        if errors:
            raise ValidationError(errors)
