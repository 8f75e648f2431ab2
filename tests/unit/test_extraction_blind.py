"""Blind fixtures (tests/fixtures/articles/blind/ to blind7/, see their README.md): precision
and recall of figure claims counted only with the right claimant, metric, number and qualifier,
per set and over both.

Run as a script to print the scores per set and per article (``-v`` lists misses and extras).
Folders given on the command line are scored instead of the blind sets: any folder of
``<name>.txt`` with ``<name>.exp`` in the same format, for example a held-out set of real
reports kept outside the repository.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

if __name__ == "__main__":  # run as a script from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from claims.extraction import ExtractedFigure, extract

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
BLIND = ARTICLES / "blind"
BLIND_SETS = (
    BLIND,
    ARTICLES / "blind2",
    ARTICLES / "blind3",
    ARTICLES / "blind4",
    ARTICLES / "blind5",
    ARTICLES / "blind6",
    ARTICLES / "blind7",
)

# Floors just under the scores measured (see docs/perf/extraction.md): a drop below them is a
# regression in who-says-what. (precision, recall) per set, then over all sets together.
FLOORS = {
    "blind": (0.97, 0.95),
    "blind2": (0.97, 0.97),
    "blind3": (0.96, 0.95),
    "blind4": (0.97, 0.95),
    "blind5": (0.96, 0.93),
    "blind6": (0.95, 0.93),
    "blind7": (0.97, 0.91),
}
MIN_PRECISION, MIN_RECALL = 0.98, 0.96


def _claimant(name: str | None) -> str | None:
    if name is None or name == "None":
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", name.lower().strip())
    return name.split(" who ")[0]


def _number(d: dict) -> str:
    q, low, high = d["qualifier"], d["low"], d["high"]
    if q == "vague":
        return "vague"
    if q == "between":
        return f"{low}-{high}"
    if q == "more_than":
        return str(low - 1)
    if q == "about" and high:
        return str(round((low + high) / 2))
    if q in ("up_to", "nearly") and high is not None:
        return str(high)
    return str(low)


def expected(path: Path) -> Counter:
    out: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            claimant, metric, number, qualifier = line.split("|")
            number = "vague" if qualifier == "vague" else number
            out[(_claimant(claimant), metric, number, qualifier)] += 1
    return out


def found(text: str) -> Counter:
    out: Counter = Counter()
    for c in extract(text):
        if isinstance(c, ExtractedFigure):
            d = c.to_dict()
            out[(_claimant(d["claimant"]), d["metric"], _number(d), d["qualifier"])] += 1
    return out


def counts(folder: Path, verbose: bool = False) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over one blind set."""
    tp = fp = fn = 0
    for exp in sorted(folder.glob("*.exp")):
        want = expected(exp)
        got = found(exp.with_suffix(".txt").read_text(encoding="utf-8"))
        hit = sum((want & got).values())
        tp, fp, fn = tp + hit, fp + sum(got.values()) - hit, fn + sum(want.values()) - hit
        if verbose:
            print(f"{exp.stem}: {hit}/{sum(want.values())} found, {sum(got.values()) - hit} wrong")
            for x in sorted((got - want).elements(), key=str):
                print("   EXTRA", x)
            for x in sorted((want - got).elements(), key=str):
                print("   MISS ", x)
    return tp, fp, fn


def _ratios(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def score(verbose: bool = False, folders=BLIND_SETS) -> tuple[float, float]:
    """(precision, recall) over the given sets together."""
    total = [0, 0, 0]
    for folder in folders:
        total = [a + b for a, b in zip(total, counts(folder, verbose), strict=True)]
    return _ratios(*total)


def test_there_are_blind_articles():
    for folder in BLIND_SETS:
        assert len(list(folder.glob("*.exp"))) >= 8
        for exp in folder.glob("*.exp"):
            assert exp.with_suffix(".txt").exists()


def test_each_blind_set_stays_above_its_floor():
    for folder in BLIND_SETS:
        precision, recall = score(folders=(folder,))
        min_p, min_r = FLOORS[folder.name]
        assert precision >= min_p, f"{folder.name} precision {precision:.3f}"
        assert recall >= min_r, f"{folder.name} recall {recall:.3f}"


def test_blind_claimant_precision_and_recall_stay_above_their_floor():
    precision, recall = score()
    assert precision >= MIN_PRECISION, f"precision {precision:.3f}"
    assert recall >= MIN_RECALL, f"recall {recall:.3f}"


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    folders = tuple(Path(a) for a in sys.argv[1:] if a != "-v") or BLIND_SETS
    for folder in folders:
        if verbose:
            print(f"== {folder.name}")
        p, r = _ratios(*counts(folder, verbose))
        print(f"{folder.name}: precision {p:.3f}  recall {r:.3f}")
    p, r = score(folders=folders)
    print(f"all given sets, claimant+metric+number+qualifier: precision {p:.3f}  recall {r:.3f}")
