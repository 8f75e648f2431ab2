"""Blind claimant fixtures (tests/fixtures/articles/blind/, see its README.md): precision and
recall of figure claims counted only with the right claimant, metric, number and qualifier.

Run as a script to print the scores per article (``-v`` lists the misses and extras).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

if __name__ == "__main__":  # run as a script from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from claims.extraction import ExtractedFigure, extract

BLIND = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "blind"

# Floors under the scores measured when the set was written (P 0.91, R 0.73 over 12 articles):
# a drop below them is a regression in who-says-what.
MIN_PRECISION = 0.88
MIN_RECALL = 0.70


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


def score(verbose: bool = False) -> tuple[float, float]:
    tp = fp = fn = 0
    for exp in sorted(BLIND.glob("*.exp")):
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
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_there_are_blind_articles():
    assert len(list(BLIND.glob("*.exp"))) >= 10
    for exp in BLIND.glob("*.exp"):
        assert exp.with_suffix(".txt").exists()


def test_blind_claimant_precision_and_recall_stay_above_their_floor():
    precision, recall = score()
    assert precision >= MIN_PRECISION, f"precision {precision:.3f}"
    assert recall >= MIN_RECALL, f"recall {recall:.3f}"


if __name__ == "__main__":
    p, r = score(verbose="-v" in sys.argv)
    print(f"claimant+metric+number+qualifier: precision {p:.3f}  recall {r:.3f}")
