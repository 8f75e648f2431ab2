"""Faults against the real services: the app keeps serving after PostgreSQL drops its
connections (as in a restart), and a bounded load with editors writing at the same time ends
with no error and no lost write."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from claims.demo import demo_load
from claims.models import FigureClaim
from tests.services import require_postgres

ROOT = Path(__file__).resolve().parents[2]
PAGE = "/incidents/deir-ez-zor-airport-strike-2016/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_STATIC = {}


def _static_root() -> str:
    """Collected static files for production mode (DEBUG=false serves the hashed copies)."""
    if "root" not in _STATIC:
        import tempfile

        root = tempfile.mkdtemp(prefix="tracker-static-")
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env |= {"DEBUG": "false", "SECRET_KEY": "x" * 50, "STATIC_ROOT": root}
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
        )
        _STATIC["root"] = root
    return _STATIC["root"]


def _env() -> dict:
    s = connection.settings_dict
    url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return env | {
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "fault-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DB_CONN_MAX_AGE": "600",
        "STATIC_ROOT": _static_root(),
    }


class Server:
    """gunicorn serving the app against the test database, on a free loopback port."""

    def __init__(self, workers=1, threads=4):
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "tracker.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=_env(),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("/")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()  # never leave a half-started server behind
        raise RuntimeError("gunicorn did not start")

    def get(self, path) -> int:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=20) as r:
            r.read()
            return r.status

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _terminate_app_connections():
    """What a PostgreSQL restart does to the app: every server connection to its database is
    cut (except the test's own)."""
    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        user=s["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        cut = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> %s",
            [s["NAME"], connection.cursor().connection.info.backend_pid],
        ).fetchone()[0]
    return cut


@pytest.mark.django_db(transaction=True)
def test_app_recovers_by_itself_when_postgresql_drops_its_connections():
    require_postgres(connection)
    demo_load()
    server = Server(workers=1, threads=1)
    try:
        assert server.get(PAGE) == 200  # opens the persistent connection
        assert _terminate_app_connections() >= 1
        # The health check notices the dead connection and opens a new one: no 500, no restart.
        assert [server.get(PAGE) for _ in range(3)] == [200, 200, 200]
    finally:
        server.stop()


@pytest.mark.django_db(transaction=True)
def test_bounded_load_with_concurrent_editor_writes_has_no_errors_and_loses_nothing():
    require_postgres(connection)
    demo_load()
    server = Server(workers=2, threads=4)
    statuses, errors = [], []
    writes = 40

    latencies = []

    def reader(paths):
        for path in paths:
            began = time.perf_counter()
            try:
                statuses.append(server.get(path))
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                errors.append(repr(exc))
            latencies.append(time.perf_counter() - began)

    writer = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", _WRITER.format(n=writes)],
        cwd=ROOT,
        env=_env() | {"DEBUG": "true"},
    )
    try:
        readers = [
            threading.Thread(target=reader, args=([PAGE, "/", "/?disputed=true"] * 15,))
            for _ in range(4)
        ]
        began = time.perf_counter()
        for t in readers:
            t.start()
        for t in readers:
            t.join(timeout=300)
        elapsed = time.perf_counter() - began
        assert writer.wait(timeout=300) == 0
    finally:
        server.stop()
    latencies.sort()
    # Figures for docs/PERFORMANCE.md (shown with pytest -s).
    print(
        f"\nLOAD {len(statuses)} requests in {elapsed:.1f}s ({len(statuses) / elapsed:.1f}/s), "
        f"p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms, {writes} writes, "
        f"{len(errors)} errors"
    )
    assert errors == []
    assert len(statuses) == 4 * 45 and set(statuses) == {200}
    added = FigureClaim.objects.filter(claimant__name="Load-test wire")
    assert added.count() == writes
    assert sorted(added.values_list("low", flat=True)) == list(range(writes))


_WRITER = """
from datetime import UTC, datetime, timedelta
from claims import services
from claims.models import FigureClaim, Incident
incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
source = services.source_create(name="Load-test wire")
for i in range({n}):
    services.figure_claim_save(FigureClaim(
        incident=incident, claimant=source, stated_text=str(i), low=i, high=i, metric="missing",
        reported_at=datetime(2016, 9, 20, tzinfo=UTC) + timedelta(minutes=i), status="confirmed"))
"""
