"""Editors' writes and the source page at scale: do they stay flat as the data grows?

    .venv/bin/python bench/writes.py [--sizes 10000,100000] [--claims 12] [--repeat 7] [--drop]

Every write to a claim refreshes its incident's summary and the track records of the sources
reporting there (claims/track.py). This measures, in-process on the benchmark database (the
code as of the start of the run), the median seconds of:

- renaming an incident (a write that touches no claim): the baseline;
- confirming, then un-confirming, a claim in an incident that the busiest source reports on;
- editing the busiest source's own figure there (a new number);
- rendering the busiest source's page (first and 100th page of its figures) with the page cache
  off, as the first reader after a write sees it.

Writes are undone by the next repetition (confirm/unconfirm, number and back), so the data set
is the same after the run. Growth is each figure at the largest size over the smallest.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common  # noqa: E402


def inner(repeat: int) -> dict:
    """Runs inside the snapshot, against the benchmark database; returns median seconds."""
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from claims import services
    from claims.models import FigureClaim, Source

    settings.PAGE_CACHE_SECONDS = 0
    settings.ALLOWED_HOSTS = ["*"]
    # Static file names as written, without collectstatic's manifest (DEBUG is off).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    busiest = Source.objects.order_by("-incident_count").first()
    figure = (
        FigureClaim.objects.public()
        .filter(claimant=busiest, is_current=True, is_cumulative=False)
        .order_by("id")
        .first()
    )
    incident = figure.incident
    pending = FigureClaim.objects.filter(incident=incident, status="unreviewed").first()
    if pending is None:  # an incident of the busiest source with a claim waiting for review
        pending = (
            FigureClaim.objects.filter(
                status="unreviewed",
                incident__in=FigureClaim.objects.filter(claimant=busiest).values("incident"),
            )
            .order_by("id")
            .first()
        )
    times: dict[str, list[float]] = {}

    def timed(name, action):
        started = time.perf_counter()
        action()
        times.setdefault(name, []).append(time.perf_counter() - started)

    client = Client()
    title = incident.title
    for i in range(repeat):
        incident.refresh_from_db()
        incident.title = f"{title} ({i})" if i % 2 == 0 else title

        timed("rename an incident (baseline)", lambda: services.incident_save(incident))
        status = "confirmed" if i % 2 == 0 else "unreviewed"
        timed(
            "confirm or unconfirm a claim",
            lambda status=status: services.claims_set_status([pending], status=status),
        )
        figure.refresh_from_db()
        number = figure.low + 1 if i % 2 == 0 else figure.low - 1
        figure.low, figure.high = number, number if figure.high is not None else None
        timed("edit the busiest source's figure", lambda: services.figure_claim_save(figure))
        for label, query in (("first page", ""), ("page 100", "?page=100")):
            url = f"/sources/{busiest.slug}/{query}"
            timed(f"source page, {label}", lambda url=url: _ok(client.get(url)))
    incident.refresh_from_db()
    incident.title = title
    services.incident_save(incident)
    return {
        "busiest": busiest.name,
        "busiest_incidents": Source.objects.get(pk=busiest.pk).incident_count,
        "medians": {name: common.median(values) for name, values in times.items()},
    }


def _ok(response) -> None:
    assert response.status_code == 200, response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--claims", type=float, default=12)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", help="also write the raw results as JSON here")
    parser.add_argument("--drop", action="store_true", help="drop the benchmark database after")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        print(json.dumps(inner(args.repeat)))
        return
    results = {}
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            common.prepare_data(size, args.claims)
            env = {
                **os.environ,
                "DATABASE_URL": common.BENCH_DB_URL,
                "DJANGO_SETTINGS_MODULE": "tracker.settings",
                "DEBUG": "false",
                "SECRET_KEY": "benchmark-only-key-" + "x" * 40,
                "LOG_LEVEL": "WARNING",
                "SECURE_SSL_REDIRECT": "false",
                "BENCH_SNAPSHOT": "0",  # the inner run is already inside the snapshot
            }
            out = subprocess.run(
                [common.PY, "bench/writes.py", "--inner", f"--repeat={args.repeat}"],
                cwd=common.SRC, env=env, capture_output=True, text=True,
            )  # fmt: skip
            if out.returncode:
                sys.exit(f"the measurement failed:\n{out.stderr}")
            out = out.stdout
            results[size] = json.loads(out.strip().splitlines()[-1])
    finally:
        if args.drop:
            common.drop_db()
    print(common.machine())
    sizes = list(results)
    print(f"medians of {args.repeat} repetitions, seconds; busiest source at each size: "
          + ", ".join(f"{results[s]['busiest_incidents']} incidents" for s in sizes))  # fmt: skip
    names = list(results[sizes[0]]["medians"])
    rows = []
    for name in names:
        values = [results[s]["medians"][name] for s in sizes]
        rows.append([name, *(f"{v:.3f}" for v in values), f"{values[-1] / values[0]:.2f}"])
    print(common.table(["operation", *(str(s) for s in sizes), "growth"], rows))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
