"""Text as it arrives -> clean text with a map back to the original, split into sentences.

Cleanup (documented, because spans point into the ORIGINAL text):
- HTML tags are removed (block tags become a line break, so paragraphs survive), script/style
  bodies and comments are dropped, entities are decoded (``&amp;`` -> ``&``).
- Curly quotes become straight quotes, non-breaking and thin spaces become spaces, tabs become
  spaces; these are one-for-one so offsets do not move.
- Zero-width characters and soft hyphens are removed; CRLF/CR become LF; a word hyphenated
  across a line break ("in-" at a line's end, "jured" opening the next, as in text copied
  from a PDF) is joined; an encyclopedia's reference marks stuck to a word ("killing 69[7]",
  "hurt.[12]") are dropped.
So ``original[span[0]:span[1]]`` is the evidence sentence with the markup it had, and equals the
evidence exactly whenever the input had none of the above.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from claims.extraction.numbers import words

# One-for-one replacements keep offsets identical (the common, fast path).
_ONE_FOR_ONE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
}
# Replaced with re.sub over a character class: the engine scans in C and calls back only for
# the few characters to replace (str.translate with a dict costs a lookup per character).
_ONE_FOR_ONE_RE = re.compile("[" + "".join(_ONE_FOR_ONE) + "]")


def _translate(text: str) -> str:
    if text.isascii() and "\t" not in text:
        return text  # (the one ASCII character to replace is the tab: a C test, not a scan)
    return _ONE_FOR_ONE_RE.sub(lambda m: _ONE_FOR_ONE[m.group()], text)


# An encyclopedia's reference mark right after a word or number ("killing 69[7][8]", "hurt.[12]")
_CITATION = r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3})\]"
_PIECE_RE = re.compile(
    r"<(?:script|style)\b[^>]{0,2000}>.*?</(?:script|style)\s*>"
    r"|<!--.*?-->"
    r"|<[A-Za-z/!][^<>]{0,2000}>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad]"
    r"|\r\n?"
    r"|-[ \t]*\n(?=(?-i:[a-z]))"
    r"|" + _CITATION,
    re.DOTALL | re.IGNORECASE,
)
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer"
    r"|figure|figcaption|hr|pre|dd|dt|title)\b",
    re.IGNORECASE,
)
# Three scans, not one alternation: each starts with a class or a literal the engine finds in C
# (an alternation of them is tried at every character, which cost 3 % of the whole extraction).
_NEEDS_PIECES_RE = re.compile(r"[<&\r\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HYPHEN_BREAK_RE = re.compile(r"-[ \t]*\n")
_CITATION_RE = re.compile(_CITATION, re.IGNORECASE)


def _needs_pieces(text: str) -> bool:
    return bool(
        "<" in text
        or "&" in text
        or "\r" in text
        # (the other characters are not ASCII: an ASCII text needs no scan for them)
        or (not text.isascii() and _NEEDS_PIECES_RE.search(text))
        or _HYPHEN_BREAK_RE.search(text)
        or ("[" in text and _CITATION_RE.search(text))
    )


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Clean text plus anchors mapping clean offsets back to original offsets."""

    text: str
    # Parallel lists: segment i starts at clean offset clean_at[i] and original offset orig_at[i];
    # replaced[i] is the original length when segment i replaced something (else -1).
    clean_at: tuple[int, ...] = ()
    orig_at: tuple[int, ...] = ()
    replaced: tuple[int, ...] = ()

    def to_original(self, pos: int) -> int:
        if not self.clean_at:
            return pos
        i = bisect_right(self.clean_at, pos) - 1
        if i < 0:
            return pos
        offset = pos - self.clean_at[i]
        if self.replaced[i] >= 0:
            # Inside a replaced piece: snap to its start (offset 0) or its end.
            return self.orig_at[i] + (self.replaced[i] if offset else 0)
        return self.orig_at[i] + offset


def clean(text: str) -> Cleaned:
    """Normalise ``text`` (see module docstring) keeping a map back to original offsets."""
    if not _needs_pieces(text):
        return Cleaned(_translate(text))
    parts: list[str] = []
    clean_at: list[int] = []
    orig_at: list[int] = []
    replaced: list[int] = []
    pos = 0
    out_len = 0
    for m in _PIECE_RE.finditer(text):
        if m.start() > pos:
            chunk = text[pos : m.start()]
            clean_at.append(out_len)
            orig_at.append(pos)
            replaced.append(-1)
            parts.append(chunk)
            out_len += len(chunk)
        piece = m.group()
        if piece[0] == "<":
            rep = "\n" if _BLOCK_TAG_RE.match(piece) else ""
        elif piece[0] == "&":
            rep = html.unescape(piece)
            if rep == piece:
                rep = piece  # unknown entity: keep as written
        elif piece[0] == "\r":
            rep = "\n"
        elif piece[0] == "[":
            # a reference mark is dropped where it sticks to the word before it
            rep = "" if m.start() and not text[m.start() - 1].isspace() else piece
        elif piece[0] == "-":
            # "in-\njured": one word broken across two lines, unless no letter precedes
            rep = "" if m.start() and text[m.start() - 1].islower() else piece
        else:
            rep = ""
        clean_at.append(out_len)
        orig_at.append(m.start())
        replaced.append(len(piece))
        parts.append(rep)
        out_len += len(rep)
        pos = m.end()
    if pos < len(text):
        clean_at.append(out_len)
        orig_at.append(pos)
        replaced.append(-1)
        parts.append(text[pos:])
    cleaned = _translate("".join(parts))
    return Cleaned(cleaned, tuple(clean_at), tuple(orig_at), tuple(replaced))


@dataclass(slots=True)
class Sentence:
    """One sentence of the clean text: offsets into it, its paragraph, and whether it is a heading
    (a short line without closing punctuation before the body starts: headline, standfirst)."""

    start: int
    end: int
    text: str
    paragraph: int
    heading: bool


_PARA_RE = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*\S)")
# A candidate boundary: terminal punctuation, optional closers, whitespace, then a likely start.
_BOUNDARY_RE = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREV = words(
    """mr mrs ms dr prof gen maj col lt capt sgt cpl adm brig cmdr gov sen rep rev st jr sr no nos
    vs jan feb aug sept sep oct nov dec mt ft pte pvt insp supt det cdr lieut fig approx est u.s
    u.k u.n e.g i.e inc ltd co corp dept"""
)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)[.!?]+[\"')\]]*\s*$")
_AM_PM_NEXT_OK = re.compile(
    r"[A-Z]{2,5}\b|\(|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|local|[a-z]"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time\b"
)
_TERMINAL_RE = re.compile(r"[.!?][\"')\]]*\s*$|[\"']\s*$")
_WORDS_RE = re.compile(r"\S+")
_BULLETS = frozenset("-*\u2022\u25aa\u25cf\u2013\u2014")
_BULLET_RE = re.compile(r"[-*\u2022\u25aa\u25cf\u2013\u2014]\s+(?=\S)")


_LETTERS_DOT_STR = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."


def _word_before(before: str) -> str | None:
    """The word ending at the stop that ends ``before`` (lower case, without dots), as
    ``_WORD_BEFORE_RE.search(before).group(1).lower().rstrip(".")`` reads it; a scan from the
    right instead of a search tried at every character."""
    t = before.rstrip().rstrip("\"')]")
    head = t.rstrip(".!?")
    if len(head) == len(t):
        return None  # no stop
    # The run of letters and dots ending at the stop (str methods: no Python loop per letter).
    word = head[len(head.rstrip(_LETTERS_DOT_STR)) :].lstrip(".")
    if not word:
        return None  # no letter before the stop
    return word.lower().rstrip(".")


def _is_abbreviation(before: str, after: str) -> bool:
    word = _word_before(before)
    if word is None:
        return False
    if word in ("a.m", "p.m"):
        # "11 a.m. EDT" continues; "at 11 a.m. The ministry ..." ends the sentence.
        return bool(_AM_PM_NEXT_OK.match(after))
    if word in _ABBREV:
        return True
    # Initials and dotted acronyms ("J.", "U.S.", "U.N.") rarely end a sentence in news copy.
    return len(word) == 1 or ("." in word and len(word) <= 6)


_QUOTE_RE = re.compile('"')


def _quote_ranges(para: str) -> list[tuple[int, int]]:
    """Spans inside balanced double quotes; no split happens inside them so a quote and its
    speaker ("... killed," he said.) stay one evidence sentence."""
    idx = [m.start() for m in _QUOTE_RE.finditer(para)] if '"' in para else []
    if len(idx) < 2:
        return []
    return [(idx[i], idx[i + 1]) for i in range(0, len(idx) - 1, 2)]


# No real sentence is this long; text without punctuation (tables, feeds, garbage) is cut at a
# space so that every per-sentence step stays cheap whatever arrives.
MAX_SENTENCE = 1200


def _bound(para: str, cuts: list[int]) -> list[int]:
    if len(para) <= MAX_SENTENCE:
        return cuts  # no piece can be too long
    out = [cuts[0]]
    for z in cuts[1:]:
        while z - out[-1] > MAX_SENTENCE:
            a = out[-1]
            k = para.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            out.append(k + 1 if k > a else a + MAX_SENTENCE)
        out.append(z)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``.

    1. Split into lines/paragraphs on line breaks; a line that continues lower-case after a line
       without closing punctuation is glued back (hard-wrapped copy).
    2. Split each paragraph at terminal punctuation unless it closes an abbreviation or sits
       inside a quotation.
    3. Mark headings: short lines without closing punctuation before the first body sentence.
    """
    paras: list[tuple[int, int]] = []
    start = 0
    for m in _PARA_RE.finditer(text):
        end = m.start()
        if (
            text[m.end() : m.end() + 1].islower()
            and "\n\n" not in m.group().replace(" ", "").replace("\t", "")
            and (seg := text[start:end]).strip()
            and not _TERMINAL_RE.search(seg)
        ):
            continue  # hard wrap: keep the paragraph going
        paras.append((start, end))
        start = m.end()
    paras.append((start, len(text)))

    out: list[Sentence] = []
    body_started = False
    for p_index, (p_start, p_end) in enumerate(paras):
        para = text[p_start:p_end]
        if not para.strip():
            continue
        quotes = _quote_ranges(para)
        cuts = [0]
        for b in _BOUNDARY_RE.finditer(para):
            pos = b.start()
            if quotes and any(a < pos < z for a, z in quotes):
                continue
            # Only the word before the stop matters: a bounded slice keeps this linear.
            if _is_abbreviation(
                para[max(0, b.start() - 30) : b.end()], para[b.end() : b.end() + 40]
            ):
                continue
            cuts.append(b.end())
        cuts.append(len(para))
        cuts = _bound(para, cuts)
        for a, z in zip(cuts, cuts[1:], strict=False):
            raw = para[a:z]
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            bullet = False
            if body[:1] in _BULLETS and (bm := _BULLET_RE.match(body)):
                # A list item ("- At least 16 people were killed ...", "• ...") is body
                # text, never a heading, and its marker is no part of the sentence.
                lead += bm.end()
                body = body[bm.end() :]
                bullet = True
            if not body:
                continue
            s_start = p_start + a + lead
            heading = False
            if bullet:
                body_started = True
            elif not body_started:
                n_words = len(_WORDS_RE.findall(body))
                if not _TERMINAL_RE.search(body) and n_words <= 40 and len(cuts) == 2:
                    heading = True
                else:
                    body_started = True
            out.append(Sentence(s_start, s_start + len(body), body, p_index, heading))
    if body_started and len(out) > 2:
        _mark_inner_headlines(out, text)
    return out


_CLOSING_CHARS = frozenset(".!?\"')]'")
# Not a headline: a label ("Ardu: 92 killed"), a time stamp, a table row, a bullet list.
_NOT_HEADLINE_RE = re.compile(r"[:;|\t\u2022]|^[\d(]")


def _mark_inner_headlines(out: list[Sentence], text: str) -> None:
    """A digest's later headlines: a line of 4 to 16 words without closing punctuation, alone in
    its paragraph, between paragraphs of body text ("Floods leave 30 dead in Pelan" between
    two stories) is a heading too, with no speaker of the story before it."""
    for i in range(1, len(out) - 1):
        s = out[i]
        if s.text[-1:] in _CLOSING_CHARS:
            continue  # most sentences: the one test they meet
        prev, nxt = out[i - 1], out[i + 1]
        if (
            not s.heading
            and prev.paragraph != s.paragraph != nxt.paragraph
            and s.text[:1].isupper()
            and not _TERMINAL_RE.search(s.text)
            and _TERMINAL_RE.search(prev.text)
            and _TERMINAL_RE.search(nxt.text)
            and 4 <= len(_WORDS_RE.findall(s.text)) <= 16
            and not _NOT_HEADLINE_RE.search(s.text)
            and not text[text.rfind("\n", 0, s.start) + 1 : s.start].strip()  # no bullet
        ):
            s.heading = True
