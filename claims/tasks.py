"""Celery tasks: thin wrappers that load rows by primary key and call one service."""

import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from claims import health, ingest, services
from claims.models import Feed, Incident


@shared_task(acks_late=True)
def incident_refresh_summary(incident_id: int) -> dict:
    """Recomputes an incident's list columns (idempotent: running it twice changes nothing)."""
    incident = Incident.objects.filter(pk=incident_id).first()
    if incident is None:
        return {"incident": incident_id, "status": "gone"}
    services.incident_claims_changed(incident)
    return {"incident": incident_id, "status": "refreshed", "sources": incident.source_count}


# --- ingestion (claims.ingest) -------------------------------------------------------------
# Each task takes primary keys and calls one service; the services are idempotent (unique
# address and text hash, work claimed with a conditional UPDATE), so a redelivered message
# (acks_late after a worker died) finds nothing left to do.


def _backoff(retries: int, retry_after: float | None = None) -> float:
    """Exponential backoff with jitter: base, 2 x base, 4 x base... (capped at 10 minutes);
    at least what a 429's Retry-After asked for (capped at an hour)."""
    base = settings.INGEST_RETRY_BACKOFF_SECONDS
    delay = min(base * 2**retries, 600) + random.uniform(0, base)
    if retry_after:
        delay = max(delay, min(retry_after, 3600))
    return delay


# ignore_result: the article row is the record of what happened. A stored result would also make
# every enqueue subscribe to the result backend first, and with Redis down that subscription
# retries for ~20 s (the Redis backend's retry policy) before the submission goes on.
@shared_task(bind=True, acks_late=True, max_retries=10, ignore_result=True)
def article_fetch(self, article_id: int, refresh: bool = False) -> dict:
    """Fetches, reads and extracts one article (ingest.article_process).

    Transient network errors (timeouts, broken connections, HTTP 5xx and 429) are retried with
    exponential backoff up to INGEST_MAX_RETRIES times, then recorded as the article's failure.
    An article another worker holds is retried when that worker's claim would expire.
    """
    if self.request.is_eager:
        # Eager mode (make demo, no broker): a retry has no queue to wait in; retry in-process.
        return ingest.article_process_now(article_id, refresh=refresh).as_dict()
    retries = self.request.retries
    try:
        outcome = ingest.article_process(
            article_id, refresh=refresh, final_attempt=retries >= settings.INGEST_MAX_RETRIES
        )
    except ingest.TransientFetchError as exc:
        raise self.retry(exc=exc, countdown=_backoff(retries, exc.retry_after)) from None
    except SoftTimeLimitExceeded:
        reason = f"Took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s to fetch and read"
        ingest.article_fail(article_id, reason)
        return {"status": "failed", "article": article_id, "reason": reason, "claims": 0}
    if outcome.status == "busy" and retries < self.max_retries:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.as_dict()


@shared_task(acks_late=True)
def articles_sweep_queued() -> dict:
    """Re-sends queued articles older than INGEST_SWEEP_AFTER_SECONDS and articles whose
    worker's claim expired (beat runs it every minute)."""
    return {"sent": ingest.articles_sweep_queued()}


@shared_task(acks_late=True)
def feed_poll(feed_id: int) -> dict:
    """Polls one feed and submits its new items."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return {"feed": feed_id, "status": "gone"}
    return ingest.feed_poll(feed).as_dict()


@shared_task(acks_late=True)
def feeds_poll_due() -> dict:
    """Sends a feed_poll task for each active feed whose poll interval has elapsed."""
    feed_ids = ingest.feeds_claim_due()
    for feed_id in feed_ids:
        feed_poll.apply_async((feed_id,), queue=settings.INGEST_QUEUE)
    return {"polled": feed_ids}


# --- worker health (claims/health.py) ------------------------------------------------------


@shared_task(bind=True, acks_late=False, ignore_result=True)
def worker_probe(self) -> None:
    """Liveness probe sent by `manage.py worker_health` to one worker's own queue: records that
    this worker still takes messages off the broker and runs them."""
    health.heartbeat_record(self.request.hostname)
