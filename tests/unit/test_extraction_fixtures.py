"""Fixture-driven extraction tests: every tests/fixtures/articles/<name>.txt is run through the
extractor and compared with <name>.json beside it. Adding a case is adding two files.

JSON shape: {"published": "YYYY-MM-DD" (optional), "place_tz": "Area/City" (optional),
"claims": [...]} where each claim holds the ``to_dict`` keys to assert. Figures are compared on
claimant, cited, metric, low, high, qualifier, victim_group and the flags (absent flags and
"cited" mean false / ""); timings on claimant, zone, start_utc, end_utc and durations. Every
expected claim must be found, and no unexpected figure or timing may appear.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claims.extraction import ExtractedFigure, extract, extractor

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
CASES = sorted(p.stem for p in ARTICLES.glob("*.txt"))

FIGURE_KEYS = ("claimant", "cited", "metric", "low", "high", "qualifier", "victim_group")
FLAGS = ("revised_from_earlier", "revised", "hedged", "cumulative", "headline")
TIMING_KEYS = ("claimant", "zone", "start_utc", "end_utc", "duration_min_low", "duration_min_high")


@pytest.fixture(autouse=True)
def strict(monkeypatch):
    """Internal errors fail the test instead of silently losing a sentence's claims."""
    monkeypatch.setattr(extractor, "STRICT", True)


def _expected_view(claim: dict) -> dict:
    if claim["kind"] == "figure":
        view = {k: claim.get(k, "" if k == "cited" else None) for k in FIGURE_KEYS}
        view.update({k: bool(claim.get(k, False)) for k in FLAGS})
        if "cited" not in claim:
            view.pop("cited")  # not asserted
        return view
    return {k: claim.get(k) for k in TIMING_KEYS}


def _actual_view(claim, keys: tuple[str, ...]) -> dict:
    d = claim.to_dict()
    return {k: d[k] for k in keys}


def _load(name: str):
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    spec = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    published = date.fromisoformat(spec["published"]) if spec.get("published") else None
    return text, spec, published


def test_there_are_enough_fixture_articles():
    assert len(CASES) >= 20
    for name in CASES:
        assert (ARTICLES / f"{name}.json").exists(), f"{name}.txt has no expected claims"


@pytest.mark.parametrize("name", CASES)
def test_fixture_article_yields_exactly_the_expected_claims(name):
    text, spec, published = _load(name)
    claims = extract(text, published=published, place_tz=spec.get("place_tz"))
    remaining = list(claims)
    missing = []
    for expected in spec["claims"]:
        want = _expected_view(expected)
        keys = tuple(want)
        kind = expected["kind"]
        hit = next((c for c in remaining if c.kind == kind and _actual_view(c, keys) == want), None)
        if hit is None:
            missing.append(want)
        else:
            remaining.remove(hit)
    unexpected = [c.to_dict() for c in remaining]
    for u in unexpected:
        u.pop("evidence", None)
    report = f"\nmissing: {json.dumps(missing, indent=1)}"
    report += f"\nunexpected: {json.dumps(unexpected, indent=1)}"
    assert not missing and not unexpected, report


@pytest.mark.parametrize("name", CASES)
def test_fixture_spans_point_at_the_evidence_in_the_original_text(name):
    text, spec, published = _load(name)
    for claim in extract(text, published=published, place_tz=spec.get("place_tz")):
        start, end = claim.span
        assert 0 <= start < end <= len(text)
        if "<" not in text and "&" not in text:
            assert " ".join(text[start:end].split()) == claim.evidence
        if isinstance(claim, ExtractedFigure):
            assert claim.low >= 0 and (claim.high is None or claim.high >= claim.low)
