"""What the benchmark scripts share: the benchmark database, generated data, a gunicorn server
started with production settings, the wrk load driver, and the machine description.

Every server and database this module starts or creates is stopped or dropped by the script that
asked for it (``with Server(...)``, ``--drop``); nothing here touches the team's own databases.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
PY = str(REPO / ".venv" / "bin" / "python")
GUNICORN = str(REPO / ".venv" / "bin" / "gunicorn")


def _snapshot() -> Path:
    """A private copy of the code, taken when the benchmark starts: the team edits the working
    tree while benchmarks run, and a half-saved file must not break or change a measurement."""
    if os.environ.get("BENCH_SNAPSHOT", "1") == "0":
        return REPO
    target = Path(tempfile.mkdtemp(prefix="tracker-bench-src-"))
    shutil.copytree(
        REPO,
        target,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            ".hypothesis",
            "staticfiles",
            "*.sqlite3",
            "__pycache__",
            "node_modules",
        ),
    )
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    return target


SRC = _snapshot()
BENCH_DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tracker_bench"
)
if "tracker_bench" not in BENCH_DB_URL:  # a guard: these scripts drop and refill the database
    sys.exit("BENCH_DATABASE_URL must name a dedicated database whose name contains tracker_bench")


def _admin_dsn() -> tuple[str, str]:
    """(DSN of the server's maintenance database, name of the benchmark database)."""
    parts = urlsplit(BENCH_DB_URL)
    return parts._replace(path="/postgres").geturl(), parts.path.lstrip("/")


def psql(sql: str, params=None, *, db_url: str | None = None) -> str:
    import psycopg

    with psycopg.connect(db_url or _admin_dsn()[0], autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return "\n".join(str(r[0]) for r in cur.fetchall()) if cur.description else ""


def db_exists() -> bool:
    admin, name = _admin_dsn()
    return psql("SELECT count(*) FROM pg_database WHERE datname = %s", [name], db_url=admin) == "1"


def drop_db() -> None:
    admin, name = _admin_dsn()
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', db_url=admin)


def manage(*args: str, env: dict | None = None, quiet: bool = False) -> None:
    subprocess.run(
        [PY, "manage.py", *args],
        cwd=SRC,
        check=True,
        env={**os.environ, "DATABASE_URL": BENCH_DB_URL, **(env or {})},
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare_data(incidents: int, claims: float, *, seed: int = 1, big: str = "200x50") -> float:
    """Makes the benchmark database hold exactly this generated data set; reuses it when a
    previous run left the same one (recorded as the database's comment). Returns the seconds
    generate_scale took (0 when reused)."""
    admin, name = _admin_dsn()
    # The schema is part of the label: a database generated before a migration is generated
    # again rather than migrated (a data migration over 100k incidents is slower than that).
    schema = max(p.stem for p in (SRC / "claims" / "migrations").glob("0*.py"))
    label = (
        f"generate_scale incidents={incidents} claims={claims} seed={seed} big={big} "
        f"schema={schema}"
    )
    if db_exists():
        if psql("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                "WHERE datname = %s", [name], db_url=admin) == label:  # fmt: skip
            return 0.0
        # Another data set or an older schema: start afresh (migrating 100k generated
        # incidents through a data migration is slower than generating them again).
        drop_db()
    psql(f'CREATE DATABASE "{name}"', db_url=admin)
    manage("migrate", "--noinput", quiet=True)
    started = time.perf_counter()
    manage(
        "generate_scale",
        f"--incidents={incidents}",
        f"--claims-per-incident={claims}",
        f"--seed={seed}",
        f"--big-incident={big}",
        "--replace",
        "--no-progress",
    )
    seconds = time.perf_counter() - started
    psql(f"COMMENT ON DATABASE \"{name}\" IS '{label}'", db_url=admin)
    psql("VACUUM ANALYZE", db_url=BENCH_DB_URL)  # visibility map for index-only scans
    return seconds


# --- gunicorn -----------------------------------------------------------------------------------

SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "benchmark-only-key-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": BENCH_DB_URL,
    "LOG_LEVEL": "WARNING",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving bench.wsgi (the app plus /__hello__/) with DEBUG=false, on loopback."""

    def __init__(self, *, workers: int = 2, timeout: int = 600, env: dict | None = None):
        self.workers, self.timeout, self.extra_env = workers, timeout, env or {}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        env = {**os.environ, **SERVER_ENV, **self.extra_env}
        env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=SRC, env=env, check=True
        )
        self.proc = subprocess.Popen(
            [GUNICORN, "bench.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--timeout", str(self.timeout),
             "--log-level", "warning"],
            cwd=SRC, env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/__hello__/", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer within 30 s")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def worker_pids(self) -> list[int]:
        out = subprocess.run(
            ["ps", "--ppid", str(self.proc.pid), "-o", "pid="], capture_output=True, text=True
        ).stdout
        return [int(p) for p in out.split()]

    def warm(self, path: str, n: int = 5) -> None:
        """Requests `path` a few times so every worker has connected and loaded its code."""
        for _ in range(n * self.workers):
            with urllib.request.urlopen(self.base + path, timeout=120) as r:
                r.read()


# --- wrk ----------------------------------------------------------------------------------------


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * _UNITS[unit]


# What every browser sends: pages may be answered compressed (claims/pagecache.py).
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}


def wrk(url: str, *, connections: int, seconds: float, headers: dict | None = None) -> Load:
    """Runs wrk (one thread, over loopback) against one URL; requests/s and latency
    percentiles as wrk reports them. Non-2xx answers and socket errors are counted."""
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    extra = [arg for k, v in (headers or {}).items() for arg in ("-H", f"{k}: {v}")]
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{round(seconds)}s",
            "--latency",
            "--timeout",
            "30s",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += int(m.group(1)) + int(m.group(3)) + int(m.group(4))
    return Load(rps, p50, p99, errors)


# --- reporting ----------------------------------------------------------------------------------


def machine() -> str:
    """One paragraph describing where and when the numbers were taken."""
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s+(.+)", lscpu)
    mem = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.split("\n")[1]
    pg = psql("SHOW server_version")
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; CPU {model.group(1) if model else '?'}, "
        f"{os.cpu_count()} cores (nproc), memory {mem.split()[1]}; Python "
        f"{sys.version.split()[0]}, PostgreSQL {pg}"
    )


def median(values) -> float:
    return statistics.median(values)


def table(headers: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in r] for r in [headers, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "-|-".join("-" * w for w in widths))
    return "\n".join(lines)
