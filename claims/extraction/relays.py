"""Speakers that stand for someone else, read by attribution.py: a broadcaster relaying what an
actor did ("State television reported that the air force had killed 25": the air force's
claim), and a relative pronoun standing for the phrase before it ("the regional police command,
which said six strikers had died": the command).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extraction import lexicon as lx
from claims.extraction.numbers import words
from claims.extraction.subjects import _subject, _valid_np

AGENT_RE = re.compile(
    r"(?P<np>(?:the|its|their)\s+[\w'-]+(?:\s+[\w'-]+){0,3}?|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,4})"
    r"\s+(?:had\s+|has\s+|have\s+)?(?:killed|arrested|detained|captured|executed|shot\s+dead|"
    r"wounded|abducted)\s"
)
_MEDIA_HEADS = frozenset(
    words(
        """television tv radio media newspaper channel broadcaster outlet agency daily agencies
        outlets channels newspapers broadcasters"""
    )
)


_ADVERBS = frozenset(words("later also earlier separately then first since"))


@lru_cache(maxsize=20_000)  # pure, and asked of the same names again and again
def _is_media(np: str, verb: str) -> bool:
    """A broadcaster or news outlet (or an acronym that reports: "NRT reported")."""
    if lx.OUTLET_RE.match(np.strip()):
        return True
    ws = [w for w in np.split() if w.lower() not in _ADVERBS and not w.endswith("ly")]
    if not ws:
        return False
    return ws[-1].lower() in _MEDIA_HEADS or (verb.startswith("rep") and _is_acronym(ws[-1]))


_WHICH_END_RE = re.compile(r",\s+(?:which|who)\s*$")


def _antecedent(pre: str) -> tuple[str, int, str, bool] | None:
    """The speaker a relative pronoun stands for (", which said" -> the phrase before it)."""
    m = _WHICH_END_RE.search(pre, max(0, len(pre) - 12))
    if m is None:
        return None
    sub = _subject(pre[: m.start()])
    if sub is None or sub[3]:
        return None
    np, start = sub[0], sub[1]
    if (last := _last_np_start(np)) > 0:
        np, start = np[last:], start + last  # "The findings contradict the army, which said"
    if _valid_np(np) is None:
        return None
    return np, start, sub[2], False


# A determiner opening the last noun phrase of a clause, unless it opens an "of"/"for" phrase
# that belongs to a name ("Ministry of the Interior").
_LAST_NP_RE = re.compile(r"(?<!\bof)(?<!\bfor)(?<!\band)\s(?=(?:the|a|an)\s)")


def _last_np_start(np: str) -> int:
    found = -1
    for m in _LAST_NP_RE.finditer(np):
        found = m.end()
    return found


def _is_acronym(np: str) -> bool:
    return 2 <= len(np) <= 8 and np.isupper() and " " not in np
