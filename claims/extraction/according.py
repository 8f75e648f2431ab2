"""Speakers named by "according to X" (and "as per X", "in a statement from X"): the source
of a document or count after it ("according to figures compiled by X" is X's), a person named
after a role ("according to Barra's governor, Selma Auk"), an acronym after a description,
and whether the phrase gives what precedes it (trailing) or what follows. Read by
``attribution.find_attributions``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.extraction.names import _is_name
from claims.extraction.records import Attribution
from claims.extraction.reporting import (
    _ACCORDING_RE,
    _ACRONYM_APPOS_RE,
    _NAME_APPOS_RE,
    _NOT_A_SOURCE,
    _NP_END_RE,
    _ON_DATE_RE,
    _POSSESSIVE_END_RE,
    _ROLE_APPOS_RE,
    _SOURCE_NOUN_RE,
    _TITLE_END_RE,
    _WORK_BY_RE,
)
from claims.extraction.subjects import _valid_np

if TYPE_CHECKING:
    from claims.extraction.entities import Registry

# A digit that is no year's: what a count after "according to X," would start with.
_COUNT_DIGIT_RE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")


def _whole_name(s: str, start: int, np: str) -> str:
    """``np`` as found, or up to the next comma when it stopped at a title ("Lt. Col. Ann Lee")."""
    if _TITLE_END_RE.search(np):
        return _NP_END_RE.split(s[start:], maxsplit=1)[0].rstrip(" .")
    return np


# A digit that is no year's: what a count after "according to X," would start with.
_COUNT_DIGIT_RE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")


def according_to(s: str, registry: Registry) -> list[Attribution]:
    """The speakers a sentence names with "according to" and its kin, in order."""
    out: list[Attribution] = []
    k = s.find("ccording")
    if k < 0:
        k = s.find("s per ")  # "as per figures from the district office"
    if k < 0 and "n a " in s and ("statement" in s or "release" in s):
        # "In a statement from Oss clinic, six of the hurt ..."
        k = s.find("n a statement ")
        k = s.find("n a press ") if k < 0 else k
    for m in _ACCORDING_RE.finditer(s, max(0, k - 4)) if k >= 0 else ():
        raw = m.group("np")
        raw = _whole_name(s, m.start("np"), raw)
        if (" by " in raw or " from " in raw) and (bm := _WORK_BY_RE.match(raw)) is not None:
            raw = bm.group("np")  # "a cautious tally by the Kestrel Monitor"
        if raw.endswith((" there", " here")):
            raw = raw[: raw.rfind(" ")]  # "according to the council there"
        if " on " in raw and (dm := _ON_DATE_RE.search(raw)) is not None:
            raw = raw[: dm.start()]  # "a Kessan report on Feb. 9"
        bare = _SOURCE_NOUN_RE.sub("", raw.strip())  # "United Nations figures"
        # ... but "official figures" or "preliminary data" name no one but themselves
        raw = raw.strip() if bare.strip().lower() in _NOT_A_SOURCE else bare
        if raw != m.group("np").strip():
            raw = _POSSESSIVE_END_RE.sub("", raw)  # "AFP's tally": the outlet's own count
        np = _valid_np(raw)
        appositive = ""
        if np and (am := _NAME_APPOS_RE.match(s, m.end("np"))) and _is_name(am.group("name")):
            # "according to Barra's governor, Selma Auk, 41 ...": the person named.
            np, appositive = am.group("name"), np
        elif np and (cm := _ACRONYM_APPOS_RE.match(s, m.end("np"))):
            np, appositive = cm.group("acr"), np  # "according to the bloc's relief office, TRO."
        elif np and (rm := _ROLE_APPOS_RE.match(s, m.end("np"))) and _is_name(np):
            # "according to Dr Ana Ruiz, media coordinator of the health department, ...": the
            # role says whom she speaks for
            appositive = rm.group("app")
        if np:
            # An outlet named here counted itself; it is skipped only when it relays a speaker.
            ent = registry.resolve(np, appositive)
            # trailing in the sentence's second half, or after a comma with no digit after
            # it ("31 died in raids since Jan. 3, according to Oss clinic, more than in 2019")
            trailing = m.start() > len(s) // 2 or (
                s[: m.start()].rstrip().endswith(",") and not _COUNT_DIGIT_RE.search(s, m.end())
            )
            out.append(Attribution(m.start(), m.end(), ent, trailing))
    return out
