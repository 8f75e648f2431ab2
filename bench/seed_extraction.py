"""Run the extractor on the seed report and check it against DESIGN.md's table.

    python bench/seed_extraction.py [--time N]

Reads the report where it lies (``../shared/seed/`` next to the repository), prints every claim
as a table, then checks the expected rows and that nothing else was extracted. Exit status 1 when
a check fails. ``--time N`` also reports articles per second over N runs.

The publication date and the incident's zone are article metadata (what ingest would pass), not
knowledge baked into the extractor.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claims.extraction import ExtractedFigure, ExtractedTiming, extract  # noqa: E402

SEED = REPO.parent / "shared" / "seed" / "deir-ez-zor-2016-09-17.txt"
PUBLISHED = date(2016, 9, 18)
PLACE_TZ = "Asia/Damascus"

SOHR = "Syrian Observatory for Human Rights"
# The spokesman is not tied to the ministry by the article itself, so he is the claimant (see
# claims/extraction/attribution.py); the ministry's own sentences are claimed by the ministry.
RU_SPEAKER = ("Igor Konashenkov", "Russian defence ministry", "defence ministry")
RU_MINISTRY = ("Russian defence ministry", "defence ministry")
US = ("A U.S. military official", "a U.S. military official")

# claimant(s), cited, metric, low, high, qualifier, headline, revised_from_earlier
EXPECTED_FIGURES = [
    ((None,), "", "killed", 90, None, "at_least", True, False),
    ((SOHR,), "a source at the airport", "killed", 90, None, "at_least", False, False),
    ((SOHR,), "a source at the airport", "killed", 83, 83, "exact", False, True),
    ((SOHR,), "a source at the airport", "injured", 120, 120, "exact", False, True),
    (RU_SPEAKER, "regime sources", "killed", 62, 62, "exact", False, False),
    (RU_SPEAKER, "regime sources", "injured", 101, None, "more_than", False, False),
]
# claimant(s), zone, start (HH:MM UTC), end, duration low, duration high
EXPECTED_TIMINGS = [
    ((SOHR,), "", None, None, 40, 40),
    (US, "EDT", "15:00", "15:00", None, None),
    (US, "", None, None, 27, 33),
    (RU_MINISTRY, "local", "14:00", "14:50", None, None),
]


def _hm(dt) -> str | None:
    return dt.strftime("%H:%M") if dt else None


def print_table(claims) -> None:
    print(f"{'claimant':38} {'cites':24} {'metric':8} {'figure':22} {'flags':18} timing")
    print("-" * 140)
    for c in claims:
        who = c.claimant or ("(headline)" if c.claimant_is_headline else "(unattributed)")
        if isinstance(c, ExtractedFigure):
            hi = "open" if c.high is None else c.high
            fig = f"{c.stated} ({c.low}..{hi} {c.qualifier})"
            flags = ",".join(
                n
                for n in ("revised_from_earlier", "revised", "hedged", "cumulative")
                if getattr(c, n)
            )
            if c.revised_from_earlier:
                flags = flags.replace("revised_from_earlier", "earlier")
            print(f"{who:38} {c.cited[:24]:24} {c.metric:8} {fig:22} {flags:18}")
        else:
            when = ""
            if c.start_utc:
                when = f" -> {c.start_utc:%Y-%m-%d %H:%M}-{c.end_utc:%H:%M} UTC"
            dur = ""
            if c.duration_min_low is not None:
                dur = f" (duration {c.duration_min_low}..{c.duration_min_high} min)"
            print(
                f"{who:38} {c.cited[:24]:24} {'timing':8} {'':22} {'':18} "
                f"{c.stated} [{c.zone or '-'}]{when}{dur}"
            )


def check(claims) -> list[str]:
    problems: list[str] = []
    figures = [c for c in claims if isinstance(c, ExtractedFigure)]
    timings = [c for c in claims if isinstance(c, ExtractedTiming)]
    remaining = list(figures)
    for who, cited, metric, low, high, qual, headline, earlier in EXPECTED_FIGURES:
        hit = next(
            (
                f
                for f in remaining
                if f.claimant in who
                and f.cited == cited
                and f.metric == metric
                and f.low == low
                and f.high == high
                and f.qualifier == qual
                and f.claimant_is_headline == headline
                and f.revised_from_earlier == earlier
            ),
            None,
        )
        if hit is None:
            problems.append(f"missing figure: {who[0]} {metric} {low}..{high} {qual}")
        else:
            remaining.remove(hit)
            if hit.victim_group != "state_forces":
                problems.append(f"victim group of {hit.stated!r} is {hit.victim_group}")
    problems += [f"unexpected figure: {f.claimant} {f.metric} {f.stated!r}" for f in remaining]
    remaining_t = list(timings)
    for who, zone, start, end, dlow, dhigh in EXPECTED_TIMINGS:
        hit = next(
            (
                t
                for t in remaining_t
                if t.claimant in who
                and t.zone == zone
                and _hm(t.start_utc) == start
                and _hm(t.end_utc) == end
                and t.duration_min_low == dlow
                and t.duration_min_high == dhigh
            ),
            None,
        )
        if hit is None:
            problems.append(f"missing timing: {who[0]} {zone} {start}-{end} {dlow}..{dhigh}")
        else:
            remaining_t.remove(hit)
            if hit.start_utc and hit.start_utc.date() != date(2016, 9, 17):
                problems.append(f"timing {hit.stated!r} on {hit.start_utc.date()}")
    problems += [f"unexpected timing: {t.claimant} {t.stated!r}" for t in remaining_t]
    return problems


def main(argv: list[str]) -> int:
    if not SEED.exists():
        print(f"seed report not found at {SEED}", file=sys.stderr)
        return 1
    text = SEED.read_text(encoding="utf-8")
    claims = extract(text, published=PUBLISHED, place_tz=PLACE_TZ)
    print_table(claims)
    if "--time" in argv:
        n = int(argv[argv.index("--time") + 1])
        # CPU time of this process: the rate per core, whatever else the machine is running.
        t0 = time.process_time()
        for _ in range(n):
            extract(text, published=PUBLISHED, place_tz=PLACE_TZ)
        dt = time.process_time() - t0
        words = len(text.split())
        print(
            f"\n{n} runs, {n / dt:.0f} articles/s ({words} words each, "
            f"{n * words / dt / 800:.0f} 800-word articles/s)"
        )
    problems = check(claims)
    print()
    if problems:
        print("FAILED:")
        for p in problems:
            print("  -", p)
        return 1
    print(f"OK: {len(claims)} claims match DESIGN.md's table")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
