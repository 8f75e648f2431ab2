"""Processing a queued article (fetch, parse, store, extract) exactly once however often a
worker runs it, the queue around it (enqueueing, the sweep) and in-process processing.

Identity (docs/INGESTION.md): an article is its normalised address (unique) and the hash of its
text (unique). Work on a queued article is claimed with a conditional UPDATE, so a redelivered
or duplicated task finds nothing to do; a claim left by a killed worker expires after
INGEST_CLAIM_LEASE_SECONDS and is taken over.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone

from claims import pagecache, services
from claims.ingest.fetch import FetchError, fetch_page
from claims.ingest.link import (
    ExtractionSummary,
    article_place,
    claims_plan,
)
from claims.ingest.parse import (
    ParsedPage,
    ParseError,
    decode_html,
    parse_html,
    parse_plain,
)
from claims.models import Article, FigureClaim, TimingClaim

logger = logging.getLogger(__name__)


class TransientFetchError(Exception):
    """A fetch failed for a reason that may pass (timeout, 5xx, 429); the task retries it."""

    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass(slots=True)
class Outcome:
    """What processing one article did (a task returns `as_dict()`)."""

    status: str  # extracted, failed, duplicate, busy, done, gone
    article_id: int | None
    reason: str = ""
    retry_in: float = 0.0
    claims: ExtractionSummary = field(default_factory=ExtractionSummary)

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "article": self.article_id,
            "reason": self.reason,
            "claims": self.claims.total,
        }


# --- enqueueing ----------------------------------------------------------------------------


def article_enqueue(article_id: int, *, refresh: bool = False) -> bool:
    """Sends the fetch task for one article; False (logged) when the broker is unreachable.

    The article stays queued either way: articles_sweep_queued re-sends forgotten ones.
    """
    from claims import tasks  # tasks import this module

    try:
        tasks.article_fetch.apply_async(
            (article_id,), {"refresh": refresh}, queue=settings.INGEST_QUEUE
        )
    except Exception:  # noqa: BLE001 - a broker outage must not lose the submission
        logger.warning(
            "could not enqueue article %s; the sweep will retry", article_id, exc_info=True
        )
        return False
    return True


def article_enqueue_on_commit(article_id: int, *, refresh: bool = False) -> None:
    # After commit, so a worker never looks for a row that was rolled back.
    transaction.on_commit(partial(article_enqueue, article_id, refresh=refresh), robust=True)


def article_fill(article: Article, parsed: ParsedPage) -> None:
    """Copies what parsing found onto the article (not saved)."""
    article.text = parsed.text
    article.title = parsed.title
    article.outlet = parsed.outlet
    article.published_at = parsed.published_at
    article.raw_html = parsed.html
    article.retrieved_at = timezone.now()


# --- processing a queued article -----------------------------------------------------------


def _lease() -> timedelta:
    return timedelta(seconds=settings.INGEST_CLAIM_LEASE_SECONDS)


def article_claim(article_id: int, *, refresh: bool = False) -> bool:
    """Takes the work on one article: True for exactly one caller.

    Claimable: queued; fetching under a claim older than the lease (its worker died); with
    refresh, also extracted or failed. The claim time is written to updated_at.
    """
    now = timezone.now()
    claimable = Q(status=Article.Status.QUEUED) | Q(
        status=Article.Status.FETCHING, updated_at__lt=now - _lease()
    )
    if refresh:
        claimable |= Q(status__in=[Article.Status.EXTRACTED, Article.Status.FAILED])
    return (
        Article.objects.filter(claimable, pk=article_id).update(
            status=Article.Status.FETCHING, updated_at=now, attempts=F("attempts") + 1
        )
        == 1
    )


def article_fail(article_id: int, reason: str) -> None:
    """Records a permanent failure with its reason (the article keeps anything stored before)."""
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.FAILED, error=reason[:2000], updated_at=timezone.now()
    )
    pagecache.data_changed()  # the article's public page shows why it failed


def article_process(
    article_id: int, *, refresh: bool = False, final_attempt: bool = True
) -> Outcome:
    """Fetches, parses, stores and extracts one article; safe to call any number of times.

    1. Claim it (article_claim); if someone else holds it, return "busy" with the time left on
       their lease; if it is done, "done".
    2. Fetch its address (or, for an upload or paste being refreshed, re-read what is stored).
       A transient failure puts it back in the queue and raises TransientFetchError, unless
       this is the final attempt; a permanent one marks it failed with the reason.
    3. Store the text; if another article already has the same text, this one is removed and
       the outcome names the other ("duplicate").
    4. Extract claims on its incident (or suggest one) and mark it extracted, in one
       transaction with 3, so a crash leaves it claimed (and the lease hands it over) rather
       than half-stored.
    """
    if not article_claim(article_id, refresh=refresh):
        article = Article.objects.filter(pk=article_id).first()
        if article is None:
            return Outcome("gone", article_id)
        if article.status == Article.Status.FETCHING:
            left = (article.updated_at + _lease() - timezone.now()).total_seconds()
            return Outcome("busy", article_id, retry_in=max(1.0, left))
        return Outcome("done", article_id, reason=article.get_status_display())
    article = Article.objects.get(pk=article_id)
    try:
        parsed = _read(article)
    except FetchError as exc:
        if exc.transient and not final_attempt:
            Article.objects.filter(pk=article_id).update(
                status=Article.Status.QUEUED,
                error=f"Retrying after: {exc.reason}"[:2000],
                updated_at=timezone.now(),
            )
            raise TransientFetchError(exc.reason, exc.retry_after) from None
        article_fail(article_id, exc.reason)
        return Outcome("failed", article_id, reason=exc.reason)
    except ParseError as exc:
        article_fail(article_id, exc.reason)
        return Outcome("failed", article_id, reason=exc.reason)
    try:
        return _store_processed(article, parsed)
    except (OperationalError, InterfaceError) as exc:
        # The database is unreachable, or it broke a deadlock by aborting us: hand the article
        # back to the queue (if we can still reach it) and let the task retry.
        _release(article_id)
        raise TransientFetchError(f"Database error: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - never crash the worker; say what went wrong
        logger.exception("could not store article %s", article_id)
        reason = f"Could not store the page ({type(exc).__name__}: {exc})"[:500]
        article_fail(article_id, reason)
        return Outcome("failed", article_id, reason=reason)


def _release(article_id: int) -> None:
    # If the database is still down, the claim's lease hands the article over later.
    with contextlib.suppress(OperationalError, InterfaceError):
        Article.objects.filter(pk=article_id, status=Article.Status.FETCHING).update(
            status=Article.Status.QUEUED, updated_at=timezone.now()
        )


def _read(article: Article) -> ParsedPage:
    if article.url and article.origin in (Article.Origin.URL, Article.Origin.FEED):
        page = fetch_page(article.url)
        if page.content_type == "text/plain":
            return parse_plain(decode_html(page.body, page.charset), url=article.url)
        return parse_html(page.body, url=page.url, charset=page.charset)
    if article.raw_html:
        return parse_html(article.raw_html, url=article.url)
    if article.text:
        return ParsedPage(
            text=article.text,
            title=article.title,
            outlet=article.outlet,
            published_at=article.published_at,
        )
    raise ParseError("Nothing to read: the article has no address and no stored text")


_PROCESSED_FIELDS = [
    "text", "title", "outlet", "published_at", "raw_html", "retrieved_at", "content_hash",
    "status", "error", "extracted_at", "updated_at",
]  # fmt: skip


def _store_processed(article: Article, parsed: ParsedPage) -> Outcome:
    hash_ = services.content_hash(parsed.text)
    if Article.objects.filter(content_hash=hash_).exclude(pk=article.pk).exists():
        plan = None  # a duplicate: nothing to extract
    else:
        article_fill(article, parsed)
        plan = claims_plan(article)  # before the transaction: see claims_plan
    with transaction.atomic():
        twin = Article.objects.filter(content_hash=hash_).exclude(pk=article.pk).first()
        if twin is None:
            article_fill(article, parsed)
            article.status = Article.Status.EXTRACTED
            article.error = ""
            article.extracted_at = timezone.now()
            try:
                with transaction.atomic():
                    article.content_hash = hash_
                    article.full_clean(validate_constraints=False)
                    # Only what processing fills: an editor may link an incident meanwhile.
                    article.save(update_fields=_PROCESSED_FIELDS)
            except IntegrityError:
                # Another worker stored the same text under another address a moment ago.
                twin = Article.objects.filter(content_hash=hash_).exclude(pk=article.pk).first()
                if twin is None:
                    raise
        if twin is not None:
            return _merge_into_twin(article, twin)
        linked = Article.objects.filter(pk=article.pk).values_list("incident", flat=True)[0]
        if linked != article.incident_id:  # linked (or unlinked) while we were fetching
            article.incident_id, plan = linked, None
        summary = article_place(article, plan)
    return Outcome("extracted", article.pk, claims=summary)


def _merge_into_twin(article: Article, twin: Article) -> Outcome:
    """The same text is already stored under another address: keep one article.

    The twin keeps its address; this row goes, after handing over its incident or feed if the
    twin has none (claims it may carry from an earlier refresh move too).
    """
    changed = []
    if twin.incident_id is None and article.incident_id is not None:
        twin.incident_id = article.incident_id
        changed.append("incident")
    if twin.feed_id is None and article.feed_id is not None:
        twin.feed_id = article.feed_id
        changed.append("feed")
    if changed:
        twin.save(update_fields=[*changed, "updated_at"])
    for model in (FigureClaim, TimingClaim):
        twin_keys = set(model.objects.filter(article=twin).values_list("extraction_key", flat=True))
        for claim in model.objects.filter(article=article):
            if claim.extraction_key and claim.extraction_key in twin_keys:
                if claim.status == model.Status.UNREVIEWED:
                    claim._change_reason = "same claim as in the twin article"
                    claim.delete()
                    continue
                claim.extraction_key = ""  # reviewed: kept, no longer refreshed by extraction
            claim.article = twin
            services._save_audited(claim, reason=f"article {article.pk} merged into {twin.pk}")
    article.delete()
    if "incident" in changed and twin.status == Article.Status.EXTRACTED:
        article_place(twin)
    logger.info("article %s had the same text as article %s; kept the latter", article.pk, twin.pk)
    return Outcome("duplicate", twin.pk, reason=f"Same text as article {twin.pk}")


def articles_sweep_queued() -> int:
    """Re-sends articles the queue may have lost: queued for over INGEST_SWEEP_AFTER_SECONDS
    (the broker was down, or a message was dropped), or claimed by a worker whose lease ran
    out (it died). Returns how many were sent. A re-sent article that is in fact still waiting
    in the queue is harmless: the second task finds nothing to claim."""
    now = timezone.now()
    cutoff = now - timedelta(seconds=settings.INGEST_SWEEP_AFTER_SECONDS)
    due = Q(status=Article.Status.QUEUED, created_at__lt=cutoff, updated_at__lt=cutoff) | Q(
        status=Article.Status.FETCHING, updated_at__lt=now - _lease()
    )
    ids = list(
        Article.objects.filter(due).order_by("created_at").values_list("pk", flat=True)[:500]
    )
    sent = 0
    for pk in ids:
        if article_enqueue(pk):
            sent += 1
    if ids:
        # Stamp queued ones so the next sweep waits another interval before re-sending them.
        Article.objects.filter(pk__in=ids, status=Article.Status.QUEUED).update(updated_at=now)
    return sent


def article_process_now(article_id: int, *, refresh: bool = False, sleep=None) -> Outcome:
    """article_process in this process (the ingest command), retrying transient failures
    INGEST_MAX_RETRIES times with a short backoff (1, 2, 4... seconds) instead of the queue's."""
    sleep = sleep or time.sleep
    attempt = 0
    while True:
        final = attempt >= settings.INGEST_MAX_RETRIES
        try:
            return article_process(article_id, refresh=refresh, final_attempt=final)
        except TransientFetchError:
            sleep(min(2**attempt, 10))
            attempt += 1
            refresh = False  # it is queued again now
