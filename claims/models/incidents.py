"""Incidents: the events sources report figures for."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

# A single incident's toll above MAX_FIGURE (10 million) is a typo or an attack, not a report;
# the discrepancy engine refuses it too, so both read the one constant.
from claims.discrepancy import MAX_FIGURE  # noqa: F401 - re-exported for models and forms
from claims.querysets import IncidentQuerySet

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
