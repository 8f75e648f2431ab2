"""The extractor's shortcuts for speed change nothing it finds: the one-scan gates of an
article (prescan.py) answer as the per-sentence gates do, and the per-process memos
(memo.py) give the same claims whether a phrase was seen before or not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from claims.extraction import extract, extractor, memo
from tests.unit.test_extraction_properties import news_like

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
TEXTS = sorted(ARTICLES.rglob("*.txt"))


def _claims(text: str) -> list[dict]:
    return [c.to_dict() for c in extract(text)]


@pytest.fixture
def no_prescan(monkeypatch):
    """Extraction with the per-sentence gates only."""

    def run(text: str) -> list[dict]:
        with monkeypatch.context() as m:
            m.setattr(extractor, "prescan", lambda _text: None)
            return _claims(text)

    return run


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_one_scan_gates_find_what_the_sentence_gates_find(path, no_prescan):
    text = path.read_text(encoding="utf-8")
    assert _claims(text) == no_prescan(text)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=news_like)
def test_the_one_scan_gates_agree_on_any_text(text, no_prescan):
    assert _claims(text) == no_prescan(text)


# The same phrase means another body in each: an acronym defined in one article only, and one
# an earlier name spells out in one article only.
_SAME_PHRASE = [
    "Kessa Rights Watch (KRW) monitors the region. KRW said five people died.",
    "KRW said five people died.",
    "The Lowland Conflict Monitor also said rebels were to blame. The LCM says 40 died.",
    "The LCM says 40 died.",
]


def test_claims_do_not_depend_on_what_the_process_read_before():
    texts = _SAME_PHRASE + [p.read_text(encoding="utf-8") for p in TEXTS]
    warm = [_claims(t) for t in texts]  # memos filled by every article before
    cold = []
    for text in reversed(texts):
        memo.forget()
        cold.append(_claims(text))
    assert warm == cold[::-1]
