"""Properties of the extractor as a whole: it never raises, spans stay inside the input, it is
pure (no Django), it is fast enough, and it reproduces DESIGN.md's table on the seed report."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import ExtractedFigure, extract, extractor

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "deir-ez-zor-2016-09-17.txt"

# Fragments that look like news copy and markup, so generated text reaches the deep code paths.
_FRAGMENTS = [
    "At least 31 people were killed",
    " and 40 wounded",
    ", the Kestrel Network said, citing medics",
    " according to the ministry",
    " between 40 and more than 55",
    "Sixty-four others",
    " dozens of civilians",
    " at around 11 a.m. EDT (1500 GMT)",
    " between 1700 and 1750 local time",
    " lasted about half an hour",
    " on Saturday",
    " overnight",
    "He said",
    " It added that",
    "<p>",
    "</p>",
    "&nbsp;",
    "&amp;",
    "&#x2013;",
    "\u00a0",
    "\u201c",
    "\u201d",
    "\u2013",
    ". ",
    "\n\n",
    ": ",
    "(",
    ")",
    '"',
    " no casualties were reported",
    " the death toll rose to",
    " may have been",
    "Maj. Gen.",
    " U.S.",
    "\u0130stanbul",
    "\ufeff",
    "&",
    "<",
]
news_like = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    "".join
)


@pytest.fixture
def strict(monkeypatch):
    """Let internal errors surface: extract() itself swallows them to keep its contract."""
    monkeypatch.setattr(extractor, "STRICT", True)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=st.one_of(st.text(max_size=400), news_like))
def test_extract_never_raises_and_spans_stay_inside_the_text(strict, text):
    for claim in extract(text, published=date(2020, 5, 17), place_tz="Asia/Damascus"):
        start, end = claim.span
        assert 0 <= start <= end <= len(text)
        claim.to_dict()
        if isinstance(claim, ExtractedFigure):
            assert claim.low >= 0 and (claim.high is None or claim.high >= claim.low)


@given(text=news_like)
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_extract_never_raises_without_date_or_zone(strict, text):
    extract(text)


def test_extract_tolerates_non_string_and_huge_inputs():
    assert extract("") == []
    assert extract("9" * 50_000) == []
    assert isinstance(extract("killed " * 20_000), list)
    assert extract(None) == []  # type: ignore[arg-type]


def test_importing_the_extraction_package_does_not_import_django():
    code = (
        "import sys; import claims.extraction; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _article_800_words() -> str:
    paragraph = (
        "At least 31 people were killed and 40 wounded in the shelling of Marvi on Sunday, the "
        "Kestrel Monitoring Network said, citing medics at the town's clinic. The Network said "
        "the raid lasted about half an hour and began at 9:40 a.m. local time (0640 GMT). "
        "Officials at the ministry said they were investigating the claims and that convoys "
        "would resume next week once the roads had been cleared of debris and old shells.\n\n"
    )
    words = paragraph.split()
    return " ".join((words * (800 // len(words) + 1))[:800])


def test_extraction_speed_on_800_word_articles():
    """A guard against accidental quadratic behaviour, not the benchmark: the target is >= 500
    ordinary articles/s per core (bench/seed_extraction.py --time measures it). This article
    is the worst case, a figure and a clock time in every sentence, and CPU time is used so a
    busy CI machine does not fail it."""
    text = _article_800_words()
    extract(text, published=date(2020, 5, 17), place_tz="Asia/Damascus")
    n = 40
    t0 = time.process_time()
    for _ in range(n):
        extract(text, published=date(2020, 5, 17), place_tz="Asia/Damascus")
    rate = n / max(time.process_time() - t0, 1e-9)
    assert rate > 60, f"{rate:.0f} articles/s"


@pytest.mark.skipif(not SEED.exists(), reason="seed report not beside the repository")
def test_seed_report_yields_exactly_the_design_table():
    sys.path.insert(0, str(REPO))
    from bench.seed_extraction import PLACE_TZ, PUBLISHED, check

    claims = extract(SEED.read_text(encoding="utf-8"), published=PUBLISHED, place_tz=PLACE_TZ)
    assert check(claims) == []
