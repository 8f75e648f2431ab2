"""Backup and restore as docs/OPERATIONS.md describes them: pg_dump, then pg_restore into an empty
database, gives back every incident, claim and history row."""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from claims.demo import demo_load
from claims.models import FigureClaim, Incident
from tests.services import missing, require_postgres


def _run(*args, env):
    subprocess.run(args, check=True, env=env, capture_output=True, timeout=120)


@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restores_into_an_identical_database(tmp_path):
    require_postgres(connection)
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        missing("needs pg_dump and pg_restore (postgresql-client)")
    demo_load()
    s = connection.settings_dict
    env = {**os.environ, "PGHOST": s["HOST"] or "127.0.0.1", "PGPORT": str(s["PORT"] or 5432)}
    env |= {"PGUSER": s["USER"] or "postgres", "PGPASSWORD": s["PASSWORD"] or ""}
    dump = tmp_path / "tracker.dump"
    _run("pg_dump", "--format=custom", f"--file={dump}", s["NAME"], env=env)
    restored = f"restore_{uuid.uuid4().hex[:12]}"
    _run("createdb", restored, env=env)
    try:
        _run("pg_restore", "--no-owner", f"--dbname={restored}", str(dump), env=env)
        expected = list(
            FigureClaim.objects.order_by("pk").values_list("pk", "stated_text", "low", "high")
        )
        history = FigureClaim.history.count()
        with psycopg.connect(dbname=restored, **_conninfo(env)) as db:
            rows = db.execute(
                "SELECT id, stated_text, low, high FROM claims_figureclaim ORDER BY id"
            ).fetchall()
            assert rows == expected
            assert (
                db.execute("SELECT count(*) FROM claims_historicalfigureclaim").fetchone()[0]
                == history
            )
            slug = db.execute(
                "SELECT slug, killed_low FROM claims_incident WHERE slug = %s",
                ["deir-ez-zor-airport-strike-2016"],
            ).fetchone()
            assert slug == (
                "deir-ez-zor-airport-strike-2016",
                Incident.objects.get(slug="deir-ez-zor-airport-strike-2016").killed_low,
            )
    finally:
        _run("dropdb", "--if-exists", restored, env=env)


def _conninfo(env):
    return {
        "host": env["PGHOST"],
        "port": env["PGPORT"],
        "user": env["PGUSER"],
        "password": env["PGPASSWORD"] or None,
    }
