"""The page cache as readers and editors meet it: repeated requests are cheap, and a committed
write shows on the next request, whichever way it was made.

These tests commit (transactional_db): the cache is retired only after a transaction commits, and
a test's own rolled-back transaction never commits.
"""

import gzip
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from claims import pagecache, scale, services
from claims.formatting import format_range
from claims.ingest.incidents import incidents_merge
from claims.models import DataVersion, FigureClaim, Incident, Source

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600  # as in production (it is off while developing)


@pytest.fixture
def incident():
    incident = services.incident_create(
        title="Strike on Varnell market",
        place="Varnell",
        country="Testland",
        time_zone="UTC",
        started_at=datetime(2021, 3, 4, tzinfo=UTC),
    )
    source = services.source_create(name="Varnell Civil Defence", kind=Source.Kind.MONITOR)
    _figure(incident, source, 12)
    return incident


def _figure(incident, source, number, status=FigureClaim.Status.CONFIRMED):
    return services.figure_claim_save(
        FigureClaim(
            incident=incident,
            claimant=source,
            metric="killed",
            stated_text=f"{number} killed",
            qualifier="exact",
            low=number,
            high=number,
            reported_at=datetime(2021, 3, 4, 12, tzinfo=UTC),
            status=status,
        )
    )


def _get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response, response.content.decode()


def test_a_repeated_anonymous_request_is_served_from_the_cache_without_a_query(
    client, incident, django_assert_num_queries, settings
):
    url = incident.get_absolute_url()
    first, first_html = _get(client, url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):  # the version was read a moment ago
        second, second_html = _get(client, url)
    settings.PAGE_CACHE_VERSION_CHECK_MS = 0
    with django_assert_num_queries(1):  # the data version, nothing else
        _get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert second_html == first_html
    assert second["Content-Type"] == first["Content-Type"]
    # The security headers are still added on the way out.
    assert "Content-Security-Policy" in second and second["X-Frame-Options"] == "DENY"


def test_a_new_figure_is_on_the_page_and_the_list_at_the_next_request(client, incident):
    _get(client, incident.get_absolute_url())
    _get(client, "/")
    other = services.source_create(name="Testland Health Ministry", kind=Source.Kind.GOVERNMENT)
    _figure(incident, other, 31)
    response, html = _get(client, incident.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Testland Health Ministry" in html and "31 killed" in html
    _response, listing = _get(client, "/")
    assert format_range(12, 31, False) in listing


def test_an_approval_in_the_review_queue_retires_the_cached_page(client, incident):
    pending = _figure(incident, Source.objects.get(), 40, status=FigureClaim.Status.UNREVIEWED)
    _response, before = _get(client, incident.get_absolute_url())
    assert "40 killed" not in before
    services.claims_set_status([pending], status=FigureClaim.Status.CONFIRMED)
    _response, after = _get(client, incident.get_absolute_url())
    assert "40 killed" in after


def test_an_action_in_the_admin_retires_the_cached_page(client, incident, editor):
    pending = _figure(incident, Source.objects.get(), 40, status=FigureClaim.Status.UNREVIEWED)
    _response, before = _get(client, incident.get_absolute_url())
    assert "40 killed" not in before
    client.force_login(editor)
    response = client.post(
        "/admin/claims/figureclaim/",
        {"action": "confirm_selected", "_selected_action": [pending.pk]},
    )
    assert response.status_code == 302
    client.logout()
    response, after = _get(client, incident.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "40 killed" in after


def test_merging_incidents_removes_the_dropped_one_from_the_cached_list(client, incident):
    twin = services.incident_create(
        title="Varnell market attack",
        place="Varnell",
        country="Testland",
        time_zone="UTC",
        started_at=datetime(2021, 3, 4, tzinfo=UTC),
    )
    _response, before = _get(client, "/")
    assert "Varnell market attack" in before
    incidents_merge(keep=incident, drop=twin)
    _response, after = _get(client, "/")
    assert "Varnell market attack" not in after


def test_generated_data_shows_on_the_cached_list(client, incident):
    _response, before = _get(client, "/?q=synthetic")
    scale.generate(incidents=5, claims_per_incident=3, seed=3, sources=8, batch=5)
    _response, after = _get(client, "/?q=synthetic")
    assert after != before and Incident.objects.filter(title__icontains="synthetic").exists()
    first = Incident.objects.filter(title__icontains="synthetic").order_by("-started_at").first()
    assert first.title in after.replace("&#x27;", "'")


def test_editors_never_get_cached_pages_and_never_leak_pending_claims(client, incident, editor):
    _figure(incident, Source.objects.get(), 77, status=FigureClaim.Status.UNREVIEWED)
    url = incident.get_absolute_url() + "?pending=1"
    editor_client = Client()
    editor_client.force_login(editor)
    for _ in range(2):
        response = editor_client.get(url)
        assert "X-Page-Cache" not in response
        assert "77 killed" in response.content.decode()
    _response, anonymous = _get(client, url)
    assert "77 killed" not in anonymous


def test_errors_and_exports_are_never_stored(client, incident):
    for _ in range(2):
        response = client.get("/incidents/no-such-incident/")
        assert response.status_code == 404 and "X-Page-Cache" not in response
        export = client.get(f"{incident.get_absolute_url()}comparison.csv")
        assert export.streaming and "X-Page-Cache" not in export


def test_the_address_with_its_host_is_part_of_the_key(client, incident, settings):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    _response, one = _get(client, incident.get_absolute_url(), HTTP_HOST="one.example")
    _response, two = _get(client, incident.get_absolute_url(), HTTP_HOST="two.example")
    assert "http://one.example/" in one and "http://two.example/" in two
    _response, by_range = _get(client, "/?rule=range", HTTP_HOST="one.example")
    response, again = _get(client, "/?rule=range", HTTP_HOST="one.example")
    assert response["X-Page-Cache"] == "hit" and again == by_range


def test_a_rolled_back_write_keeps_the_cached_pages(client, incident):
    _get(client, incident.get_absolute_url())
    token = pagecache.current_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        _figure(incident, Source.objects.get(), 99)
        raise RuntimeError("the editor's request failed")
    assert pagecache.current_version() == token
    response, html = _get(client, incident.get_absolute_url())
    assert response["X-Page-Cache"] == "hit" and "99 killed" not in html


def test_many_writes_in_one_transaction_change_the_version_once(incident):
    before = DataVersion.objects.get().changed_at
    with transaction.atomic():
        source = Source.objects.get()
        for n in (20, 21, 22):
            _figure(incident, source, n)
        waiting = [f for _s, f, _r in transaction.get_connection().run_on_commit]
        assert waiting.count(pagecache._bump) == 1
    assert DataVersion.objects.get().changed_at > before


def test_a_cache_that_is_down_costs_a_render_not_an_error(client, incident, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.PAGE_CACHE_ALIAS = "down"
    for _ in range(2):
        response, html = _get(client, incident.get_absolute_url())
        assert "Varnell Civil Defence" in html and "X-Page-Cache" not in response
    cache.clear()


def test_the_cache_can_be_turned_off(client, incident, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response, _html = _get(client, incident.get_absolute_url())
        assert "X-Page-Cache" not in response


def test_browsers_get_the_cached_page_gzipped_and_others_get_it_plain(client, incident):
    url = incident.get_absolute_url()
    plain, plain_html = _get(client, url)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    for _ in range(2):  # the first fill, then the cache hit
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content).decode() == plain_html
        assert len(response.content) < len(plain.content) / 3
        assert int(response["Content-Length"]) == len(response.content)


def test_a_write_by_another_process_shows_within_the_version_check_interval(
    client, incident, settings, monkeypatch
):
    settings.PAGE_CACHE_VERSION_CHECK_MS = 60_000
    clock = [1000.0]
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: clock[0])
    pagecache.forget_version()
    url = incident.get_absolute_url()
    _get(client, url)
    # Another process corrects the figure and, committing, changes the version: update() and a
    # direct write of the row, so that nothing in this process hears of it.
    FigureClaim.objects.filter(incident=incident).update(stated_text="13 killed", low=13, high=13)
    DataVersion.objects.filter(pk=pagecache.VERSION_PK).update(token="written-elsewhere")
    clock[0] += 59
    response, html = _get(client, url)
    assert response["X-Page-Cache"] == "hit" and "12 killed" in html
    clock[0] += 2  # past the interval: the version is read again
    response, html = _get(client, url)
    assert response["X-Page-Cache"] == "miss" and "13 killed" in html
    # This process's own writes show at once, whatever the interval.
    _figure(incident, Source.objects.get(), 44)
    _response, html = _get(client, url)
    assert "44 killed" in html


def test_pages_cached_by_another_release_are_not_served(client, incident, monkeypatch):
    url = incident.get_absolute_url()
    _get(client, url)
    assert _get(client, url)[0]["X-Page-Cache"] == "hit"
    # A deploy with other code or templates, sharing the cache (Redis) with the old one.
    monkeypatch.setattr(pagecache, "_release", lambda: "another-release")
    assert _get(client, url)[0]["X-Page-Cache"] == "miss"
