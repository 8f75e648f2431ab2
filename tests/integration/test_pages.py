"""The public pages as a journalist uses them: the list, its filters, the incident page."""

import html as html_lib
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from claims import services
from claims.models import FigureClaim, Incident, Source, TimingClaim

pytestmark = pytest.mark.django_db

DEMO_SLUG = "deir-ez-zor-airport-strike-2016"


def _text(response) -> str:
    """The page as a reader sees it: tags stripped, whitespace collapsed."""
    return _strip(response.content.decode())


def _strip(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _incident(title, country="Testland", started=None, **extra):
    return services.incident_create(
        title=title,
        place=f"{title} town",
        country=country,
        time_zone="UTC",
        started_at=started or datetime(2020, 1, 1, tzinfo=UTC),
        **extra,
    )


def _figure(incident, claimant, low, high="same", *, stated=None, when=None, **extra):
    """A confirmed killed figure, exact unless a qualifier is given, saved through the service."""
    claim = FigureClaim(
        incident=incident,
        claimant=claimant,
        metric=extra.pop("metric", "killed"),
        stated_text=stated or str(low),
        qualifier=extra.pop("qualifier", "exact"),
        low=low,
        high=low if high == "same" else high,
        reported_at=when or datetime(2020, 1, 2, tzinfo=UTC),
        status=extra.pop("status", FigureClaim.Status.CONFIRMED),
        **extra,
    )
    return services.figure_claim_save(claim)


def _table(response) -> str:
    """The text of the page's first table only (the filter form also names places and sources)."""
    html = response.content.decode()
    return _strip(html[html.index("<table") : html.index("</table>")])


# --- incident list -----------------------------------------------------------------------------


def test_list_shows_each_incident_with_its_killed_range_and_source_count(client, demo):
    text = _table(client.get("/"))
    assert "Coalition air strike on Syrian army positions near Deir ez-Zor airport" in text
    assert "62 – 90+" in text
    assert "Sample: shelling of Marvi market" in text
    assert "sample data" in text.lower()
    row = re.search(r"Deir ez-Zor airport 17 Sep 2016 .*? Syria (\d+) 62", text)
    assert row and row.group(1) == "3"


def test_list_filters_by_country(client, demo):
    text = _table(client.get("/", {"country": "syria"}))
    assert "Deir ez-Zor" in text
    assert "Marvi" not in text


def test_list_filters_by_date_range(client, demo):
    text = _table(client.get("/", {"start": "2024-01-01", "end": "2024-12-31"}))
    assert "Marvi" in text
    assert "Deir ez-Zor airport" not in text


def test_list_filters_by_source(client, demo):
    text = _table(client.get("/", {"source": "kestrel-monitoring-network"}))
    assert "Marvi" in text
    assert "Deir ez-Zor airport" not in text


def test_list_source_filter_ignores_unconfirmed_claims(client, demo):
    newcomer = services.source_create(name="Unvetted Wire")
    _figure(demo, newcomer, 500, status=FigureClaim.Status.UNREVIEWED)
    assert "Deir ez-Zor" not in _table(client.get("/", {"source": newcomer.slug}))


def test_list_search_matches_title_place_and_country(client, demo):
    assert "Marvi" in _table(client.get("/", {"q": "marvi market"}))
    assert "Deir ez-Zor" not in _table(client.get("/", {"q": "marvi market"}))
    assert "Deir ez-Zor" in _table(client.get("/", {"q": "Jebel"}))


def test_list_disputed_only_hides_incidents_where_sources_agree(client, demo):
    calm = _incident("Calm Crossing")
    one, two = services.source_create(name="Agency One"), services.source_create(name="Agency Two")
    _figure(calm, one, 10)
    _figure(calm, two, 10)
    text = _table(client.get("/", {"disputed": "true"}))
    assert "Deir ez-Zor" in text
    assert "Calm Crossing" not in text
    assert "Calm Crossing" in _table(client.get("/"))


def test_list_sorts_by_disagreement_and_by_date(client, demo):
    calm = _incident("Calm Crossing", started=datetime(2030, 1, 1, tzinfo=UTC))
    one, two = services.source_create(name="Agency One"), services.source_create(name="Agency Two")
    _figure(calm, one, 10)
    _figure(calm, two, 10)
    by_score = _table(client.get("/", {"sort": "-disagreement"}))
    assert by_score.index("Deir ez-Zor") < by_score.index("Calm Crossing")
    by_date = _table(client.get("/", {"sort": "-started_at"}))
    assert by_date.index("Calm Crossing") < by_date.index("Deir ez-Zor")


def test_list_ignores_a_sort_key_that_is_no_column_name(client, demo):
    calm = _incident("Calm Crossing", started=datetime(2030, 1, 1, tzinfo=UTC))
    one, two = services.source_create(name="Agency One"), services.source_create(name="Agency Two")
    _figure(calm, one, 10)
    _figure(calm, two, 10)
    # a dotted path next to a real key: the real key still sorts, the other is dropped
    response = client.get("/", {"sort": "killed.__class__,-disagreement"})
    assert response.status_code == 200
    by_score = _table(response)
    assert by_score.index("Deir ez-Zor") < by_score.index("Calm Crossing")
    assert response.context["table"].order_by == ("-disagreement",)


def test_list_paginates(client):
    for i in range(30):
        _incident(f"Incident {i:02d}", started=datetime(2020, 1, 1, tzinfo=UTC) + timedelta(i))
    first = _table(client.get("/"))
    assert "Incident 29" in first and "Incident 04" not in first
    second = _table(client.get("/", {"page": 2}))
    assert "Incident 04" in second and "Incident 29" not in second


def test_list_rejects_a_malformed_date_with_a_message_not_an_error(client, demo):
    response = client.get("/", {"start": "not-a-date"})
    assert response.status_code == 200
    assert "Enter a valid date" in _text(response)


def test_list_query_count_does_not_grow_with_incidents(client, django_assert_num_queries):
    _incident("First")
    with django_assert_num_queries(2):
        client.get("/")
    for i in range(20):
        _incident(f"More {i}")
    with django_assert_num_queries(2):
        client.get("/")


# --- incident page -----------------------------------------------------------------------------


def _row(response, claimant_slug) -> str:
    html = response.content.decode()
    match = re.search(rf'<tr data-claimant="{claimant_slug}">(.*?)</tr>', html, flags=re.S)
    assert match, f"no row for {claimant_slug}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_incident_page_puts_each_claimants_figures_in_its_own_row(client, demo):
    response = client.get(demo.get_absolute_url())
    sohr = _row(response, "syrian-observatory-for-human-rights")
    russia = _row(response, "russian-defence-ministry")
    us = _row(response, "us-military-official-anonymous")
    assert "at least 90" in sohr and "citing a source at the airport" in sohr
    assert "62" in russia and "more than 100" in russia and "Syrian regime sources" in russia
    assert "14:00–14:50 UTC" in russia and "between 1700 and 1750 local time" in russia
    assert "15:00 UTC" in us and "11 a.m. EDT (1500 GMT)" in us
    assert "62" not in sohr and "90" not in russia


def test_incident_page_shows_the_superseded_figure_as_history_not_a_competing_row(client, demo):
    response = client.get(demo.get_absolute_url())
    sohr = _row(response, "syrian-observatory-for-human-rights")
    assert re.search(r"83 .*?→ at least 90", sohr)
    assert "revised up" in sohr
    assert response.content.decode().count('<tr data-claimant="syrian-observatory') == 1


def test_incident_page_says_in_plain_words_who_gave_the_lowest_and_highest_toll(client, demo):
    text = _text(client.get(demo.get_absolute_url()))
    assert re.search(r"from 62 \(Russian defence ministry.*?\) to at least 90 \(Syrian Obs", text)
    assert "about an hour" in text


def test_incident_page_marks_conflicting_killed_figures(client, demo):
    html = client.get(demo.get_absolute_url()).content.decode()
    killed_cells = re.findall(r'<td class="figure-cell([^"]*)">\s*<a class="stated"[^>]*>', html)
    assert any("conflict" in c and "lowest" in c for c in killed_cells)
    assert any("conflict" in c and "highest" in c for c in killed_cells)


def test_incident_page_lists_the_articles_with_outlet_date_and_link(client, demo):
    response = client.get(demo.get_absolute_url())
    text = _text(response)
    assert "Moscow says coalition raid near Deir ez-Zor left 62 Syrian soldiers dead" in text
    assert "Tracker demo desk" in text
    assert "17 Sep 2016, 20:30 UTC" in text
    article = demo.articles.get(title__startswith="Moscow")
    assert reverse("claims:article-detail", args=[article.pk]) in response.content.decode()


def test_evidence_links_lead_to_the_quoted_sentence_highlighted_in_the_article(client, demo):
    claim = FigureClaim.objects.get(incident=demo, stated_text="62")
    page = client.get(demo.get_absolute_url()).content.decode()
    assert f'href="#evidence-figure-{claim.pk}"' in page
    assert f'id="evidence-figure-{claim.pk}"' in page
    article = client.get(reverse("claims:article-detail", args=[claim.article_id]))
    html = article.content.decode()
    assert f'id="claim-figure-{claim.pk}"' in html
    mark = re.search(r"<mark[^>]*>(.*?)</mark>", html, flags=re.S).group(1)
    assert "62" in mark and "more than 100" in mark


def test_incident_page_as_of_a_past_date_shows_what_was_known_then(client, demo):
    text = _text(client.get(demo.get_absolute_url(), {"as_of": "2016-09-17T23:00"}))
    assert "83" in text
    assert "at least 90" not in text.split("Evidence")[0]
    assert "as reported by 17 Sep 2016, 23:00 UTC" in text


def test_incident_page_names_the_rule_the_reader_picked(client, demo):
    text = _text(client.get(demo.get_absolute_url(), {"rule": "officials"}))
    assert "Figures reconciled by: officials only" in text


def test_incident_page_explains_a_bad_rule_or_date_and_falls_back(client, demo):
    response = client.get(demo.get_absolute_url(), {"rule": "bogus", "as_of": "yesterday-ish"})
    assert response.status_code == 200
    text = _text(response)
    assert "Unknown rule 'bogus'" in text
    assert "Could not read the date 'yesterday-ish'" in text
    assert "at least 90" in text


def test_unknown_incident_is_a_404(client):
    assert client.get("/incidents/no-such-thing/").status_code == 404


def test_unconfirmed_claims_stay_off_the_public_page_but_editors_can_show_them(
    client, admin_client, demo
):
    newcomer = services.source_create(name="Unvetted Wire")
    _figure(demo, newcomer, 777, status=FigureClaim.Status.UNREVIEWED)
    assert "777" not in _text(client.get(demo.get_absolute_url(), {"pending": "1"}))
    assert "777" not in _text(admin_client.get(demo.get_absolute_url()))
    shown = _text(admin_client.get(demo.get_absolute_url(), {"pending": "1"}))
    assert "777" in shown and "awaiting review" in shown


def test_incident_page_query_count_does_not_grow_with_claims(
    client, demo, django_assert_num_queries
):
    url = demo.get_absolute_url()
    with django_assert_num_queries(4):
        client.get(url)
    when = datetime(2016, 9, 19, tzinfo=UTC)
    for i in range(25):
        source = services.source_create(name=f"Outlet {i}", kind=Source.Kind.MEDIA)
        _figure(demo, source, 60 + i, when=when + timedelta(minutes=i))
        services.timing_claim_save(
            TimingClaim(
                incident=demo,
                claimant=source,
                stated_text=f"lasted {20 + i} minutes",
                duration_min_low=20 + i,
                duration_min_high=20 + i,
                reported_at=when,
                status=TimingClaim.Status.CONFIRMED,
            )
        )
    with django_assert_num_queries(4):
        response = client.get(url)
    assert "Outlet 24" in _text(response)


def test_user_supplied_text_is_escaped_on_every_public_page(client, demo):
    evil = "<script>alert(1)</script>"
    source = services.source_create(name=f"Wire {evil}")
    article = demo.articles.first()
    article.title = f"Title {evil}"
    services.article_save(article)
    claim = _figure(demo, source, 70, stated=f"70 {evil}", cited_text=evil, victims_text=evil)
    claim.article = article
    claim.evidence = evil
    services.figure_claim_save(claim)
    for url in ["/", demo.get_absolute_url(), reverse("claims:article-detail", args=[article.pk])]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
    assert "&lt;script&gt;" in client.get(demo.get_absolute_url()).content.decode()


def test_a_cumulative_war_toll_is_listed_apart_and_not_compared(client, demo):
    ministry = Source.objects.get(slug="russian-defence-ministry")
    _figure(
        demo,
        ministry,
        300000,
        stated="more than 300,000",
        qualifier="more_than",
        high=None,
        is_cumulative=True,
    )
    response = client.get(demo.get_absolute_url())
    assert "300,000" not in _row(response, "russian-defence-ministry")
    text = _text(response)
    assert "Tolls for the wider conflict" in text and "more than 300,000" in text
    demo.refresh_from_db()
    assert (demo.killed_low, demo.killed_high) == (62, 90)


def test_chart_urls_serve_standalone_svg_with_an_embed_snippet_on_the_page(client, demo):
    for name in ("figures", "timeline"):
        response = client.get(f"/incidents/{DEMO_SLUG}/chart/{name}.svg")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("image/svg+xml")
        assert response.content.startswith(b"<svg")
    assert client.get(f"/incidents/{DEMO_SLUG}/chart/pie.svg").status_code == 404
    page = client.get(demo.get_absolute_url()).content.decode()
    assert f'&lt;img src="http://testserver/incidents/{DEMO_SLUG}/chart/figures.svg"' in page


@pytest.mark.parametrize(
    "params",
    [{"per_page": "-1"}, {"per_page": "9" * 40}, {"page": "9" * 40}, {"page": "-3"}],
)
def test_absurd_paging_parameters_fall_back_to_a_sane_page(client, demo, params):
    response = client.get("/", params)
    assert response.status_code == 200
    rows = _table(response)
    assert "Marvi" in rows or "Deir ez-Zor" in rows


@pytest.mark.parametrize("as_of", ["9999-12-31T23:00-05:00", "0001-01-01T00:00+05:00"])
def test_an_as_of_date_at_the_edge_of_the_calendar_is_not_an_error(client, demo, as_of):
    response = client.get(demo.get_absolute_url(), {"as_of": as_of})
    assert response.status_code == 200


def test_two_zones_that_disagree_within_one_statement_are_flagged(client, demo):
    marvi = Incident.objects.get(slug="sample-marvi-market-shelling")
    kestrel = Source.objects.get(slug="kestrel-monitoring-network")
    services.timing_claim_save(
        TimingClaim(
            incident=marvi,
            claimant=kestrel,
            stated_text="at about 9:40 a.m. local time (0740 GMT)",
            zone_label="local",
            start_utc=datetime(2024, 3, 9, 6, 40, tzinfo=UTC),
            reported_at=datetime(2024, 3, 10, tzinfo=UTC),
            status=TimingClaim.Status.CONFIRMED,
        )
    )
    text = _text(client.get(marvi.get_absolute_url()))
    assert "states the time in local and GMT, but the two are 60 minutes apart" in text
    demo_text = _text(client.get(demo.get_absolute_url()))
    assert "EDT and GMT agree" in demo_text


def test_undated_incidents_come_last_and_equal_dates_page_without_repeats(client):
    same_day = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(30):
        _incident(f"Same day {i:02d}", started=same_day)
    services.incident_create(title="Undated raid", place="Nowhere", country="Testland")
    first, second = _table(client.get("/")), _table(client.get("/", {"page": 2}))
    title = r"Same day \d\d(?! town)"  # not the place column ("Same day 07 town")
    titles = re.findall(title, first) + re.findall(title, second)
    assert len(titles) == len(set(titles)) == 30
    assert "Undated raid" not in first and "Undated raid" in second
    assert _table(client.get("/", {"sort": "started_at"})).find("Undated raid") == -1
