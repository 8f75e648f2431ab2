"""Numbers as reports write them: digits with separators, number words, compounds, vague amounts.

Everything here is regex source plus one parser, so the figure patterns in ``figures.py`` can embed
``NUMBER`` and stay a single compiled pattern (no per-token Python loop over the article).
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as plain text (easier to review and extend than a list literal)."""
    return frozenset(text.split())


def trie_regex(words, *, word_start: bool = False, keep_case: bool = False) -> str:
    """A regex alternation of phrases as a prefix tree ("killed|killing" -> "kill(?:ed|ing)").

    Why: Python's regex engine tries alternatives one by one at every position; factoring the
    common prefixes makes each attempt fail after a character or two, which is most of the
    extractor's speed. Spaces inside phrases match any run of whitespace. Longer phrases win
    over their prefixes because each node lists longer continuations before ending.
    """
    trie: dict = {}
    for w in {str(w) if keep_case else str(w).lower() for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_source(trie, word_start)


def _trie_source(node: dict, word_start: bool = False) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = r"\s+" if ch == " " else re.escape(ch)
        if word_start:
            # After the first character: "the character before it is not a letter or digit".
            # Placed here (not before it) so the pattern still starts with plain characters,
            # which the engine scans for in C.
            atom += r"(?<![^\W_].)"
        branches.append(atom + _trie_source(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


# Letters from rarest to commonest in English text (the scan anchors below start at rare ones).
_RARITY = "zqxjkvbpygfwmucldrhsnioate"


def gate_stems(phrases) -> dict[str, int]:
    """The stems an ``anchored_gate`` of ``phrases`` scans for, each with the index of its
    anchor letter (the rarest one; the gate's match starts there). A text passes the gate
    exactly when one of these stems occurs in it."""

    def minimal(items: set[str]) -> set[str]:
        return {w for w in items if not any(o != w and o in w for o in items)}

    whole = minimal({" ".join(str(p).lower().split()) for p in phrases if str(p).strip()})
    # The last of the longest words stands for a phrase ("lost their lives" -> "lives").
    stems = minimal({max(reversed(p.split()), key=len) for p in whole})
    return {w: min(range(len(w)), key=lambda j: _RARITY.find(w[j]) % 100) for w in sorted(stems)}


def anchored_gate(phrases) -> re.Pattern[str]:
    """A scan that finds whether any of ``phrases`` occurs in a lower-case text (substring
    existence only: the match position is not the phrase's).

    Why: a prefix tree starting with common letters is tried at nearly every character; here
    each phrase is matched from its rarest letter and the letters before it are checked with a
    look-behind, so the engine skips (in C) every character that is none of the few anchors.
    A phrase containing another one is dropped, a phrase with spaces is represented by its
    (last) longest word, so the scan may pass a little more text than the phrases themselves: use
    it as a gate in front of the exact patterns, never as their replacement. ``gate_stems``
    gives the stems and anchors (prescan.py finds them in a whole article at once).
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    for w, i in gate_stems(phrases).items():
        groups.setdefault(w[i], []).append((w[i + 1 :], w))
    alts = []
    for c in sorted(groups):
        tails = sorted(groups[c], key=lambda t: -len(t[0]))
        body = "|".join(f"{re.escape(tail)}(?<={re.escape(w)})" for tail, w in tails)
        alts.append(f"{re.escape(c)}(?:{body})")
    return re.compile("|".join(alts))


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000}

# Prefix trees, so "nineteen" is tried before "nine" ends the match and attempts fail fast.
_UNIT_RE = trie_regex(_UNITS)
_TEN_RE = trie_regex(_TENS)
_DIGIT_UNIT_RE = trie_regex(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
)
_W99 = rf"(?:(?:{_TEN_RE})(?:[-\s](?:{_DIGIT_UNIT_RE})\b)?|(?:{_UNIT_RE}))"
# Each level is tried once per position (no alternative re-reads the same words): "a" starts
# "a hundred", "a thousand", "a dozen"; a W99 may be followed by hundred/dozen.
_W999 = (
    rf"(?:a\s+(?:hundred|dozen)|half\s+a\s+dozen|{_W99}(?:\s+(?:hundred(?:\s+(?:and\s+)?{_W99}\b)?"
    r"|dozen))?)"
)
WORD_NUMBER = (
    r"(?:(?:a\s+)?half\s+(?:a\s+)?million|a\s+million|a\s+thousand|"
    rf"{_W999}(?:\s+thousand(?:\s+(?:and\s+)?{_W999}\b)?)?)"
)
# 1,240 / 1 240 (thin or plain space as thousands separator only in groups of three) / 12 / 1.5
# A plain space is read as a separator only where no date can end before it ("on May 12 300
# protesters": twelve, then 300).
_NOT_AFTER_MONTH = "".join(
    f"(?<!{m} )"
    for m in re.findall(
        r"\w+",
        "January February March April May June July August September October November December"
        " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
    )
)
DIGIT_NUMBER = (
    rf"(?:{_NOT_AFTER_MONTH}(?<![\d,.])[1-9]\d{{0,2}}(?:[ \u00a0]\d{{3}})+(?![\d,]|\.\d)"
    r"|[0-9](?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:[\u202f\u2009]\d{3})+|\d*(?:\.\d+)?))"
)
SCALE = r"(?:\s+(?:million|thousand|hundred)\b)?"
# "1.2m" / "2.5mn": millions in headline style, only with a decimal point ("10m" is as often
# ten metres or minutes); figures.py also wants people named after it ("1.2m people").
SHORT_MILLIONS = r"(?:[0-9]{1,3}\.[0-9]{1,2}(?:mn|m)\b)"
# A number: digits or words, then an optional scale ("1.5 million", "two thousand").
NUMBER = rf"(?:{SHORT_MILLIONS}|{DIGIT_NUMBER}{SCALE}|\b{WORD_NUMBER}\b{SCALE})"

# Vague amounts, longest first; the key is the word as discrepancy.VAGUE_INTERVALS knows it.
VAGUE = (
    "(?:"
    + trie_regex(
        [
            "tens of thousands",
            "hundreds of thousands",
            "several dozen",
            "several hundred",
            "several thousand",
            "dozens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "a handful",
            "a few",
            "numerous",
            "several",
            "many",
        ]
    )
    + ")"
)

# Where a number can start: a digit, or a number/vague word (a flat prefix tree, so the regex
# engine scans for its first letters in C instead of trying every position).
NUMBER_WORDS = (
    *_UNITS,
    *_TENS,
    "dozen",
    "hundred",
    "thousand",
    "million",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "tens",
    "several",
    "many",
    "few",
    "handful",
    "numerous",
)
ANCHOR_RE = re.compile(
    trie_regex(
        [
            *_UNITS,
            *_TENS,
            *list("0123456789"),
            "a dozen",
            "a hundred",
            "a thousand",
            "a million",
            "a few",
            "a handful",
            "half a dozen",
            "half a million",
            "a half million",
            "dozens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "tens of",
            "several",
            "many",
            "numerous",
        ],
        word_start=True,
    )
)
_TOKEN_RE = re.compile(r"[a-z]+|\d+(?:\.\d+)?")


_SPACED_GROUPS_RE = re.compile(r"(\d)[ \u00a0](?=\d{3}\b)")


def parse_number(text: str) -> int | None:
    """The integer a matched NUMBER stands for, or None when it is not a whole count.

    1. Strip separators and read digits directly ("1,240" -> 1240, "1.5 million" -> 1500000).
    2. Otherwise add up word tokens, multiplying by hundred/thousand/million as they come
       ("one hundred and twenty" -> 120, "Sixty-four" -> 64, "two dozen" -> 24).
    """
    if text.isdigit():
        return int(text)  # the common case: plain digits
    s = (
        text.lower()
        .replace(",", "")
        .replace("half a dozen", "six")
        .replace("a half million", "0.5 million")
        .replace("half a million", "0.5 million")
        .replace("\u202f", "")
        .replace("\u2009", "")
    )
    if s[:1].isdigit() and (" " in s or "\u00a0" in s):
        s = _SPACED_GROUPS_RE.sub(r"\1", s)  # "4 000" (a date was excluded by the pattern)
    s = s.replace("-", " ")
    total = 0
    current = 0
    seen = False
    for tok in _TOKEN_RE.findall(s):
        if tok[0].isdigit():
            value = float(tok)
            current += value
            seen = True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "a":
            current += 1
        elif tok == "half":
            current += 0.5
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in ("thousand", "million", "m", "mn"):
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen = True
        # "and" and anything else is glue
    if not seen:
        return None
    value = total + current
    if value != int(value) or value < 0:
        return None
    return int(value)


def normalize_vague(word: str) -> str:
    """The vague word in the form discrepancy's table uses ("Dozens" -> "dozens")."""
    return " ".join(word.lower().split())
