"""EXPLAIN ANALYZE of the queries behind the incident list (every filter) and the incident page.

    .venv/bin/python bench/explain.py [--incidents 100000] [--claims 12] [--json] [--drop]

Generates the data set if the benchmark database does not hold it yet (bench/common.py), then
requests each page through Django's test client, captures the SQL it ran and asks PostgreSQL how
it executed each query on a big table: total time, and for the slowest query the indexes used
and any sequential scan or big sort (what grows with the data). Prints one table; --json prints
the plans too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from django.db.models import Q

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common  # noqa: E402

BIG = {
    "claims_incident", "claims_figureclaim", "claims_timingclaim", "claims_article", "claims_source"
}  # fmt: skip

CLAIM_TABLES = BIG - {"claims_source"}


def scenarios(popular: str, rare: str, deep_page: int) -> list[tuple[str, str]]:
    return [
        ("first page (default sort)", "/"),
        (f"page {deep_page} (OFFSET {(deep_page - 1) * 25})", f"/?page={deep_page}"),
        ("date filter (one year)", "/?start=2020-01-01&end=2020-12-31"),
        ("date filter (one week, old)", "/?start=2013-03-01&end=2013-03-07"),
        ("country filter (common)", "/?country=Syria"),
        ("country filter (rare)", "/?country=colombia"),
        ("source filter (most active)", f"/?source={popular}"),
        ("source filter (least active)", f"/?source={rare}"),
        ("disputed + most disputed first", "/?disputed=on&sort=-disagreement"),
        ("sort by last update", "/?sort=-last_reported_at"),
        ("search one word", "/?q=Zeitoun"),
        ("search two words", "/?q=kafr+zeitoun"),
        ("search incident number", "/?q=004321"),
        ("search, no match", "/?q=xyzzy"),
        ("incident page, 200 claims / 50 sources", "/incidents/synthetic-big-incident/"),
        ("incident comparison.csv", "/incidents/synthetic-big-incident/comparison.csv"),
        ("source page (most active)", f"/sources/{popular}/"),
        ("sources list", "/sources/"),
    ]


def walk(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from walk(child)


def describe(plan: dict) -> tuple[list[str], list[str]]:
    """(indexes used, warnings: sequential scans and sorts of big tables)."""
    indexes, warnings = [], []
    for node in walk(plan["Plan"]) if plan else ():
        if "Index Name" in node:
            indexes.append(node["Index Name"])
        kind = node["Node Type"]
        if kind == "Seq Scan" and node.get("Relation Name") in BIG:
            warnings.append(f"seq scan {node['Relation Name']} ({node.get('Actual Rows')} rows)")
        if kind == "Sort" and node.get("Actual Rows", 0) > 1000:
            warnings.append(f"sort of {node.get('Actual Rows')} rows ({node.get('Sort Method')})")
    return sorted(set(indexes)), warnings


PROPOSED_INDEXES = [
    # The source filter's EXISTS, served by index-only scans: applied since, in migration 0008.
    "CREATE INDEX IF NOT EXISTS figure_claimant_incident_idx ON claims_figureclaim "
    "(claimant_id, incident_id) WHERE status = 'confirmed'",
    "CREATE INDEX IF NOT EXISTS timing_claimant_incident_idx ON claims_timingclaim "
    "(claimant_id, incident_id) WHERE status = 'confirmed'",
]


def proposals(connection, source_sql: str, deep_page: int, runs: int) -> list[list]:
    """The fixes docs/PERFORMANCE.md proposes, measured on the same data: indexes are created in
    a transaction that is rolled back, queries are only explained. Nothing is left behind."""
    from django.db import transaction

    from claims.models import Article, FigureClaim, Incident, TimingClaim

    def measure(sql, params=()):
        times, plan = [], None
        with connection.cursor() as cursor:
            for _ in range(runs):
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params)
                plan = cursor.fetchone()[0][0]
                times.append(plan["Execution Time"])
        indexes, warnings = describe(plan)
        return [
            f"{common.median(times):.2f}",
            ", ".join(indexes) or "-",
            "; ".join(warnings) or "-",
        ]

    rows = []
    with transaction.atomic():
        with connection.cursor() as cursor:
            for statement in PROPOSED_INDEXES:
                cursor.execute(statement)
            cursor.execute("ANALYZE claims_figureclaim")
            cursor.execute("ANALYZE claims_timingclaim")
        rows.append(["source filter (most active), with the proposed indexes",
                     *measure(source_sql)])  # fmt: skip
        transaction.set_rollback(True)
    incident = Incident.objects.get(slug="synthetic-big-incident")
    ids = (
        Article.objects.filter(incident=incident)
        .values("pk")
        .union(
            FigureClaim.objects.filter(incident=incident).values("article_id"),
            TimingClaim.objects.filter(incident=incident).values("article_id"),
        )
    )
    articles = Article.objects.filter(pk__in=ids).order_by("published_at", "id")
    rows.append(["incident page: its articles through a UNION of ids", *measure(*_sql(articles))])
    ordered = Incident.objects.order_by("-started_at", "id")  # incident_started_idx's order
    last = ordered.values_list("started_at", "id")[(deep_page - 1) * 25 - 1]
    # started_at <= x bounds the index scan; the OR only settles ties within that instant.
    keyset = ordered.filter(started_at__lte=last[0]).filter(
        Q(started_at__lt=last[0]) | Q(id__gt=last[1])
    )[:26]
    rows.append([f"page {deep_page} by keyset (after the last row seen)", *measure(*_sql(keyset))])
    ids_only = ordered.values("pk")[(deep_page - 1) * 25 : deep_page * 25 + 1]
    rows.append(
        [f"page {deep_page}: its ids only (index-only scan; then 26 rows by id)",
         *measure(*_sql(ids_only))]
    )  # fmt: skip
    year = ordered.filter(
        started_at__gte=datetime(2020, 1, 1, tzinfo=UTC),
        started_at__lt=datetime(2021, 1, 1, tzinfo=UTC),
    )[:26]
    rows.append(["date filter (2020) as a range of started_at", *measure(*_sql(year))])
    return rows


def without_0007(connection, sql_of: dict, runs: int) -> list[list]:
    """The list queries with migration 0007's indexes dropped inside a transaction that is rolled
    back: what each would cost without them."""
    import importlib

    from django.db import transaction

    migration = importlib.import_module("claims.migrations.0007_search_indexes")
    rows = []
    with transaction.atomic():
        with connection.cursor() as cursor:
            for name in migration.INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            for name, sql in sql_of.items():
                if not name.startswith(("date", "country", "search")):
                    continue
                times = []
                for _ in range(runs):
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                    times.append(cursor.fetchone()[0][0]["Execution Time"])
                rows.append([name, f"{common.median(times):.2f}"])
        transaction.set_rollback(True)
    return rows


def _sql(queryset) -> tuple[str, tuple]:
    return queryset.query.sql_with_params()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--claims", type=float, default=12)
    parser.add_argument("--runs", type=int, default=5, help="EXPLAIN ANALYZE runs; median kept")
    parser.add_argument("--json", action="store_true", help="also print each plan")
    parser.add_argument("--drop", action="store_true", help="drop the benchmark database after")
    args = parser.parse_args()
    generated = common.prepare_data(args.incidents, args.claims)

    sys.path.insert(0, str(common.SRC))  # the snapshot's claims/ and tracker/, not the tree's
    os.environ["DATABASE_URL"] = common.BENCH_DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.models import Source

    ranked = Source.objects.filter(slug__startswith="synthetic-").order_by("-incident_count")
    popular, rare = ranked.first().slug, ranked.last().slug
    pages = min(1000, args.incidents // 25)
    client = Client(HTTP_HOST="127.0.0.1")
    rows, sql_of = [], {}
    for name, url in scenarios(popular, rare, pages):
        connection.queries_log.clear()  # a full log (9000 entries) would hide new queries
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, (url, response.status_code)
        total, worst = 0.0, ((0, 0.0), None)
        for query in captured.captured_queries:
            if not any(table in query["sql"] for table in BIG):
                continue
            times, plan = [], None
            with connection.cursor() as cursor:
                for _ in range(args.runs):
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query["sql"])
                    plan = cursor.fetchone()[0][0]
                    times.append(plan["Execution Time"])
            ms = common.median(times)
            total += ms
            # The slowest query on the claim tables; the sources-only queries (the list's source
            # choices, the sources list) count only where nothing else ran.
            rank = (int(any(table in query["sql"] for table in CLAIM_TABLES)), ms)
            if rank > worst[0]:
                worst = (rank, plan)
                sql_of[name] = query["sql"]
            if args.json:
                print(f"--- {name}: {url}\n{query['sql']}\n{json.dumps(plan, indent=1)}")
        indexes, warnings = describe(worst[1])
        rows.append(
            [name, len(captured), f"{total:.2f}", f"{worst[0][1]:.2f}", ", ".join(indexes) or "-",
             "; ".join(warnings) or "-"]
        )  # fmt: skip
    print(common.machine())
    print(
        f"{args.incidents} incidents"
        + (f" (generated in {generated:.0f} s)" if generated else "")
        + f"; median of {args.runs} EXPLAIN ANALYZE runs\n"
    )
    print(
        common.table(
            ["page", "queries", "ms (all)", "ms (slowest)", "slowest: indexes used",
             "slowest: grows with the data"],
            rows,
        )
    )  # fmt: skip
    print("\nProposed fixes, measured on the same data (indexes rolled back afterwards)\n")
    print(
        common.table(
            ["proposal", "ms", "indexes used", "grows with the data"],
            proposals(connection, sql_of["source filter (most active)"], pages, args.runs),
        )
    )
    print("\nThe same list queries without migration 0007's indexes (dropped, then rolled back)\n")
    print(common.table(["list query", "ms"], without_0007(connection, sql_of, args.runs)))
    if args.drop:
        connection.close()
        common.drop_db()


if __name__ == "__main__":
    main()
