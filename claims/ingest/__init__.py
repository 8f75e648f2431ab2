"""Ingestion services: articles in from addresses, uploads, pasted text and feeds; fetched
safely, read with trafilatura, stored once, and their claims extracted onto an incident.

Split by responsibility (docs/INGESTION.md describes the pipeline and its safety rules):
``fetch`` (the guarded HTTP client), ``parse`` (decoding and trafilatura), ``inputs``
(addresses, uploads, pasted text; URL identity), ``store`` (claiming, processing, the queue),
``link`` (claims from text, linking an article), ``incidents`` (suggestion, duplicates,
merging), ``feeds`` (RSS/Atom polling). Tasks in claims/tasks.py are thin wrappers of these.
"""

from claims.ingest.feeds import FeedPoll, feed_poll, feeds_claim_due, feeds_due
from claims.ingest.fetch import FetchError, FetchPolicy, address_refusal, fetch_page
from claims.ingest.incidents import incident_similar, incident_suggest, incidents_merge
from claims.ingest.inputs import (
    article_from_html,
    article_from_text,
    article_submit_url,
    normalize_url,
)
from claims.ingest.link import (
    ExtractionSummary,
    article_extract_claims,
    article_link_incident,
    claims_apply,
    claims_plan,
    extraction_key,
    source_suggest,
)
from claims.ingest.parse import ParsedPage, ParseError, clean_text, decode_html, parse_html
from claims.ingest.store import (
    Outcome,
    TransientFetchError,
    article_claim,
    article_enqueue,
    article_fail,
    article_process,
    article_process_now,
    articles_sweep_queued,
)

__all__ = [
    "ExtractionSummary",
    "FeedPoll",
    "FetchError",
    "FetchPolicy",
    "Outcome",
    "ParseError",
    "ParsedPage",
    "TransientFetchError",
    "address_refusal",
    "article_claim",
    "article_enqueue",
    "article_extract_claims",
    "article_fail",
    "article_from_html",
    "article_from_text",
    "article_link_incident",
    "article_process",
    "article_process_now",
    "article_submit_url",
    "articles_sweep_queued",
    "claims_apply",
    "claims_plan",
    "clean_text",
    "decode_html",
    "extraction_key",
    "feed_poll",
    "feeds_claim_due",
    "feeds_due",
    "fetch_page",
    "incident_similar",
    "incident_suggest",
    "incidents_merge",
    "normalize_url",
    "parse_html",
    "source_suggest",
]
