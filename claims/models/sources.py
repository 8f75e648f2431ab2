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
