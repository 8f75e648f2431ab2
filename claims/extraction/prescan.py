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
regex would report. An article whose lower-casing changes its length (rare characters) gets no
prescan: its sentences use the per-sentence gates.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import ahocorasick

from claims.extraction.lexicon import METRIC_GATE_WORDS
from claims.extraction.numbers import gate_stems
from claims.extraction.reporting import _VERB_PHRASES, _VERBS
from claims.extraction.sentence import _TIME_WORDS

_METRIC, _TIME, _VERB = 0, 1, 2
_DIGITS_RE = re.compile(r"[0-9]+")


def _automaton() -> ahocorasick.Automaton:
    kinds: dict[str, list[tuple[int, int, int]]] = {}
    for kind, phrases in (
        (_METRIC, METRIC_GATE_WORDS),
        (_TIME, _TIME_WORDS),
        (_VERB, [*_VERBS, *_VERB_PHRASES]),
    ):
        for stem, anchor in gate_stems(phrases).items():
            kinds.setdefault(stem, []).append((kind, len(stem), anchor))
    auto = ahocorasick.Automaton()
    for stem, entries in kinds.items():
        auto.add_word(stem, (stem, tuple(entries)))
    auto.make_automaton()
    return auto


_AUTOMATON = _automaton()


class Prescan:
    """Where the gate stems and digits of one article lie (offsets into its text)."""

    __slots__ = ("starts", "ends", "verbs", "digit_starts", "digit_ends")

    def __init__(self, text: str, low: str) -> None:
        # Per gate: the starts and (inclusive) ends of its stems' occurrences, in text order.
        # No stem of a gate holds another, so ordering by start is ordering by end as well.
        starts: list[list[int]] = [[], []]
        ends: list[list[int]] = [[], []]
        # (start, anchor position, end) of the verb stems written in lower case, as the verb gate
        # reads them
        verbs: list[tuple[int, int, int]] = []
        for end, (stem, entries) in _AUTOMATON.iter(low):
            for kind, n, anchor in entries:
                start = end - n + 1
                if kind == _VERB:
                    if text.startswith(stem, start):
                        verbs.append((start, start + anchor, end + 1))
                else:
                    starts[kind].append(start)
                    ends[kind].append(end)
        self.starts, self.ends, self.verbs = starts, ends, verbs
        runs = [(m.start(), m.end()) for m in _DIGITS_RE.finditer(text)]
        self.digit_starts = [a for a, _ in runs]
        self.digit_ends = [z for _, z in runs]

    def _has(self, kind: int, a: int, z: int) -> bool:
        starts = self.starts[kind]
        i = bisect_left(starts, a)
        return i < len(starts) and self.ends[kind][i] < z

    def metric(self, a: int, z: int) -> bool:
        """Whether text[a:z] passes lexicon.METRIC_GATE_RE."""
        return self._has(_METRIC, a, z)

    def time_words(self, a: int, z: int) -> bool:
        """Whether text[a:z] passes sentence._TIME_WORDS_GATE_RE."""
        return self._has(_TIME, a, z)

    def digit(self, a: int, z: int) -> bool:
        """Whether text[a:z] holds a digit."""
        i = bisect_right(self.digit_ends, a)
        return i < len(self.digit_starts) and self.digit_starts[i] < z

    def verb_at(self, a: int, z: int) -> int:
        """Where reporting._VERB_GATE_RE.search(text[a:z]) matches (relative to a), or -1."""
        verbs = self.verbs
        i = bisect_left(verbs, (a,))
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
        return best - a if best >= 0 else -1


def prescan(text: str) -> Prescan | None:
    """The gates of an article, or None when lower-casing changes its length."""
    low = text.lower()
    return Prescan(text, low) if len(low) == len(text) else None
