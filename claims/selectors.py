"""Reads for pages and exports. Each function runs a fixed number of queries, whatever the number of
claims, and hands ORM rows to the pure discrepancy engine as plain dataclasses."""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

from claims import discrepancy as d
from claims import track
from claims.extraction.renderings import check_stated_renderings
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim


def figure_input(claim: FigureClaim) -> d.FigureInput:
    """The engine's view of a figure claim (claimant and upstream keyed by source slug)."""
    return d.FigureInput(
        id=claim.pk,
        claimant=claim.claimant.slug,
        claimant_label=claim.claimant.name,
        claimant_kind=claim.claimant.kind,
        metric=claim.metric,
        victim_group=claim.victim_group,
        interval=d.Interval(claim.low, claim.high),
        qualifier=claim.qualifier,
        stated=claim.stated_text,
        reported_at=claim.reported_at,
        cited=claim.cited_text,
        upstream=claim.cited_source.slug if claim.cited_source_id else None,
        hedged=claim.is_hedged,
    )


def timing_input(claim: TimingClaim) -> d.TimingInput:
    return d.TimingInput(
        id=claim.pk,
        claimant=claim.claimant.slug,
        claimant_label=claim.claimant.name,
        claimant_kind=claim.claimant.kind,
        stated=claim.stated_text,
        zone_label=claim.zone_label,
        start_utc=claim.start_utc,
        end_utc=claim.end_utc,
        duration_low=claim.duration_min_low,
        duration_high=claim.duration_min_high,
        reported_at=claim.reported_at,
        upstream=claim.cited_source.slug if claim.cited_source_id else None,
        cited=claim.cited_text,
    )


@dataclass
class PublicFacts:
    """What an incident's confirmed claims add up to: the list's columns and the comparison."""

    summary: dict
    comparison: object  # d.IncidentComparison
    claimants: dict[str, int]  # slug -> source id of every source with a public claim


def incident_public_facts(incident: Incident) -> PublicFacts:
    """The list page's denormalised columns, computed from the incident's confirmed claims, and
    the comparison the sources' track records are computed from (claims/track.py)."""
    figures = list(
        FigureClaim.objects.filter(incident=incident, is_cumulative=False)
        .public()
        .with_provenance()
    )
    timings = list(TimingClaim.objects.filter(incident=incident).public().with_provenance())
    comparison = d.compare([figure_input(f) for f in figures], [timing_input(t) for t in timings])
    killed = [m for m in comparison.metrics if m.metric == d.Metric.KILLED]
    # Several victim groups: the list shows the one most sources reported on.
    main = max(killed, key=lambda m: len(m.current), default=None)
    reported = [c.reported_at for c in (*figures, *timings)]
    summary = {
        "source_count": len({c.claimant_id for c in (*figures, *timings)}),
        "killed_low": main.lowest.interval.low if main else None,
        "killed_high": _top_value(main.highest.interval) if main else None,
        "killed_open": bool(main and main.highest.interval.high is None),
        "disagreement": round(comparison.score, 4) if (figures or timings) else None,
        "last_reported_at": max(reported, default=None),
    }
    claimants = {c.claimant.slug: c.claimant_id for c in (*figures, *timings)}
    return PublicFacts(summary, comparison, claimants)


def _top_value(interval: d.Interval) -> int:
    """The number a reader sees for the highest claim: its ceiling, or its floor if open-ended."""
    return interval.low if interval.high is None else interval.high


@dataclass
class Cell:
    """One claimant's figures for one column: the chain of revisions, the last one current."""

    chain: list  # [(RevisionEntry, FigureClaim)], oldest first
    conflicts: bool = False
    is_lowest: bool = False
    is_highest: bool = False
    voices: int = 1

    @property
    def current(self) -> FigureClaim:
        return self.chain[-1][1]

    @property
    def earlier(self) -> list:
        return self.chain[:-1]

    @property
    def direction(self) -> str:
        """How the latest revision moved the figure: up, down, narrowed, widened, same."""
        return self.chain[-1][0].direction.value


@dataclass
class Row:
    claimant: object  # Source
    cells: list  # one Cell or None per column
    timings: list = field(default_factory=list)  # TimingClaim rows
    durations: list = field(default_factory=list)  # discrepancy DurationEntry
    timing_conflict: bool = False


@dataclass
class IncidentPage:
    incident: Incident
    rule: d.Rule
    as_of: datetime | None
    comparison: object  # d.IncidentComparison
    columns: list  # MetricComparison, in display order
    rows: list
    articles: list
    figures: list
    cumulative: list
    timings: list
    pending_count: int

    @property
    def rendering_warnings(self) -> list[str]:
        """Sentences for timings whose own renderings ("9:40 local (0740 GMT)") disagree."""
        return [
            f"{t.claimant.name} states the time in {' and '.join(t.renderings_check.zones)}, "
            f"but the two are {t.renderings_check.spread_minutes} minutes apart: "
            f"“{t.stated_text}”."
            for t in self.timings
            if t.renderings_check and not t.renderings_check.agree
        ]

    @property
    def latest_reported_at(self) -> datetime | None:
        """When the newest claim shown was reported: the date a citation gives."""
        return max((c.reported_at for c in (*self.figures, *self.timings)), default=None)


def incident_page(
    *, slug: str, user=None, rule: d.Rule = d.Rule.RANGE, as_of=None, pending=False
) -> IncidentPage:
    """Everything the incident page and its comparison export show, in four queries.

    1. Load the incident, its visible figures and timings (claimant, cited source and article
       joined), and the articles that carry them.
    2. Hand them to the discrepancy engine with the reader's rule and date.
    3. Lay the result out as a grid: one row per claimant, one column per comparable metric.
    """
    incident = get_object_or_404(Incident, slug=slug)
    show_pending = pending and user is not None and user.is_staff
    figure_qs = FigureClaim.objects.filter(incident=incident).with_provenance()
    timing_qs = TimingClaim.objects.filter(incident=incident).with_provenance()
    if show_pending:
        figure_qs, timing_qs = (
            figure_qs.exclude(status="rejected"),
            timing_qs.exclude(status="rejected"),
        )
    else:
        figure_qs, timing_qs = figure_qs.public(), timing_qs.public()
    everything = list(figure_qs)
    # Whole-war tolls answer another question: listed apart, never compared (SEMANTICS.md).
    figures = [f for f in everything if not f.is_cumulative]
    cumulative = [f for f in everything if f.is_cumulative]
    timings = list(timing_qs)
    if as_of is not None:
        timings = [t for t in timings if t.reported_at <= as_of]
    comparison = d.compare(
        [figure_input(f) for f in figures],
        [timing_input(t) for t in timings],
        rule=rule,
        as_of=as_of,
    )
    # The ids of the incident's own articles and of those its claims cite, as one UNION the
    # claims' indexes serve: joining all three tables with DISTINCT took most of a second at
    # 100k incidents (docs/PERFORMANCE.md).
    article_ids = (
        Article.objects.filter(incident=incident)
        .values("pk")
        .order_by()
        .union(
            FigureClaim.objects.filter(incident=incident, article__isnull=False)
            .values("article_id")
            .order_by(),
            TimingClaim.objects.filter(incident=incident, article__isnull=False)
            .values("article_id")
            .order_by(),
        )
    )
    articles = list(Article.objects.filter(pk__in=article_ids).order_by("published_at", "id"))
    for t in timings:
        t.renderings_check = (
            check_stated_renderings(
                t.stated_text, day=t.start_utc.date(), place_tz=incident.time_zone or None
            )
            if t.start_utc
            else None
        )
    by_id = {f.pk: f for f in figures}
    columns = list(comparison.metrics)
    rows = _grid(columns, timings, by_id, comparison)
    return IncidentPage(
        incident=incident,
        rule=rule,
        as_of=as_of,
        comparison=comparison,
        columns=columns,
        rows=rows,
        articles=articles,
        figures=figures,
        cumulative=cumulative,
        timings=timings,
        pending_count=sum(1 for c in (*everything, *timings) if c.status != "confirmed"),
    )


def _grid(columns, timings, by_id, comparison) -> list[Row]:
    sources = {}
    for f in by_id.values():
        sources.setdefault(f.claimant.slug, f.claimant)
    for t in timings:
        sources.setdefault(t.claimant.slug, t.claimant)
    rows = {slug: Row(claimant=src, cells=[None] * len(columns)) for slug, src in sources.items()}
    for i, mc in enumerate(columns):
        in_conflict = {p.low.claimant for p in mc.conflicts} | {
            p.high.claimant for p in mc.conflicts
        }
        support = {s.figure.claimant: s.count for s in mc.support}
        for chain in mc.history:
            claimant = chain[-1].figure.claimant
            rows[claimant].cells[i] = Cell(
                chain=[(entry, by_id[entry.figure.id]) for entry in chain],
                conflicts=claimant in in_conflict,
                # Lowest and highest are only news when the sources actually conflict.
                is_lowest=mc.has_conflict and claimant == mc.lowest.claimant,
                is_highest=mc.has_conflict and claimant == mc.highest.claimant,
                voices=support.get(claimant, 1),
            )
    for t in timings:
        rows[t.claimant.slug].timings.append(t)
    for pair in comparison.timing.disagreements:
        for window in (pair.early, pair.late):
            if window.claimant in rows:
                rows[window.claimant].timing_conflict = True
    for entry in comparison.timing.durations:
        if entry.claimant in rows:
            rows[entry.claimant].durations.append(entry)
    # Claimants with figures first, then by name, so the table reads top to bottom.
    return sorted(
        rows.values(),
        key=lambda r: (all(c is None for c in r.cells), r.claimant.name.casefold()),
    )


def claims_for_export(incident_ids_qs):
    """Every public figure claim of the given incidents, for the streaming claims export."""
    return (
        FigureClaim.objects.public()
        .filter(incident__in=incident_ids_qs)
        .order_by("incident_id", "metric", "reported_at", "id")
    )


def article_segments(article: Article, user=None) -> list[tuple[str, list, list[str]]]:
    """The article text cut into (text, claims, anchors) pieces: pieces inside an evidence span
    carry the claims read from them, so the template can highlight them, and the anchors
    ("figure-12") of the claims whose evidence starts there. The template escapes the text.
    """
    figure_qs = FigureClaim.objects.filter(article=article).select_related("claimant")
    timing_qs = TimingClaim.objects.filter(article=article).select_related("claimant")
    claims = [
        c
        for c in (*figure_qs.visible_to(user), *timing_qs.visible_to(user))
        if c.evidence_start is not None and c.evidence_end <= len(article.text)
    ]
    cuts = sorted(
        {0, len(article.text)}
        | {c.evidence_start for c in claims}
        | {c.evidence_end for c in claims}
    )
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [c for c in claims if c.evidence_start <= start and end <= c.evidence_end]
        anchors = [
            f"{'figure' if isinstance(c, FigureClaim) else 'timing'}-{c.pk}"
            for c in claims
            if c.evidence_start == start
        ]
        segments.append((article.text[start:end], covering, anchors))
    return segments


@dataclass
class SourcePage:
    source: Source
    figures: object  # a Page of the source's own public figures, newest first
    placements: dict  # (incident id, metric, victim group) -> placement, for those figures
    summary: dict  # track.source_summary
    timings: list  # its latest public timing claims
    timing_count: int


SOURCE_PAGE_SIZE = 50


def source_page(slug: str, page_number=1) -> SourcePage:
    """A source's claims across incidents, a page at a time, and its track record (the sum of
    its per-incident records, claims/track.py), in a fixed number of queries."""
    source = get_object_or_404(Source.objects.prefetch_related("aliases"), slug=slug)
    figures = (
        FigureClaim.objects.public()
        .filter(claimant=source, is_cumulative=False)
        .select_related("incident")
        .order_by("-reported_at", "-id")
    )
    page = Paginator(figures, SOURCE_PAGE_SIZE).get_page(page_number)
    timings = (
        TimingClaim.objects.public()
        .filter(claimant=source)
        .select_related("incident")
        .order_by("-reported_at", "-id")
    )
    return SourcePage(
        source=source,
        figures=page,
        placements=track.placements(source, {f.incident_id for f in page}),
        summary=track.source_summary(source),
        timings=list(timings[:SOURCE_PAGE_SIZE]),
        timing_count=timings.count(),
    )
