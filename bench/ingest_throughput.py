"""Ingestion throughput: real Celery workers on Redis against the same pipeline run in-process
(eager), on the same articles, in the same run.

    .venv/bin/python bench/ingest_throughput.py [--articles 120] [--repeat 3] [--concurrency N]

Both phases submit every article URL through `ingest.article_submit_url` (what an editor's
paste or a feed does), served by a local HTTP server on 127.0.0.1, into a fresh copy of a
migrated benchmark database (PostgreSQL, BENCH_INGEST_DATABASE_URL), and stop the clock when
the last article is extracted. The worker phase runs `celery worker --concurrency N` (N = cores
by default) on a private Redis database and queue. Prints a table of medians and the ratio
workers / eager (target >= 0.80); nothing is left running and the databases are dropped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.integration.test_ingest_support import FixtureServer, wire_page  # noqa: E402

PY = str(REPO / ".venv" / "bin" / "python")
DB_URL = os.environ.get(
    "BENCH_INGEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tracker_bench_ingest"
)
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")

SUBMIT = """
import sys, time
from claims import ingest
from claims.models import Article
urls = sys.stdin.read().split()
start = time.perf_counter()
for url in urls:
    ingest.article_submit_url(url=url)
deadline = time.monotonic() + 600
while Article.objects.exclude(status__in=["extracted", "failed"]).exists():
    if time.monotonic() > deadline:
        sys.exit("timed out waiting for the workers")
    time.sleep(0.05)
elapsed = time.perf_counter() - start
failed = Article.objects.filter(status="failed").count()
print(f"RESULT {elapsed:.4f} {Article.objects.count()} {failed}")
"""


def _admin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts._replace(path="/postgres").geturl(), parts.path.lstrip("/")


def _sql(sql: str) -> None:
    admin, _ = _admin(DB_URL)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def _env(db_name: str, **extra) -> dict:
    parts = urlsplit(DB_URL)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return env | {
        "DATABASE_URL": parts._replace(path=f"/{db_name}").geturl(),
        "INGEST_ALLOW_PRIVATE_ADDRESSES": "true",
        "DEBUG": "true",
        **extra,
    }


def _phase(template: str, urls: list[str], *, workers: int | None) -> tuple[float, int, int]:
    """Runs one phase in a fresh database copied from the migrated template."""
    db = f"tracker_bench_ingest_{uuid.uuid4().hex[:8]}"
    _sql(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')
    worker = None
    try:
        if workers is None:
            env = _env(db, REDIS_URL="", CELERY_TASK_ALWAYS_EAGER="true")
        else:
            queue = f"bench-{uuid.uuid4().hex[:8]}"
            env = _env(db, REDIS_URL=REDIS, CELERY_TASK_ALWAYS_EAGER="false", INGEST_QUEUE=queue)
            worker = subprocess.Popen(
                [
                    PY,
                    "-m",
                    "celery",
                    "-A",
                    "tracker",
                    "worker",
                    "-Q",
                    queue,
                    f"--concurrency={workers}",
                    "--loglevel=WARNING",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                ],
                cwd=REPO,
                env=env,
            )
            time.sleep(3)  # let the pool start before the clock does
        done = subprocess.run(
            [PY, "manage.py", "shell", "-c", SUBMIT],
            cwd=REPO,
            env=env,
            input="\n".join(urls),
            capture_output=True,
            text=True,
            timeout=900,
            check=True,
        )
        line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT"))
        _, elapsed, count, failed = line.split()
        return float(elapsed), int(count), int(failed)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
        _sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    _, template = _admin(DB_URL)
    _sql(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
    _sql(f'CREATE DATABASE "{template}"')
    try:
        subprocess.run(
            [PY, "manage.py", "migrate", "-v0"], cwd=REPO, env=_env(template), check=True
        )
        with FixtureServer() as server:
            urls = []
            for n in range(args.articles):
                server.page(f"/wire/{n}.html", wire_page(n))
                urls.append(server.url(f"/wire/{n}.html"))
            eager, workers = [], []
            for _ in range(args.repeat):
                eager.append(_phase(template, urls, workers=None))
                workers.append(_phase(template, urls, workers=args.concurrency))
    finally:
        _sql(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')

    def rate(runs):
        return statistics.median(count / elapsed for elapsed, count, _ in runs)

    e, w = rate(eager), rate(workers)
    print(f"{'phase':<28}{'articles/s (median)':>22}{'failed':>8}")
    print(f"{'in-process (eager), 1 proc':<28}{e:>22.1f}{max(f for *_, f in eager):>8}")
    label = f"workers on Redis, -c {args.concurrency}"
    print(f"{label:<28}{w:>22.1f}{max(f for *_, f in workers):>8}")
    print(
        f"ratio workers/eager: {w / e:.2f} (target >= 0.80) over {args.repeat} runs "
        f"of {args.articles} articles"
    )


if __name__ == "__main__":
    main()
