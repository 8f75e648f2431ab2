"""Which incident an article reports, and incidents that are the same event: suggestion from
place and date, likely duplicates for a warning, and merging one incident into another."""

from __future__ import annotations

import difflib
import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims import services
from claims.models import Article, Feed, FigureClaim, Incident, TimingClaim

# Words too common in incident titles and places to say which incident an article is about.
_GENERIC_WORDS = frozenset(
    """
    strike strikes airstrike airstrikes attack attacks bombing bombings shelling massacre raid
    raids drone drones killed kill kills dead deaths near outside city town village province
    district region market airport hospital school mosque church camp border north south east
    west northern southern eastern western central area road bridge port base the and with from
    into over after before during near least people civilians soldiers fighters police army
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(text.casefold()) if len(w) >= 4 and not w.isdigit()}


def incident_suggest(article: Article) -> Incident | None:
    """The incident an unlinked article most likely reports, or None.

    Candidates started within INGEST_SUGGEST_DAYS of the article's publication (or retrieval).
    Score: the incident's whole place name in the text 3, each distinctive word of the place 2,
    each distinctive word of the title 1 (generic words such as "strike" count for nothing). At
    least one place word must match; ties go to the incident closest in time.
    """
    if not article.text:
        return None
    when = article.published_at or article.retrieved_at or timezone.now()
    window = timedelta(days=settings.INGEST_SUGGEST_DAYS)
    candidates = Incident.objects.filter(
        started_at__gte=when - window, started_at__lte=when + window
    ).order_by("-started_at")[:500]
    text = article.text.casefold()
    text_words = _words(article.text)
    best, best_key = None, None
    for incident in candidates:
        place_words = _words(incident.place) - _GENERIC_WORDS
        place_hits = place_words & text_words
        if not place_hits:
            continue
        score = 2 * len(place_hits)
        place = " ".join(incident.place.casefold().split())
        if place and re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text):
            score += 3
        score += len(((_words(incident.title) - _GENERIC_WORDS) - place_words) & text_words)
        key = (score, -abs((incident.started_at - when).total_seconds()))
        if best_key is None or key > best_key:
            best, best_key = incident, key
    return best


def _title_key(title: str) -> str:
    return " ".join(_WORD_RE.findall(title.casefold()))


def incident_similar(incident: Incident, *, days: int | None = None, threshold: float = 0.6):
    """Incidents that are likely the same event as `incident` (for a warning before saving a
    duplicate): same country, start within `days` (INGEST_SUGGEST_DAYS by default; either start
    unknown counts as close), and a similar title (difflib ratio >= threshold) or the same
    place. Each returned incident carries `.similarity` (0..1), most similar first."""
    days = settings.INGEST_SUGGEST_DAYS if days is None else days
    candidates = Incident.objects.filter(country__iexact=incident.country.strip())
    if incident.pk is not None:
        candidates = candidates.exclude(pk=incident.pk)
    if incident.started_at is not None:
        window = timedelta(days=days)
        candidates = candidates.filter(
            started_at__gte=incident.started_at - window,
            started_at__lte=incident.started_at + window,
        ) | candidates.filter(started_at__isnull=True)
    mine = _title_key(incident.title)
    place = " ".join(incident.place.casefold().split())
    found = []
    for other in candidates[:500]:
        ratio = difflib.SequenceMatcher(None, mine, _title_key(other.title)).ratio()
        same_place = bool(place) and place == " ".join(other.place.casefold().split())
        if ratio >= threshold or same_place:
            other.similarity = max(ratio, 0.75 if same_place else 0.0)
            found.append(other)
    found.sort(key=lambda o: -o.similarity)
    return found


_MERGE_FILL = (
    "latitude",
    "longitude",
    "time_zone",
    "started_at",
    "summary",
    "acled_event_id",
    "ucdp_ged_id",
    "airwars_code",
)


@transaction.atomic
def incidents_merge(*, keep: Incident, drop: Incident, acting_user=None) -> Incident:
    """Merges `drop` into `keep`: every claim, article and feed of `drop` moves to `keep` (each
    claim's move is recorded in its history), fields `keep` leaves blank are filled from `drop`,
    `drop` is deleted (its history keeps it) and `keep`'s revisions and summary are refreshed."""
    if keep.pk == drop.pk:
        raise ValidationError("An incident cannot be merged into itself.")
    keep = Incident.objects.select_for_update().get(pk=keep.pk)
    drop = Incident.objects.select_for_update().get(pk=drop.pk)
    reason = f"merged from incident {drop.slug}"[:100]
    for model in (FigureClaim, TimingClaim):
        for claim in model.objects.filter(incident=drop):
            claim.incident = keep
            services._save_audited(claim, acting_user=acting_user, reason=reason)
    Article.objects.filter(incident=drop).update(incident=keep, updated_at=timezone.now())
    Article.objects.filter(suggested_incident=drop).update(suggested_incident=keep)
    Feed.objects.filter(incident=drop).update(incident=keep)
    filled = False
    for field in _MERGE_FILL:
        if getattr(keep, field) in (None, "") and getattr(drop, field) not in (None, ""):
            setattr(keep, field, getattr(drop, field))
            filled = True
    if filled:
        services._save_audited(keep, acting_user=acting_user, reason=reason)
    if acting_user is not None and acting_user.is_authenticated:
        drop._history_user = acting_user
    drop._change_reason = f"merged into incident {keep.slug}"[:100]
    drop.delete()
    services.incident_claims_changed(keep, acting_user=acting_user)
    return keep
