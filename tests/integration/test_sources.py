"""Source pages: every claim of a source across incidents, with its track record."""

import html
import importlib
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps as django_apps

from claims import services
from claims.demo import demo_load
from claims.models import FigureClaim, Incident, Source, SourceIncidentRecord

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_ministry_page_shows_its_claims_and_that_it_sits_below_the_others(client):
    demo_load()
    text = _text(client.get("/sources/russian-defence-ministry/"))
    assert "Russian defence ministry" in text and "Igor Konashenkov" in text
    assert "Coalition air strike on Syrian army positions near Deir ez-Zor airport" in text
    assert "62" in text and "more than 100" in text
    assert "0 above the others' range, 1 within it, 1 below it" in text
    assert "below the median" in text
    assert "Usually cites: Syrian regime sources (2)" in text
    assert "between 1700 and 1750 local time" in text


def test_monitor_page_counts_its_upward_revision(client):
    demo_load()
    text = _text(client.get("/sources/syrian-observatory-for-human-rights/"))
    assert "Revised its own figures: 1 up." in text
    assert "(superseded)" in text


def test_sources_list_ranks_by_incidents_and_shows_the_usual_lean(client):
    demo_load()
    text = _text(client.get("/sources/"))
    assert "14% below the median" in text and "14% above the median" in text
    us = Source.objects.get(slug="us-military-official-anonymous")
    assert us.incident_count == 1  # timings count as reporting on an incident


def _monitor_reports(n: int) -> Source:
    """The demo's monitor reports `n` more incidents (a killed figure each), against a ministry."""
    sohr = Source.objects.get(slug="syrian-observatory-for-human-rights")
    ministry = Source.objects.get(slug="russian-defence-ministry")
    for i in range(n):
        incident = services.incident_create(
            title=f"Shelling of district {i}",
            place=f"District {i}",
            country="Syria",
            time_zone="Asia/Damascus",
            started_at=datetime(2017, 1, 1, tzinfo=UTC) + timedelta(days=i),
        )
        for source, number in ((sohr, 20 + i), (ministry, 10)):
            services.figure_claim_save(
                FigureClaim(
                    incident=incident,
                    claimant=source,
                    metric="killed",
                    stated_text=f"{number} people were killed",
                    low=number,
                    high=number,
                    reported_at=datetime(2017, 1, 2, tzinfo=UTC) + timedelta(days=i),
                    status=FigureClaim.Status.CONFIRMED,
                )
            )
    return sohr


def test_source_page_query_count_is_fixed(client, django_assert_num_queries):
    demo_load()
    url = "/sources/syrian-observatory-for-human-rights/"
    # The source and its aliases, the page of figures and their count, their placements, the
    # record's totals and its revisions and citations, the latest timings and their count.
    with django_assert_num_queries(9):
        client.get(url)
    _monitor_reports(60)
    with django_assert_num_queries(9):
        client.get(url)
    with django_assert_num_queries(9):
        client.get(url + "?page=2")


def test_source_page_pages_its_figures_newest_first_and_keeps_the_whole_record(client):
    demo_load()
    _monitor_reports(60)
    first = _text(client.get("/sources/syrian-observatory-for-human-rights/"))
    assert "63 confirmed figures, newest first; page 1 of 2" in first
    assert "Shelling of district 59" in first and "Shelling of district 0 " not in first
    # The record counts every incident, not just the page shown: the demo's two, plus 60 above.
    assert "Of 62 current figures compared" in first
    assert "61 above the others' range, 1 within it, 0 below it" in first
    second = _text(client.get("/sources/syrian-observatory-for-human-rights/?page=2"))
    assert "page 2 of 2" in second and "Shelling of district 0 " in second
    assert "Deir ez-Zor" in second  # the demo incident, reported first
    # A page past the end shows the last one, a page that is not a number the first.
    assert "page 2 of 2" in _text(
        client.get("/sources/syrian-observatory-for-human-rights/?page=9")
    )
    assert "page 1 of 2" in _text(
        client.get("/sources/syrian-observatory-for-human-rights/?page=x")
    )


def test_track_records_follow_each_edit_as_a_full_recount_would(client):
    """The per-incident records, summed, equal the record computed from all claims afresh."""
    demo_load()
    sohr = _monitor_reports(3)
    claim = FigureClaim.objects.filter(
        claimant=sohr, incident__title="Shelling of district 1"
    ).get()
    claim.low = claim.high = 5  # now below the ministry's 10
    claim.stated_text = "5 people were killed"
    services.figure_claim_save(claim, reason="typo")
    services.claims_delete(
        FigureClaim.objects.filter(claimant=sohr, incident__title="Shelling of district 2")
    )
    kept = {
        s.pk: (s.incident_count, s.compared_count, s.typical_deviation)
        for s in Source.objects.all()
    }
    rows = sorted(
        SourceIncidentRecord.objects.values_list("source_id", "incident_id", "above", "below")
    )
    SourceIncidentRecord.objects.all().delete()
    for incident in Incident.objects.all():
        services.incident_refresh_summary(incident)
    assert (
        sorted(
            SourceIncidentRecord.objects.values_list("source_id", "incident_id", "above", "below")
        )
        == rows
    )
    assert {
        s.pk: (s.incident_count, s.compared_count, s.typical_deviation)
        for s in Source.objects.all()
    } == kept
    text = _text(client.get("/sources/syrian-observatory-for-human-rights/"))
    # Demo: 1 above, 1 within; district 0 above; district 1 now below; district 2 deleted.
    assert "2 above the others' range, 1 within it, 1 below it" in text


def test_unknown_source_is_a_404(client):
    assert client.get("/sources/nobody/").status_code == 404


def test_the_migration_fills_track_records_for_claims_stored_before_it():
    demo_load()
    _monitor_reports(2)
    expected = sorted(SourceIncidentRecord.objects.values_list("source_id", "incident_id", "above"))
    totals = sorted(Source.objects.values_list("pk", "incident_count", "typical_deviation"))
    SourceIncidentRecord.objects.all().delete()
    Source.objects.update(incident_count=0, compared_count=0, typical_deviation=None)
    migration = importlib.import_module("claims.migrations.0011_source_incident_records")
    migration.backfill(django_apps, None)
    assert (
        sorted(SourceIncidentRecord.objects.values_list("source_id", "incident_id", "above"))
        == expected
    )
    assert sorted(Source.objects.values_list("pk", "incident_count", "typical_deviation")) == totals
