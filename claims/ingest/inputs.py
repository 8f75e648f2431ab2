"""Articles in: an address (queued for a worker), an uploaded page or pasted text (read at
once), and the normalised address an article is identified by."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from claims import services
from claims.ingest.link import article_link_incident, article_place
from claims.ingest.parse import (
    ParsedPage,
    ParseError,
    clean_text,
    looks_like_page,
    parse_html,
    parse_plain,
)
from claims.ingest.store import article_enqueue_on_commit, article_fill
from claims.models import Article, Feed, Incident

# Query parameters that only say how a reader arrived, never which page it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "ncid", "smid", "ref_src", "ref_url",
        "at_medium", "at_campaign", "cid", "s_cid", "wt.mc_id", "spm", "share", "mbid",
    }
)  # fmt: skip
_url_validator = URLValidator(schemes=["http", "https"])


def normalize_url(url: str) -> str:
    """The address an article is stored and de-duplicated under: scheme and host lower-cased,
    default port, credentials and fragment dropped, tracking parameters (utm_*, fbclid...)
    removed, an empty path made "/". Raises ValidationError for anything but http(s)."""
    url = (url or "").strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise ValidationError(f"Only http and https addresses can be ingested: {url!r}")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise ValidationError(f"The address has no host name: {url!r}")
    try:
        port = parts.port
    except ValueError:
        raise ValidationError(f"The address has an invalid port: {url!r}") from None
    if ":" in host:
        host = f"[{host}]"
    if port and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    normalized = urlunsplit((scheme, host, parts.path or "/", urlencode(query, doseq=True), ""))
    _url_validator(normalized)
    if len(normalized) > Article._meta.get_field("url").max_length:
        raise ValidationError("The address is too long to store.")
    return normalized


def article_submit_url(
    *,
    url: str,
    incident: Incident | None = None,
    acting_user=None,
    feed: Feed | None = None,
    refresh: bool = False,
    enqueue: bool = True,
) -> Article:
    """Records a queued article for `url` and enqueues its fetch (after commit).

    The same address twice (after normalisation) gives the same article: an extracted one is
    refreshed only with refresh=True, a failed one is tried again, a queued one is left in the
    queue. A given incident is linked when the article has none yet.
    """
    normalized = normalize_url(url)
    article = Article.objects.filter(url=normalized).first()
    created = False
    if article is None:
        article = Article(
            url=normalized,
            status=Article.Status.QUEUED,
            origin=Article.Origin.FEED if feed is not None else Article.Origin.URL,
            incident=incident,
            feed=feed,
        )
        try:
            with transaction.atomic():
                # Unique constraints are left to the database: a concurrent submission of the
                # same address then raises IntegrityError here and we read the winner's row.
                article.full_clean(validate_constraints=False)
                article.save()
            created = True
        except IntegrityError:
            article = Article.objects.get(url=normalized)
    if not created and incident is not None and article.incident_id is None:
        article_link_incident(article, incident, acting_user=acting_user)
        article.refresh_from_db()
    if enqueue:
        if created or article.status == Article.Status.QUEUED:
            article_enqueue_on_commit(article.pk)
        elif refresh or article.status == Article.Status.FAILED:
            article_enqueue_on_commit(article.pk, refresh=True)
    return article


def article_from_html(
    *, html: bytes | str, url: str = "", incident: Incident | None = None, acting_user=None
) -> Article:
    """Stores an uploaded page (read like a fetched one) and extracts its claims.

    Raises ValidationError with the reason when the page has no readable text.
    """
    try:
        parsed = parse_html(html, url=url)
    except ParseError as exc:
        raise ValidationError(exc.reason) from None
    normalized = normalize_url(url) if url else ""
    return _store_direct(
        parsed,
        url=normalized,
        origin=Article.Origin.UPLOAD,
        incident=incident,
        acting_user=acting_user,
    )


def article_from_text(
    *,
    text: str,
    title: str = "",
    outlet: str = "",
    published_at: datetime | None = None,
    url: str = "",
    incident: Incident | None = None,
    acting_user=None,
) -> Article:
    """Stores pasted text (markup stripped; a whole pasted page is read like an upload) and
    extracts its claims. Raises ValidationError when nothing readable is left."""
    read = parse_html if looks_like_page(text) else parse_plain
    try:
        parsed = read(text, url=url)
    except ParseError as exc:
        raise ValidationError(exc.reason) from None
    title = clean_text(title) or parsed.title
    body = parsed.text
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"  # the headline is part of the text (it may carry a figure)
    parsed = ParsedPage(
        text=body,
        title=title[:500],
        outlet=(outlet.strip() or parsed.outlet)[:200],
        published_at=published_at or parsed.published_at,
        html=parsed.html,
    )
    normalized = normalize_url(url) if url else ""
    return _store_direct(
        parsed,
        url=normalized,
        origin=Article.Origin.PASTE,
        incident=incident,
        acting_user=acting_user,
    )


def _store_direct(parsed: ParsedPage, *, url, origin, incident, acting_user) -> Article:
    """An upload or paste: stored as extracted at once; the same text again is the same
    article (given an incident it is linked if it had none)."""
    hash_ = services.content_hash(parsed.text)
    existing = Article.objects.filter(content_hash=hash_).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    if existing is None:
        article = Article(url=url, origin=origin, incident=incident)
        article_fill(article, parsed)
        article.status = Article.Status.EXTRACTED
        article.extracted_at = timezone.now()
        try:
            with transaction.atomic():
                services.article_save(article)
                article_place(article, acting_user=acting_user)
            return article
        except (IntegrityError, ValidationError):
            existing = Article.objects.filter(Q(content_hash=hash_) | (Q(url=url) & ~Q(url="")))
            existing = existing.first()
            if existing is None:
                raise
    if incident is not None and existing.incident_id is None:
        article_link_incident(existing, incident, acting_user=acting_user)
        existing.refresh_from_db()
    return existing
