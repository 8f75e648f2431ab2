"""The read-only JSON API (claims/api/) as a client uses it, on the demo incidents.

The schema itself, and a fuzz test of every operation against it, are in test_api_schema.py.
"""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from rest_framework.throttling import AnonRateThrottle

from claims import selectors
from claims.demo import demo_load
from claims.models import FigureClaim, Incident, Source, TimingClaim
from tests.conftest import DEMO_SLUG
from tests.factories import (
    FigureClaimFactory,
    IncidentFactory,
    SourceFactory,
    TimingClaimFactory,
)

pytestmark = pytest.mark.django_db

MARVI_SLUG = "sample-marvi-market-shelling"
SOHR = "syrian-observatory-for-human-rights"
RUSSIA = "russian-defence-ministry"
US_OFFICIAL = "us-military-official-anonymous"
KESTREL = "kestrel-monitoring-network"
COMPARISON = f"/api/incidents/{DEMO_SLUG}/comparison/"


@pytest.fixture(scope="module")
def demo_loaded_once(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module in a transaction rolled back at its end.

    Loading it goes through the services (revisions, summaries, track records) and costs about a
    second; every test here only reads it or adds to it, and each test's own savepoint (the `db`
    fixture) undoes what it added.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_loaded_once, db):
    """The Deir ez-Zor incident (overrides tests/conftest.py's per-test load)."""
    return Incident.objects.get(slug=DEMO_SLUG)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each test starts with an empty request history (the rate limit counts in the cache)."""
    cache.clear()


def get(client, path, params=None, status=200):
    response = client.get(path, params or {})
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def results(client, path, params=None):
    return get(client, path, params)["results"]


def slugs(client, params=None):
    return [row["slug"] for row in results(client, "/api/incidents/", params)]


def killed(comparison: dict) -> dict:
    [metric] = [m for m in comparison["metrics"] if m["metric"] == "killed"]
    return metric


# --- incidents -----------------------------------------------------------------------------------


def test_incident_list_gives_each_incident_its_killed_range_score_and_links(client, demo):
    rows = {row["slug"]: row for row in results(client, "/api/incidents/")}
    assert list(rows) == [MARVI_SLUG, DEMO_SLUG]  # newest first
    deir = rows[DEMO_SLUG]
    assert deir["title"] == demo.title
    assert deir["country"] == "Syria"
    assert (deir["latitude"], deir["longitude"]) == (35.285, 40.175)
    assert deir["time_zone"] == "Asia/Damascus"
    assert deir["started_at"] == "2016-09-17T14:00:00Z"
    assert deir["source_count"] == 3
    assert deir["killed"] == {"low": 62, "high": 90, "open": True, "text": "62 – 90+"}
    assert deir["disagreement"] == pytest.approx(demo.disagreement)
    assert deir["datasets"] == {"acled": None, "ucdp": None, "airwars": None}
    assert deir["is_sample"] is False
    assert rows[MARVI_SLUG]["is_sample"] is True
    assert deir["html_url"] == f"http://testserver/incidents/{DEMO_SLUG}/"
    assert deir["url"] == f"http://testserver/api/incidents/{DEMO_SLUG}/"
    assert deir["comparison_url"] == f"http://testserver{COMPARISON}"


def test_incident_detail_adds_the_summary(client, demo):
    incident = get(client, f"/api/incidents/{DEMO_SLUG}/")
    assert incident["slug"] == DEMO_SLUG
    assert incident["summary"] == demo.summary
    assert incident["killed"]["text"] == "62 – 90+"


@pytest.mark.parametrize(
    "path",
    [
        "/api/incidents/no-such-incident/",
        "/api/incidents/no-such-incident/comparison/",
        "/api/sources/no-such-source/",
        "/api/incidents/not%20a%20slug/",
    ],
)
def test_an_unknown_or_malformed_slug_is_a_json_404(client, demo, path):
    assert "detail" in get(client, path, status=404)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SYRIA"}, [DEMO_SLUG]),
        ({"started_after": "2020-01-01"}, [MARVI_SLUG]),
        ({"started_before": "2016-09-17"}, [DEMO_SLUG]),  # the whole day counts
        ({"started_after": "2016-09-18", "started_before": "2024-03-08"}, []),
        ({"source": KESTREL}, [MARVI_SLUG]),
        ({"source": RUSSIA}, [DEMO_SLUG]),
        ({"source": "nobody"}, []),
        ({"disputed": "true"}, [DEMO_SLUG]),  # Marvi's score (0.0968) is under the threshold
        ({"disputed": "false"}, [MARVI_SLUG, DEMO_SLUG]),
        ({"q": "marvi market"}, [MARVI_SLUG]),
        ({"q": "syria airport"}, [DEMO_SLUG]),
        ({"q": "syria marvi"}, []),
        ({"country": ""}, [MARVI_SLUG, DEMO_SLUG]),  # empty counts as left out
    ],
)
def test_incidents_filter_by_country_dates_source_search_and_dispute(
    client, demo, params, expected
):
    assert slugs(client, params) == expected


def test_incidents_sort_by_disagreement_or_last_report_either_way(client, demo):
    quiet = Incident.objects.create(title="No claims yet", slug="no-claims-yet", place="X")
    assert slugs(client, {"ordering": "-disagreement"}) == [DEMO_SLUG, MARVI_SLUG, quiet.slug]
    # Incidents without a value come last in both directions.
    assert slugs(client, {"ordering": "disagreement"}) == [MARVI_SLUG, DEMO_SLUG, quiet.slug]
    assert slugs(client, {"ordering": "last_reported_at"}) == [DEMO_SLUG, MARVI_SLUG, quiet.slug]
    assert slugs(client, {"ordering": "-started_at"}) == [MARVI_SLUG, DEMO_SLUG, quiet.slug]
    by_score_then_start = slugs(client, {"ordering": "-disagreement,started_at"})
    assert by_score_then_start == [DEMO_SLUG, MARVI_SLUG, quiet.slug]


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/incidents/", {"started_after": "17/09/2016"}, "started_after"),
        ("/api/incidents/", {"ordering": "title"}, "ordering"),
        ("/api/incidents/", {"ordering": "disagreement,,started_at"}, "ordering"),
        ("/api/incidents/", {"disputed": "maybe"}, "disputed"),
        ("/api/claims/", {"metric": "dead"}, "metric"),
        ("/api/claims/", {"reported_before": "yesterday"}, "reported_before"),
        ("/api/claims/", {"current": "yes please"}, "current"),
        ("/api/timings/", {"reported_after": "2016-13-01"}, "reported_after"),
        ("/api/sources/", {"kind": "spy"}, "kind"),
    ],
)
def test_an_unreadable_filter_value_is_a_400_naming_the_parameter(
    client, demo, path, params, parameter
):
    errors = get(client, path, params, status=400)
    assert list(errors) == [parameter]
    assert errors[parameter][0]


# --- comparison: the seed incident ----------------------------------------------------------------


def test_seed_comparison_shows_62_against_at_least_90_as_a_conflict_28_apart(client, demo):
    comparison = get(client, COMPARISON)
    assert comparison["incident"] == DEMO_SLUG
    assert (comparison["rule"], comparison["as_of"]) == ("range", None)
    assert comparison["source_count"] == 3
    assert comparison["score"] == pytest.approx(demo.disagreement)
    deaths = killed(comparison)
    assert deaths["victim_group"] == "state_forces"
    assert deaths["has_conflict"] is True
    [conflict] = deaths["conflicts"]
    assert (conflict["low"]["claimant"], conflict["low"]["stated"]) == (RUSSIA, "62")
    assert (conflict["high"]["claimant"], conflict["high"]["stated"]) == (SOHR, "at least 90")
    assert conflict["high"]["interval"] == {
        "low": 90,
        "high": None,
        "open": True,
        "text": "at least 90",
    }
    assert conflict["gap"] == 28
    assert conflict["severity"] == pytest.approx(1 - 62 / 90, abs=1e-4)
    assert deaths["most_disputed"] == conflict
    assert deaths["lowest"]["stated"] == "62"
    assert deaths["highest"]["stated"] == "at least 90"
    assert deaths["range"] == {"low": 62, "high": None, "open": True, "text": "at least 62"}
    assert deaths["spread"] == pytest.approx(90 / 62, abs=1e-4)
    assert deaths["spread_infinite"] is False
    assert deaths["common"] is None
    assert deaths["reconciled"]["rule"] == "range"
    assert [c["figure"]["stated"] for c in deaths["current"]] == ["62", "at least 90"]


def test_seed_comparison_shows_the_observatory_revising_83_up_to_at_least_90(client, demo):
    revisions = killed(get(client, COMPARISON))["revisions"]
    chains = {chain["claimant"]: chain["entries"] for chain in revisions}
    first, later = chains[SOHR]
    assert (first["figure"]["stated"], first["direction"]) == ("83", "first")
    assert (later["figure"]["stated"], later["direction"]) == ("at least 90", "up")
    assert (first["is_current"], later["is_current"]) == (False, True)
    assert later["supersedes"] == first["figure"]["claim_id"]
    assert first["superseded_by"] == later["figure"]["claim_id"]
    assert [e["direction"] for e in chains[RUSSIA]] == ["first"]


def test_seed_comparison_finds_the_injured_figures_compatible(client, demo):
    [injured] = [m for m in get(client, COMPARISON)["metrics"] if m["metric"] == "injured"]
    assert injured["has_conflict"] is False
    [pair] = injured["agreements"]
    assert (pair["low"]["stated"], pair["high"]["stated"]) == ("more than 100", "120")
    assert pair["gap"] == 0
    assert injured["common"]["text"] == "120"


def test_seed_comparison_puts_the_two_stated_times_an_hour_apart_without_overlap(client, demo):
    timing = get(client, COMPARISON)["timing"]
    windows = {w["claimant"]: w for w in timing["windows"]}
    assert (windows[RUSSIA]["start"], windows[RUSSIA]["end"]) == (
        "2016-09-17T14:00:00Z",
        "2016-09-17T14:50:00Z",
    )
    assert windows[RUSSIA]["stated"] == "between 1700 and 1750 local time"
    assert windows[US_OFFICIAL]["start"] == "2016-09-17T15:00:00Z"
    assert windows[US_OFFICIAL]["is_moment"] is True
    [pair] = timing["pairs"]
    assert (pair["early"]["claimant"], pair["late"]["claimant"]) == (RUSSIA, US_OFFICIAL)
    assert pair["start_offset_minutes"] == 60
    assert pair["start_offset_words"] == "about an hour"
    assert (pair["overlaps"], pair["overlap_minutes"], pair["gap_minutes"]) == (False, 0, 10)
    assert pair["agree"] is False
    assert timing["disagreement_minutes"] == 60
    assert timing["common"] is None


def test_seed_comparison_lists_durations_of_30_40_and_50_minutes(client, demo):
    timing = get(client, COMPARISON)["timing"]
    durations = [
        (d["claimant"], d["minutes"]["low"], d["from_window"]) for d in timing["durations"]
    ]
    assert durations == [(US_OFFICIAL, 30, False), (SOHR, 40, False), (RUSSIA, 50, True)]
    assert [d["minutes"]["high"] for d in timing["durations"]] == [30, 40, 50]
    assert timing["duration_range"]["text"] == "between 30 and 50"


def test_comparison_summary_is_the_engines_own_sentences(client, demo):
    summary = get(client, COMPARISON)["summary"]
    assert summary == selectors.incident_page(slug=DEMO_SLUG).comparison.summary()
    assert summary[0].startswith("Sources disagree on the death toll: from 62")


def test_comparison_as_of_shows_the_claims_as_they_stood_at_the_end_of_that_day(client, demo):
    comparison = get(client, COMPARISON, {"as_of": "2016-09-17"})
    assert comparison["as_of"] == "2016-09-17T23:59:59.999999Z"
    [conflict] = killed(comparison)["conflicts"]
    # The Observatory's "at least 90" came on the 18th: on the 17th it still said 83.
    assert (conflict["low"]["stated"], conflict["high"]["stated"]) == ("62", "83")
    assert conflict["gap"] == 21
    # The US official spoke after midnight UTC: one window, no pair.
    assert [w["claimant"] for w in comparison["timing"]["windows"]] == [RUSSIA]
    assert comparison["timing"]["pairs"] == []


def test_comparison_as_of_accepts_a_moment_with_an_offset(client, demo):
    # 21:00 in Damascus (UTC+3) is 18:00 UTC: only the Observatory's first figures were out.
    comparison = get(client, COMPARISON, {"as_of": "2016-09-17T21:00+03:00"})
    assert comparison["as_of"] == "2016-09-17T18:00:00Z"
    assert [c["figure"]["stated"] for c in killed(comparison)["current"]] == ["83"]


@pytest.mark.parametrize(
    ("rule", "interval"),
    [
        ("range", {"low": 62, "high": None}),
        ("monitors", {"low": 90, "high": None}),
        ("officials", {"low": 62, "high": 62}),
        ("latest", {"low": 90, "high": None}),
    ],
)
def test_comparison_rule_chooses_the_reconciled_interval(client, demo, rule, interval):
    comparison = get(client, COMPARISON, {"rule": rule})
    reconciled = killed(comparison)["reconciled"]
    assert comparison["rule"] == reconciled["rule"] == rule
    assert {k: reconciled["interval"][k] for k in ("low", "high")} == interval


@pytest.mark.parametrize(
    ("params", "parameter", "words"),
    [
        ({"rule": "mean"}, "rule", "Unknown rule 'mean'; use one of: range, median"),
        ({"rule": "RANGE"}, "rule", "Unknown rule"),
        ({"as_of": "last tuesday"}, "as_of", "use YYYY-MM-DD"),
        ({"as_of": "2016-02-30"}, "as_of", "Could not read the date '2016-02-30'"),
    ],
)
def test_a_bad_rule_or_date_is_a_400_with_a_message_not_a_fallback(
    client, demo, params, parameter, words
):
    errors = get(client, COMPARISON, params, status=400)
    assert list(errors) == [parameter]
    assert words in errors[parameter][0]


def test_an_infinite_spread_is_null_with_a_flag_so_the_json_stays_valid(client, db):
    incident = IncidentFactory(title="Zero or five")
    FigureClaimFactory(incident=incident, low=0, stated_text="no one", confirmed=True)
    FigureClaimFactory(incident=incident, low=5, confirmed=True)
    response = client.get("/api/incidents/zero-or-five/comparison/")
    assert response.status_code == 200
    deaths = killed(json.loads(response.content))  # strict JSON: no Infinity token
    assert (deaths["spread"], deaths["spread_infinite"]) == (None, True)


def test_whole_war_tolls_are_listed_apart_not_compared(client, demo):
    toll = FigureClaimFactory(
        incident=demo,
        claimant=Source.objects.get(slug=SOHR),
        low=300_000,
        stated_text="more than 300,000 since 2011",
        is_cumulative=True,
        confirmed=True,
    )
    comparison = get(client, COMPARISON)
    assert comparison["cumulative_claims"] == [toll.pk]
    assert [c["figure"]["stated"] for c in killed(comparison)["current"]] == ["62", "at least 90"]


# --- claims and timings ---------------------------------------------------------------------------


def test_a_figure_claim_carries_its_wording_interval_provenance_and_revision_link(client, demo):
    rows = results(client, "/api/claims/", {"claimant": SOHR, "metric": "killed"})
    first, later = rows
    assert (first["stated_text"], first["low"], first["high"], first["interval"]) == (
        "83",
        83,
        83,
        "83",
    )
    assert (later["stated_text"], later["qualifier"]) == ("at least 90", "at_least")
    assert (later["low"], later["high"]) == (90, None)  # null: no upper bound
    assert later["interval"] == "at least 90"
    assert (later["is_current"], first["is_current"]) == (True, False)
    assert later["supersedes"] == first["id"]
    assert later["incident"] == DEMO_SLUG
    assert later["claimant"] == SOHR
    assert later["claimant_name"] == "Syrian Observatory for Human Rights"
    assert later["cited_text"] == "a source at the airport"
    assert later["victims_text"] == "Syrian soldiers"
    assert later["victim_group"] == "state_forces"
    assert later["reported_at"] == "2016-09-18T07:00:00Z"
    assert later["evidence"].startswith("The Syrian Observatory for Human Rights said on Sunday")
    assert later["article"]["outlet"] == "Tracker demo desk"
    assert later["article"]["url"] is None  # the demo articles are not online
    assert later["article"]["html_url"].startswith("http://testserver/articles/")
    assert later["reference_url"] is None


@pytest.mark.parametrize(
    ("params", "stated"),
    [
        ({"incident": MARVI_SLUG}, {"24", "28", "40", "at least 31"}),
        ({"claimant": RUSSIA}, {"62", "more than 100"}),
        ({"metric": "injured"}, {"120", "more than 100", "40"}),
        ({"victim_group": "civilians", "metric": "killed"}, {"24", "28", "at least 31"}),
        ({"current": "false"}, {"83", "24"}),
        ({"current": "true", "incident": DEMO_SLUG}, {"120", "more than 100", "62", "at least 90"}),
        ({"reported_before": "2016-09-17T19:00:00Z"}, {"83", "120"}),
        ({"reported_after": "2016-09-18", "reported_before": "2016-09-19"}, {"at least 90"}),
        ({"reported_before": "2016-09-17T21:00+03:00"}, {"83", "120"}),  # 18:00 UTC
        ({"incident": "nowhere"}, set()),
        ({"claimant": "a\x00b"}, set()),  # no stored text holds a NUL: nothing matches
    ],
)
def test_figure_claims_filter_by_incident_source_metric_group_currency_and_date(
    client, demo, params, stated
):
    assert {row["stated_text"] for row in results(client, "/api/claims/", params)} == stated


def test_a_timing_claim_carries_the_wording_its_zone_and_the_utc_window(client, demo):
    timings = results(client, "/api/timings/", {"incident": DEMO_SLUG})
    rows = {row["claimant"]: row for row in timings}
    russia = rows[RUSSIA]
    assert russia["stated_text"] == "between 1700 and 1750 local time"
    assert russia["zone_label"] == "local"
    assert russia["start_utc"] == "2016-09-17T14:00:00Z"
    assert russia["end_utc"] == "2016-09-17T14:50:00Z"
    us = rows[US_OFFICIAL]
    assert (us["start_utc"], us["end_utc"]) == ("2016-09-17T15:00:00Z", None)
    assert us["zone_label"] == "EDT"
    assert (us["duration_min_low"], us["duration_min_high"]) == (30, 30)
    sohr = rows[SOHR]
    assert (sohr["start_utc"], sohr["duration_min_low"]) == (None, 40)
    assert sohr["cited_text"] == "a source at the airport"


@pytest.mark.parametrize(
    ("params", "claimants"),
    [
        ({"incident": MARVI_SLUG}, [KESTREL]),
        ({"claimant": US_OFFICIAL}, [US_OFFICIAL]),
        ({"reported_before": "2016-09-17T23:00:00Z"}, [RUSSIA]),
        ({"reported_after": "2016-09-18T00:00:00Z", "incident": DEMO_SLUG}, [US_OFFICIAL, SOHR]),
    ],
)
def test_timing_claims_filter_by_incident_source_and_date(client, demo, params, claimants):
    assert [row["claimant"] for row in results(client, "/api/timings/", params)] == claimants


# --- sources --------------------------------------------------------------------------------------


def test_sources_list_names_kinds_aliases_and_confirmed_claim_counts(client, demo):
    rows = {row["slug"]: row for row in results(client, "/api/sources/")}
    assert set(rows) == {SOHR, RUSSIA, US_OFFICIAL, KESTREL, "marvi-health-directorate"}
    sohr = rows[SOHR]
    assert (sohr["name"], sohr["kind"], sohr["kind_label"]) == (
        "Syrian Observatory for Human Rights",
        "monitor",
        "Monitor or NGO",
    )
    assert sohr["affiliation"] == "Britain-based monitoring group"
    assert {"SOHR", "the Observatory"} <= set(sohr["aliases"])
    assert (sohr["figure_claim_count"], sohr["timing_claim_count"], sohr["incident_count"]) == (
        3,
        1,
        1,
    )
    assert sohr["url"] == f"http://testserver/api/sources/{SOHR}/"
    assert sohr["website"] is None
    assert [r["slug"] for r in results(client, "/api/sources/", {"kind": "military"})] == [RUSSIA]
    assert [r["slug"] for r in results(client, "/api/sources/", {"q": "kestrel"})] == [KESTREL]


def test_source_detail_is_found_by_slug(client, demo):
    source = get(client, f"/api/sources/{RUSSIA}/")
    assert source["name"] == "Russian defence ministry"
    assert (source["figure_claim_count"], source["timing_claim_count"]) == (2, 1)
    assert "Igor Konashenkov" in source["aliases"]


# --- only confirmed claims, for everyone ----------------------------------------------------------


@pytest.fixture
def unconfirmed(demo):
    """Unreviewed and rejected claims on the seed incident, each with a marker in its wording."""
    rumour = SourceFactory(name="Rumour Desk", kind=Source.Kind.MEDIA)
    ghost = SourceFactory(name="Ghost Brigade", is_suggested=True)
    sohr = Source.objects.get(slug=SOHR)
    claims = [
        FigureClaimFactory(incident=demo, claimant=rumour, low=999, stated_text="HIDDEN-1 999"),
        FigureClaimFactory(incident=demo, claimant=ghost, low=7, stated_text="HIDDEN-2 seven"),
        FigureClaimFactory(
            incident=demo,
            claimant=sohr,
            low=555,
            stated_text="HIDDEN-3 555",
            status=FigureClaim.Status.REJECTED,
        ),
        TimingClaimFactory(incident=demo, claimant=rumour, stated_text="HIDDEN-4 at dawn"),
        TimingClaimFactory(
            incident=demo,
            claimant=sohr,
            stated_text="HIDDEN-5 at dusk",
            status=TimingClaim.Status.REJECTED,
        ),
    ]
    assert not any(c.status == FigureClaim.Status.CONFIRMED for c in claims)
    return claims


@pytest.mark.parametrize("as_staff", [False, True], ids=["anonymous", "logged-in-admin"])
def test_unreviewed_and_rejected_claims_never_appear_in_the_api(
    client, admin_user, unconfirmed, as_staff
):
    if as_staff:
        client.force_login(admin_user)
    for path in [
        "/api/claims/",
        "/api/timings/",
        COMPARISON,
        f"{COMPARISON}?pending=1",
        "/api/incidents/",
        f"/api/incidents/{DEMO_SLUG}/",
        "/api/sources/",
    ]:
        text = client.get(path).content.decode()
        assert "HIDDEN-" not in text, path
    hidden_ids = {c.pk for c in unconfirmed if isinstance(c, FigureClaim)}
    assert not hidden_ids & {row["id"] for row in results(client, "/api/claims/", {"limit": 200})}
    comparison = get(client, COMPARISON)
    assert comparison["source_count"] == 3
    assert [c["figure"]["stated"] for c in killed(comparison)["current"]] == ["62", "at least 90"]
    sources = {row["slug"]: row for row in results(client, "/api/sources/")}
    assert "ghost-brigade" not in sources  # suggested, and none of its claims is confirmed
    assert sources["rumour-desk"]["figure_claim_count"] == 0
    assert sources[SOHR]["figure_claim_count"] == 3
    assert slugs(client, {"source": "rumour-desk"}) == []
    get(client, "/api/sources/ghost-brigade/", status=404)


def test_a_suggested_source_appears_once_one_of_its_claims_is_confirmed(client, demo):
    ghost = SourceFactory(name="Ghost Brigade", is_suggested=True)
    FigureClaimFactory(incident=demo, claimant=ghost, low=7, stated_text="7", confirmed=True)
    assert get(client, "/api/sources/ghost-brigade/")["figure_claim_count"] == 1


# --- pagination -----------------------------------------------------------------------------------


def test_lists_paginate_by_limit_and_offset_with_links_to_the_other_pages(client, demo):
    everything = results(client, "/api/claims/")
    first = get(client, "/api/claims/", {"limit": 3})
    assert first["count"] == len(everything) == 9
    assert [r["id"] for r in first["results"]] == [r["id"] for r in everything[:3]]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/claims/?limit=3&offset=3"
    last = get(client, "/api/claims/", {"limit": 3, "offset": 6})
    assert [r["id"] for r in last["results"]] == [r["id"] for r in everything[6:]]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/claims/?limit=3&offset=3"
    assert get(client, "/api/claims/", {"offset": 100})["results"] == []
    assert get(client, "/api/claims/", {"limit": "", "offset": ""})["count"] == 9


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "201"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": str(10**20)}, "offset"),
        ({"offset": "1.5"}, "offset"),
    ],
)
def test_a_limit_or_offset_out_of_bounds_is_a_400(client, demo, params, parameter):
    errors = get(client, "/api/incidents/", params, status=400)
    assert errors == {parameter: [errors[parameter][0]]}
    assert "whole number" in errors[parameter][0]


# --- read only ------------------------------------------------------------------------------------


def _snapshot() -> list:
    return [
        list(Incident.objects.values_list("pk", "slug", "title", "disagreement").order_by("pk")),
        list(Source.objects.values_list("pk", "slug", "name").order_by("pk")),
        list(FigureClaim.objects.values_list("pk", "status", "low", "high").order_by("pk")),
        list(TimingClaim.objects.values_list("pk", "status", "start_utc").order_by("pk")),
    ]


WRITABLE_LOOKING = [
    "/api/incidents/",
    f"/api/incidents/{DEMO_SLUG}/",
    COMPARISON,
    "/api/claims/",
    "/api/timings/",
    "/api/sources/",
    f"/api/sources/{SOHR}/",
]


@pytest.mark.parametrize("as_staff", [False, True], ids=["anonymous", "logged-in-admin"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_are_refused_with_405_and_change_nothing(
    client, demo, admin_user, method, as_staff
):
    if as_staff:  # the API reads no session, so no CSRF 403 either: the method is what is wrong
        client.force_login(admin_user)
    before = _snapshot()
    body = json.dumps({"title": "Changed", "slug": "changed", "status": "rejected", "low": 1})
    for path in WRITABLE_LOOKING:
        response = client.generic(method.upper(), path, body, content_type="application/json")
        assert response.status_code == 405, (method, path, response.content[:200])
        assert "detail" in response.json()
    assert _snapshot() == before


def test_head_and_options_are_answered_like_get(client, demo):
    for path in WRITABLE_LOOKING:
        assert client.head(path).status_code == 200, path
        options = client.options(path)
        assert options.status_code == 200, path
        assert "POST" not in options["Allow"]


def test_anonymous_clients_are_rate_limited_with_a_429(client, demo, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min"})
    for _ in range(3):
        get(client, "/api/incidents/")
    refused = client.get("/api/incidents/")
    assert refused.status_code == 429
    assert "detail" in refused.json()
    assert int(refused["Retry-After"]) > 0


# --- query budget ---------------------------------------------------------------------------------


def _grow(incident: Incident) -> None:
    """Twelve more confirmed figures and six timings from new sources, citing known ones."""
    cited = Source.objects.get(slug=SOHR)
    for i in range(6):
        source = SourceFactory(name=f"Extra monitor {i}", aliases=[f"EM{i}"])
        for metric in ("killed", "injured"):
            FigureClaimFactory(
                incident=incident,
                claimant=source,
                metric=metric,
                victim_group="state_forces",
                low=60 + i,
                cited_source=cited,
                confirmed=True,
            )
        TimingClaimFactory(
            incident=incident,
            claimant=source,
            start_utc=datetime(2016, 9, 17, 14, 0, tzinfo=UTC) + timedelta(minutes=5 * i),
            confirmed=True,
        )


QUERY_BUDGETS = [
    ("/api/incidents/", 2),  # count, page
    (f"/api/incidents/{DEMO_SLUG}/", 1),
    (COMPARISON, 4),  # incident_page's four: incident, figures, timings, articles
    ("/api/claims/", 2),  # count, page (incident, sources and article joined)
    ("/api/timings/", 2),
    ("/api/sources/", 3),  # count, page with its claim counts, aliases
    (f"/api/sources/{SOHR}/", 2),
]


def test_each_endpoint_runs_the_same_few_queries_however_many_claims(
    client, demo, django_assert_num_queries
):
    def every_endpoint_within_budget():
        for path, queries in QUERY_BUDGETS:
            with django_assert_num_queries(queries):
                assert client.get(path).status_code == 200, path

    every_endpoint_within_budget()
    _grow(demo)
    assert FigureClaim.objects.public().filter(incident=demo).count() == 5 + 12
    every_endpoint_within_budget()
