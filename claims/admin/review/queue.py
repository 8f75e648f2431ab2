"""The review queue: claims extracted from articles (and claims entered without one) that wait
for an editor, grouped by article, with the article text and each claim's evidence highlighted.
Approve and Reject go through services.claims_set_status, one claim, the ticked ones, or all of
one article's.

The queue has no model of its own: its URL (admin:claims_review) is added to the admin site
here, and the admin index links to it (templates/admin/claims/index.html).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from claims import services
from claims.discrepancy import Interval
from claims.models import Article, ClaimBase, FigureClaim, Incident, TimingClaim
from claims.templatetags.claims_extras import utc_window

UNREVIEWED = ClaimBase.Status.UNREVIEWED
KINDS = {"figure": FigureClaim, "timing": TimingClaim}
GROUPS_PER_PAGE = 10
# How many incidents the queue's filter offers (those with claims waiting, newest first).
INCIDENT_CHOICES = 200


def _kind(claim) -> str:
    return "figure" if isinstance(claim, FigureClaim) else "timing"


def reviewable_kinds(user) -> dict[str, type]:
    """The claim models this user may approve or reject (change permission on each)."""
    return {
        kind: model
        for kind, model in KINDS.items()
        if user.has_perm(f"claims.change_{model._meta.model_name}")
    }


@dataclass
class Card:
    """One claim as the queue shows it, numbered within its article."""

    claim: FigureClaim | TimingClaim
    number: int
    kind: str
    flags: list[str]
    in_text: bool  # its evidence span is highlighted in the article text

    @property
    def token(self) -> str:
        """The value a checkbox or button posts: "figure:12"."""
        return f"{self.kind}:{self.claim.pk}"

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.claim.pk}"

    @property
    def edit_url(self) -> str:
        """The claim's own form; saving it comes back to this card in the queue."""
        back = f"{reverse('admin:claims_review')}#{self.anchor}"
        change = reverse(f"admin:claims_{self.kind}claim_change", args=[self.claim.pk])
        return f"{change}?{urlencode({'next': back})}"

    @property
    def interval(self) -> str:
        return str(Interval(self.claim.low, self.claim.high)) if self.kind == "figure" else ""

    @property
    def window(self) -> str:
        return utc_window(self.claim) if self.kind == "timing" else ""

    @property
    def duration(self) -> str:
        if self.kind != "timing" or self.claim.duration_min_low is None:
            return ""
        low, high = self.claim.duration_min_low, self.claim.duration_min_high
        if high is None:
            return f"{low}+ min"
        return f"{low} min" if low == high else f"{low}–{high} min"


@dataclass
class Segment:
    """A piece of article text: inside the evidence of `cards` (highlighted) or not. Its
    `pieces` are (text, is_figure): the wording of a claim's figure or time is emphasised."""

    pieces: list[tuple[str, bool]]
    cards: list[Card] = field(default_factory=list)
    starts: list[Card] = field(default_factory=list)  # cards whose evidence begins here

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass
class Group:
    """The claims awaiting review from one article (or, without one, on one incident)."""

    article: Article | None
    incident: Incident | None
    cards: list[Card]
    segments: list[Segment]
    waiting_since: datetime

    @property
    def incidents(self) -> list[Incident]:
        """The incidents its claims are on (normally the article's one)."""
        seen = {}
        for card in self.cards:
            seen.setdefault(card.claim.incident_id, card.claim.incident)
        return list(seen.values())


def _flags(claim) -> list[str]:
    flags = []
    if getattr(claim, "marked_earlier", False):
        flags.append("earlier figure")
    if getattr(claim, "is_hedged", False):
        flags.append("hedged")
    if getattr(claim, "is_cumulative", False):
        flags.append("cumulative toll")
    if claim.is_headline:
        flags.append("headline")
    return flags


def _wording_span(text: str, claim) -> tuple[int, int] | None:
    """Where the claim's wording ("At least 23") stands inside its evidence, if it does."""
    wording = claim.stated_text.casefold()
    if not wording:
        return None
    at = text.casefold().find(wording, claim.evidence_start, claim.evidence_end)
    return None if at < 0 else (at, at + len(wording))


def evidence_segments(text: str, cards: list[Card]) -> list[Segment]:
    """The article text cut at every evidence boundary (as selectors.article_segments does, for
    claims already loaded).

    1. Keep the cards whose span lies inside the text (the others show their sentence).
    2. Cut the text at every span's start and end: each segment lists the cards whose evidence
       covers it and the cards whose evidence starts there.
    3. Cut each segment again where a claim's wording stands, so the figure itself can be
       emphasised inside the highlighted sentence.

    The template escapes every piece."""
    spans = [
        c
        for c in cards
        if c.claim.evidence_start is not None
        and c.claim.evidence_start < c.claim.evidence_end <= len(text)
    ]
    wordings = []
    for card in spans:
        card.in_text = True
        found = _wording_span(text, card.claim)
        if found is not None:
            wordings.append(found)
    cuts = sorted(
        {0, len(text)}
        | {c.claim.evidence_start for c in spans}
        | {c.claim.evidence_end for c in spans}
    )
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [
            c for c in spans if c.claim.evidence_start <= start and end <= c.claim.evidence_end
        ]
        inner = sorted({start, end} | {p for span in wordings for p in span if start < p < end})
        pieces = [
            (text[a:b], bool(covering) and any(w0 <= a and b <= w1 for w0, w1 in wordings))
            for a, b in zip(inner, inner[1:], strict=False)
        ]
        segments.append(
            Segment(
                pieces=pieces,
                cards=covering,
                starts=[c for c in spans if c.claim.evidence_start == start],
            )
        )
    return segments


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _unreviewed(model, *, incident: int | None, article: int | None):
    qs = model.objects.filter(status=UNREVIEWED)
    if incident is not None:
        qs = qs.filter(incident_id=incident)
    if article is not None:
        qs = qs.filter(article_id=article)
    return qs


def queue_keys(kinds, *, incident=None, article=None):
    """The queue's groups, oldest waiting claim first: (article id, None) for an article's
    claims, (None, incident id) for claims entered without an article; with how many claims
    each holds. Two grouped queries, on the partial "review" indexes."""
    oldest: dict[tuple, datetime] = {}
    counts: Counter = Counter()
    for model in kinds.values():
        rows = (
            _unreviewed(model, incident=incident, article=article)
            .order_by()
            .values("article_id", "incident_id")
            .annotate(first=Min("created_at"), n=Count("pk"))
        )
        for row in rows:
            key = (row["article_id"], None) if row["article_id"] else (None, row["incident_id"])
            if key not in oldest or row["first"] < oldest[key]:
                oldest[key] = row["first"]
            counts[key] += row["n"]
    keys = sorted(oldest, key=lambda k: (oldest[k], k[0] or 0, k[1] or 0))
    return keys, oldest, counts


def queue_groups(keys, oldest, kinds, *, incident=None, article=None) -> list[Group]:
    """Loads one page of groups: the articles (text, not the archived page) and their claims
    awaiting review, in reading order. One query for the articles, one per claim model."""
    article_ids = [a for a, _ in keys if a is not None]
    loose_incidents = [i for a, i in keys if a is None]
    articles = Article.objects.defer("raw_html").in_bulk(article_ids)
    by_key: dict[tuple, list] = {key: [] for key in keys}
    for model in kinds.values():
        claims = (
            _unreviewed(model, incident=incident, article=article)
            .filter(
                Q(article_id__in=article_ids)
                | Q(article__isnull=True, incident_id__in=loose_incidents)
            )
            .select_related("claimant", "cited_source", "incident")
        )
        for claim in claims:
            key = (claim.article_id, None) if claim.article_id else (None, claim.incident_id)
            if key in by_key:
                by_key[key].append(claim)
    groups = []
    for key in keys:
        claims = sorted(
            by_key[key],
            key=lambda c: (c.evidence_start is None, c.evidence_start or 0, _kind(c), c.pk),
        )
        if not claims:
            continue  # reviewed between the two queries
        cards = [
            Card(claim=c, number=n, kind=_kind(c), flags=_flags(c), in_text=False)
            for n, c in enumerate(claims, start=1)
        ]
        found = articles.get(key[0]) if key[0] else None
        groups.append(
            Group(
                article=found,
                incident=None if found else claims[0].incident,
                cards=cards,
                segments=evidence_segments(found.text, cards) if found else [],
                waiting_since=oldest[key],
            )
        )
    return groups


def _incident_choices(kinds):
    waiting = Q()
    for model in kinds.values():
        waiting |= Q(Exists(model.objects.filter(incident=OuterRef("pk"), status=UNREVIEWED)))
    return Incident.objects.filter(waiting).order_by("-started_at", "title")[:INCIDENT_CHOICES]


def review_queue(request):
    """Claims extracted from articles, waiting for an editor: the article text with each
    claim's evidence highlighted, and Approve / Reject / Edit for each claim or a selection."""
    kinds = reviewable_kinds(request.user)
    if not kinds:
        raise PermissionDenied
    if request.method == "POST":
        return _review_decide(request, kinds)
    incident_id, article_id = _int(request.GET.get("incident")), _int(request.GET.get("article"))
    keys, oldest, counts = queue_keys(kinds, incident=incident_id, article=article_id)
    page = Paginator(keys, GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    groups = queue_groups(
        list(page.object_list), oldest, kinds, incident=incident_id, article=article_id
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "subtitle": None,
        "groups": groups,
        "page_obj": page,
        "page_query": query.urlencode(),
        "claim_count": sum(counts.values()),
        "article_count": sum(1 for key in keys if key[0] is not None),
        "article_claims": sum(n for key, n in counts.items() if key[0] is not None),
        "loose_claims": sum(n for key, n in counts.items() if key[0] is None),
        "app_name": apps.get_app_config("claims").verbose_name,
        "incident_choices": _incident_choices(kinds),
        "incident_id": incident_id,
        "filter_article": Article.objects.only("pk", "title", "url").filter(pk=article_id).first()
        if article_id
        else None,
        "kinds": sorted(kinds),
    }
    return TemplateResponse(request, "admin/claims/review_queue.html", context)


_DECISIONS = {
    "confirmed": (ClaimBase.Status.CONFIRMED, "approved"),
    "rejected": (ClaimBase.Status.REJECTED, "rejected"),
}


def _parse_tokens(tokens, kinds) -> dict[type, list[int]]:
    wanted: dict[type, list[int]] = {}
    for token in tokens:
        kind, _, pk = token.partition(":")
        if kind not in KINDS or not pk.isdigit():
            continue
        if kind not in kinds:
            raise PermissionDenied  # e.g. approving timings without change_timingclaim
        wanted.setdefault(KINDS[kind], []).append(int(pk))
    return wanted


def _review_decide(request, kinds):
    """Approves or rejects one claim (its own button) or the ticked ones (the bulk buttons),
    through services.claims_set_status; claims someone else reviewed meanwhile are left alone.
    """
    back = request.get_full_path()
    if "one" in request.POST:  # a claim's own button, or "Approve all" of one article
        decision, _, rest = request.POST["one"].partition(" ")
        tokens = rest.split()
    else:
        decision, tokens = request.POST.get("bulk", ""), request.POST.getlist("claim")
    if decision not in _DECISIONS:
        messages.error(request, "Choose Approve or Reject.")
        return redirect(back)
    wanted = _parse_tokens(tokens, kinds)
    if not wanted:
        messages.warning(request, "Tick the claims to approve or reject first.")
        return redirect(back)
    status, verb = _DECISIONS[decision]
    valid, failed, asked = [], [], 0
    for model, ids in wanted.items():
        asked += len(ids)
        for claim in model.objects.filter(pk__in=ids, status=UNREVIEWED).select_related(
            "incident", "claimant"
        ):
            try:
                claim.status = status
                claim.full_clean()
            except ValidationError as error:
                failed.append((claim, "; ".join(error.messages)))
            else:
                claim.status = UNREVIEWED  # the service sets it, and records the change
                valid.append(claim)
    try:
        done = services.claims_set_status(valid, status=status, acting_user=request.user)
    except ValidationError as error:  # someone saved one of them this very moment
        messages.error(request, f"Nothing was {verb}: {'; '.join(error.messages)}")
        return redirect(back)
    gone = asked - len(valid) - len(failed)
    if done == 1 and len(valid) == 1:
        claim = valid[0]
        where = (
            format_html(
                ' It is on the <a href="{}">incident page</a> now.',
                claim.incident.get_absolute_url(),
            )
            if status == ClaimBase.Status.CONFIRMED
            else ""
        )
        messages.success(request, format_html("{} “{}”.{}", verb.capitalize(), claim, where))
    elif done:
        messages.success(request, f"{done} claims {verb}.")
    if gone:
        messages.warning(
            request,
            f"{gone} {'was' if gone == 1 else 'were'} already reviewed by someone else and "
            "left as they were.",
        )
    for claim, problem in failed:
        edit = reverse(f"admin:claims_{_kind(claim)}claim_change", args=[claim.pk])
        messages.error(
            request,
            format_html('Not {} “{}”: {} <a href="{}">Edit it</a>.', verb, claim, problem, edit),
        )
    return redirect(back)


def _with_review_urls(get_urls):
    def urls():
        return [
            path("claims/review/", admin.site.admin_view(review_queue), name="claims_review"),
            *get_urls(),
        ]

    return urls


admin.site.get_urls = _with_review_urls(admin.site.get_urls)
# The index links to "Add article" and the review queue (templates/admin/claims/index.html).
admin.site.index_template = "admin/claims/index.html"
