"""RSS and Atom feeds: each poll submits the items not seen before, once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urljoin

import feedparser
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from claims.ingest.fetch import FEED_TYPES, FetchError, FetchPolicy, fetch_page
from claims.ingest.inputs import article_submit_url, normalize_url
from claims.models import Article, Feed

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class FeedPoll:
    """What one poll of one feed found."""

    feed_id: int
    items: int = 0
    submitted: list[int] = field(default_factory=list)  # ids of the new articles
    error: str = ""

    def as_dict(self) -> dict:
        return {
            "feed": self.feed_id,
            "items": self.items,
            "submitted": len(self.submitted),
            "error": self.error,
        }


def feed_poll(feed: Feed, *, enqueue: bool = True) -> FeedPoll:
    """Reads `feed` (fetched under the same safety rules as articles) and submits each item
    address not stored yet, linked to the feed's incident. Records the poll time and any error
    on the feed; never raises for a bad feed."""
    result = FeedPoll(feed.pk)
    now = timezone.now()
    try:
        page = fetch_page(feed.url, FetchPolicy.from_settings(content_types=FEED_TYPES))
        parsed = feedparser.parse(page.body, response_headers={"content-location": page.url})
        entries = parsed.entries
        if parsed.bozo and not entries:
            raise FetchError(f"Not a readable RSS or Atom feed ({parsed.bozo_exception})"[:300])
    except FetchError as exc:
        result.error = exc.reason
        Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error=exc.reason)
        feed.last_polled_at, feed.last_error = now, exc.reason
        return result
    result.items = len(entries)
    for entry in entries[: settings.INGEST_FEED_MAX_ITEMS]:
        link = entry.get("link") or ""
        if not link:
            continue
        try:
            url = normalize_url(urljoin(page.url, link))
        except ValidationError:
            continue  # a mailto: or javascript: link is not an article
        if Article.objects.filter(url=url).exists():
            continue
        article = article_submit_url(url=url, incident=feed.incident, feed=feed, enqueue=enqueue)
        result.submitted.append(article.pk)
    Feed.objects.filter(pk=feed.pk).update(last_polled_at=now, last_error="")
    feed.last_polled_at, feed.last_error = now, ""
    return result


def feeds_due(now=None) -> list[Feed]:
    """Active feeds whose poll interval has elapsed (never polled ones first)."""
    now = now or timezone.now()
    due = [
        feed
        for feed in Feed.objects.filter(is_active=True).order_by(
            F("last_polled_at").asc(nulls_first=True), "pk"
        )
        if feed.last_polled_at is None
        or feed.last_polled_at + timedelta(minutes=feed.poll_minutes) <= now
    ]
    return due


def feeds_claim_due(now=None) -> list[int]:
    """Ids of due feeds, each claimed (its poll time stamped with a conditional UPDATE) so that
    two overlapping schedulers do not poll a feed twice."""
    now = now or timezone.now()
    claimed = []
    for feed in feeds_due(now):
        if Feed.objects.filter(pk=feed.pk, last_polled_at=feed.last_polled_at).update(
            last_polled_at=now
        ):
            claimed.append(feed.pk)
    return claimed
