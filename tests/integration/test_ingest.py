"""Ingestion end to end against a local web server: what an editor sees after submitting an
address, a page or text (articles, their claims, the reasons for failures), and the incident
services around it (suggestion, linking, merging, duplicates)."""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from claims import ingest, services, tasks
from claims.extraction import extract
from claims.models import Article, Feed, FigureClaim, Incident, Source, TimingClaim
from tests.factories import FigureClaimFactory, IncidentFactory
from tests.integration.test_ingest_support import FIXTURES, FixtureServer, fixture_bytes

GOOD = "/world/velmora-depot.html"


@pytest.fixture
def web(db, settings):
    # The fixture server is on 127.0.0.1: the guard is off here (one test turns it back on).
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    settings.INGEST_READ_TIMEOUT = 1
    settings.INGEST_CONNECT_TIMEOUT = 1
    settings.INGEST_TOTAL_TIMEOUT = 10
    with FixtureServer() as server:
        server.page(GOOD, fixture_bytes("good_article.html"))
        server.page("/mirror/velmora.html", fixture_bytes("good_article.html"))
        server.page("/world/korvask-silo.html", fixture_bytes("broken_article.html"))
        server.page(
            "/world/valmoro-market.html",
            fixture_bytes("windows1252_article.html"),
            content_type="text/html; charset=ISO-8859-1",
        )
        server.page("/business/ferries.html", b"<html><body><p>Ferries run.</p></body></html>")
        yield server


@pytest.fixture
def velmora(db):
    """The invented incident the good article reports (Velmora is UTC+2 in March)."""
    return services.incident_create(
        title="Drone strike on Velmora bus depot",
        place="Velmora",
        country="Ostravia",
        time_zone="Europe/Bucharest",
        started_at=datetime(2024, 3, 9, 4, 10, tzinfo=UTC),
    )


def submit_and_process(url, **kwargs) -> Article:
    article = ingest.article_submit_url(url=url, enqueue=False, **kwargs)
    outcome = ingest.article_process(article.pk)
    return Article.objects.get(pk=outcome.article_id)


def claims_of(article):
    return list(FigureClaim.objects.filter(article=article)) + list(
        TimingClaim.objects.filter(article=article)
    )


# --- a good article ------------------------------------------------------------------------


def test_a_good_article_becomes_one_article_with_text_metadata_archive_and_unreviewed_claims(
    web, velmora, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as enqueued:
        article = ingest.article_submit_url(url=web.url(GOOD), incident=velmora)
    assert article.status == Article.Status.QUEUED
    assert len(enqueued) == 1  # the fetch task is sent once the row is committed

    outcome = ingest.article_process(article.pk)
    article.refresh_from_db()
    assert outcome.status == "extracted"
    assert article.status == Article.Status.EXTRACTED
    assert article.title == "Drone strike on Velmora bus depot kills 14"
    assert article.outlet == "Northgate Wire"
    assert article.published_at == datetime(2024, 3, 9, 14, 20, tzinfo=UTC)
    assert article.text.startswith("Drone strike on Velmora bus depot kills 14\n")
    assert "At least 14 people were killed when a drone struck a bus depot" in article.text
    assert "All rights reserved" not in article.text  # page furniture is not article text
    assert "<nav>" in article.raw_html  # the archived copy is the page as fetched
    assert article.content_hash == services.content_hash(article.text)
    assert (article.attempts, article.error) == (1, "")

    claims = claims_of(article)
    expected = extract(
        article.text, published=article.published_at.date(), place_tz="Europe/Bucharest"
    )
    assert len(claims) == len(expected) >= 4
    for claim in claims:
        assert (claim.status, claim.origin) == ("unreviewed", "extracted")
        assert claim.incident == velmora
        assert claim.reported_at == article.published_at
        # The span points at the evidence sentence in the stored text.
        quoted = article.text[claim.evidence_start : claim.evidence_end]
        assert " ".join(quoted.split()) == claim.evidence
        assert claim.history.filter(history_type="+").count() == 1

    at_least = FigureClaim.objects.get(article=article, stated_text="At least 14")
    assert (at_least.low, at_least.high, at_least.qualifier) == (14, None, "at_least")
    assert at_least.claimant.name == "Ostravian Civil Defence"
    assert at_least.claimant.is_suggested  # an editor confirms a source extraction made up
    assert services.source_for_name("Ostravian Civil Defence") == at_least.claimant
    assert at_least.cited_text == "rescuers at the scene"
    injured = FigureClaim.objects.get(article=article, metric="injured")
    assert (injured.low, injured.high) == (27, 27)

    headline = FigureClaim.objects.get(article=article, is_headline=True)
    assert headline.claimant.name == "Northgate Wire"
    assert headline.claimant.kind == Source.Kind.MEDIA

    timing = TimingClaim.objects.get(article=article)
    assert timing.start_utc == datetime(2024, 3, 9, 4, 10, tzinfo=UTC)
    assert timing.stated_text == "about 6:10 a.m. local time (0410 GMT)"


def test_ingesting_the_same_page_again_even_with_tracking_parameters_gives_one_article(
    web, velmora
):
    first = submit_and_process(web.url(GOOD), incident=velmora)
    claim_ids = sorted(c.pk for c in FigureClaim.objects.filter(article=first))
    confirmed = FigureClaim.objects.get(article=first, metric="injured")
    services.claim_set_status(confirmed, status=FigureClaim.Status.CONFIRMED)

    again = ingest.article_submit_url(
        url=web.url(GOOD) + "?utm_source=newsletter&utm_medium=email#comments",
        enqueue=False,
    )
    assert again.pk == first.pk
    outcome = ingest.article_process(again.pk, refresh=True)  # re-ingest: fetched again

    assert outcome.status == "extracted"
    assert Article.objects.count() == 1
    assert web.hits[GOOD] == 2
    assert sorted(c.pk for c in FigureClaim.objects.filter(article=first)) == claim_ids
    assert TimingClaim.objects.filter(article=first).count() == 1
    confirmed.refresh_from_db()
    assert confirmed.status == FigureClaim.Status.CONFIRMED  # the editor's review survives


def test_an_extracted_article_is_not_processed_again_without_refresh(web, velmora):
    article = submit_and_process(web.url(GOOD), incident=velmora)
    outcome = ingest.article_process(article.pk)
    assert outcome.status == "done"
    assert web.hits[GOOD] == 1


def test_the_same_text_at_two_addresses_is_stored_once(web, velmora):
    first = submit_and_process(web.url(GOOD), incident=velmora)
    n_claims = len(claims_of(first))
    mirror = ingest.article_submit_url(url=web.url("/mirror/velmora.html"), enqueue=False)
    outcome = ingest.article_process(mirror.pk)

    assert (outcome.status, outcome.article_id) == ("duplicate", first.pk)
    assert list(Article.objects.values_list("pk", flat=True)) == [first.pk]
    assert len(claims_of(first)) == n_claims


def test_an_uploaded_page_twice_is_one_article(velmora):
    html = fixture_bytes("good_article.html")
    one = ingest.article_from_html(html=html, incident=velmora)
    two = ingest.article_from_html(html=html.decode(), incident=velmora)
    assert one.pk == two.pk
    assert (one.origin, one.status, one.outlet) == ("upload", "extracted", "Northgate Wire")
    assert len(claims_of(one)) >= 4


def test_pasted_text_is_cleaned_of_markup_and_extracted(velmora):
    article = ingest.article_from_text(
        text="<p>At least 14 people were killed in Velmora, the Ostravian Civil Defence "
        "said.</p><script>track()</script><p>It said 27 &amp; more were wounded.</p>",
        title="Velmora depot strike",
        outlet="Field notes",
        published_at=datetime(2024, 3, 9, 12, 0, tzinfo=UTC),
        incident=velmora,
    )
    assert article.origin == "paste"
    assert "<" not in article.text and "track()" not in article.text
    assert article.text.startswith("Velmora depot strike\n\n")
    assert "27 & more were wounded" in article.text
    figure = FigureClaim.objects.get(article=article, stated_text="At least 14")
    assert figure.evidence_start is not None


def test_text_with_nothing_readable_is_refused_with_a_reason(db):
    with pytest.raises(ValidationError, match="No article text found"):
        ingest.article_from_text(text="<p> </p><script>x()</script>")
    assert Article.objects.count() == 0


# --- bad inputs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/files/report.bin", "Not an HTML page (application/octet-stream)"),
        ("/huge.html", "Page larger than 5 MB"),
        ("/missing.html", "HTTP 404 Not Found"),
        ("/slow.html", "Timed out: 127.0.0.1:{port} did not answer within 1 s"),
        ("/loop", "Too many redirects (more than 5)"),
        ("/empty.html", "No article text found on the page"),
    ],
)
def test_a_bad_page_ends_as_a_failed_article_with_a_clear_reason_and_nothing_else(
    web, velmora, path, reason
):
    web.page(
        "/files/report.bin",
        b"PK\x03\x04" + bytes(range(256)) * 8,
        content_type="application/octet-stream",
    )
    web.stream("/huge.html", total=20 * 1024 * 1024, name="huge")
    web.page("/slow.html", fixture_bytes("good_article.html"), delay=2.5)
    web.redirect("/loop", "/loop?again=1")
    web.page("/empty.html", b"<html><head><title></title></head><body> </body></html>")
    sources_before = Source.objects.count()

    article = submit_and_process(web.url(path), incident=velmora)

    assert article.status == Article.Status.FAILED
    assert article.error == reason.format(port=web.base.rsplit(":", 1)[1])
    assert (article.text, article.raw_html, article.content_hash) == ("", "", "")
    assert Article.objects.count() == 1
    assert FigureClaim.objects.count() == TimingClaim.objects.count() == 0
    assert Source.objects.count() == sources_before
    if path == "/huge.html":
        assert web.stats["huge"] < 12 * 1024 * 1024  # stopped reading at the cap


def test_with_the_guard_on_the_local_server_is_refused(web, velmora, settings):
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = False
    article = submit_and_process(web.url(GOOD), incident=velmora)
    assert article.status == Article.Status.FAILED
    assert article.error == "Refused: 127.0.0.1 is a loopback address"
    assert web.hits[GOOD] == 0


def test_broken_html_still_gives_its_text_and_claims(web):
    korvask = IncidentFactory(
        title="Shelling of Korvask grain silo",
        place="Korvask",
        started_at=datetime(2024, 3, 5, 8, 0, tzinfo=UTC),
    )
    article = submit_and_process(web.url("/world/korvask-silo.html"), incident=korvask)
    assert article.status == Article.Status.EXTRACTED
    assert article.title == "Shelling hits Korvask grain silo"
    assert "Nine workers were killed and 16 were injured" in article.text
    assert "Lida Marsh" in article.text
    nine = FigureClaim.objects.get(article=article, metric="killed")
    assert (nine.low, nine.high, nine.stated_text) == (9, 9, "Nine")


def test_a_windows_1252_page_labelled_latin_1_keeps_its_accented_names(web):
    article = submit_and_process(web.url("/world/valmoro-market.html"))
    assert article.status == Article.Status.EXTRACTED
    assert article.title == "Market fire in Santa Inés de Valmoro kills 11"
    assert article.outlet == "Río Claro Herald"
    assert "José Ibáñez Peñalver" in article.text
    assert "Zoë Lefèvre-Çelik" in article.text
    assert "\u201cWe could not reach the back stalls,\u201d" in article.text
    assert "\ufffd" not in article.text


# --- retries, the queue and claims on work -------------------------------------------------


def test_a_server_error_is_retried_until_the_page_comes(web, velmora, monkeypatch):
    """In-process (the ingest command, eager mode); a real worker's Celery retries are shown
    in test_ingest_worker.py."""
    pauses = []
    monkeypatch.setattr(ingest.store.time, "sleep", pauses.append)
    web.flaky("/flaky.html", fixture_bytes("good_article.html"), failures=2)
    article = ingest.article_submit_url(url=web.url("/flaky.html"), incident=velmora, enqueue=False)
    result = tasks.article_fetch.apply((article.pk,))
    article.refresh_from_db()
    assert result.get()["status"] == "extracted"
    assert (article.status, article.attempts, web.hits["/flaky.html"]) == ("extracted", 3, 3)
    assert pauses == [1, 2]  # backoff between tries


def test_a_server_error_that_persists_fails_after_the_retries(web, settings, monkeypatch):
    monkeypatch.setattr(ingest.store.time, "sleep", lambda seconds: None)
    settings.INGEST_MAX_RETRIES = 2
    web.flaky("/down.html", b"", failures=100)
    article = ingest.article_submit_url(url=web.url("/down.html"), enqueue=False)
    tasks.article_fetch.apply((article.pk,))
    article.refresh_from_db()
    assert (article.status, article.error) == ("failed", "HTTP 503 Service Unavailable")
    assert article.attempts == web.hits["/down.html"] == 3


def test_a_transient_failure_puts_the_article_back_in_the_queue(web):
    web.flaky("/busy.html", b"", failures=100)
    article = ingest.article_submit_url(url=web.url("/busy.html"), enqueue=False)
    with pytest.raises(ingest.TransientFetchError):
        ingest.article_process(article.pk, final_attempt=False)
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert article.error == "Retrying after: HTTP 503 Service Unavailable"


def test_when_the_broker_is_down_the_article_stays_queued_and_the_sweep_resends_it(
    web, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.article_fetch, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        article = ingest.article_submit_url(url=web.url(GOOD))  # does not raise
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED

    sent = []
    monkeypatch.setattr(
        tasks.article_fetch,
        "apply_async",
        lambda args, kwargs=None, **options: sent.append((args, options)),
    )
    fresh = ingest.article_submit_url(url=web.url("/mirror/velmora.html"), enqueue=False)
    assert ingest.articles_sweep_queued() == 0  # nothing is a minute old yet
    two_minutes_ago = timezone.now() - timedelta(minutes=2)
    Article.objects.filter(pk=article.pk).update(
        created_at=two_minutes_ago, updated_at=two_minutes_ago
    )
    assert ingest.articles_sweep_queued() == 1
    assert sent == [((article.pk,), {"queue": "celery"})]
    assert ingest.articles_sweep_queued() == 0  # stamped: not re-sent every sweep
    assert Article.objects.get(pk=fresh.pk).status == Article.Status.QUEUED


def test_work_on_an_article_is_claimed_once_and_a_dead_workers_claim_expires(web, settings):
    article = ingest.article_submit_url(url=web.url(GOOD), enqueue=False)
    assert ingest.article_claim(article.pk) is True
    assert ingest.article_claim(article.pk) is False  # a second worker finds it taken
    busy = ingest.article_process(article.pk)
    assert busy.status == "busy"
    assert 0 < busy.retry_in <= settings.INGEST_CLAIM_LEASE_SECONDS
    assert web.hits[GOOD] == 0

    # The first worker died: once its lease is over, the article is taken over and finished.
    expired = timezone.now() - timedelta(seconds=settings.INGEST_CLAIM_LEASE_SECONDS + 1)
    Article.objects.filter(pk=article.pk).update(updated_at=expired)
    assert ingest.article_process(article.pk).status == "extracted"
    assert Article.objects.get(pk=article.pk).attempts == 2


def test_submitting_a_failed_address_again_tries_it_again(web, django_capture_on_commit_callbacks):
    web.page("/later.html", b"", status=404)
    article = submit_and_process(web.url("/later.html"))
    assert article.status == Article.Status.FAILED
    web.page("/later.html", fixture_bytes("good_article.html"))
    with django_capture_on_commit_callbacks() as enqueued:
        again = ingest.article_submit_url(url=web.url("/later.html"))
    assert again.pk == article.pk and len(enqueued) == 1
    ingest.article_process(article.pk, refresh=True)
    assert Article.objects.get(pk=article.pk).status == Article.Status.EXTRACTED


# --- feeds ---------------------------------------------------------------------------------


def test_an_atom_feed_submits_each_item_once(web, velmora):
    web.feed("/feed.atom", "feed.atom", "application/atom+xml")
    feed = Feed.objects.create(
        name="Northgate conflict desk", url=web.url("/feed.atom"), incident=velmora
    )
    first = ingest.feed_poll(feed, enqueue=False)
    again = ingest.feed_poll(feed, enqueue=False)

    assert (first.items, len(first.submitted), first.error) == (3, 3, "")
    assert again.submitted == []
    urls = set(Article.objects.values_list("url", flat=True))
    assert urls == {
        web.url(GOOD),
        web.url("/world/korvask-silo.html"),
        web.url("/world/valmoro-market.html"),
    }  # no utm_*, no #fragment
    assert set(Article.objects.values_list("origin", "status", "feed", "incident")) == {
        ("feed", "queued", feed.pk, velmora.pk)
    }
    feed.refresh_from_db()
    assert feed.last_polled_at is not None and feed.last_error == ""


def test_an_rss_feed_skips_items_already_stored(web):
    web.feed("/feed.rss", "feed.rss", "application/rss+xml; charset=utf-8")
    submit_and_process(web.url("/world/korvask-silo.html"))
    feed = Feed.objects.create(name="Eastline latest", url=web.url("/feed.rss"))
    result = ingest.feed_poll(feed, enqueue=False)
    assert result.items == 2
    new = Article.objects.get(pk=result.submitted[0])
    assert new.url == web.url("/business/ferries.html")  # fbclid dropped
    assert Article.objects.count() == 2


def test_a_broken_feed_records_its_error_and_submits_nothing(web):
    web.page("/not-a-feed", b"\x00\x01\x02", content_type="application/octet-stream")
    feed = Feed.objects.create(name="Broken", url=web.url("/not-a-feed"))
    result = ingest.feed_poll(feed, enqueue=False)
    feed.refresh_from_db()
    assert result.error == feed.last_error == "Not an HTML page (application/octet-stream)"
    assert Article.objects.count() == 0


def test_only_feeds_whose_interval_has_elapsed_are_polled_and_each_once(db):
    now = timezone.now()
    never = Feed.objects.create(name="New", url="https://a.example/feed")
    due = Feed.objects.create(
        name="Due",
        url="https://b.example/feed",
        poll_minutes=30,
        last_polled_at=now - timedelta(minutes=31),
    )
    Feed.objects.create(
        name="Recent",
        url="https://c.example/feed",
        poll_minutes=30,
        last_polled_at=now - timedelta(minutes=5),
    )
    Feed.objects.create(name="Off", url="https://d.example/feed", is_active=False)
    assert ingest.feeds_claim_due(now) == [never.pk, due.pk]
    assert ingest.feeds_claim_due(now) == []  # claimed: a second scheduler polls nothing


# --- incidents -----------------------------------------------------------------------------


def test_an_article_without_incident_gets_a_suggestion_and_claims_only_once_linked(web, velmora):
    IncidentFactory(
        title="Flooding in Velmora",
        place="Velmora",  # same place, a year before
        started_at=datetime(2023, 3, 1, tzinfo=UTC),
    )
    IncidentFactory(
        title="Strike on Drava ferry",
        place="Drava estuary",  # same day, elsewhere
        started_at=datetime(2024, 3, 9, 6, 0, tzinfo=UTC),
    )
    article = submit_and_process(web.url(GOOD))

    assert article.suggested_incident == velmora
    assert article.incident is None
    assert claims_of(article) == []

    summary = ingest.article_link_incident(article, velmora)
    article.refresh_from_db()
    assert (article.incident, article.suggested_incident) == (velmora, None)
    assert summary.created == len(claims_of(article)) >= 4
    assert {c.incident for c in claims_of(article)} == {velmora}


def test_merging_incidents_moves_everything_keeps_history_and_deletes_the_duplicate(
    web, velmora, editor
):
    duplicate = services.incident_create(
        title="Velmora depot drone attack",
        place="Velmora bus depot",
        country="Ostravia",
        started_at=datetime(2024, 3, 9, 5, 0, tzinfo=UTC),
        acled_event_id="OST1234",
    )
    article = submit_and_process(web.url(GOOD), incident=duplicate)
    hand = FigureClaimFactory(incident=duplicate, low=15, confirmed=True)
    feed = Feed.objects.create(name="Desk", url="https://wire.example/feed", incident=duplicate)
    moved = claims_of(article) + [hand]

    kept = ingest.incidents_merge(keep=velmora, drop=duplicate, acting_user=editor)

    assert not Incident.objects.filter(pk=duplicate.pk).exists()
    assert Incident.history.filter(id=duplicate.pk, history_type="-").count() == 1
    for claim in moved:
        claim.refresh_from_db()
        assert claim.incident == velmora
        latest = claim.history.first()
        assert latest.history_change_reason == f"merged from incident {duplicate.slug}"
        assert latest.history_user == editor
    assert Article.objects.get(pk=article.pk).incident == velmora
    assert Feed.objects.get(pk=feed.pk).incident == velmora
    assert kept.acled_event_id == "OST1234"  # blank fields are filled from the duplicate
    velmora.refresh_from_db()
    assert velmora.source_count == 1 and velmora.killed_low == 15  # summary refreshed


def test_an_incident_cannot_be_merged_into_itself(velmora):
    with pytest.raises(ValidationError):
        ingest.incidents_merge(keep=velmora, drop=velmora)


def test_likely_duplicate_incidents_are_found_for_a_warning(velmora):
    near = IncidentFactory(
        title="Drone strike on Velmora bus depot kills 14",
        country="Ostravia",
        place="Velmora",
        started_at=velmora.started_at + timedelta(hours=3),
    )
    IncidentFactory(
        title="Drone strike on Velmora bus depot",
        country="Elsewhere",
        started_at=velmora.started_at,
    )
    IncidentFactory(
        title="Drone strike on Velmora bus depot",
        country="Ostravia",
        started_at=velmora.started_at + timedelta(days=40),
    )
    IncidentFactory(
        title="Harbour crane collapse",
        country="Ostravia",
        place="Port Lind",
        started_at=velmora.started_at,
    )
    similar = ingest.incident_similar(velmora)
    assert similar == [near]
    assert 0.6 <= similar[0].similarity <= 1


# --- commands ------------------------------------------------------------------------------


def test_extract_json_prints_the_documented_keys():
    out = StringIO()
    call_command(
        "extract",
        str(FIXTURES / "good_article.html"),
        "--json",
        "--published",
        "2024-03-09",
        "--tz",
        "Europe/Bucharest",
        stdout=out,
    )
    claims = json.loads(out.getvalue())["claims"]
    figure_keys = {
        "kind",
        "claimant",
        "cited",
        "metric",
        "victims",
        "victim_group",
        "low",
        "high",
        "qualifier",
        "stated",
        "revised_from_earlier",
        "revised",
        "hedged",
        "cumulative",
        "headline",
        "evidence",
        "span",
    }
    timing_keys = {
        "kind",
        "claimant",
        "cited",
        "stated",
        "zone",
        "start_utc",
        "end_utc",
        "duration_min_low",
        "duration_min_high",
        "evidence",
        "span",
    }
    assert {c["kind"] for c in claims} == {"figure", "timing"}
    for claim in claims:
        assert set(claim) >= (figure_keys if claim["kind"] == "figure" else timing_keys)
    timing = next(c for c in claims if c["kind"] == "timing")
    assert timing["start_utc"] == "2024-03-09T04:10:00+00:00"
    documented = (FIXTURES.parents[2] / "docs" / "INGESTION.md").read_text()
    for key in figure_keys | timing_keys:
        assert f"`{key}`" in documented


def test_extract_prints_a_readable_table_by_default(tmp_path):
    text = tmp_path / "note.txt"
    text.write_text("At least 31 people were killed in Marvo, the Kestrel Network said.\n")
    out = StringIO()
    call_command("extract", str(text), stdout=out)
    assert "Kestrel Network" in out.getvalue()
    assert "killed 31..open (at_least: 'At least 31')" in out.getvalue()


def test_ingest_command_reads_files_and_addresses(web, velmora, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Velmora update\n\nThe Civil Defence said 30 people had now died in Velmora.")
    out, err = StringIO(), StringIO()
    call_command(
        "ingest",
        str(FIXTURES / "good_article.html"),
        str(note),
        web.url("/world/korvask-silo.html"),
        "--incident",
        velmora.slug,
        stdout=out,
        stderr=err,
    )
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert all(": extracted: " in line for line in lines)
    assert {a.origin for a in Article.objects.all()} == {"upload", "paste", "url"}
    assert all(a.incident == velmora for a in Article.objects.all())
    assert web.hits["/world/korvask-silo.html"] == 1


def test_ingest_command_reports_failures_and_exits_with_an_error(web, velmora):
    out = StringIO()
    with pytest.raises(CommandError, match="1 of 2 inputs failed"):
        call_command(
            "ingest",
            web.url("/missing.html"),
            str(FIXTURES / "good_article.html"),
            stdout=out,
            stderr=StringIO(),
        )
    assert f"{web.url('/missing.html')}: failed: HTTP 404 Not Found" in out.getvalue()
    with pytest.raises(CommandError, match="No incident"):
        call_command("ingest", web.url(GOOD), "--incident", "nowhere", stdout=StringIO())


def test_an_incident_linked_while_the_page_is_being_fetched_gets_the_claims(
    web, velmora, monkeypatch
):
    article = ingest.article_submit_url(url=web.url(GOOD), enqueue=False)
    real_fetch = ingest.store.fetch_page

    def editor_links_meanwhile(url, *args, **kwargs):
        page = real_fetch(url, *args, **kwargs)
        # The editor confirms the incident while the worker holds its own copy of the row.
        Article.objects.filter(pk=article.pk).update(incident=velmora)
        return page

    monkeypatch.setattr(ingest.store, "fetch_page", editor_links_meanwhile)
    ingest.article_process(article.pk)
    article.refresh_from_db()
    assert article.incident == velmora  # not overwritten by the worker's copy of the row
    assert len(claims_of(article)) >= 4
