"""The synthetic-data generator (`manage.py generate_scale`, claims/scale.py): reproducible,
consistent with the services, safe to run twice, and the pages keep their query budgets on it.

Small sizes only: the full-size runs are benchmarks (bench/, docs/PERFORMANCE.md).
"""

from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from claims import scale, services
from claims.models import (
    Article,
    FigureClaim,
    Incident,
    Source,
    SourceAlias,
    SourceIncidentRecord,
    TimingClaim,
)

pytestmark = pytest.mark.django_db

SMALL = {"incidents": 40, "claims_per_incident": 6, "seed": 7, "sources": 30, "batch": 15}
BIG = (60, 20)  # the big incident: 60 confirmed figure claims from 20 sources


@pytest.fixture
def generated(db):
    return scale.generate(**SMALL, big_incident=BIG)


def _snapshot() -> dict:
    """Everything generated, keyed by natural keys (slugs, urls, order within an incident),
    so two runs compare equal whatever ids the database handed out."""
    incident_fields = [f.attname for f in Incident._meta.concrete_fields if f.attname != "id"]
    incidents = list(scale.synthetic_incidents().order_by("slug").values_list(*incident_fields))
    slug_of = dict(scale.synthetic_incidents().values_list("id", "slug"))
    source_of = dict(Source.objects.values_list("id", "slug"))
    article_of = dict(Article.objects.values_list("id", "url"))
    claims = {}
    for model in (FigureClaim, TimingClaim):
        rows = list(
            model.objects.filter(incident__in=scale.synthetic_incidents())
            .order_by("incident_id", "id")
            .values()
        )
        position = {row["id"]: (slug_of[row["incident_id"]], i) for i, row in enumerate(rows)}
        for row in rows:
            row["id"] = position[row["id"]]
            row["incident_id"] = slug_of[row["incident_id"]]
            row["claimant_id"] = source_of[row["claimant_id"]]
            row["cited_source_id"] = source_of.get(row["cited_source_id"])
            row["article_id"] = article_of.get(row["article_id"])
            if "supersedes_id" in row:
                row["supersedes_id"] = position.get(row["supersedes_id"])
        claims[model.__name__] = rows
    articles = list(
        Article.objects.filter(url__startswith="https://synthetic.example/")
        .order_by("url")
        .values_list("url", "title", "text", "content_hash", "published_at", "incident__slug")
    )
    sources = list(
        scale.synthetic_sources()
        .order_by("slug")
        .values_list(
            "slug", "name", "kind", "incident_count", "compared_count", "typical_deviation"
        )
    )
    aliases = sorted(
        SourceAlias.objects.filter(source__in=scale.synthetic_sources()).values_list(
            "source__slug", "alias", "normalized"
        )
    )
    return {"incidents": incidents, **claims, "articles": articles, "sources": sources,
            "aliases": aliases}  # fmt: skip


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(generated):
    first = _snapshot()
    scale.generate(**SMALL, big_incident=BIG, replace=True)
    assert _snapshot() == first
    scale.generate(**{**SMALL, "seed": 8}, big_incident=BIG, replace=True)
    assert _snapshot()["FigureClaim"] != first["FigureClaim"]


def test_batch_size_does_not_change_the_data(generated):
    first = _snapshot()
    scale.generate(**{**SMALL, "batch": 1000}, big_incident=BIG, replace=True)
    assert _snapshot() == first


def test_denormalised_columns_equal_what_the_services_compute(generated):
    summary = ["source_count", "killed_low", "killed_high", "killed_open", "disagreement",
               "last_reported_at"]  # fmt: skip
    record = ["incident_count", "compared_count", "typical_deviation"]

    def state():
        return (
            sorted(scale.synthetic_incidents().values_list("slug", *summary)),
            sorted(FigureClaim.objects.values_list("id", "supersedes_id", "is_current")),
            sorted(scale.synthetic_sources().values_list("slug", *record)),
            sorted(
                (
                    r.source.slug,
                    r.incident.slug,
                    r.above,
                    r.within,
                    r.below,
                    r.deviations,
                    r.revisions,
                    r.cited,
                    r.placements,
                )
                for r in SourceIncidentRecord.objects.select_related("source", "incident")
            ),
        )

    generated_state = state()
    assert generated_state[3], "no per-incident track record was generated"
    SourceIncidentRecord.objects.all().delete()
    for incident in scale.synthetic_incidents():
        services.figures_relink(incident)
        services.incident_refresh_summary(incident)
    services.sources_refresh_track_records(scale.synthetic_sources().values_list("id", flat=True))
    assert state() == generated_state


def test_generated_data_covers_the_hard_cases(generated):
    figures = FigureClaim.objects.all()
    assert set(figures.values_list("qualifier", flat=True)) >= {
        "exact", "at_least", "more_than", "about", "between", "vague"
    }  # fmt: skip
    assert {"confirmed", "unreviewed"} <= set(figures.values_list("status", flat=True))
    assert figures.filter(supersedes__isnull=False).exists(), "no revision"
    assert figures.exclude(high=None).filter(low__lt=F("high")).exists()
    assert figures.filter(high=None).exists(), "no open-ended figure"
    assert len(set(figures.values_list("victim_group", flat=True))) >= 3
    assert len(set(figures.values_list("metric", flat=True))) >= 3
    assert Counter(Source.objects.values_list("kind", flat=True)).keys() >= {
        "monitor", "government", "military", "media"
    }  # fmt: skip
    assert SourceAlias.objects.count() > 2 * Source.objects.count()
    timings = TimingClaim.objects.all()
    assert {"local", "GMT", "EDT"} <= set(timings.values_list("zone_label", flat=True))
    assert timings.filter(duration_min_low__isnull=False).exists()
    for t in timings.exclude(start_utc=None):
        assert t.start_utc <= t.end_utc
    assert Incident.objects.filter(disagreement__gt=0.1).exists()
    assert Incident.objects.filter(is_sample=True, title__startswith="Synthetic incident ").count()
    for claim in figures.exclude(article=None).select_related("article")[:50]:
        assert claim.article.text[claim.evidence_start : claim.evidence_end] == claim.evidence
    big = Incident.objects.get(slug=scale.BIG_SLUG)
    assert big.figureclaims.filter(status="confirmed").count() == BIG[0]
    assert big.source_count >= BIG[1]


def test_a_second_run_refuses_clearly_and_replace_regenerates_keeping_other_data(demo):
    call_command("generate_scale", "--incidents=5", "--claims-per-incident=4", "--no-progress")
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_scale", "--incidents=5", "--no-progress")
    call_command(
        "generate_scale", "--incidents=8", "--claims-per-incident=4", "--replace", "--no-progress"
    )
    assert scale.synthetic_incidents().count() == 8
    demo.refresh_from_db()  # the real incident and its claims are untouched
    assert demo.figureclaims.count() > 0 and demo.source_count > 0
    assert Source.objects.filter(slug="syrian-observatory-for-human-rights").exists()


LIST_URLS = ["/", "/?page=2", "/?q=synthetic&country=Iraq", "/?disputed=on&sort=-disagreement"]


def _list_query_counts(client) -> list[int]:
    popular = scale.synthetic_sources().order_by("-incident_count").first()
    counts = []
    for url in [*LIST_URLS, f"/?source={popular.slug}"]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    return counts


def test_list_query_count_does_not_grow_with_generated_incidents(client, generated):
    before = _list_query_counts(client)
    scale.generate(**{**SMALL, "incidents": 80}, big_incident=BIG, replace=True)
    assert _list_query_counts(client) == before


def test_list_runs_two_queries_whatever_the_number_of_sources(
    client, generated, django_assert_num_queries
):
    for url in LIST_URLS:
        with django_assert_num_queries(2):
            client.get(url)


def test_incident_page_and_exports_keep_their_query_budget_on_generated_data(
    client, generated, django_assert_num_queries
):
    def budgets():
        with django_assert_num_queries(4):
            assert client.get(f"/incidents/{scale.BIG_SLUG}/").status_code == 200
        # One COPY on PostgreSQL; elsewhere one SELECT each, plus the SAVEPOINT/RELEASE of the
        # export's transaction in the test's.
        export = 1 if connection.vendor == "postgresql" else 3
        with django_assert_num_queries(export):
            b"".join(client.get("/claims.csv").streaming_content)
        with django_assert_num_queries(export):
            b"".join(client.get("/claims.csv?country=Iraq").streaming_content)
        with django_assert_num_queries(4):
            b"".join(client.get(f"/incidents/{scale.BIG_SLUG}/comparison.csv").streaming_content)

    budgets()
    scale.generate(**{**SMALL, "incidents": 80}, big_incident=(120, 25), replace=True)
    budgets()
