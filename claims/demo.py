"""Demo data: the Deir ez-Zor air strike of 17 September 2016 (facts from the report the project
started from; the three short articles are the team's own wording) and one invented incident,
marked as sample data, so that the list is not a list of one.

`demo_load()` is idempotent: an incident whose slug exists is left exactly as it is.
"""

from django.db import transaction

from claims import services
from claims.demo_data import DEMO_INCIDENTS, SOURCES, DemoIncident
from claims.discrepancy import interval_for
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim


@transaction.atomic
def demo_load() -> list[Incident]:
    """Loads the demo sources and incidents; returns the incidents it created (none on re-run)."""
    sources = {}
    for spec in SOURCES:
        spec = dict(spec)
        aliases = spec.pop("aliases")
        existing = Source.objects.filter(name=spec["name"]).first()
        sources[spec["name"]] = existing or services.source_create(
            aliases=aliases, reason="demo data", **spec
        )
    created = []
    for demo in DEMO_INCIDENTS:
        if Incident.objects.filter(slug=demo.fields["slug"]).exists():
            continue
        created.append(_load_incident(demo, sources))
    return created


def _load_incident(demo: DemoIncident, sources: dict[str, Source]) -> Incident:
    incident = services.incident_create(reason="demo data", **demo.fields)
    articles = {}
    for spec in demo.articles:
        article = Article(
            outlet=spec.outlet,
            title=spec.title,
            published_at=spec.published_at,
            retrieved_at=spec.published_at,
            text=spec.text,
            status=Article.Status.EXTRACTED,
            incident=incident,
        )
        services.article_save(article)
        articles[spec.key] = article
    for spec in demo.figures:
        interval = interval_for(spec.qualifier, spec.value, spec.value_high)
        claim = FigureClaim(
            incident=incident,
            claimant=sources[spec.claimant],
            metric=spec.metric,
            victims_text=spec.victims,
            victim_group=spec.group,
            stated_text=spec.stated,
            qualifier=str(spec.qualifier),
            low=interval.low,
            high=interval.high,
            marked_earlier=spec.marked_earlier,
            cited_text=spec.cited,
            reported_at=spec.reported_at,
            status=FigureClaim.Status.CONFIRMED,
            origin=FigureClaim.Origin.DEMO,
        )
        _attach_evidence(claim, articles[spec.article], spec.evidence)
        services.figure_claim_save(claim, reason="demo data")
    for spec in demo.timings:
        low, high = spec.duration or (None, None)
        claim = TimingClaim(
            incident=incident,
            claimant=sources[spec.claimant],
            stated_text=spec.stated,
            zone_label=spec.zone,
            start_utc=spec.start,
            end_utc=spec.end,
            duration_min_low=low,
            duration_min_high=high,
            cited_text=spec.cited,
            reported_at=spec.reported_at,
            status=TimingClaim.Status.CONFIRMED,
            origin=TimingClaim.Origin.DEMO,
        )
        _attach_evidence(claim, articles[spec.article], spec.evidence)
        services.timing_claim_save(claim, reason="demo data")
    return incident


def _attach_evidence(claim, article: Article, sentence: str) -> None:
    start = article.text.find(sentence)
    if start < 0:
        raise ValueError(f"Demo evidence is not in article {article.title!r}: {sentence!r}")
    claim.article = article
    claim.evidence = sentence
    claim.evidence_start, claim.evidence_end = start, start + len(sentence)
