"""Which speaker governs a position in a sentence: the reporting chain before it, a trailing
attribution after it, a quote's speaker named after the quote, else the nearest one. Reads
the attributions ``attribution.find_attributions`` found.
"""

from __future__ import annotations

from claims.extraction.attribution import Attribution
from claims.extraction.entities import Entity
from claims.extraction.relays import _is_media
from claims.extraction.reporting import _CHAIN_BREAK_RE, _NOT_MEDIA_AGENCY_RE


def speaker_for(attrs: list[Attribution], pos: int, s: str) -> tuple[Entity | None, str, bool]:
    """(claimant, cited, found) for something at ``pos`` in the sentence.

    1. A reporting chain before it ("X says sources told Y that ..."): the outermost non-outlet
       speaker is the claimant, the inner ones are cited. A chain breaks at "; ", ", and", ",
       while", ", but" (a new statement, not a relayed one).
    2. Else the first trailing attribution after it (", the ministry said").
    3. Else the nearest attribution in the sentence.
    """
    usable = [a for a in attrs if not a.relative]
    if s[:1] in _OPEN_QUOTES and (outer := _quote_speaker(usable, pos, s)) is not None:
        return outer
    chain: list[Attribution] = []
    for a in usable:
        if a.trailing or a.end > pos:
            continue
        if chain and _CHAIN_BREAK_RE.search(s, chain[-1].end, a.start):
            chain = []
        chain.append(a)
    if chain:
        speakers = [a for a in chain if a.entity is not None]
        while (
            len(speakers) > 1
            and _is_media(speakers[0].entity.canonical, "reported")
            and not _NOT_MEDIA_AGENCY_RE.search(speakers[0].entity.canonical)
        ):
            # "Anadolu Agency reported the regional health ministry said ...": the outlet
            # only carries the ministry's figure
            speakers = speakers[1:]
        if speakers:
            head = speakers[0]
            cited = [x.entity.canonical for x in speakers[1:] if x.entity is not None]
            cited += [head.cited] if head.cited else []
            cited += [x.cited for x in speakers[1:] if x.cited]
            return head.entity, "; ".join(dict.fromkeys(c for c in cited if c)), True
    after = [a for a in usable if a.start >= pos and a.trailing and a.entity is not None]
    if after:
        first = after[0]
        if _is_media(first.entity.canonical, "reported") and not _NOT_MEDIA_AGENCY_RE.search(
            first.entity.canonical
        ):
            # ", Anadolu Agency reported the regional health ministry said": the ministry's
            relayed = [a for a in usable if a.entity is not None and 0 < a.start - first.end <= 6]
            if relayed:
                return relayed[0].entity, relayed[0].cited, True
        return first.entity, first.cited, True
    named = [
        a
        for a in usable
        if a.entity is not None
        # "20 were killed, but the police chief said 17": not across a new statement
        and not (a.start > pos and _CHAIN_BREAK_RE.search(s, pos, a.start))
    ]
    if named:
        near = min(named, key=lambda a: min(abs(a.start - pos), abs(a.end - pos)))
        return near.entity, near.cited, True
    return None, "", False


_OPEN_QUOTES = ('"', "\u201c")


def _quote_speaker(usable: list[Attribution], pos: int, s: str):
    """'"Rescue teams counted 40 bodies," the police chief said': a quote's speaker, named after
    it, gives everything inside it; a speaker inside the quote is the one cited."""
    close = max(s.find('"', 1), s.find("\u201d", 1))
    if close < 0 or pos > close:
        return None
    outer = next((a for a in usable if a.start > close and a.trailing and a.entity), None)
    if outer is None:
        return None
    inner = [a.entity.canonical for a in usable if a.end <= pos and a.entity and not a.trailing]
    return (
        outer.entity,
        "; ".join(dict.fromkeys([*inner, outer.cited] if outer.cited else inner)),
        True,
    )
