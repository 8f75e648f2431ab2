"""The claims CSV export (/claims.csv) under gunicorn, against PostgreSQL's own COPY.

    .venv/bin/python bench/export.py [--incidents 100000] [--claims 12] [--rounds 3] [--drop]

Per round: (1) `COPY (SELECT <the export's rows and columns>) TO STDOUT WITH CSV`, read by this
process over loopback: PostgreSQL's own speed for the same rows; (2) GET /claims.csv from one
gunicorn sync worker (bench.wsgi, DEBUG=false), read by this process: rows/s, and the worker's
peak resident memory (VmHWM, reset before each request through /proc/PID/clear_refs). While the
export streams, pg_stat_activity is sampled to show what the worker's session runs (COPY for
/claims.csv; FETCH FORWARD from a server-side cursor for the Python path). Ratios are per round,
reported as medians.

Targets (docs/PERFORMANCE.md): rows/s >= 50% of COPY's; peak memory of the worker <= 150 MB.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common  # noqa: E402

# The rows and columns claims.claims_export writes, in the selector's order (without its formula
# guard and date formatting, which PostgreSQL's plain COPY does not do).
COPY_SQL = """
COPY (
    SELECT f.id, i.slug, i.title, c.name, c.kind, f.metric, f.victim_group, f.victims_text,
           f.stated_text, f.qualifier, f.low, f.high,
           CASE WHEN f.is_current THEN 'current' ELSE 'superseded' END, f.supersedes_id,
           f.cited_text, cs.name, f.reported_at, f.evidence,
           CASE WHEN a.url <> '' THEN a.url WHEN a.id IS NOT NULL
                THEN '/articles/' || a.id || '/' END,
           f.status
    FROM claims_figureclaim f
    JOIN claims_incident i ON i.id = f.incident_id
    JOIN claims_source c ON c.id = f.claimant_id
    LEFT JOIN claims_source cs ON cs.id = f.cited_source_id
    LEFT JOIN claims_article a ON a.id = f.article_id
    WHERE f.status = 'confirmed'
    ORDER BY f.incident_id, f.metric, f.reported_at, f.id
) TO STDOUT WITH (FORMAT csv, HEADER)
"""


EXPORTS = {
    "GET /claims.csv (PostgreSQL writes the CSV)": "/claims.csv",
    "GET Python path (values_list, csv.writer)": "/__bench__/claims-python.csv",
}


def copy_baseline() -> tuple[int, float]:
    """(data rows, seconds) for PostgreSQL's COPY of the export's rows."""
    import psycopg

    lines = 0
    with psycopg.connect(common.BENCH_DB_URL) as conn, conn.cursor() as cur:
        started = time.perf_counter()
        with cur.copy(COPY_SQL) as copy:
            for block in copy:
                lines += bytes(block).count(b"\n")
        seconds = time.perf_counter() - started
    return lines - 1, seconds


def _status(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) // 1024  # MB
    return fields


class CursorWatch(threading.Thread):
    """Samples what the worker's database session runs while the export streams."""

    def __init__(self):
        super().__init__(daemon=True)
        self.seen: set[str] = set()
        self.done = threading.Event()

    def run(self):
        import psycopg

        with psycopg.connect(common.BENCH_DB_URL, autocommit=True) as conn:
            while not self.done.is_set():
                for (query,) in conn.execute(
                    "SELECT query FROM pg_stat_activity WHERE state = 'active' "
                    "AND pid <> pg_backend_pid() AND datname = current_database() "
                    "AND (query LIKE '%claims_figureclaim%' OR query LIKE 'FETCH%')"
                ):
                    self.seen.add(" ".join(query.split()[:3]))
                time.sleep(0.05)


def http_export(server: common.Server, path: str) -> dict:
    """Streams `path` once; rows/s, and the worker's memory before and at its peak."""
    (pid,) = server.worker_pids()
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    before = _status(pid)
    watch = CursorWatch()
    watch.start()
    parts = urlsplit(server.base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    assert response.status == 200, response.status
    lines, size, first = 0, 0, None
    while block := response.read1(1 << 16):
        lines += block.count(b"\n")
        if first is None and lines >= 2:  # the first data row, not just the header
            first = time.perf_counter() - started
        size += len(block)
    seconds = time.perf_counter() - started
    conn.close()
    watch.done.set()
    watch.join()
    after = _status(pid)
    return {
        "rows": lines - 1,
        "seconds": seconds,
        "first_row_seconds": first,
        "mb": size / 1e6,
        "rss_before_mb": before["VmRSS"],
        "peak_rss_mb": after["VmHWM"],
        "cursor": sorted(watch.seen),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--claims", type=float, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", help="also write the raw results as JSON here")
    parser.add_argument("--drop", action="store_true", help="drop the benchmark database after")
    args = parser.parse_args()
    rounds = []
    try:
        common.prepare_data(args.incidents, args.claims)
        with common.Server(workers=1, timeout=1800) as server:
            server.warm("/claims.csv?country=Colombia", n=2)
            for i in range(args.rounds):
                copy_rows, copy_seconds = copy_baseline()
                result = {"copy": {"rows": copy_rows, "seconds": copy_seconds}}
                for name, path in EXPORTS.items():
                    result[name] = http_export(server, path)
                rounds.append(result)
                print(f"  round {i + 1}/{args.rounds}: {json.dumps(result)}", file=sys.stderr)
    finally:
        if args.drop:
            common.drop_db()
    rows = rounds[0]["copy"]["rows"]
    copy_seconds = common.median(r["copy"]["seconds"] for r in rounds)
    print(common.machine())
    print(f"{args.incidents} incidents, {rows} public figure claims exported; "
          f"medians of {args.rounds} rounds\n")  # fmt: skip
    table = [["COPY (SELECT ...) TO STDOUT CSV", rows, f"{copy_seconds:.1f}",
              f"{rows / copy_seconds:.0f}", "1.00", "", "", ""]]  # fmt: skip
    for name in EXPORTS:
        runs = [r[name] for r in rounds]
        seconds = common.median(r["seconds"] for r in runs)
        ratio = common.median(
            (r[name]["rows"] / r[name]["seconds"]) / (r["copy"]["rows"] / r["copy"]["seconds"])
            for r in rounds
        )
        peak = max(r["peak_rss_mb"] for r in runs)
        first = common.median(r["first_row_seconds"] for r in runs)
        table.append(
            [name, runs[0]["rows"], f"{seconds:.1f}", f"{runs[0]['rows'] / seconds:.0f}",
             f"{ratio:.2f}", f"{first:.2f}", f"{runs[0]['rss_before_mb']} -> {peak}",
             f"rows/s >= 0.50x: {'met' if ratio >= 0.5 else 'MISSED'}; "
             f"peak <= 150 MB: {'met' if peak <= 150 else 'MISSED'}"]
        )  # fmt: skip
        if any(r["rows"] != rows for r in runs):
            print(f"WARNING: {name} and COPY returned different row counts")
    print(
        common.table(
            ["export", "rows", "s", "rows/s", "x COPY", "first row s", "worker RSS MB", "target"],
            table,
        )
    )
    for name in EXPORTS:
        print(f"{name}: the worker's database session ran {rounds[0][name]['cursor']}")
    if args.out:
        Path(args.out).write_text(json.dumps(rounds, indent=1))


if __name__ == "__main__":
    main()
