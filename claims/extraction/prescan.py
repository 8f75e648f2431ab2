"""The per-sentence gates of a whole article, found in one scan.

Why: most sentences fail every gate (no metric word, no reporting verb, no digit), and one
regex scan per gate per sentence costs more than the rest of their reading. Here one
Aho-Corasick pass (C) over the lower-cased article finds every stem of every gate at once, and
a sentence's gate becomes a lookup of the hits inside its offsets.

Exactness: each gate (numbers.anchored_gate) passes a text exactly when one of its stems
occurs in it, and a sentence's text is the article's text at its offsets (an aside between
dashes is rewritten to commas, which no stem holds; quotes read as spaces, which no stem holds
either). The verb gate runs on the original case, so its hits are kept only where the original
text holds the stem as written, and its position (the stem's anchor letter) is the one the
regex would report. The metric phrases (lexicon.GATE_PHRASES) are found whole; none holds a
comma, a double space or a quote, so the rewritten aside neither makes nor breaks one, and
only a quote read as a space can join one (the caller looks for those itself). An article whose
lower-casing changes its length (rare characters) gets no prescan: its sentences use the
per-sentence gates.
"""

from __future__ import annotations

from bisect import bisect_left

import ahocorasick

from claims.extraction.lexicon import GATE_PHRASES, METRIC_GATE_WORDS
from claims.extraction.numbers import gate_stems
from claims.extraction.reporting import _VERB_PHRASES, _VERBS
from claims.extraction.sentence import _TIME_WORDS

# What a stem is to the gates: a metric stem, a time word, a verb stem, both a metric and a
# verb stem ("toll": "put the toll at"), a digit, a metric phrase (lexicon.gate_phrases, whole).
_METRIC, _TIME, _VERB, _METRIC_VERB, _DIGIT, _PHRASE = 0, 1, 2, 3, 4, 5


def _automaton() -> ahocorasick.Automaton:
    kinds: dict[str, dict[int, int]] = {}
    for kind, phrases in (
        (_METRIC, METRIC_GATE_WORDS),
        (_TIME, _TIME_WORDS),
        (_VERB, [*_VERBS, *_VERB_PHRASES]),
    ):
        for stem, anchor in gate_stems(phrases).items():
            kinds.setdefault(stem, {})[kind] = anchor
    for phrase in GATE_PHRASES:
        kinds.setdefault(phrase.lower(), {})[_PHRASE] = 0
    auto = ahocorasick.Automaton()
    for stem, anchors in kinds.items():
        kind = _METRIC_VERB if anchors.keys() == {_METRIC, _VERB} else min(anchors)
        if len(anchors) > 1 and kind != _METRIC_VERB:
            raise ValueError(f"gate stem {stem!r} of an unexpected set of gates")
        # (kind, offset of its first letter back from its last, anchor index, stem)
        auto.add_word(stem, (kind, len(stem) - 1, anchors.get(_VERB, 0), stem))
    for d in "0123456789":
        auto.add_word(d, (_DIGIT, 0, 0, d))
    auto.make_automaton()
    return auto


_AUTOMATON = _automaton()


class Prescan:
    """Where the gate stems and digits of one article lie (offsets into its text)."""

    __slots__ = ("hits", "verbs", "digits", "phrases")

    def __init__(self, text: str, low: str) -> None:
        # Per gate: the (start, inclusive end) of its stems' occurrences, in text order. No
        # stem of a gate holds another, so ordering by start is ordering by end as well.
        hits: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
        # (start, anchor position, end) of the verb stems written in lower case, as the verb
        # gate reads them
        verbs: list[tuple[int, int, int]] = []
        digits: list[int] = []  # (a digit lower-cases to itself and nothing else to a digit)
        phrases: list[tuple[int, int]] = []  # (inclusive end, start), in the order of their ends
        for end, (kind, back, anchor, stem) in _AUTOMATON.iter(low):
            if kind == _DIGIT:
                digits.append(end)
            elif kind == _PHRASE:
                phrases.append((end, end - back))
            elif kind >= _VERB:
                start = end - back
                if text.startswith(stem, start):
                    verbs.append((start, start + anchor, end + 1))
                if kind == _METRIC_VERB:
                    hits[_METRIC].append((start, end))
            else:
                hits[kind].append((end - back, end))
        self.hits, self.verbs, self.digits, self.phrases = hits, verbs, digits, phrases

    def _has(self, kind: int, a: int, z: int) -> bool:
        hits = self.hits[kind]
        i = bisect_left(hits, (a,))
        return i < len(hits) and hits[i][1] < z

    def metric(self, a: int, z: int) -> bool:
        """Whether text[a:z] passes lexicon.METRIC_GATE_RE."""
        return self._has(_METRIC, a, z)

    def time_words(self, a: int, z: int) -> bool:
        """Whether text[a:z] passes sentence._TIME_WORDS_GATE_RE."""
        return self._has(_TIME, a, z)

    def phrase(self, a: int, z: int) -> bool:
        """Whether text[a:z] passes lexicon.gate_phrases (the text as written: a quote read as
        a space may join a phrase the caller still has to look for)."""
        phrases = self.phrases
        i = bisect_left(phrases, (a,))
        while i < len(phrases) and phrases[i][0] < z:
            if phrases[i][1] >= a:
                return True
            i += 1
        return False

    def digit(self, a: int, z: int) -> bool:
        """Whether text[a:z] holds a digit."""
        i = bisect_left(self.digits, a)
        return i < len(self.digits) and self.digits[i] < z

    def verb_at(self, a: int, z: int) -> tuple[int, int]:
        """Where reporting._VERB_GATE_RE.search(text[a:z]) matches (relative to a; -1:
        nowhere), and where the last verb stem inside text[a:z] starts (relative to a): every
        match of reporting._VERB_RE holds a verb stem, so none starts after it."""
        verbs = self.verbs
        i = k = bisect_left(verbs, (a,))
        best = -1
        # The leftmost anchor of a stem that ends inside the sentence; a stem starting after
        # the best anchor so far cannot anchor before it.
        while i < len(verbs):
            start, at, stop = verbs[i]
            if start >= z or (best >= 0 and start > best):
                break
            if stop <= z and (best < 0 or at < best):
                best = at
            i += 1
        if best < 0:
            return -1, -1
        j = bisect_left(verbs, (z,), k) - 1
        while verbs[j][2] > z:
            j -= 1  # (the stem at ``best`` ends inside: the walk stops there at the latest)
        return best - a, verbs[j][0] - a


def prescan(text: str) -> Prescan | None:
    """The gates of an article, or None when lower-casing changes its length."""
    low = text.lower()
    return Prescan(text, low) if len(low) == len(text) else None
