"""Sources: who makes claims, and the other names they go by."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


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

    # Denormalised track record for the sources list: the sum of the source's
    # SourceIncidentRecord rows, recomputed by claims.track whenever one of them changes.
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
    # Lower-cased, whitespace-collapsed, apostrophes folded: matching extracted names against
    # aliases uses it.
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
        # Typographic apostrophes fold to the plain one: "Lebanon\u2019s health ministry" in
        # one report and "Lebanon's health ministry" in another are one alias.
        return " ".join(name.replace("\u2019", "'").replace("\u2018", "'").casefold().split())

    def validate_unique(self, exclude=None):
        self.normalized = self.normalize(self.alias or "")
        super().validate_unique(exclude=exclude)


class SourceIncidentRecord(models.Model):
    """A source's track record in one incident: where its current figures sat against the other
    sources' there, how it revised them and whom it cited. Derived, never edited: recomputed
    with the incident's summary after any change to its claims (claims/track.py), so that the
    sources list and a source's page add these rows up instead of comparing every incident the
    source ever reported again."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="incident_records")
    incident = models.ForeignKey(
        "claims.Incident", on_delete=models.CASCADE, related_name="source_records"
    )
    above = models.PositiveIntegerField(default=0)
    within = models.PositiveIntegerField(default=0)
    below = models.PositiveIntegerField(default=0)
    deviations = models.JSONField(default=list)  # signed fractions from each group's median
    revisions = models.JSONField(default=dict)  # direction -> count
    cited = models.JSONField(default=dict)  # whom it cited -> count
    # [{"metric", "victim_group", "position", "deviation"}] for the source page's last column.
    placements = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "incident"], name="source_incident_record_unique"
            )
        ]

    def __str__(self):
        return f"{self.source_id} in {self.incident_id}"
