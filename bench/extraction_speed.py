"""Extraction speed and a baseline comparison with quantulum3, on the same texts.

    .venv/bin/python bench/extraction_speed.py [--articles 300] [--reps 7] [--no-quantulum]
        [--quantulum-articles 40] [--package-root DIR] [--json FILE] [--profile]

``--package-root DIR`` measures the ``claims`` package found in DIR instead of this checkout's
(an older commit unpacked with ``git archive COMMIT claims | tar -x -C DIR``), on the same corpus
and fixtures: that is how the "before" column of docs/perf/extraction.md was measured.

The corpus is generated, not collected: ~800-word wire-style articles assembled (seeded, so the
same every run) from the sentences of our own invented fixture articles
(tests/fixtures/articles/), shuffled and padded with invented prose of the kind that fills real
reports: background, reactions, diplomacy, aid, and numbers that are not casualty figures
(years, money, convoys, ages, percentages, clock times). As in real copy, most sentences hold no
casualty figure. The seed report is read where it lies (../shared/seed/, never copied) and added
as one more article when present.

The package keeps bounded per-process memos of pure answers about phrases (memo.py), and the
corpus repeats fixture sentences across articles, which those memos turn to profit: a third
row empties every memo before each article, the rate of articles whose phrases are all new.

Speed is CPU time of this process (``time.process_time``), so it is the rate of one core
whatever else the machine runs; run it under ``taskset -c 0`` to pin it to one core too. Each
repetition extracts the whole corpus once; the median repetition is reported, in articles/s and
in 800-word articles/s (words/s / 800), against the target of 500 per core.

The quality comparison runs on the fixture articles: their JSON holds every figure a reader
should find. quantulum3 only finds quantities (no claimant, metric or qualifier), so a gold
figure counts as "number found" for it when it returns a quantity whose value is the figure's
stated number (for a range either end, for a vague amount any value inside its interval). Our
extractor is scored the same way and also on the full claim (claimant, metric, low, high,
qualifier, victim group, flags), which quantulum3 cannot give. Note the fixtures are the
extractor's own development set: the full-claim score on them is in-sample.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
if "--package-root" in sys.argv:  # before the imports below, so they read that package
    sys.path.insert(0, sys.argv[sys.argv.index("--package-root") + 1])

from claims.extraction import ExtractedFigure, extract  # noqa: E402
from claims.extraction.text import clean, split_sentences  # noqa: E402

ARTICLES = REPO / "tests" / "fixtures" / "articles"
SEED = REPO.parent / "shared" / "seed" / "deir-ez-zor-2016-09-17.txt"
TARGET = 500  # 800-word articles per second per core (issue 4)
QUANTULUM_PIN = "pip install quantulum3==0.10.0"
WORDS = 800

# --- the corpus ------------------------------------------------------------------------------

_TOWNS = ["Marvi", "Halden", "Dravik", "Belmora", "Kesh", "Varnholm", "Sel Harun", "Orlan"]
_REGIONS = ["Tessaly", "the northern province", "the coastal district", "Upper Karst"]
_ORGS = [
    "the Kestrel Monitoring Network",
    "the Regional Relief Council",
    "the interior ministry",
    "the Halden Civic Forum",
    "the foreign ministry",
    "the provincial governor's office",
]
_PEOPLE = ["Ana Ruiz", "Idris Vane", "Tomas Oyelaran", "Mira Castell", "Leon Abate"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Invented prose with no casualty figure: the bulk of a real report. Wire sentences run to
# 20-30 words (the seed report averages 26); these are written to that length.
_PROSE = [
    "Residents of {town} described a night of fear as the sound of artillery rolled across the "
    "hills and families sheltered in basements until the early hours of the morning.",
    "{org} called on all sides to respect the ceasefire, to protect civilians and to allow aid "
    "convoys to reach the villages that have been cut off since the spring.",
    "The road between {town} and {town2} has been closed to civilian traffic since the spring, "
    "forcing traders to take a mountain track that adds several hours to the journey.",
    "{person}, who has covered the region for more than a decade, said the front line had barely "
    "moved in months despite repeated claims of breakthroughs by both sides.",
    "Diplomats in the capital met behind closed doors on {day} evening to discuss the latest "
    "escalation, but no joint statement was issued after the meeting ended.",
    "Shops in the old quarter of {town} stayed shut and the main square was almost empty by the "
    "evening, as people waited to see whether the shelling would resume.",
    "The government has repeatedly denied targeting residential areas in {region}, saying its "
    "forces strike only at positions used by armed groups to launch attacks.",
    "Opposition leaders accused the authorities of blocking independent investigators from "
    "reaching the area and of withholding the records of the local hospitals.",
    "Aid agencies warned that stocks of fuel, flour and medicine were running low in {town} and "
    "that the water network could fail within days without spare parts.",
    "It was not possible to verify the accounts of either side from outside the area, where "
    "mobile networks have been down for most of the past week.",
    "The market had reopened only a few weeks earlier after months of repairs paid for by "
    "merchants and a grant from the regional development fund.",
    "{org} said it would publish a fuller account of the incident once its staff could reach "
    "the site safely and speak to witnesses and medical workers.",
    "Footage shared online on {day} showed thick smoke rising over the rooftops near the river "
    "and people running through the narrow streets towards the mosque.",
    "Local radio urged people to stay indoors, to keep away from the damaged bridge and to "
    "follow the instructions of the emergency services until further notice.",
    "Talks brokered by neighbouring states collapsed last month without an agreement, after the "
    "two delegations failed to agree on the withdrawal of heavy weapons.",
    "The army said its units had returned fire after coming under attack from the east, and "
    "that it reserved the right to respond to any further provocation.",
    "Farmers in {region} say they have been unable to reach their fields for weeks, and fear "
    "that the harvest will be lost if the fighting does not stop soon.",
    "{person} urged the international community to press for an independent inquiry and to "
    "make sure that those responsible are eventually held to account.",
    "Power was cut to much of {town} on {day}, and engineers working for the state utility were "
    "trying to restore the main lines before nightfall.",
    "The foreign ministry summoned the ambassador to protest against what it called repeated "
    "provocations along the border and demanded guarantees for its citizens.",
    "Schools across {region} will remain closed until further notice, officials said, and "
    "exams planned for the end of the month have been postponed.",
    "Witnesses said the convoy had been clearly marked with the emblem of a relief agency and "
    "had been travelling slowly along the main road towards {town2}.",
    "The town's main hospital is running on generators and is short of surgeons, anaesthetists "
    "and blood, according to doctors who spoke by telephone.",
    "Hundreds of families have moved in with relatives in villages further from the front, "
    "while others have set up tents in olive groves outside {town2}.",
    "Analysts say the fighting could draw in armed groups from across the border and undo the "
    "fragile understanding reached between the regional powers last year.",
    "The governor promised compensation for damaged homes and shops, and said a committee would "
    "be set up to assess the losses suffered by each family.",
    "Rescue teams worked through the night with cranes borrowed from a building site, lifting "
    "slabs of concrete by hand where the machines could not reach.",
    "A spokeswoman for {org} declined to comment on the reports, saying the organisation did "
    "not discuss operational matters while its teams were in the field.",
    "The United Nations envoy is expected to visit {town} later this week, his office said in a "
    "brief statement that gave no further details of the trip.",
    "Both sides have traded accusations of breaking the truce since it took effect, and each "
    "has published maps and videos that it says prove its case.",
    "Journalists were kept several kilometres from the scene by police checkpoints, and the "
    "few who reached the town were escorted by government minders.",
    "The bridge was the only crossing still open for trucks carrying flour and water into "
    "{town}, and its loss leaves the town dependent on a single dirt road.",
    "{person} said the claims were propaganda, offered no evidence for them, and accused "
    "foreign media of repeating rumours spread by the other side.",
    "The city council held an emergency session on {day} and declared a day of mourning, with "
    "flags flown at half mast on all public buildings.",
    "Prices of bread and fuel have more than doubled since the blockade began, and many "
    "families now depend on the soup kitchens run by local churches.",
    "Many residents said they had received no warning before the shelling started, and that "
    "sirens were heard only after the first impacts.",
    "The ministry said it had opened an investigation into the incident and would share its "
    "findings with the parliament's defence committee.",
    "Observers from the regional mission have not been allowed into the district, and their "
    "latest report relies on satellite images and phone interviews.",
    "Church bells rang in {town} as funerals were held in the afternoon, and mourners walked "
    "behind the coffins through streets lined with soldiers.",
    "The border crossing at {town2} was reopened for a few hours on {day} to let the sick and "
    "the elderly through, before it was closed again at dusk.",
]
# Invented sentences with numbers that are not casualty figures.
_NUMERIC = [
    "The convoy of 18 lorries reached {town} on {day} after a delay of two days at the last "
    "checkpoint, where drivers said their papers were checked three times.",
    "The government pledged $4 million for reconstruction, and officials say 65 percent of "
    "homes in the district have power again after months of repairs.",
    "The conflict, now in its fifth year, began in 2019 with protests in {town} that were put "
    "down by the security forces within a few weeks.",
    "Talks are due to resume on {day} at 10:00 in the capital, and both delegations have said "
    "they will bring new proposals on prisoner exchanges.",
    "A 12-year-old girl read a poem at the ceremony in the school hall, which was decorated "
    "with drawings made by her classmates over the winter.",
    "Some 2,500 people had taken refuge in the school gymnasium by the evening, sleeping on "
    "mats handed out by volunteers from the neighbouring parishes.",
    "The district lies about 40 km from the border and has two bridges, both of which were "
    "damaged during the fighting in the autumn of 2020.",
    "Two jets and a drone were seen over {town} on {day}, residents said, shortly before the "
    "first explosions were heard on the eastern edge of the town.",
    "The relief council says it has delivered 300 tonnes of flour since March, enough to feed "
    "the town for roughly a month if supplies are rationed.",
    "The 2021 agreement allowed 14 checkpoints along the main road, but traders say the number "
    "has since doubled and each one demands a fee.",
    "The hospital has 120 beds and three operating theatres, and it serves a population of "
    "about 400,000 people spread across the valley.",
    "Inflation reached 40 percent last year, according to the central bank, and the currency "
    "has lost a third of its value since January.",
    "The ceasefire took effect at midnight on {day} and lasted barely a week before both sides "
    "accused each other of breaking it.",
    "One of the two bridges was destroyed in 2020 and never rebuilt, leaving a detour of 25 km "
    "for anyone travelling between {town} and {town2}.",
    "The mission's 30 observers patrol a front line of more than 200 km, and they say they "
    "need at least twice as many people to do the job properly.",
]


def _fill(template: str, rnd: random.Random) -> str:
    town, town2 = rnd.sample(_TOWNS, 2)
    s = template.format(
        town=town,
        town2=town2,
        region=rnd.choice(_REGIONS),
        org=rnd.choice(_ORGS),
        person=rnd.choice(_PEOPLE),
        day=rnd.choice(_DAYS),
    )
    return s[0].upper() + s[1:]


def fixture_sentences() -> tuple[list[str], list[str]]:
    """(headings, body sentences) of every fixture article, cleaned of markup."""
    heads: list[str] = []
    body: list[str] = []
    for p in sorted(ARTICLES.glob("*.txt")):
        for s in split_sentences(clean(p.read_text(encoding="utf-8")).text):
            (heads if s.heading else body).append(" ".join(s.text.split()))
    return heads, body


def build_corpus(n: int, seed: int = 4) -> list[str]:
    """``n`` generated articles of ~800 words (plus the seed report when present)."""
    rnd = random.Random(seed)
    heads, body = fixture_sentences()
    out: list[str] = []
    for _ in range(n):
        parts = [rnd.choice(heads), ""]
        para: list[str] = []
        words = 0
        while words < WORDS:
            r = rnd.random()
            if r < 0.2:
                s = rnd.choice(body)
            elif r < 0.35:
                s = _fill(rnd.choice(_NUMERIC), rnd)
            else:
                s = _fill(rnd.choice(_PROSE), rnd)
            para.append(s)
            words += len(s.split())
            if len(para) >= rnd.randint(1, 3):
                parts.append(" ".join(para))
                para = []
        if para:
            parts.append(" ".join(para))
        out.append("\n\n".join(parts))
    if SEED.exists():
        out.append(SEED.read_text(encoding="utf-8"))
    return out


# --- measuring -------------------------------------------------------------------------------


def _ours(text: str) -> object:
    return extract(text, published=date(2023, 5, 14), place_tz="Asia/Damascus")


def measure(fn, corpus: list[str], reps: int) -> dict:
    """Median CPU-time rate over ``reps`` passes of the whole corpus (after one warm-up)."""
    for text in corpus[:5]:
        fn(text)
    words = sum(len(t.split()) for t in corpus)
    rates = []
    for _ in range(reps):
        t0 = time.process_time()
        for text in corpus:
            fn(text)
        dt = max(time.process_time() - t0, 1e-9)
        rates.append(len(corpus) / dt)
    med = statistics.median(rates)
    per800 = med * (words / len(corpus)) / WORDS
    return {
        "articles": len(corpus),
        "mean_words": round(words / len(corpus)),
        "reps": reps,
        "rates": [round(r, 1) for r in rates],
        "median_articles_s": round(med, 1),
        "median_800w_articles_s": round(per800, 1),
        "ratio_to_target": round(per800 / TARGET, 2),
    }


def _quantulum():
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    return parser


# --- quality on the fixtures ------------------------------------------------------------------


def _gold_values(c: dict) -> set[int]:
    """The numbers a gold figure can have been written as (see the module docstring)."""
    low, high = c["low"], c["high"]
    vals = {low, low - 1 if c["qualifier"] == "more_than" else low}
    if high is not None:
        vals |= {high, high + 1, (low + high) // 2}
    return {v for v in vals if v >= 0}


_FIG_KEYS = ("claimant", "metric", "low", "high", "qualifier", "victim_group")
_FLAGS = ("revised_from_earlier", "revised", "hedged", "cumulative", "headline")


def _full_view(d: dict) -> tuple:
    return tuple(d.get(k) for k in _FIG_KEYS) + tuple(bool(d.get(k)) for k in _FLAGS)


def quality(parser) -> dict:
    """Gold figures found per tool on the fixture articles."""
    res = {
        "articles": 0,
        "gold": 0,
        "ours_number": 0,
        "ours_full": 0,
        "ours_output": 0,
        "q_number": 0,
        "q_output": 0,
    }
    for p in sorted(ARTICLES.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        spec = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
        gold = [c for c in spec["claims"] if c["kind"] == "figure"]
        res["articles"] += 1
        res["gold"] += len(gold)
        pub = date.fromisoformat(spec["published"]) if spec.get("published") else None
        ours = [
            c.to_dict()
            for c in extract(text, published=pub, place_tz=spec.get("place_tz"))
            if isinstance(c, ExtractedFigure)
        ]
        res["ours_output"] += len(ours)
        left = [_full_view(d) for d in ours]
        for g in gold:
            v = _full_view({**g, "headline": g.get("headline", False)})
            if v in left:
                left.remove(v)
                res["ours_full"] += 1
        res["ours_number"] += _number_hits(gold, [(d["low"], d["high"], d) for d in ours], True)
        if parser is not None:
            qs = parser.parse(text)
            res["q_output"] += len(qs)
            res["q_number"] += _number_hits(gold, [(q.value, q.value, None) for q in qs], False)
    return res


def _number_hits(gold: list[dict], found: list[tuple], interval: bool) -> int:
    """How many gold figures a found number (or interval) can be matched to, one each."""
    pool = list(found)
    hits = 0
    for g in gold:
        vals = _gold_values(g)
        for i, (lo, hi, _) in enumerate(pool):
            if interval:
                ok = lo == g["low"] and hi == g["high"]
            elif g["qualifier"] == "vague":
                ok = lo is not None and g["low"] <= lo <= (g["high"] or lo)
            else:
                ok = lo is not None and float(lo).is_integer() and int(lo) in vals
            if ok:
                hits += 1
                del pool[i]
                break
    return hits


# --- machine and report ------------------------------------------------------------------------


def machine() -> dict:
    def run(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return ""

    model = ""
    for line in run(["lscpu"]).splitlines():
        if line.startswith("Model name"):
            model = line.split(":", 1)[1].strip()
    mem = run(["free", "-h"]).splitlines()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": run(["nproc"]).strip(),
        "cpu": model,
        "memory": mem[1].split()[1] if len(mem) > 1 else "",
        "python": platform.python_version(),
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--quantulum-articles", type=int, default=40)
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument("--package-root", help="measure the claims package in this directory")
    ap.add_argument("--profile", action="store_true", help="cProfile one pass, top 30 by tottime")
    ap.add_argument("--json", help="write the results as JSON to this file")
    args = ap.parse_args(argv)

    import claims.extraction

    try:
        from claims.extraction.memo import forget
    except ImportError:  # an older package (--package-root) keeps no memos
        forget = None

    def _cold(text: str) -> object:
        forget()
        return _ours(text)

    corpus = build_corpus(args.articles)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for text in corpus:
            _ours(text)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
        return 0

    m = machine()
    print(
        f"{m['date']}  nproc={m['nproc']}  cpu={m['cpu']}  mem={m['memory']}  "
        f"python={m['python']}  package={Path(claims.extraction.__file__).parent}"
    )
    rows = [("claims.extraction", measure(_ours, corpus, args.reps))]
    if hasattr(os, "sched_setaffinity"):
        # The same measurement pinned to CPU 0 (what `taskset -c 0` does), then unpinned again.
        before = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(before)})
        try:
            rows.append((f"  pinned to cpu {min(before)}", measure(_ours, corpus, args.reps)))
            if forget is not None:
                # The corpus repeats fixture sentences across articles, which the per-process
                # memos of pure phrase answers (memo.py) turn to profit: the same, pinned,
                # with every memo emptied before each article, as if each were the first.
                rows.append(("  pinned, memos emptied", measure(_cold, corpus, args.reps)))
        finally:
            os.sched_setaffinity(0, before)
    print(f"corpus: {rows[0][1]['articles']} articles, {rows[0][1]['mean_words']} words on average")
    parser = None if args.no_quantulum else _quantulum()
    if parser is None and not args.no_quantulum:
        print(f"quantulum3 is not installed: skipped ({QUANTULUM_PIN} for the comparison)")
    if parser is not None:
        sub = corpus[: args.quantulum_articles]
        rows.append(("quantulum3", measure(parser.parse, sub, max(3, args.reps // 2))))
    qual = quality(parser)

    print()
    print(f"{'tool':22} {'articles/s':>11} {'800w art/s':>11} {'x 500/s':>8}   per repetition")
    for name, r in rows:
        print(
            f"{name:22} {r['median_articles_s']:>11} {r['median_800w_articles_s']:>11} "
            f"{r['ratio_to_target']:>8}   {r['rates']}"
        )
    print()
    print(f"fixture articles: {qual['articles']}, casualty figures in their JSON: {qual['gold']}")
    print(f"{'tool':22} {'number found':>13} {'full claim':>11} {'outputs':>8}")
    print(
        f"{'claims.extraction':22} {qual['ours_number']:>13} {qual['ours_full']:>11} "
        f"{qual['ours_output']:>8}"
    )
    if parser is not None:
        print(f"{'quantulum3':22} {qual['q_number']:>13} {'n/a':>11} {qual['q_output']:>8}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"machine": m, "speed": dict(rows), "quality": qual}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
