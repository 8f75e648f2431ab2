"""Source pages: every claim of a source across incidents, with its track record."""

import html
import re

import pytest

from claims.demo import demo_load
from claims.models import Source

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


def test_source_page_query_count_is_fixed(client, django_assert_num_queries):
    demo_load()
    with django_assert_num_queries(5):
        client.get("/sources/syrian-observatory-for-human-rights/")


def test_unknown_source_is_a_404(client):
    assert client.get("/sources/nobody/").status_code == 404
