"""From an article's text to claims on an incident, and the incident bookkeeping around it:
suggesting which incident an article is about, linking it, merging duplicate incidents.

Claims are written through claims.services (figure_claim_save, timing_claim_save), so history
records each one and the incident's revision links and summary stay current.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import services
from claims.extraction import ExtractedFigure, ExtractedTiming, extract
from claims.ingest.incidents import incident_suggest
from claims.ingest.parse import outlet_from_url
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim

logger = logging.getLogger(__name__)

_KIND_HINTS = (
    (
        re.compile(
            r"\b(?:observatory|monitor|network|watch|rights|ngo|red cross|red crescent)\b", re.I
        ),
        Source.Kind.MONITOR,
    ),
    (
        re.compile(r"\b(?:ministry|government|minister|governor|presidency|council)\b", re.I),
        Source.Kind.GOVERNMENT,
    ),
    (
        re.compile(
            r"\b(?:army|military|command|forces|defence|defense|navy|air force|coalition)\b", re.I
        ),
        Source.Kind.MILITARY,
    ),
    (
        re.compile(r"\b(?:anonymous|anonymity|unnamed|who declined to be named)\b", re.I),
        Source.Kind.ANONYMOUS,
    ),
    (
        re.compile(r"\b(?:news|agency|television|tv|radio|media|wire|times|post)\b", re.I),
        Source.Kind.MEDIA,
    ),
)


@dataclass(slots=True)
class ExtractionSummary:
    """What one extraction run did to an article's claims."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    kept_reviewed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.kept_reviewed


def extraction_key(item: ExtractedFigure | ExtractedTiming) -> str:
    """Identifies an extracted claim within its article: the same text read by the same
    extractor gives the same keys, so re-ingesting refreshes claims instead of duplicating."""
    start, end = item.span
    if isinstance(item, ExtractedFigure):
        high = "" if item.high is None else item.high
        return f"figure:{start}-{end}:{item.metric}:{item.victim_group}:{item.low}-{high}"
    digest = hashlib.sha256(item.stated.encode()).hexdigest()[:12]
    return f"timing:{start}-{end}:{digest}"


def _guess_kind(name: str) -> str:
    for pattern, kind in _KIND_HINTS:
        if pattern.search(name):
            return kind
    return Source.Kind.OTHER


def source_suggest(name: str, *, kind: str | None = None) -> Source:
    """The source `name` refers to, through its aliases; else a new source marked suggested
    (an editor confirms it), with the name as its alias. Safe when two workers race."""
    name = " ".join(name.split())[:200]
    source = services.source_for_name(name)
    if source is not None:
        return source
    try:
        with transaction.atomic():
            return services.source_create(
                name=name,
                kind=kind or _guess_kind(name),
                is_suggested=True,
                reason="suggested by extraction",
            )
    except (IntegrityError, ValidationError):
        # Another worker created it first, or a source has this name without the alias.
        source = services.source_for_name(name) or Source.objects.filter(name=name).first()
        if source is None:
            raise
        return source


def _outlet_source(article: Article) -> Source:
    name = article.outlet or outlet_from_url(article.url) or "Unknown outlet"
    return source_suggest(name, kind=Source.Kind.MEDIA)


def _figure_fields(item: ExtractedFigure) -> dict | None:
    if item.metric not in FigureClaim.Metric.values:
        return None
    qualifier = item.qualifier
    if qualifier not in FigureClaim.Qualifier.values:
        qualifier = FigureClaim.Qualifier.EXACT if item.low == item.high else "vague"
    group = item.victim_group
    if group not in FigureClaim.VictimGroup.values:
        group = FigureClaim.VictimGroup.UNSPECIFIED
    return {
        "metric": item.metric,
        "victims_text": item.victims[:200],
        "victim_group": group,
        "stated_text": item.stated[:200],
        "qualifier": qualifier,
        "low": item.low,
        "high": item.high,
        "is_hedged": item.hedged,
        "is_cumulative": item.cumulative,
        "marked_earlier": item.revised_from_earlier,
    }


def _timing_fields(item: ExtractedTiming) -> dict:
    return {
        "stated_text": item.stated[:300],
        "zone_label": (item.zone or "")[:40],
        "start_utc": item.start_utc,
        "end_utc": item.end_utc,
        "duration_min_low": item.duration_min_low,
        "duration_min_high": item.duration_min_high,
    }


@dataclass(frozen=True, slots=True)
class PlannedClaim:
    """One extracted claim, ready to write: its model, key and field values."""

    model: type
    key: str
    fields: dict


def claims_plan(article: Article) -> list[PlannedClaim]:
    """Runs the extractor on Article.text (spans index it) with the publication date and the
    incident's zone, and resolves every claimant to a Source (creating suggested ones).

    Sources are created here, each committed on its own, before the transaction that writes the
    claims: two workers then never hold the incident's row and wait for each other's new source
    (a lock-order deadlock). An orphan suggested source is the worst case of a later failure.
    """
    incident = article.incident
    if incident is None:
        return []
    published = article.published_at.date() if article.published_at else None
    items = extract(article.text, published=published, place_tz=incident.time_zone or None)
    reported_at = article.published_at or article.retrieved_at or timezone.now()
    sources: dict[str | None, Source] = {}
    seen: set[tuple[type, str]] = set()
    plan = []
    for item in items:
        model = FigureClaim if isinstance(item, ExtractedFigure) else TimingClaim
        fields = _figure_fields(item) if model is FigureClaim else _timing_fields(item)
        if fields is None:
            continue
        key, n = extraction_key(item), 2
        while (model, key) in seen:  # two claims read from one sentence with the same numbers
            key, n = f"{extraction_key(item)}#{n}", n + 1
        seen.add((model, key))
        claimant_name = None if item.claimant_is_headline else item.claimant
        if claimant_name not in sources:
            sources[claimant_name] = (
                source_suggest(claimant_name) if claimant_name else _outlet_source(article)
            )
        cited = " ".join((item.cited or "").split())[:300]
        fields.update(
            incident=incident,
            claimant=sources[claimant_name],
            cited_text=cited,
            cited_source=services.source_for_name(cited) if cited else None,
            evidence=item.evidence,
            evidence_start=item.span[0],
            evidence_end=item.span[1],
            reported_at=reported_at,
            is_headline=item.claimant_is_headline,
        )
        plan.append(PlannedClaim(model, key, fields))
    return plan


def claims_apply(
    article: Article, plan: list[PlannedClaim], *, acting_user=None
) -> ExtractionSummary:
    """Writes planned claims on a saved article (run it inside a transaction).

    1. For each planned claim, find the row with the same extraction_key: create it
       (unreviewed), update it if still unreviewed and different, or leave it alone once an
       editor confirmed or rejected it (their review wins over a re-extraction).
    2. Unreviewed extracted claims whose key no longer comes out (the text changed) are
       removed; reviewed ones stay.
    """
    summary = ExtractionSummary()
    for planned in plan:
        try:
            _claim_upsert(
                planned.model,
                article,
                planned.key,
                dict(planned.fields),
                summary,
                acting_user=acting_user,
            )
        except ValidationError as exc:
            # One implausible reading (a figure over the cap...) must not lose the others.
            logger.warning("skipped claim %s of article %s: %s", planned.key, article.pk, exc)
            summary.skipped += 1
    for model in (FigureClaim, TimingClaim):
        keys = [p.key for p in plan if p.model is model]
        stale = (
            model.objects.filter(
                article=article, origin=model.Origin.EXTRACTED, status=model.Status.UNREVIEWED
            )
            .exclude(extraction_key__in=keys)
            .exclude(extraction_key="")
        )
        incidents = set()
        for claim in stale:
            incidents.add(claim.incident)
            if acting_user is not None and acting_user.is_authenticated:
                claim._history_user = acting_user
            claim._change_reason = "no longer in the article's text"
            claim.delete()
            summary.removed += 1
        for changed in incidents:
            services.incident_claims_changed(changed, acting_user=acting_user)
    return summary


def article_extract_claims(article: Article, *, acting_user=None) -> ExtractionSummary:
    """Creates or refreshes the article's extracted claims on its incident (claims_plan, then
    claims_apply in one transaction). Without an incident it does nothing."""
    if article.incident_id is None:
        return ExtractionSummary()
    plan = claims_plan(article)
    with transaction.atomic():
        return claims_apply(article, plan, acting_user=acting_user)


def _claim_upsert(model, article, key, fields, summary, *, acting_user=None) -> None:
    save = services.figure_claim_save if model is FigureClaim else services.timing_claim_save
    existing = model.objects.filter(article=article, extraction_key=key).first()
    if existing is None:
        claim = model(
            article=article,
            extraction_key=key,
            origin=model.Origin.EXTRACTED,
            status=model.Status.UNREVIEWED,
            **fields,
        )
        try:
            with transaction.atomic():
                save(claim, acting_user=acting_user, reason="extracted from article")
            summary.created += 1
            return
        except (IntegrityError, ValidationError):
            # A concurrent run of the same article created it first: update that row instead.
            existing = model.objects.filter(article=article, extraction_key=key).first()
            if existing is None:
                raise
    if existing.status != model.Status.UNREVIEWED:
        summary.kept_reviewed += 1
        return
    changed = {f: v for f, v in fields.items() if _value(existing, f) != _pk_or_value(v)}
    if not changed:
        summary.unchanged += 1
        return
    for field, value in changed.items():
        setattr(existing, field, value)
    save(existing, acting_user=acting_user, reason="re-extracted from article")
    summary.updated += 1


def _value(obj, field):
    f = obj._meta.get_field(field)
    return getattr(obj, f.attname)


def _pk_or_value(v):
    return v.pk if hasattr(v, "_meta") else v


def article_link_incident(article: Article, incident: Incident, *, acting_user=None):
    """Links an article to `incident` (an editor's confirmation) and creates its claims there.

    Claims the article already carried on another incident move with it (recorded in their
    history). Returns the ExtractionSummary (empty until the article has been extracted).
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        article.incident = incident
        if article.suggested_incident_id == incident.pk:
            article.suggested_incident = None
        article.save(update_fields=["incident", "suggested_incident", "updated_at"])
        moved_from = set()
        for model in (FigureClaim, TimingClaim):
            for claim in model.objects.filter(article=article).exclude(incident=incident):
                moved_from.add(claim.incident)
                claim.incident = incident
                services._save_audited(
                    claim, acting_user=acting_user, reason=f"article linked to {incident}"
                )
        for old in moved_from:
            services.incident_claims_changed(old, acting_user=acting_user)
        if article.status != Article.Status.EXTRACTED:
            return ExtractionSummary()
        return article_extract_claims(article, acting_user=acting_user)


def article_place(
    article: Article, plan: list[PlannedClaim] | None = None, *, acting_user=None
) -> ExtractionSummary:
    """After extraction: claims on the article's incident (from `plan` when the caller made
    one before its transaction), or an incident suggestion."""
    if article.incident_id is not None:
        if plan is None:
            return article_extract_claims(article, acting_user=acting_user)
        return claims_apply(article, plan, acting_user=acting_user)
    suggestion = incident_suggest(article)
    if suggestion is not None and article.suggested_incident_id != suggestion.pk:
        article.suggested_incident = suggestion
        Article.objects.filter(pk=article.pk).update(suggested_incident=suggestion)
    return ExtractionSummary()
