"""Pages under gunicorn on PostgreSQL, each against a hello-world view served in the same run.

    .venv/bin/python bench/pages.py [--sizes 10000,100000] [--claims 12] [--rounds 3]
                                    [--seconds 5] [--workers 2] [--cache both|on|off]
                                    [--out results.json] [--drop]

For each size: generate the data set in the benchmark database (reused when already there), start
gunicorn (bench.wsgi, DEBUG=false) on loopback, then per round and per URL run wrk twice from
this second process: 4 connections for requests/s, 1 connection for latency (p50/p99 without
queueing), each request with the Accept-Encoding header every browser sends. Ratios are taken
against /__hello__/ within the same round, then the median over rounds is reported, so machine
noise shared by a round cancels out.

--cache: "on" serves the pages as production does (claims/pagecache.py: rendered once per data
version, in each worker's memory; every request still reads the version from PostgreSQL);
"off" (PAGE_CACHE_SECONDS=0) renders every request, the cost of the first reader after a write;
"both" runs a server of each kind, one after the other, with its own hello-world baseline.

Targets (docs/PERFORMANCE.md): incident page >= 40% of hello-world requests/s; each list page's
p50 <= 3x hello-world's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common  # noqa: E402

HELLO = "hello world (baseline)"
INCIDENT = "incident page, 200 claims / 50 sources"


def urls(size: int, popular: str) -> dict[str, str]:
    deep = min(1000, size // 25 - 1)
    return {
        HELLO: "/__hello__/",
        INCIDENT: "/incidents/synthetic-big-incident/",
        "list, first page": "/",
        f"list, page {deep}": f"/?page={deep}",
        "list, country filter": "/?country=Iraq",
        "list, date filter (2020)": "/?start=2020-01-01&end=2020-12-31",
        "list, source filter": f"/?source={popular}",
        "list, disputed, most disputed first": "/?disputed=on&sort=-disagreement",
        "list, search": "/?q=zeitoun",
    }


CACHE_MODES = {"on": {}, "off": {"PAGE_CACHE_SECONDS": "0"}}


def bench_size(size: int, args, cache: str) -> dict:
    generated = common.prepare_data(size, args.claims)
    popular = common.psql(
        "SELECT slug FROM claims_source WHERE slug LIKE 'synthetic-%' "
        "ORDER BY incident_count DESC LIMIT 1",
        db_url=common.BENCH_DB_URL,
    )
    targets = urls(size, popular)
    runs: dict[str, list] = {name: [] for name in targets}
    with common.Server(workers=args.workers, env=CACHE_MODES[cache]) as server:
        for path in targets.values():
            server.warm(path)
        for round_no in range(args.rounds):
            for name, path in targets.items():
                url, headers = server.base + path, common.BROWSER_HEADERS
                load = common.wrk(url, connections=4, seconds=args.seconds, headers=headers)
                latency = common.wrk(url, connections=1, seconds=args.seconds, headers=headers)
                runs[name].append(
                    {"rps": load.rps, "p50": latency.p50_ms, "p99": latency.p99_ms,
                     "errors": load.errors + latency.errors}
                )  # fmt: skip
            print(f"  size {size}: round {round_no + 1}/{args.rounds} done", file=sys.stderr)
    return {
        "size": size,
        "cache": cache,
        "generate_seconds": generated,
        "urls": targets,
        "runs": runs,
    }


def summarise(result: dict) -> list[list]:
    runs, hello = result["runs"], result["runs"][HELLO]
    rows = []
    for name, samples in runs.items():

        def ratio(key, samples=samples):
            return common.median(s[key] / h[key] for s, h in zip(samples, hello, strict=True))

        med = {k: common.median(s[k] for s in samples) for k in ("rps", "p50", "p99")}
        verdict = ""
        if name == INCIDENT:
            verdict = f"rps >= 0.40x: {'met' if ratio('rps') >= 0.40 else 'MISSED'}"
        elif name.startswith("list"):
            verdict = f"p50 <= 3x: {'met' if ratio('p50') <= 3 else 'MISSED'}"
        errors = sum(s["errors"] for s in samples)
        rows.append(
            [name, f"{med['rps']:.0f}", f"{ratio('rps'):.3g}", f"{med['p50']:.1f}",
             f"{ratio('p50'):.1f}", f"{med['p99']:.1f}", f"{ratio('p99'):.1f}", verdict,
             errors or ""]
        )  # fmt: skip
    return rows


HEADERS = ["page", "req/s", "x hello", "p50 ms", "x hello", "p99 ms", "x hello", "target", "errors"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000", help="incident counts, comma-separated")
    parser.add_argument("--claims", type=float, default=12, help="figure claims per incident")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--cache", choices=["both", "on", "off"], default="both")
    parser.add_argument("--out", help="also write the raw results as JSON here")
    parser.add_argument("--drop", action="store_true", help="drop the benchmark database after")
    args = parser.parse_args()
    modes = ["on", "off"] if args.cache == "both" else [args.cache]
    results = []
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            for cache in modes:
                results.append(bench_size(size, args, cache))
    finally:
        if args.drop:
            common.drop_db()
    print(common.machine())
    print(
        f"gunicorn: {args.workers} sync workers; wrk over loopback; medians of {args.rounds} rounds"
    )
    for result in results:
        how = (
            "page cache on" if result["cache"] == "on" else "page cache off: every request renders"
        )
        print(
            f"\n{result['size']} incidents (generated in {result['generate_seconds']:.0f} s), {how}"
        )
        print(common.table(HEADERS, summarise(result)))
    for cache in modes:
        sized = [r for r in results if r["cache"] == cache]
        if len(sized) < 2:
            continue
        print(f"\nGrowth, page cache {cache}: median p50 latency (ms) by size, largest/smallest")
        names = list(sized[0]["runs"])
        rows = []
        for i, name in enumerate(names):
            p50s = [common.median(s["p50"] for s in list(r["runs"].values())[i]) for r in sized]
            rows.append([name, *(f"{p:.1f}" for p in p50s), f"{p50s[-1] / p50s[0]:.2f}"])
        print(common.table(["page", *(str(r["size"]) for r in sized), "growth"], rows))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
