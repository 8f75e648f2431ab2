"""The guarded fetcher against a real local web server: what it refuses, where it stops, and the
reason an editor reads when it does. No database."""

import ipaddress
import socket
import time

import pytest
from django.core.exceptions import ValidationError

from claims.ingest import fetch as fetch_module
from claims.ingest.fetch import FetchError, FetchPolicy, address_refusal, fetch_page
from claims.ingest.inputs import normalize_url
from claims.ingest.parse import clean_text, decode_html
from tests.integration.test_ingest_support import FixtureServer, fixture_bytes

# The local server is on 127.0.0.1, so these tests turn the private-address guard off, except
# where they prove the guard works.
OPEN = FetchPolicy(allow_private=True, connect_timeout=2, read_timeout=2, total_timeout=10)
GUARDED = FetchPolicy(allow_private=False, connect_timeout=2, read_timeout=2, total_timeout=10)


@pytest.fixture
def web():
    with FixtureServer() as server:
        server.page("/good.html", fixture_bytes("good_article.html"))
        yield server


def reason_for(url, policy=OPEN) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch_page(url, policy)
    return caught.value


def test_a_page_is_fetched_with_a_user_agent_naming_the_tracker(web):
    seen = {}

    def handler(h):
        seen.update(h.headers)
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        h.wfile.write(b"<html><body><p>Hello</p></body></html>")

    web.route("/ua.html", handler)
    page = fetch_page(web.url("/ua.html"), FetchPolicy.from_settings(allow_private=True))
    assert page.body.endswith(b"</html>")
    assert "casualty-tracker" in seen["User-Agent"]


def test_the_guard_refuses_loopback_before_sending_any_request(web):
    error = reason_for(web.url("/good.html"), GUARDED)
    assert error.reason == "Refused: 127.0.0.1 is a loopback address"
    assert not error.transient
    assert web.hits["/good.html"] == 0


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.1.2.3", "a private address"),
        ("172.16.0.9", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("169.254.10.1", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("::1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("224.0.0.251", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),  # noqa: S104 - the address under test
        ("240.0.0.1", "a reserved address"),
        ("100.64.0.1", "not a public address"),
    ],
)
def test_every_kind_of_internal_address_is_refused_with_its_name(address, kind):
    assert address_refusal(ipaddress.ip_address(address)) == f"Refused: {address} is {kind}"


def test_an_ipv4_mapped_ipv6_address_is_judged_as_the_ipv4_address_it_maps():
    refusal = address_refusal(ipaddress.ip_address("::ffff:127.0.0.1"))
    assert refusal == "Refused: 127.0.0.1 is a loopback address"


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5"])
def test_public_addresses_pass_the_guard(address):
    assert address_refusal(ipaddress.ip_address(address)) is None


def test_a_host_name_with_any_internal_address_is_refused(monkeypatch):
    def two_answers(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", two_answers)
    error = reason_for("http://news.example/story", GUARDED)
    assert error.reason == "Refused: 10.0.0.7 is a private address"


def test_a_host_is_resolved_once_and_the_checked_address_is_the_one_connected_to(web, monkeypatch):
    """DNS rebinding: a second lookup could answer differently, so there is none; the request
    goes to the address that was checked, with the host's name in the Host header."""
    port = web.base.rsplit(":", 1)[1]
    lookups = []
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if host != "127.0.0.1":  # the connection itself "resolves" the IP literal it is given
            lookups.append(host)
        return real("127.0.0.1", *args, **kwargs)

    seen = {}

    def handler(h):
        seen["host"] = h.headers["Host"]
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        h.wfile.write(b"<html><body><p>Rebound?</p></body></html>")

    web.route("/named.html", handler)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    page = fetch_page(f"http://wire.example:{port}/named.html", OPEN)
    assert lookups == ["wire.example"]
    assert seen["host"] == f"wire.example:{port}"
    assert page.url == f"http://wire.example:{port}/named.html"


def test_a_redirect_to_loopback_is_refused_at_its_hop(web, monkeypatch):
    """The entry page is treated as public (the test server is local); the redirect target,
    127.0.0.1, meets the real guard."""
    real = fetch_module.address_refusal
    checks = []

    def first_hop_public(ip):
        checks.append(str(ip))
        return None if len(checks) == 1 else real(ip)

    monkeypatch.setattr(fetch_module, "address_refusal", first_hop_public)
    web.redirect("/hop", web.url("/good.html"))
    error = reason_for(web.url("/hop"), GUARDED)
    assert error.reason == "Refused: 127.0.0.1 is a loopback address"
    assert checks == ["127.0.0.1", "127.0.0.1"]
    assert web.hits["/hop"] == 1
    assert web.hits["/good.html"] == 0


def test_redirects_are_followed_and_the_final_address_kept(web):
    web.redirect("/old", "/moved")
    web.redirect("/moved", web.url("/good.html"), status=301)
    page = fetch_page(web.url("/old"), OPEN)
    assert page.url == web.url("/good.html")
    assert page.redirects == (web.url("/old"), web.url("/moved"))
    assert b"Velmora" in page.body


def test_too_many_redirects_stop_with_a_reason(web):
    counter = iter(range(1000))
    web.route("/loop", None)  # replaced below
    web.redirect("/loop", lambda: f"/loop?n={next(counter)}")
    error = reason_for(web.url("/loop"), OPEN)
    assert error.reason == "Too many redirects (more than 5)"
    assert web.hits["/loop"] == 6


@pytest.mark.parametrize("url", ["ftp://files.example/report.html", "file:///etc/passwd"])
def test_only_http_and_https_are_fetched(url):
    error = reason_for(url, OPEN)
    assert error.reason.startswith("Only http and https addresses can be fetched")


def test_a_binary_file_is_refused_by_its_content_type(web):
    web.page("/report.bin", b"\x00\x01PK\x03\x04" * 100, content_type="application/octet-stream")
    assert (
        reason_for(web.url("/report.bin")).reason == "Not an HTML page (application/octet-stream)"
    )


def test_a_page_without_content_type_is_read_only_if_it_is_markup(web):
    web.page(
        "/bare.html", b"<!DOCTYPE html><html><body><p>Plain</p></body></html>", content_type=None
    )
    web.page("/bare.bin", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type=None)
    assert fetch_page(web.url("/bare.html"), OPEN).content_type == "text/html"
    assert reason_for(web.url("/bare.bin")).reason == "Not an HTML page (no content type)"


def test_plain_text_pages_are_accepted(web):
    web.page("/notes.txt", b"Nine workers were killed.", content_type="text/plain; charset=utf-8")
    page = fetch_page(web.url("/notes.txt"), OPEN)
    assert (page.content_type, page.charset) == ("text/plain", "utf-8")


def test_a_20_mb_page_is_read_only_up_to_the_cap(web):
    web.stream("/huge.html", total=20 * 1024 * 1024, name="huge")
    started = time.monotonic()
    error = reason_for(web.url("/huge.html"), FetchPolicy.from_settings(allow_private=True))
    assert error.reason == "Page larger than 5 MB"
    assert time.monotonic() - started < 10
    time.sleep(0.2)  # let the server notice the hang-up
    # It stopped reading: the server could not push the whole 20 MB into a closed connection.
    assert web.stats["huge"] < 12 * 1024 * 1024


def test_a_declared_length_over_the_cap_is_refused_before_reading(web):
    web.page("/big.html", b"<html>" + b"x" * 4096 + b"</html>")
    policy = FetchPolicy(allow_private=True, max_bytes=1024)
    assert reason_for(web.url("/big.html"), policy).reason == "Page larger than 1 KB"


def test_http_errors_are_named_and_only_server_errors_are_transient(web):
    web.page("/gone.html", b"gone", status=410)
    web.page("/busy.html", b"busy", status=503)
    web.page("/slow-down.html", b"", status=429, headers={"Retry-After": "30"})
    missing = reason_for(web.url("/missing.html"))
    assert (missing.reason, missing.transient) == ("HTTP 404 Not Found", False)
    assert reason_for(web.url("/gone.html")).reason == "HTTP 410 Gone"
    busy = reason_for(web.url("/busy.html"))
    assert (busy.reason, busy.transient) == ("HTTP 503 Service Unavailable", True)
    slow_down = reason_for(web.url("/slow-down.html"))
    assert (slow_down.transient, slow_down.retry_after) == (True, 30.0)


def test_a_server_that_does_not_answer_in_time_is_a_transient_timeout(web):
    web.page("/slow.html", b"<html></html>", delay=2.0)
    policy = FetchPolicy(allow_private=True, read_timeout=0.5, total_timeout=5)
    started = time.monotonic()
    error = reason_for(web.url("/slow.html"), policy)
    assert time.monotonic() - started < 1.8
    assert error.transient
    assert error.reason == "Timed out: 127.0.0.1:" + web.base.rsplit(":", 1)[1] + (
        " did not answer within 0.5 s"
    )


def test_a_server_trickling_bytes_is_cut_off_at_the_total_deadline(web):
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(100):
            h.wfile.write(b"<p>.</p>")
            h.wfile.flush()
            time.sleep(0.1)

    web.route("/trickle.html", trickle)
    policy = FetchPolicy(allow_private=True, read_timeout=1, total_timeout=1)
    started = time.monotonic()
    error = reason_for(web.url("/trickle.html"), policy)
    assert time.monotonic() - started < 3
    assert "took longer than 1 s in total" in error.reason


def test_nothing_listening_is_a_transient_connection_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again at once: nothing listens there
    error = reason_for(f"http://127.0.0.1:{port}/", OPEN)
    assert error.transient
    assert error.reason == f"Could not connect to 127.0.0.1:{port}"


# --- decoding ------------------------------------------------------------------------------


def test_a_windows_1252_page_labelled_latin_1_decodes_accents_and_curly_quotes():
    page = decode_html(fixture_bytes("windows1252_article.html"), "ISO-8859-1")
    assert "José Ibáñez Peñalver" in page
    assert "Zoë Lefèvre-Çelik" in page
    assert "\u201cWe could not reach the back stalls,\u201d" in page


def test_a_page_declaring_its_charset_only_in_a_meta_tag_decodes():
    page = decode_html(fixture_bytes("windows1252_article.html"), None)
    assert "São Tomé" in page


def test_utf8_wins_over_a_default_latin_1_header_when_the_bytes_are_utf8():
    body = "<p>Gaziantep – Şanlıurfa</p>".encode()
    assert decode_html(body, "iso-8859-1") == "<p>Gaziantep – Şanlıurfa</p>"


def test_undeclared_legacy_text_is_detected():
    body = ("<p>" + "Le maire a déclaré que l'église était détruite. " * 20 + "</p>").encode(
        "cp1252"
    )
    assert "église était détruite" in decode_html(body, None)


def test_pasted_text_loses_its_tags_but_keeps_its_paragraphs():
    text = clean_text("<p>First &amp; <b>second</b></p><p>Third</p>\r\n\r\n\r\n<br>Fourth")
    assert text == "First & second\n\nThird\n\nFourth"


# --- addresses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("HTTPS://News.Example.ORG/a/b?id=7#top", "https://news.example.org/a/b?id=7"),
        ("http://news.example.org:80", "http://news.example.org/"),
        ("https://news.example.org:8443/x", "https://news.example.org:8443/x"),
        (
            "https://news.example.org/s?utm_source=tw&utm_medium=social&page=2&fbclid=abc",
            "https://news.example.org/s?page=2",
        ),
        ("https://user:secret@news.example.org/s?gclid=1", "https://news.example.org/s"),
    ],
)
def test_addresses_are_normalised_for_identity(given, stored):
    assert normalize_url(given) == stored


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "ftp://x.example/", "not a url", ""])
def test_only_web_addresses_can_be_submitted(bad):
    with pytest.raises(ValidationError):
        normalize_url(bad)
