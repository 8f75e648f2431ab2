"""Faults of Redis, the Celery broker, against real workers and PostgreSQL.

Each test starts its own throwaway redis-server on a free loopback port (never the shared one on
6379), a real worker and, where an editor submits, a long-lived "web" process (the submit service
in its own process with its own Celery connections, as in gunicorn), all pointed at it, then stops
and restarts that redis-server. Restarts lose everything Redis held (no persistence), the harsher
case: queued messages and unacknowledged ones are gone, and only the database remembers.

- Redis down while an editor submits: the submission returns at once, the article is recorded
  as queued, and beat's sweep enqueues it once Redis is back; a worker then ingests it once.
- Redis restarted under an idle worker (solo and prefork pools): the same worker reconnects and
  consumes again (workers were reported to go quiet after a Redis reconnect: celery/celery#8030,
  #9054; fixed in kombu 5.4 by celery/kombu#2007), and `manage.py worker_health` says so.
- Redis crashing while a task runs: the article is stored once and work goes on; a prefork
  worker exits non-zero instead of reconnecting (a kombu 5.7 bug, see the test), never lingering
  alive and idle.
- A worker that is up but takes no messages fails `manage.py worker_health`.
- A Redis that hangs instead of stopping no longer blocks a submission (the fix is a
  socket timeout in settings).
- A worker killed mid-task: tests/integration/test_ingest_worker.py (redelivery, exactly once).

Needs PostgreSQL (the workers must see the test database) and the redis-server binary: fails in
CI without them, skips elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from claims import ingest, services
from claims.models import Article, FigureClaim, TimingClaim
from tests.integration.test_ingest_support import HTML, FixtureServer, wire_page
from tests.services import missing, require_postgres

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = os.environ.get("REDIS_SERVER", "/usr/bin/redis-server")
SWEEP = "ingest-sweep-queued-articles"  # the beat entry that re-sends queued articles

pytestmark = pytest.mark.services


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(condition, timeout: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class PrivateRedis:
    """A redis-server of the test's own on a free loopback port, without persistence, so a
    restart starts empty."""

    def __init__(self, workdir: Path):
        if not (os.path.exists(REDIS_SERVER) or shutil.which(REDIS_SERVER)):
            missing(f"needs redis-server at {REDIS_SERVER} (apt-get install redis-server)")
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        import redis

        self.starts += 1
        log = open(self.workdir / f"redis-{self.starts}.log", "wb")  # noqa: SIM115 - owned by proc
        address = ["--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.workdir)]
        ephemeral = ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        self.proc = subprocess.Popen(
            [REDIS_SERVER, *address, *ephemeral],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)

        def answers() -> bool:
            try:
                return client.ping()
            except redis.RedisError:
                return False

        assert _wait_for(answers, timeout=10, every=0.05), "the private redis-server did not start"

    def stop(self, sig: int = signal.SIGKILL) -> None:
        """Stops it; SIGKILL by default, as in a crash (no goodbye to the clients)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # a frozen server handles nothing but SIGKILL
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None


def _env(redis_url: str, queue_name: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "INGEST_QUEUE": queue_name,
        "INGEST_ALLOW_PRIVATE_ADDRESSES": "true",  # the fixture server is on 127.0.0.1
        "INGEST_SWEEP_AFTER_SECONDS": "1",
        "INGEST_RETRY_BACKOFF_SECONDS": "1",
        "PYTHONUNBUFFERED": "1",
    }


class Worker:
    """`celery -A tracker worker` in its own process group, its output in a log file."""

    def __init__(self, env: dict, log_path: Path, *, pool: str, name: str, queue_name: str):
        self.log_path = log_path
        self.node = f"{name}@{socket.gethostname()}"
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        concurrency = ["--concurrency=2"] if pool == "prefork" else []
        # Flags as in docker-compose.yml (gossip, mingle and events left on), plus the queue.
        celery = [sys.executable, "-m", "celery", "-A", "tracker", "worker"]
        options = ["-Q", queue_name, "-n", f"{name}@%h", "--loglevel=INFO"]
        self.proc = subprocess.Popen(
            [*celery, f"--pool={pool}", *concurrency, *options],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: signals reach the pool children
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = 30) -> None:
        assert _wait_for(lambda: f"{self.node} ready." in self.log(), timeout), self.log()

    def signal(self, sig: int) -> None:
        os.killpg(self.proc.pid, sig)

    def stop(self) -> None:
        try:
            if self.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    self.signal(signal.SIGCONT)  # a stopped worker cannot shut down
                    self.signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        self.signal(signal.SIGKILL)
                    self.proc.wait(timeout=10)
        finally:
            self._log.close()


# The web side: the editor's submit service and beat's send, in a process that lives through the
# outage like a gunicorn worker, answering one JSON line per command read from stdin.
_WEB = """
import json, sys, time
from celery.beat import Scheduler
from django.conf import settings
from claims import ingest
from claims.models import Incident
from tracker.celery import app

incident = Incident.objects.get(pk={incident})
print("WEB " + json.dumps({{"ready": True}}), flush=True)
for line in sys.stdin:
    command, _, argument = line.strip().partition(" ")
    started = time.monotonic()
    try:
        if command == "submit":
            article = ingest.article_submit_url(url=argument, incident=incident)
            answer = {{"article": article.pk, "status": article.status}}
        elif command == "beat":
            # Exactly what celery beat does when the entry is due.
            scheduler = Scheduler(app, lazy=True)
            schedule = settings.CELERY_BEAT_SCHEDULE[argument]
            entry = scheduler.Entry(name=argument, app=app, **schedule)
            scheduler.apply_async(entry, advance=False)
            answer = {{"sent": entry.task, "options": entry.options}}
        else:
            answer = {{"error": "unknown command " + command}}
    except Exception as exc:
        answer = {{"error": repr(exc)}}
    answer["seconds"] = time.monotonic() - started
    print("WEB " + json.dumps(answer), flush=True)
"""


class WebProcess:
    def __init__(self, env: dict, log_path: Path, incident_id: int):
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", _WEB.format(incident=incident_id)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,  # where the app's log lines go
            text=True,
        )
        self._answers: queue.Queue[dict] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self._answer(60).get("ready"), self.log()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("WEB "):
                self._answers.put(json.loads(line[4:]))

    def _answer(self, timeout: float) -> dict:
        try:
            return self._answers.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the web process did not answer\n{self.log()}") from None

    def call(self, command: str, argument: str, timeout: float = 40) -> dict:
        self.proc.stdin.write(f"{command} {argument}\n")
        self.proc.stdin.flush()
        return self._answer(timeout)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._log.close()


def _worker_health(env: dict, node: str, *extra: str) -> subprocess.CompletedProcess:
    """`manage.py worker_health` as a container orchestrator runs it."""
    return subprocess.run(
        [sys.executable, "manage.py", "worker_health", "--node", node, *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _status(url: str) -> str | None:
    return Article.objects.filter(url=url).values_list("status", flat=True).first()


def _assert_ingested_once(urls: list[str], web) -> None:
    """Each address is one article, extracted once, fetched once, each claim created once."""
    for url in urls:
        article = Article.objects.get(url=url)
        assert article.status == Article.Status.EXTRACTED, (url, article.error)
        assert article.attempts == 1, url
        path = url.removeprefix(web.base)
        assert web.hits[path] == 1, path
        claims = list(FigureClaim.objects.filter(article=article)) + list(
            TimingClaim.objects.filter(article=article)
        )
        assert len(claims) == len(ingest.claims_plan(article)) >= 3, url
        for claim in claims:
            assert claim.history.filter(history_type="+").count() == 1
    assert Article.objects.count() == len(urls)


@pytest.fixture
def incident():
    return services.incident_create(
        title="Missile strikes across Ostravia",
        place="Ostravia",
        country="Ostravia",
        time_zone="Europe/Bucharest",
    )


@pytest.fixture
def stack(tmp_path):
    """Starts and always stops what a test asks for: stack.redis, stack.worker(), stack.web()."""
    require_postgres(connection)  # the worker and web processes must see the test database

    class Stack:
        def __init__(self):
            self.redis = PrivateRedis(tmp_path)
            self.queue = f"ingest-faults-{os.getpid()}-{time.monotonic_ns()}"
            self.env = _env(self.redis.url, self.queue)
            self.running: list = []

        def worker(self, pool: str = "solo", name: str = "faults") -> Worker:
            w = Worker(
                self.env, tmp_path / f"{name}.log", pool=pool, name=name, queue_name=self.queue
            )
            self.running.append(w)
            w.wait_ready()
            return w

        def web(self, incident_id: int) -> WebProcess:
            w = WebProcess(self.env, tmp_path / "web.log", incident_id)
            self.running.append(w)
            return w

        def logs(self) -> str:
            return "\n".join(f"--- {p.log_path.name}\n{p.log()}" for p in self.running)

    s = Stack()
    try:
        s.redis.start()
        yield s
    finally:
        for process in reversed(s.running):
            with contextlib.suppress(Exception):
                process.stop()
        s.redis.stop(signal.SIGTERM)


@pytest.mark.django_db(transaction=True)
def test_a_url_submitted_while_redis_is_down_stays_queued_and_is_ingested_once_redis_is_back(
    stack, incident
):
    with FixtureServer() as pages:
        for n in range(3):
            pages.page(f"/wire/{n}.html", wire_page(n))
        urls = [pages.url(f"/wire/{n}.html") for n in range(3)]
        worker = stack.worker()
        web = stack.web(incident.pk)

        # Everything up: a submission is fetched and extracted by the worker.
        assert web.call("submit", urls[0])["status"] == "queued"
        assert _wait_for(lambda: _status(urls[0]) == "extracted", 30), stack.logs()

        # Redis goes away; an editor submits. No error and no wait: the broker's absence costs
        # the submission one failed publish (~1 s), not the result backend's ~20 s of retries.
        stack.redis.stop()
        answer = web.call("submit", urls[1])
        assert "error" not in answer, answer
        assert answer["status"] == "queued"
        assert answer["seconds"] < 5, answer
        assert _wait_for(lambda: "could not enqueue article" in web.log(), 5), web.log()
        time.sleep(2)  # past INGEST_SWEEP_AFTER_SECONDS: queued, and nobody can take it
        assert _status(urls[1]) == "queued"
        assert pages.hits["/wire/1.html"] == 0

        # Redis is back, empty. Beat's next sweep re-sends the queued article (it is sent here
        # the way beat sends it, rather than waiting a minute for beat) and the worker, once
        # reconnected, ingests it.
        stack.redis.start()
        sent = web.call("beat", SWEEP)
        assert sent.get("sent") == "claims.tasks.articles_sweep_queued", sent
        assert _wait_for(lambda: _status(urls[1]) == "extracted", 40), stack.logs()

        # The web process's own connection recovered as well: a new submission goes through.
        answer = web.call("submit", urls[2])
        assert "error" not in answer and answer["seconds"] < 5, answer
        assert _wait_for(lambda: _status(urls[2]) == "extracted", 30), stack.logs()
        assert worker.proc.poll() is None

        _assert_ingested_once(urls, pages)


@pytest.mark.django_db(transaction=True)
def test_a_url_submitted_while_redis_hangs_is_answered_within_seconds(stack, incident):
    # A frozen Redis (host paused, network black hole) keeps the TCP connection open and never
    # answers: unlike a stopped one, nothing refuses the publish. gunicorn kills a request after
    # 30 s, so the editor would get an error page instead of a queued article.
    with FixtureServer() as pages:
        pages.page("/wire/0.html", wire_page(0))
        web = stack.web(incident.pk)
        stack.redis.proc.send_signal(signal.SIGSTOP)
        try:
            answer = web.call("submit", pages.url("/wire/0.html"), timeout=12)
        except AssertionError:
            answer = {"error": "no answer within 12 s"}
        finally:
            web.proc.kill()  # it may still be waiting on the frozen server
        assert "error" not in answer and answer["seconds"] < 10, answer
        assert _status(pages.url("/wire/0.html")) == "queued"


@pytest.mark.parametrize("pool", ["solo", "prefork"])
@pytest.mark.django_db(transaction=True)
def test_an_idle_worker_consumes_again_after_each_redis_restart(stack, incident, pool):
    with FixtureServer() as pages:
        for n in range(2):
            pages.page(f"/wire/{n}.html", wire_page(n))
        urls = [pages.url(f"/wire/{n}.html") for n in range(2)]
        worker = stack.worker(pool=pool)
        web = stack.web(incident.pk)
        before = _worker_health(stack.env, worker.node, "--wait", "15")
        assert before.returncode == 0, before.stdout + before.stderr

        for n, url in enumerate(urls):
            stack.redis.stop()  # a crash: the worker's connections break without a goodbye
            if n == 0:
                down = _worker_health(stack.env, worker.node, "--wait", "1")
                assert down.returncode == 1 and "cannot check" in down.stderr, down.stderr
            stack.redis.start()  # empty: queues, bindings and the heartbeat are gone
            assert web.call("submit", url)["status"] == "queued"
            assert _wait_for(lambda url=url: _status(url) == "extracted", 30), stack.logs()

        # The same process, after two reconnects, still takes messages from its own queue too.
        after = _worker_health(stack.env, worker.node, "--wait", "15")
        assert after.returncode == 0, after.stdout + after.stderr + stack.logs()
        assert worker.proc.poll() is None
        assert "Connection to broker lost" in worker.log()

        _assert_ingested_once(urls, pages)


@pytest.mark.parametrize("pool", ["solo", "prefork"])
@pytest.mark.django_db(transaction=True)
def test_redis_crashing_mid_task_neither_loses_nor_repeats_work_and_work_goes_on(
    stack, incident, pool
):
    release = threading.Event()
    held = wire_page(0)

    def held_page(h):
        release.wait(30)  # Redis crashes and comes back while the worker waits for this page
        h.send_response(200)
        h.send_header("Content-Type", HTML)
        h.send_header("Content-Length", str(len(held)))
        h.end_headers()
        h.wfile.write(held)

    with FixtureServer() as pages:
        pages.route("/wire/0.html", held_page)
        pages.page("/wire/1.html", wire_page(1))
        urls = [pages.url(f"/wire/{n}.html") for n in range(2)]
        worker = stack.worker(pool=pool)
        web = stack.web(incident.pk)
        try:
            assert web.call("submit", urls[0])["status"] == "queued"
            assert pages.event("/wire/0.html").wait(20), stack.logs()
            stack.redis.stop()
            time.sleep(1)  # long enough for a prefork worker to notice while Redis is down
            stack.redis.start()
        finally:
            release.set()
        assert _wait_for(lambda: _status(urls[0]) == "extracted", 30), stack.logs()

        # solo notices the lost connection only after its task and carries on. prefork notices
        # at once, and kombu 5.7 then fails to put the unacknowledged message back with Redis
        # down ("Unrecoverable error: AttributeError ... 'hostname'"): the worker finishes its
        # task and exits non-zero, which a restart policy (docker-compose.yml: unless-stopped)
        # answers with a new worker. Either way it must not linger alive and idle.
        if "Unrecoverable error" in worker.log():
            assert _wait_for(lambda: worker.proc.poll() is not None, 30), worker.log()
            assert worker.proc.returncode != 0
            worker = stack.worker(pool=pool, name="replacement")

        assert web.call("submit", urls[1])["status"] == "queued"
        assert _wait_for(lambda: _status(urls[1]) == "extracted", 30), stack.logs()
        healthy = _worker_health(stack.env, worker.node, "--wait", "15")
        assert healthy.returncode == 0, healthy.stdout + healthy.stderr + stack.logs()
        assert worker.proc.poll() is None

        _assert_ingested_once(urls, pages)


@pytest.mark.django_db(transaction=True)
def test_worker_health_fails_for_a_worker_that_is_up_but_takes_no_messages(stack):
    worker = stack.worker()
    healthy = _worker_health(stack.env, worker.node, "--wait", "15")
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    assert "healthy" in healthy.stdout

    # A stopped process keeps its pid and its connections but takes nothing off the queue: from
    # outside it looks like a worker gone silently idle.
    worker.signal(signal.SIGSTOP)
    time.sleep(1.5)
    stale = _worker_health(stack.env, worker.node, "--max-age", "1", "--wait", "1")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "stale" in stale.stderr

    # Only one probe waits in its queue however often the check runs.
    again = _worker_health(stack.env, worker.node, "--max-age", "1", "--wait", "0")
    assert again.returncode == 1
    import redis

    assert redis.Redis.from_url(stack.redis.url).llen(f"worker-health.{worker.node}") == 1

    worker.signal(signal.SIGCONT)  # it takes the waiting probe and is healthy again
    recovered = _worker_health(stack.env, worker.node, "--max-age", "5", "--wait", "15")
    assert recovered.returncode == 0, recovered.stdout + recovered.stderr + stack.logs()


def test_worker_health_says_there_is_no_worker_to_check_without_a_broker(settings):
    from django.core.management import CommandError, call_command

    settings.REDIS_URL = ""  # make demo: tasks run in-process
    with pytest.raises(CommandError, match="REDIS_URL is not set"):
        call_command("worker_health", "--node", "celery@nowhere", "--wait", "0")
