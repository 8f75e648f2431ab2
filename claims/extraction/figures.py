"""Figure phrases in a sentence -> casualty figures: metric, victims, flags.

A number is a casualty figure only when its context says so; everything else (aircraft, years,
minutes, money, people sheltering) is dropped. The steps, per sentence:

1. Find figure phrases (``qualifiers.parse_figures``), skipping masked spans (clock times).
2-3. Read each in its context (``context.analyse``): victims and metric from the words after it
   or before it; numbers that count things, ages, money or mixed harm ("30 casualties") drop.
4. Figures without their own metric borrow it from a coordinated neighbour: "60 soldiers and 95
   civilians among the 155 dead", "killing 19 patients and 11 staff", "210 died: 120 fighters...".
5. Flags from nearby words: hedged, earlier (revised_from_earlier), revised, cumulative.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.context import PREDICATE_VICTIMS_RE, RawFigure, analyse
from claims.extraction.enumerations import find_enumerations, find_included, find_singled_out
from claims.extraction.flags import cumulative, hedged, revision, zeros
from claims.extraction.numbers import NUMBER, parse_number
from claims.extraction.qualifiers import parse_figures
from claims.extraction.singles import SINGLE_HEADS, find_singles, has_perpetrator

_COORD_RE = re.compile(
    r"^\s*(?:,|,?\s*and|,?\s*or|[^.;:]{0,80}:|[^.;:]{0,80}?,?\s*(?:including|among\s+them|"
    r"of\s+whom)|;?\s*,?\s*including|,?\s*of\s+wh(?:om|ich)|,?\s*among\s+them|\(|"
    r"[\u2014\u2013-]|,?\s*plus|,\s*while|,\s*with)\s*$",
    re.I,
)
_COORD_NEXT_RE = re.compile(
    r"^\s*(?:,|,?\s*and|,?\s*or|(?:(?:were|was|are|is)\s+)?(?:also\s+)?among(?:\s+the|\s+them)?|of|including)\s*$",
    re.I,
)

_SUBSET_GAP_RE = re.compile(
    r"\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them)\s*$", re.I
)
_PHRASE_COMMA_RE = re.compile(r"[^.;:,]{0,60},\s*$")
_UP_FROM_GAP_RE = re.compile(r"[^.;:]{0,80}?,\s*(?:up|down)\s+from(?:\s+(?:the|a|an))?\s*$")
_AND_GAP_RE = re.compile(r"\s*,?\s*and\s*$")
_ELLIPSIS_GAP_RE = re.compile(r"[^.;:]{0,60}?(?:,\s*|\s+)and\s*$")
_PP_AFTER_RE = re.compile(r"\s+(?:on|in|at|from|during|near|inside|across)\s+(?:the\s+)?[\w.]")
_LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s*and)\s*$")


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < z and s < b for s, z in spans)


def find_figures(
    sentence: str,
    masked: list[tuple[int, int]] | None = None,
    *,
    numbers: bool = True,
    gated: bool = False,
    asked: str = "",
    subset: str = "",
) -> list[RawFigure]:
    """Casualty figures in one sentence (see module docstring). Never raises.

    ``numbers=False`` reads only figures written without a number ("a soldier was killed"),
    for sentences the caller knows hold no digit or number word. ``gated=True``: the caller
    already found a metric word (``lexicon.metric_gate``), so the scan is not repeated."""
    masked = masked or []
    # Quotes around a figure ('"at least 25" workers') must not hide the words after it; a
    # same-length replacement keeps every offset.
    sentence = sentence.replace('"', " ")
    if "(" in sentence and (sentence := _SPELLED_TWICE_RE.sub(_once, sentence)):
        pass  # "fifteen (15) people": the number in brackets repeats the word (same length)
    low = sentence.lower()
    if not gated and not lx.metric_gate(low):
        return []  # no metric word at all: nothing here can be a casualty figure
    cands: list[RawFigure] = []
    for ph in parse_figures(sentence, low) if numbers else ():
        if _overlaps(ph.start, ph.end, masked):
            continue
        f = analyse(sentence, ph)
        if f is not None:
            cands.append(f)
    _inherit(sentence, cands)
    if ("Of th" in sentence or "Among th" in sentence) and cands:
        # "Of the victims, 12 were children": each count up to the next stop is a subset of
        # the group a sentence (or a sentence inside a quote) opens on.
        for om in _OF_GROUP_RE.finditer(sentence):
            of_metric = _OF_GROUP_METRICS[om.group("noun").lower()]
            stop = sentence.find(". ", om.end())
            for f in cands:
                if not f.metric and om.end() <= f.start and (stop < 0 or f.start < stop):
                    f.metric = of_metric
    if subset:
        for f in cands:
            if not f.metric and not f.vague_word and not f.own_clause:
                f.metric = subset
    if asked:
        for f in cands:
            if not f.metric and not f.victims and not f.vague_word:
                f.metric = asked  # "How many were wounded? At least 60, ..."
    figures = [f for f in cands if f.metric]
    if (
        " a " in low
        or " an " in low
        or low.startswith(("a ", "an "))
        or " among " in low
        or "another " in low
        or has_perpetrator(low)
    ):
        for found in find_singles(sentence):
            if not _overlaps(found[0], found[1], masked):
                figures.append(_counted(*found))
        figures.sort(key=lambda f: f.start)
    if " and " in low and (
        " a " in low
        or " an " in low
        or " one " in low
        or low[:2] == "a "
        or " and their " in low
        or " and his " in low
        or " and her " in low
    ):
        for found in find_enumerations(sentence):
            start, end = found[0], found[1]
            if _overlaps(start, end, masked):
                continue
            # The list replaces the counts and single persons read inside it.
            figures = [f for f in figures if not (f.start < end and start < f.end)]
            figures.append(_counted(*found))
        figures.sort(key=lambda f: f.start)
    if figures and " and " in low and ("among" in low or "including" in low):
        for start, end, stated, victims, count in find_included(sentence):
            before = [f for f in figures if f.end <= start and f.metric]
            if before and not _overlaps(start, end, masked):
                # The list replaces the counts read inside it.
                figures = [f for f in figures if not (f.start < end and start < f.end)]
                figures.append(
                    RawFigure(
                        start, end, stated, "exact", count, count, None, before[-1].metric,
                        victims=victims, extent=end, own_metric=True,
                    )
                )  # fmt: skip
        figures.sort(key=lambda f: f.start)
    if figures and ("among" in low or "including" in low):
        for start, end, stated in find_singled_out(sentence):
            before = [f for f in figures if f.end <= start and f.metric]
            if (
                before
                and not _overlaps(start, end, masked)
                and not any(f.start < end and start < f.end for f in figures)
            ):
                figures.append(
                    RawFigure(
                        start,
                        end,
                        stated,
                        "exact",
                        1,
                        1,
                        None,
                        before[-1].metric,
                        victims=stated.split(None, 1)[1],
                        extent=end,
                        own_metric=True,
                    )
                )
        figures.sort(key=lambda f: f.start)
    if figures and ": " in sentence:
        figures = _colon_breakdown(sentence, figures, masked)
    for i, f in enumerate(figures):
        prev = figures[i - 1] if i else None
        _flags(sentence, f, max(prev.extent, prev.end) if prev else 0, cands)
        if prev is not None and f.coordinated and not (f.revised or f.revised_from_earlier):
            # "initially estimated that 83 were killed and 120 injured": both are earlier.
            f.revised_from_earlier, f.revised = prev.revised_from_earlier, prev.revised
    for start, end, text, metric in zeros(sentence):
        if not _overlaps(start, end, masked):
            figures.append(
                RawFigure(
                    start, end, text, "exact", 0, 0, None, metric, extent=end, own_metric=True
                )
            )
    figures.sort(key=lambda f: f.start)
    return figures


# A number written in words, then again in digits in brackets ("fifteen (15) people").
_SPELLED_TWICE_RE = re.compile(rf"\b(?P<w>{NUMBER})\s*\((?P<d>\d[\d,]*)\)", re.I)


def _once(m: re.Match) -> str:
    if parse_number(m.group("w")) != parse_number(m.group("d")):
        return m.group()
    return m.group("w") + " " * (len(m.group()) - len(m.group("w")))


_FIGURE_AT_RE = re.compile(
    r"\b(?:put|puts|putting|raised|raising|revised|lowered|gave)\s+(?:the|that|this|their|its)\s+"
    r"(?:figure|number|count|estimate)\s+(?:at|to|as)\s+(?:(?:about|around|some|nearly|at\s+least|"
    r"more\s+than)\s+)?$"
)


def _inherit(s: str, cands: list[RawFigure]) -> None:
    """Borrow metrics (and victims for bare numbers) from coordinated neighbours.

    Vague words ("many of them") only borrow across "and"; a count borrows from the right
    only when it names people itself ("60 soldiers and 95 civilians were among the 155 dead").
    """
    for i in range(len(cands) - 2, -1, -1):
        f, nxt = cands[i], cands[i + 1]
        if f.metric or not nxt.metric or not f.victims or f.vague_word:
            continue
        if f.victims.lower().endswith(("casualties", "casualty")):
            continue  # "41 casualties including 11 dead": the dead and the injured together
        if (head := _subset_head(s, cands, i)) is not None and head.metric:
            continue  # "9 people were killed, among them two police officers, and 27 ..."
        if _COORD_NEXT_RE.match(s[f.extent : nxt.start]):
            f.metric = nxt.metric
    for i in range(1, len(cands)):
        f, prev = cands[i], cands[i - 1]
        if not prev.metric:
            continue
        gap = s[prev.extent : f.start]
        if not f.metric and _FIGURE_AT_RE.search(s, max(0, f.start - 40), f.start):
            # "10 people had died, but officials later put the figure at 14": the same count
            f.metric, f.own_metric = prev.metric, True
            continue
        if (
            not f.metric
            and not f.victims
            and not f.vague_word
            and _ELLIPSIS_GAP_RE.match(gap)
            and _PP_AFTER_RE.match(s, f.end)
        ):
            # "11 were killed on Sunday and 23 on Tuesday", "40 pupils from the upper
            # school and 25 from the lower school": the second count of the same kind
            f.metric, f.victims, f.coordinated = prev.metric, prev.victims, True
            continue
        if (
            not f.metric
            and f.victims
            and not f.vague_word
            and not f.own_clause
            # ("killed 179 people in Oss and 44 others in Kesh": "others" goes on the count)
            and (", and" in gap or f.victims.lower() in ("others", "more"))
            and _ELLIPSIS_GAP_RE.match(gap)
            and (
                _PP_AFTER_RE.match(s, f.extent)
                or s.startswith((", including", " including"), f.extent)
            )
        ):
            # "killed 31 people, including 9 women, in Oss, and 12 people in Tevi": the
            # verb is not repeated for the next place's count
            f.metric, f.coordinated = prev.metric, True
            continue
        if (
            not _COORD_RE.match(gap)
            and not (
                # "38 were wounded by live rounds, eight of them seriously": a subset
                (s.startswith(" of them", f.end) or s.startswith(" of whom", f.end))
                and _PHRASE_COMMA_RE.match(gap)
            )
            # "14,000 fled, up from the 9,500 recorded in September": the earlier count
            and (" from" not in gap or not _UP_FROM_GAP_RE.match(gap))
        ):
            continue
        if f.vague_word and not _AND_GAP_RE.match(gap):
            continue
        f.coordinated = True
        if f.own_clause and not f.metric:
            continue
        if not f.metric:
            f.metric = prev.metric
            if not f.victims:
                pm = PREDICATE_VICTIMS_RE.match(s, f.end)
                if pm:
                    f.victims = pm.group("np")
        if (
            not f.victims
            and f.metric != prev.metric
            and prev.victims
            and _subset_head(s, cands, i - 1) is None
        ):
            # Ellipsis: "83 soldiers were killed and 120 injured" -> 120 soldiers injured.
            f.victims = prev.victims


def _subset_head(s: str, cands: list[RawFigure], k: int) -> RawFigure | None:
    """The figure a list of subsets opened by "including" (or "among them") hangs from, when
    cands[k] is in such a list: "27 were killed, including five children and two women, and 90
    wounded" (five and two hang from 27; 90 is no subset and does not take their victims)."""
    for j in range(k - 1, -1, -1):
        if _SUBSET_GAP_RE.match(s, cands[j].extent, cands[j + 1].start):
            return cands[j]
        if not _LIST_GAP_RE.match(s, cands[j].extent, cands[j + 1].start):
            return None
    return None


def _flags(s: str, f: RawFigure, prev_end: int, cands: list[RawFigure]) -> None:
    ph = f.phrase
    span = s[prev_end : max(f.extent, f.end)]
    if f.victims and "suspected" in f.victims:
        span = span.replace(f.victims, "")  # "18 suspected accomplices": the people, not the count
    f.hedged = hedged(span)
    if ph is not None and ph.revision_pair:
        f.revised_from_earlier = True
    else:
        # Markers since the previous figure only: "... risen to 44, adding that 130 were hurt"
        # does not make 130 a revision (coordinated figures inherit instead, see above).
        clause_start = max(s.rfind(";", 0, f.start), prev_end)
        f.revised_from_earlier, f.revised = revision(s[clause_start : f.start])
    nxt = [c.start for c in cands if c.start > f.start]
    f.cumulative = cumulative(s, prev_end, max(f.extent, f.end), nxt[0] if nxt else len(s))


_ASKED_RE = re.compile(
    r"\bhow\s+many\b[^?]{0,40}?\b(?P<m>killed|died|dead|wounded|injured|hurt|missing|arrested|"
    r"detained|displaced|abducted|kidnapped)\b",
    re.I,
)


# A sentence that opens on the group its counts divide ("Of the victims, 12 were children").
_OF_GROUP_RE = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?]\" )|(?<=\"))(?:Of|Among)\s+(?:the|those)\s+(?P<noun>victims|dead|"
    r"deceased|killed|fatalities|injured|wounded|missing)\b"
)
_OF_GROUP_METRICS = {"injured": "injured", "wounded": "injured", "missing": "missing"}
_OF_GROUP_METRICS.update(
    dict.fromkeys(("victims", "dead", "deceased", "killed", "fatalities"), "killed")
)


def asked_metric(question: str) -> str:
    """The metric a question asks about ("How many people died?" -> killed), else ""."""
    m = _ASKED_RE.search(question)
    return (lx.metric_of(m.group("m"), lx.METRIC_AFTER) or "") if m else ""


# "Two people were wounded: a guard who ..., and a 61-year-old man who ...": the persons named
# one by one after the colon
_COLON_SINGLE_RE = re.compile(
    rf"(?:(?<=:\s)|(?<=,\s)|(?<=\sand\s)|(?<=;\s))(?:a|an|one)\s+"
    rf"(?P<np>(?:{lx.MODIFIER}\s+){{0,2}}(?:{SINGLE_HEADS}))\b",
    re.I,
)

_COLON_ITEM_RE = re.compile(r"(?:(?<=:\s)|(?<=,\s)|(?<=\sand\s)|(?<=;\s))(?:a|an|one)\s+\w", re.I)


def _colon_breakdown(sentence: str, figures: list[RawFigure], masked) -> list[RawFigure]:
    """A count closing its clause on a colon, then the persons it counts one by one, each
    with the count's metric; only when they are at least two and no more than counted."""
    colon = sentence.find(": ")
    if any(f.start > colon for f in figures):
        return figures  # the breakdown has counts of its own
    head = [f for f in figures if f.metric and f.high == f.low and f.extent <= colon]
    if not head or colon - head[-1].extent > 2 or head[-1].low < 2:
        return figures
    count = head[-1]
    items = list(_COLON_SINGLE_RE.finditer(sentence, colon + 1))
    if (
        not 2 <= len(items) <= count.low
        # every item of the list is a person this reads ("a miller, a teacher": no)
        or len(items) != len(_COLON_ITEM_RE.findall(sentence, colon + 1))
        or any(_overlaps(m.start(), m.end(), masked) for m in items)
    ):
        return figures
    return figures + [
        _counted(m.start(), m.end(), m.group(), count.metric, m.group("np"), m.end(), 1)
        for m in items
    ]


def _counted(start, end, stated, metric, victims, extent, count) -> RawFigure:
    """A figure counted from persons named one by one ("a nurse", "two women and a child")."""
    return RawFigure(
        start, end, stated, "exact", count, count, None, metric,
        victims=victims, extent=extent, own_metric=True,
    )  # fmt: skip
