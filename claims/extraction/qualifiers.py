"""Figure phrases -> qualifier, numbers and interval ("at least 90" -> at_least, 90..open).

The interval rules belong to ``claims.discrepancy`` (one definition for extraction and
comparison); this module only recognises the wording and hands the pieces to ``interval_for``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.discrepancy import Interval, interval_for
from claims.extraction.numbers import (
    ANCHOR_RE,
    NUMBER,
    VAGUE,
    normalize_vague,
    parse_number,
    trie_regex,
    words,
)

# Wording -> qualifier. "fewer than"/"under" read as "up to" one below the number.
_QUAL_WORDS: dict[str, str] = {
    "at least": "at_least",
    "at the very least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "nothing less than": "at_least",
    "not fewer than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "well over": "more_than",
    "just over": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "well above": "more_than",
    "above": "more_than",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "closer to": "about",
    "nearer to": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "nears": "nearly",  # "Death toll nears 300"
    "neared": "nearly",
    "nearing": "nearly",
    "approaching": "nearly",
    "up to": "up_to",
    "upto": "up_to",
    "as many as": "up_to",
    "at most": "up_to",
    "no more than": "up_to",
    "not more than": "up_to",
    "fewer than": "below",
    "less than": "below",
    "under": "below",
}
_QUAL_ALT = "(?:" + trie_regex(_QUAL_WORDS) + ")"

# All patterns run on the lower-cased sentence (same offsets); see parse_figures.
# Not a count of people: touches letters, clock colons, decimals, hyphenated units ("five-year",
# "12-year-old"), or is a percentage.
_NUM_R = r"(?![\w%]|:\d|-[a-z]|[.,]\d|\s*(?:%|per\s*cent|percent))"
_NUMFIG_RE = re.compile(rf"(?:(?P<num>{NUMBER})|(?P<vague>{VAGUE})){_NUM_R}")
_RANGE_RE = re.compile(
    rf"(?:\s*[-\u2013\u2014]\s*|\s+(?:to|or)\s+)(?:(?P<qual2>{_QUAL_ALT})\s+)?"
    rf"(?P<num2>{NUMBER}){_NUM_R}"
)
# ("between 20 to 40" is written too)
_AND_RANGE_RE = re.compile(
    rf"\s+(?:and|to)\s+(?:(?P<qual2>{_QUAL_ALT})\s+)?(?P<num2>{NUMBER}){_NUM_R}"
)
_PLUS_RE = re.compile(r"\s*\+|-plus\b|\s+or\s+more\b|\s+or\s+so\b|\s+plus\b")
_NOT_VAGUE_BEFORE_RE = re.compile(r"(?:\bas|\bso|\bhow|\btoo|\bnot)\s+$")
_NOT_BEFORE_DIGIT = frozenset(".:/$\u00a3\u20ac#-")


@dataclass(slots=True)
class FigurePhrase:
    """One figure phrase as written and what it means."""

    start: int
    end: int
    stated: str
    qualifier: str
    low: int
    high: int | None
    vague_word: str | None
    value: int | None
    # "from 14 to 26": the first number is the earlier figure of a revision, not a range.
    revision_pair: bool = False


@lru_cache(maxsize=4096)
def _interval(qualifier: str, value: int | None, value_high: int | None, vague: str | None):
    """(interval, qualifier) for the pieces of a figure; memoised, as the same few numbers and
    qualifiers recur in every article (the result is immutable)."""
    try:
        if qualifier == "below":
            assert value is not None
            return Interval(0, max(0, value - 1)), "up_to"
        return interval_for(qualifier, value, value_high, vague_word=vague), qualifier
    except (ValueError, TypeError, AssertionError):
        return None, qualifier


def parse_figures(sentence: str, low: str | None = None) -> list[FigurePhrase]:
    """Every figure phrase in a sentence, with qualifier and interval; never raises.

    1. Find where numbers can start (``ANCHOR_RE``: digits and number words, a fast scan).
    2. At each anchor that starts a word, read the number and what extends it to the right
       (a range "to 55", "-55", "and 55" after "between"; "or more", "+").
    3. Read the qualifier to its left ("at least", "between", "another").
    """
    low = low if low is not None and len(low) == len(sentence) else sentence.lower()
    if len(low) != len(sentence):
        return []
    out: list[FigurePhrase] = []
    consumed = 0
    for a in ANCHOR_RE.finditer(low):
        p = a.start()
        if p < consumed:
            continue
        prev = low[p - 1] if p else " "
        if prev.isalnum() or prev == "_" or (low[p].isdigit() and prev in _NOT_BEFORE_DIGIT):
            continue
        if p >= 3 and low[p - 3 : p] == "no " and (p == 3 or not low[p - 4].isalnum()):
            continue  # "no one was hurt": a zero (flags.zeros), not one person
        m = _NUMFIG_RE.match(low, p)
        if m is None:
            continue
        if m.group("vague") and _NOT_VAGUE_BEFORE_RE.search(low, max(0, p - 5), p):
            continue  # "as many as 30", "how many", "so many"
        try:
            found, end = _parse(sentence, low, m)
        except (ValueError, TypeError, OverflowError):
            continue
        consumed = end
        out.extend(found)
    return out


# The words that may stand right before a number, by kind; up to four words long.
_LEFT_WORDS: dict[str, str] = {
    **dict.fromkeys(_QUAL_WORDS, "qual"),
    "between": "between",
    "from": "from",
    "another": "add",
    "a further": "add",
    "an additional": "add",
    "a total of": "add",
}
_SPACE = frozenset(" \n\t")
_LEFT_LAST = frozenset(w.split()[-1] for w in _LEFT_WORDS)


_RISE_VERBS = frozenset(
    words("climbed climbs rose rises risen gone goes went jumped jumps increased shot moved crept")
)


def _left_words(low: str, p: int) -> tuple[int, str, str]:
    """(start, kind, words) of a qualifier ending right before offset ``p``, else (p, "", "").

    Reads the last words before the number and looks them up (longest first): cheaper than a
    regex anchored at the end, which would be tried at every one of the preceding characters.
    """
    if not p or low[p - 1] not in _SPACE:
        return p, "", ""
    pre = low[max(0, p - 40) : p]
    toks = pre.split()
    if not toks or toks[-1] not in _LEFT_LAST:
        return p, "", ""  # every phrase ends with one of these words
    for n in (4, 3, 2, 1):
        if len(toks) < n:
            continue
        phrase = " ".join(toks[-n:])
        kind = _LEFT_WORDS.get(phrase)
        if kind is None:
            continue
        if phrase == "up to" and len(toks) > 2 and toks[-3] in _RISE_VERBS:
            return p, "", ""  # "the toll climbed up to 30": the verb's particle, not a bound
        pos = len(pre)
        for _ in range(n):
            pos = len(pre[:pos].rstrip())
            pos = max(pre.rfind(" ", 0, pos), pre.rfind("\n", 0, pos), pre.rfind("\t", 0, pos)) + 1
        start = p - len(pre) + pos
        if start > 0 and low[start - 1].isalnum():
            continue
        return start, kind, phrase
    return p, "", ""


def _parse(s: str, low: str, m: re.Match[str]) -> tuple[list[FigurePhrase], int]:
    start, kind, word = _left_words(low, m.start())
    g = {kind: word} if kind else {}
    qualifier = _QUAL_WORDS.get(word, "exact") if kind == "qual" else "exact"
    end = m.end()
    if g.get("from"):
        start = m.start()  # "up from 14": "from" is not part of the figure
    if m.group("vague"):
        word = normalize_vague(m.group("vague"))
        iv, q = _interval("vague", None, None, word)
        if iv is None:
            return [], end
        return [FigurePhrase(start, end, s[start:end], q, iv.low, iv.high, word, None)], end
    value = parse_number(m.group("num"))
    if value is None:
        return [], end
    r = (_AND_RANGE_RE if g.get("between") else _RANGE_RE).match(low, end)
    if r is not None:
        value2 = parse_number(r.group("num2"))
        end = r.end()
        if value2 is None:
            return [], end
        q2 = _QUAL_WORDS.get(" ".join((r.group("qual2") or "").split()), "exact")
        if g.get("from"):
            # "from 14 to 26": two figures, the first one the earlier.
            first = FigurePhrase(
                m.start(),
                m.end(),
                s[m.start() : m.end()],
                "exact",
                value,
                value,
                None,
                value,
                revision_pair=True,
            )
            iv2, q2 = _interval(q2, value2, None, None)
            if iv2 is None:
                return [first], end
            n2 = r.start("num2") if not r.group("qual2") else r.start("qual2")
            return [
                first,
                FigurePhrase(n2, end, s[n2:end], q2, iv2.low, iv2.high, None, value2),
            ], end
        if q2 in ("more_than", "at_least"):
            # "between 40 and more than 55": the upper end is open.
            return [
                FigurePhrase(start, end, s[start:end], "between", value, None, None, value)
            ], end
        if value2 < value or (r.group().strip().startswith("or") and value2 > value * 10):
            return [], end
        iv, q = _interval("between", value, value2, None)
        if iv is None:
            return [], end
        return [FigurePhrase(start, end, s[start:end], q, iv.low, iv.high, None, value)], end
    if plus := _PLUS_RE.match(low, end):
        if qualifier == "exact":
            qualifier = "about" if "so" in plus.group() else "at_least"
        end = plus.end()
    iv, q = _interval(qualifier, value, None, None)
    if iv is None:
        return [], end
    return [FigurePhrase(start, end, s[start:end], q, iv.low, iv.high, None, value)], end
