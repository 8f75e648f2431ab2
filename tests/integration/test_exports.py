"""The CSV downloads, read back the way a spreadsheet or a script would read them."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.http import StreamingHttpResponse

from claims import services
from claims.claims_export import HEADER as CLAIMS_HEADER
from claims.exports import COMPARISON_HEADER
from claims.models import FigureClaim

pytestmark = pytest.mark.django_db

DEMO_SLUG = "deir-ez-zor-airport-strike-2016"
COMPARISON_URL = f"/incidents/{DEMO_SLUG}/comparison.csv"


def _read(response) -> list[dict]:
    """Parses a CSV response with Python's csv module, as a data journalist's script would."""
    assert response["Content-Type"].startswith("text/csv")
    assert isinstance(response, StreamingHttpResponse)
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode()), "UTF-8 byte-order mark for spreadsheets"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_comparison_csv_has_one_row_per_claimant_and_figure_with_intervals(client, demo):
    rows = _read(client.get(COMPARISON_URL))
    assert list(rows[0].keys()) == COMPARISON_HEADER
    killed = {(r["claimant"], r["stated"]): r for r in rows if r["metric"] == "killed"}
    latest = killed[("Syrian Observatory for Human Rights", "at least 90")]
    assert (latest["low"], latest["high"], latest["qualifier"]) == ("90", "", "at_least")
    assert latest["current"] == "current" and latest["change"] == "up"
    assert latest["cited"] == "a source at the airport"
    assert "Russian defence ministry" in latest["conflicts_with"]
    earlier = killed[("Syrian Observatory for Human Rights", "83")]
    assert earlier["current"] == "superseded"
    russia = killed[("Russian defence ministry", "62")]
    assert (russia["low"], russia["high"], russia["interval"]) == ("62", "62", "62")
    assert russia["cited"] == "Syrian regime sources"
    assert russia["reported_at_utc"] == "2016-09-17T19:30:00Z"
    assert russia["article_url"].startswith("/articles/")
    assert russia["review_status"] == "confirmed"
    assert {r["rule"] for r in rows} == {"range"}


def test_comparison_csv_carries_timings_with_their_utc_window(client, demo):
    rows = _read(client.get(COMPARISON_URL))
    timings = {r["claimant"]: r for r in rows if r["metric"] == "timing"}
    russia = timings["Russian defence ministry"]
    assert russia["stated"] == "between 1700 and 1750 local time"
    assert russia["zone_as_stated"] == "local"
    assert (russia["start_utc"], russia["end_utc"]) == (
        "2016-09-17T14:00:00Z",
        "2016-09-17T14:50:00Z",
    )
    assert timings["US military official (anonymous)"]["start_utc"] == "2016-09-17T15:00:00Z"
    assert timings["Syrian Observatory for Human Rights"]["duration_min_low"] == "40"


def test_comparison_csv_names_the_rule_and_date_it_was_computed_with(client, demo):
    rows = _read(client.get(COMPARISON_URL, {"rule": "median", "as_of": "2016-09-17"}))
    assert {r["rule"] for r in rows} == {"median"}
    assert {r["as_of"] for r in rows} == {"2016-09-17T23:59:59.999999Z"}
    stated = {r["stated"] for r in rows if r["metric"] == "killed"}
    assert stated == {"83", "62"}


def test_comparison_csv_of_an_unknown_incident_is_404(client):
    assert client.get("/incidents/nope/comparison.csv").status_code == 404


def test_claims_csv_lists_every_confirmed_figure(client, demo):
    rows = _read(client.get("/claims.csv"))
    assert list(rows[0].keys()) == CLAIMS_HEADER
    confirmed = FigureClaim.objects.filter(status="confirmed").count()
    assert len(rows) == confirmed == 9
    superseded = [r for r in rows if r["current"] == "superseded"]
    assert {r["stated"] for r in superseded} == {"83", "24"}


def test_claims_csv_honours_the_list_filters(client, demo):
    rows = _read(client.get("/claims.csv", {"country": "Syria"}))
    assert {r["incident"] for r in rows} == {DEMO_SLUG}
    rows = _read(client.get("/claims.csv", {"source": "kestrel-monitoring-network"}))
    assert {r["incident"] for r in rows} == {"sample-marvi-market-shelling"}
    rows = _read(client.get("/claims.csv", {"q": "nothing matches this"}))
    assert rows == []


def test_claims_csv_leaves_out_unreviewed_and_rejected_claims(client, demo):
    source = services.source_create(name="Unvetted Wire")
    for status in (FigureClaim.Status.UNREVIEWED, FigureClaim.Status.REJECTED):
        services.figure_claim_save(
            FigureClaim(
                incident=demo,
                claimant=source,
                stated_text="500",
                low=500,
                high=500,
                reported_at=datetime(2016, 9, 19, tzinfo=UTC),
                status=status,
            )
        )
    assert "Unvetted Wire" not in {r["claimant"] for r in _read(client.get("/claims.csv"))}


def test_claims_csv_with_a_malformed_filter_is_a_clear_400(client, demo):
    response = client.get("/claims.csv", {"start": "31/31/2016"})
    assert response.status_code == 400
    assert "start" in response.content.decode() and "valid date" in response.content.decode()


def test_awkward_text_survives_a_csv_round_trip(client, demo):
    awkward = 'Comité "Ağ", Дейр-эз-Зор, دير الزور'
    source = services.source_create(name=awkward)
    services.figure_claim_save(
        FigureClaim(
            incident=demo,
            claimant=source,
            stated_text='some 70, "roughly"',
            qualifier="about",
            low=63,
            high=77,
            cited_text="line one\nline two",
            reported_at=datetime(2016, 9, 19, tzinfo=UTC),
            status=FigureClaim.Status.CONFIRMED,
        )
    )
    for url in ("/claims.csv", COMPARISON_URL):
        row = next(r for r in _read(client.get(url)) if r["claimant"] == awkward)
        assert row["stated"] == 'some 70, "roughly"'
        assert row["cited"] == "line one\nline two"


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(client, demo):
    source = services.source_create(name='=HYPERLINK("http://evil")')
    services.figure_claim_save(
        FigureClaim(
            incident=demo,
            claimant=source,
            stated_text="+70",
            low=70,
            high=70,
            cited_text="@SUM(A1)",
            reported_at=datetime(2016, 9, 19, tzinfo=UTC),
            status=FigureClaim.Status.CONFIRMED,
        )
    )
    rows = _read(client.get("/claims.csv"))
    row = next(r for r in rows if r["claimant"].startswith("'="))
    assert row["stated"] == "'+70" and row["cited"] == "'@SUM(A1)"
    assert row["low"] == "70"


EXPORT_QUERIES = {"postgresql": 1, "sqlite": 3}


def test_claims_csv_query_count_does_not_grow_with_rows(client, demo, django_assert_num_queries):
    def count():
        # PostgreSQL: one COPY. Elsewhere: one SELECT, plus the SAVEPOINT and RELEASE of the
        # export's transaction (nested in the test's; in production a plain BEGIN/COMMIT).
        with django_assert_num_queries(EXPORT_QUERIES[connection.vendor]) as captured:
            b"".join(client.get("/claims.csv").streaming_content)
        return len(captured)

    before = count()
    source = services.source_create(name="Extra Wire")
    for i in range(20):
        services.figure_claim_save(
            FigureClaim(
                incident=demo,
                claimant=source,
                stated_text=str(i),
                low=i,
                high=i,
                metric="missing",
                reported_at=datetime(2016, 9, 19, i, tzinfo=UTC),
                status=FigureClaim.Status.CONFIRMED,
            )
        )
    assert count() == before


def test_comparison_csv_query_count_does_not_grow_with_rows(
    client, demo, django_assert_num_queries
):
    with django_assert_num_queries(4):
        b"".join(client.get(COMPARISON_URL).streaming_content)
    source = services.source_create(name="Extra Wire")
    for i in range(10):
        services.figure_claim_save(
            FigureClaim(
                incident=demo,
                claimant=source,
                stated_text=str(i),
                low=i,
                high=i,
                metric="missing",
                reported_at=datetime(2016, 9, 19, i, tzinfo=UTC),
                status=FigureClaim.Status.CONFIRMED,
            )
        )
    with django_assert_num_queries(4):
        b"".join(client.get(COMPARISON_URL).streaming_content)


def test_conflicts_csv_lists_each_pair_and_whether_it_conflicts(client, demo):
    rows = _read(client.get(f"/incidents/{DEMO_SLUG}/conflicts.csv"))
    killed = [r for r in rows if r["kind"] == "figure" and r["metric"] == "killed"]
    assert len(killed) == 1
    pair = killed[0]
    assert (pair["claimant_a"], pair["stated_a"]) == ("Russian defence ministry", "62")
    assert (pair["claimant_b"], pair["stated_b"]) == (
        "Syrian Observatory for Human Rights",
        "at least 90",
    )
    assert (pair["conflict"], pair["gap"]) == ("yes", "28")
    injured = next(r for r in rows if r["metric"] == "injured")
    assert injured["conflict"] == "no"
    timing = next(r for r in rows if r["kind"] == "timing" and r["conflict"] == "yes")
    assert {timing["claimant_a"], timing["claimant_b"]} == {
        "Russian defence ministry",
        "US military official (anonymous)",
    }
    assert (timing["start_offset_minutes"], timing["gap"]) == ("60", "10")
