"""Real Celery workers on Redis and PostgreSQL: a worker killed with SIGKILL in the middle of a
batch loses nothing and duplicates nothing.

Tasks are acknowledged late, so the killed worker's two in-flight messages stay unacknowledged
and Redis redelivers them after the visibility timeout (shortened here through
CELERY_VISIBILITY_TIMEOUT); the new worker finds those articles claimed by the dead one, waits
for the claim's lease (INGEST_CLAIM_LEASE_SECONDS, shortened too) and takes them over. Needs
PostgreSQL and Redis (fails in CI without them, skips elsewhere).
"""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from claims import ingest, services
from claims.models import Article, FigureClaim, Source, TimingClaim
from tests.integration.test_ingest_support import HTML, FixtureServer, wire_page
from tests.services import redis_url, require_postgres

ROOT = Path(__file__).resolve().parents[2]
BATCH = 12
HELD = (0, 1)  # pages that hang until the first worker is dead: the kill lands mid-task
FLAKY = 5  # answers 503 once: retried through Celery's retry with backoff
# A Redis database of its own: the short visibility timeout then never touches other work's
# unacknowledged messages (kombu keeps them in one hash per database).
REDIS_DB = 14


def _database_url_for_workers() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _isolated_redis(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{REDIS_DB}", "", ""))


def _wait_for(condition, timeout: float, every: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_leaves_every_article_extracted_exactly_once(tmp_path):
    require_postgres(connection)  # the workers must see the test database
    broker = _isolated_redis(redis_url())
    queue = f"ingest-test-{os.getpid()}-{time.monotonic_ns()}"
    incident = services.incident_create(
        title="Missile strikes across Ostravia",
        place="Ostravia",
        country="Ostravia",
        time_zone="Europe/Bucharest",
    )
    release = threading.Event()

    def held(n):
        body = wire_page(n)

        def handler(h):
            release.wait(60)  # the first worker dies while waiting for this answer
            h.send_response(200)
            h.send_header("Content-Type", HTML)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        return handler

    with FixtureServer() as web:
        for n in range(BATCH):
            web.page(f"/wire/{n}.html", wire_page(n))
        for n in HELD:
            web.route(f"/wire/{n}.html", held(n))
        web.flaky(f"/wire/{FLAKY}.html", wire_page(FLAKY), failures=1)
        urls = [web.url(f"/wire/{n}.html") for n in range(BATCH)]

        env = {
            **os.environ,
            "DATABASE_URL": _database_url_for_workers(),
            "REDIS_URL": broker,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "INGEST_QUEUE": queue,
            "INGEST_ALLOW_PRIVATE_ADDRESSES": "true",  # the fixture server is on 127.0.0.1
            "CELERY_VISIBILITY_TIMEOUT": "5",
            "INGEST_CLAIM_LEASE_SECONDS": "6",
            "INGEST_RETRY_BACKOFF_SECONDS": "1",
            "INGEST_READ_TIMEOUT": "30",
            "INGEST_TOTAL_TIMEOUT": "60",
        }
        logs = []

        def start_worker(name: str) -> subprocess.Popen:
            log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - closed with the test
            logs.append(log)
            return subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "tracker",
                    "worker",
                    "--pool=prefork",
                    "--concurrency=2",
                    "-Q",
                    queue,
                    "-n",
                    f"{name}-{queue}@%h",
                    "--without-heartbeat",
                    "--without-gossip",
                    "--without-mingle",
                    "--loglevel=WARNING",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: SIGKILL reaches the children
            )

        def worker_logs() -> str:
            return "\n".join(
                (tmp_path / f"{n}.log").read_text(errors="replace")
                for n in ("first", "second")
                if (tmp_path / f"{n}.log").exists()
            )

        first = start_worker("first")
        second = None
        try:
            # The web process: submissions through the real service (enqueued on commit).
            submit = (
                "from claims import ingest\n"
                "from claims.models import Incident\n"
                f"incident = Incident.objects.get(pk={incident.pk})\n"
                f"for url in {urls!r}:\n"
                "    ingest.article_submit_url(url=url, incident=incident)\n"
            )
            subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", submit],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=60,
            )
            assert Article.objects.count() == BATCH

            # Both of the first worker's processes are now inside a fetch: kill it all.
            for n in HELD:
                assert web.event(f"/wire/{n}.html").wait(45), worker_logs()
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
            statuses = dict(Article.objects.values_list("url", "status"))
            assert [statuses[urls[n]] for n in HELD] == ["fetching", "fetching"]
            assert sum(s == "queued" for s in statuses.values()) >= BATCH - len(HELD) - 1
            release.set()

            second = start_worker("second")
            done = _wait_for(
                lambda: Article.objects.filter(status=Article.Status.EXTRACTED).count() == BATCH,
                timeout=70,
            )
            assert done, f"{dict(Article.objects.values_list('url', 'status'))}\n{worker_logs()}"
        finally:
            release.set()
            for proc in (first, second):
                if proc is not None and proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
                    try:
                        proc.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        os.killpg(proc.pid, signal.SIGKILL)
                        proc.wait(timeout=10)
            for log in logs:
                log.close()
            import redis

            redis.Redis.from_url(broker).delete(f"_kombu.binding.{queue}")

        # Every article once, extracted once, with each of its claims once.
        articles = list(Article.objects.order_by("url"))
        assert len(articles) == BATCH
        assert len({a.content_hash for a in articles}) == BATCH
        total = 0
        for article in articles:
            assert article.status == Article.Status.EXTRACTED
            claims = list(FigureClaim.objects.filter(article=article)) + list(
                TimingClaim.objects.filter(article=article)
            )
            assert len(claims) == len(ingest.claims_plan(article)) >= 3, article.url
            for claim in claims:
                assert claim.history.filter(history_type="+").count() == 1
            total += len(claims)
        assert FigureClaim.objects.count() + TimingClaim.objects.count() == total
        assert Source.objects.filter(name="Ostravian Civil Defence").count() == 1

        by_url = {a.url: a for a in articles}
        for n in HELD:  # fetched by the killed worker, then again by the one that took over
            assert web.hits[f"/wire/{n}.html"] == 2
            assert by_url[urls[n]].attempts == 2
        assert web.hits[f"/wire/{FLAKY}.html"] == 2  # one 503, one retry
        assert by_url[urls[FLAKY]].attempts == 2
