"""Articles that carry claims, and the feeds they arrive from."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from claims.models.incidents import Incident


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
