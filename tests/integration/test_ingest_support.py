"""The local web server the ingestion tests fetch from (no tests here).

`FixtureServer` runs http.server in a thread on 127.0.0.1 with an ephemeral port and serves the
invented pages in tests/fixtures/html plus misbehaving routes (binary, huge, slow, 404, redirect
loops, flaky 503s). It records every request, so a test can show what was (or was not) asked for.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
HTML = "text/html; charset=utf-8"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def wire_page(n: int) -> bytes:
    """The n-th invented wire story (distinct place and figures, so a distinct text)."""
    places = [
        "Arvel",
        "Brenno",
        "Cassow",
        "Dulmar",
        "Essen Vale",
        "Farrow",
        "Gilden",
        "Harrowgate",
        "Ilsk",
        "Jorvan",
        "Kessel",
        "Lunmouth",
        "Morrow",
        "Norwick",
        "Oskar Bay",
        "Pellin",
    ]
    targets = ["school", "clinic", "market", "bakery", "bridge", "depot", "mill", "hostel"]
    place = places[n % len(places)]
    values = {
        "place": place,
        "PLACE": place.upper(),
        "target": targets[n % len(targets)],
        "killed": 10 + n,
        "wounded": 30 + 2 * n,
        "command_killed": 2 + n % 5,
        "day": f"{1 + n % 28:02d}",
    }
    return Template((FIXTURES / "wire_template.html").read_text()).substitute(values).encode()


class FixtureServer:
    """A tiny web server for tests: `route()` a path, `url()` an address, `hits` what was asked."""

    def __init__(self):
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.hits: Counter[str] = Counter()
        self.stats: dict[str, int] = Counter()
        self.events: dict[str, threading.Event] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self):  # noqa: N802 - http.server's naming
                path = self.path.split("?", 1)[0]
                server.hits[path] += 1
                server.events.setdefault(path, threading.Event()).set()
                handler = server.routes.get(path)
                if handler is None:
                    self.send_error(404, "Not Found")
                    return
                # The client may hang up (as it should past a size cap).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> FixtureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def event(self, path: str) -> threading.Event:
        return self.events.setdefault(path, threading.Event())

    # --- routes ----------------------------------------------------------------------------

    def route(self, path: str, handler: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.routes[path] = handler

    def page(
        self,
        path: str,
        body: bytes,
        *,
        content_type: str | None = HTML,
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        def handler(h: BaseHTTPRequestHandler) -> None:
            if delay:
                time.sleep(delay)
            h.send_response(status)
            if content_type:
                h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                h.send_header(name, value)
            h.end_headers()
            h.wfile.write(body)

        self.route(path, handler)

    def redirect(self, path: str, location: str | Callable[[], str], status: int = 302) -> None:
        def handler(h: BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            h.send_header("Location", location() if callable(location) else location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.route(path, handler)

    def stream(self, path: str, *, total: int, chunk: int = 64 * 1024, name: str = "") -> None:
        """A page of `total` bytes sent in chunks without a Content-Length; counts what was
        sent in stats[name] before the client hung up."""
        name = name or path

        def handler(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", HTML)
            h.end_headers()
            h.wfile.write(b"<html><body><p>")
            block = b"casualty figures " * (chunk // 17)
            sent = 0
            while sent < total:
                h.wfile.write(block)
                sent += len(block)
                self.stats[name] = sent
            h.wfile.write(b"</p></body></html>")

        self.route(path, handler)

    def flaky(self, path: str, body: bytes, *, failures: int, status: int = 503) -> None:
        """Answers `status` for the first `failures` requests, then the page."""

        def handler(h: BaseHTTPRequestHandler) -> None:
            if self.hits[path] <= failures:
                h.send_error(status)
                return
            h.send_response(200)
            h.send_header("Content-Type", HTML)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        self.route(path, handler)

    def feed(self, path: str, fixture: str, content_type: str) -> None:
        body = Template((FIXTURES / fixture).read_text()).substitute(base=self.base).encode()
        self.page(path, body, content_type=content_type)
