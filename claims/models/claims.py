"""Claims: the figures and timings one source reported for one incident."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from claims.models.articles import Article
from claims.models.incidents import MAX_DURATION_MINUTES, MAX_FIGURE, Incident
from claims.models.sources import Source
from claims.querysets import FigureClaimQuerySet, TimingClaimQuerySet


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
            # Incident list's source filter (EXISTS over a source's confirmed claims).
            models.Index(
                fields=["claimant", "incident"],
                condition=Q(status="confirmed"),
                name="figure_claimant_incident_idx",
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
            # Incident list's source filter.
            models.Index(
                fields=["claimant", "incident"],
                condition=Q(status="confirmed"),
                name="timing_claimant_incident_idx",
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
