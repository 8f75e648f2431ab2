"""Hostile query strings against every public page and export: never a server error, never a
changed row. Hypothesis generates the values; the database is loaded once per test."""

import string

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.demo import demo_load
from claims.models import Article, FigureClaim, Incident, Source, TimingClaim

pytestmark = pytest.mark.django_db

SLUG = "deir-ez-zor-airport-strike-2016"

NASTY = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.printable, max_size=60),
    st.sampled_from(
        [
            "' OR 1=1 --",
            "1; DROP TABLE claims_incident; --",
            "%",
            "_",
            "\x00",
            "𝕊𝕪𝕣𝕚𝕒",
            "دير الزور",
            "<script>alert(1)</script>",
            "9" * 400,
            "-1",
            "1e309",
            "NaN",
            "2016-02-30",
            "2016-13-01T25:61",
            "0000-00-00",
            "9999-12-31T23:59:59+14:00",
            "../../etc/passwd",
            "true",
            "null",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)

LIST_PARAMS = ["q", "country", "start", "end", "source", "disputed", "page", "sort", "per_page"]
PAGE_PARAMS = ["rule", "as_of", "pending"]

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _snapshot():
    return tuple(
        model.objects.count() for model in (Incident, Source, FigureClaim, TimingClaim, Article)
    ) + (
        tuple(Incident.objects.order_by("pk").values_list("source_count", "disagreement")),
        tuple(FigureClaim.objects.order_by("pk").values_list("low", "high", "status")),
    )


@pytest.fixture
def loaded(db):
    demo_load()
    return _snapshot()


def _ok(response):
    assert response.status_code < 500, response.content[:300]


@FUZZ
@given(params=st.dictionaries(st.sampled_from(LIST_PARAMS), NASTY, max_size=4))
def test_incident_list_and_claims_export_survive_any_filter_values(client, loaded, params):
    _ok(client.get("/", params))
    response = client.get("/claims.csv", params)
    _ok(response)
    if response.status_code == 200:
        b"".join(response.streaming_content)
    _ok(client.get("/sources/", {"kind": params.get("q", ""), "page": params.get("page", "")}))
    assert _snapshot() == loaded


@FUZZ
@given(params=st.dictionaries(st.sampled_from(PAGE_PARAMS), NASTY, max_size=3))
def test_incident_page_charts_and_exports_survive_any_rule_or_date(client, loaded, params):
    for url in (
        f"/incidents/{SLUG}/",
        f"/incidents/{SLUG}/comparison.csv",
        f"/incidents/{SLUG}/conflicts.csv",
        f"/incidents/{SLUG}/chart/figures.svg",
        f"/incidents/{SLUG}/chart/timeline.svg",
    ):
        response = client.get(url, params)
        _ok(response)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert _snapshot() == loaded


@FUZZ
@given(path=st.text(alphabet=string.ascii_letters + string.digits + "-_.%~", max_size=60))
def test_unknown_addresses_are_404_not_errors(client, loaded, path):
    for url in (f"/incidents/{path}/", f"/sources/{path}/", f"/incidents/{SLUG}/chart/{path}.svg"):
        response = client.get(url)
        assert response.status_code in (200, 301, 404), url
    assert _snapshot() == loaded


def test_sql_looking_search_is_treated_as_text(client, loaded):
    response = client.get("/", {"q": "'; DROP TABLE claims_incident; --"})
    assert response.status_code == 200
    assert "claims_incident" in connection.introspection.table_names()
    assert _snapshot() == loaded
