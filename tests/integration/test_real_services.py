"""Against the real services: CI must run on PostgreSQL, and a Celery worker on Redis must pick up
work that the web process enqueues. Skipped on a laptop without them; failing in CI without them."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from claims import services
from claims.demo import demo_load
from claims.models import Incident
from tests.services import IN_CI, redis_url, require_postgres

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_ci_runs_the_suite_on_postgresql():
    if not IN_CI and not os.environ.get("DATABASE_URL"):
        pytest.skip("runs when DATABASE_URL is set (CI sets it)")
    require_postgres(connection)


def _database_url_for_worker() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_on_redis_refreshes_an_incident_summary():
    require_postgres(connection)  # the worker process must see the test database
    url = redis_url()
    demo_load()
    incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
    # Blank the summary behind the services' back, then let the worker recompute it.
    Incident.objects.filter(pk=incident.pk).update(source_count=0, killed_low=None)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_for_worker(),
        "REDIS_URL": url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    queue = f"test-{os.getpid()}-{time.monotonic_ns()}"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tracker",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        from claims.tasks import incident_refresh_summary

        result = incident_refresh_summary.apply_async((incident.pk,), queue=queue)
        assert result.get(timeout=60) == {
            "incident": incident.pk,
            "status": "refreshed",
            "sources": 3,
        }
        incident.refresh_from_db()
        assert (incident.source_count, incident.killed_low) == (3, 62)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    services.incident_refresh_summary(incident)
