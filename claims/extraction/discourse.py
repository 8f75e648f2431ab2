"""Who speaks across sentences: a document's issuer, subjects that report nothing, finders of
bodies, background events and the other rules that carry or reset the claimant between
sentences (the orchestration that applies them is in extractor.py).
"""

from __future__ import annotations

import re

from claims.extraction.attribution import Attribution, Entity, Registry, _valid_np
from claims.extraction.names import _is_proper, _orgish
from claims.extraction.speakers import speaker_for as _speaker_for
from claims.extraction.text import Sentence

# A headline's trailing speaker ("Strike kills 31 - monitor").
_HEADLINE_TAIL_RE = re.compile(
    r"(?:[:\u2013\u2014|]|\s-)\s*(?P<np>[A-Za-z][^:\u2013\u2014|]{1,60})$"
)

_HISTORY_RE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest)\b[^.;]{0,80}\bsince\b"
    r"|\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d,?\s+when\b"
    # "In a similar attack last October, 17 soldiers were killed", "A previous bombing ..."
    r"|\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?:similar|previous|earlier)\s+(?:attack|bombing|"
    r"raid|strike|ambush|massacre|incident|shooting|explosion|clash(?:es)?|riot|fire)\b"
    # a factbox's dated entry ("March 2021 - Gunmen storm ..."): another event
    r"|^(?:[A-Z][a-z]{2,8}\.?\s+)?(?:1[89]|20)\d\d\s+[-\u2013\u2014]\s"
)
# A sentence naming the source of the figures before it ("That figure was given by ...").
_BACKGROUND_STARTS = ("In ", "By ", "Since ")
_BACKGROUND_RE = re.compile(
    r"(?:In|By|Since)\s+(?:early\s+|late\s+|[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\b"
)
_SOURCE_STARTS = ("That ", "This ", "The ", "These ", "Those ")
# ... or "This was said yesterday by the health minister, Ona Bell." (the pronoun alone needs the
# verb, and a day word may stand between it and "by").
_FIGURE_SOURCE_RE = re.compile(
    r"(?:(?:That|This|The|These|Those)\s+(?:figure|toll|number|tally|count|estimate)s?\s+(?:was|were|is|"
    r"are|came|comes)\s+(?:(?:given|provided|released|supplied|compiled|confirmed|issued|"
    r"reported)\s+)?|(?:That|This)\s+was\s+(?:said|stated|announced|confirmed|reported)\s+"
    r"(?:(?:yesterday|today|later|earlier|on\s+\w+day)\s+)?)"
    r"(?:by|from)\s+(?P<np>[^,.;:\"()]{2,80}?)(?=\s+(?:who|which|that|on|in)\b|[,.;:]|$)"
)


def chain_head(attrs: list[Attribution], s: str) -> Entity | None:
    """The speaker that later unattributed sentences inherit (the last chain's claimant)."""
    if not attrs:
        return None
    ent, _, found = _speaker_for(attrs, len(s), s)
    return ent if found else None


# An institution as the subject of a sentence that reports nothing ("The ministry condemned the
# attack."): mentioned, so that a later "it"/"they" means it, as a reader would take it.
_INSTITUTIONS = (
    "ministry|army|police|military|government|authority|authorities|agency|group|network|"
    "observatory|monitor|committee|council|office|department|command|coalition|hospital|"
    "organi[sz]ation|mission|union|watchdog|court|forces|militia|movement|front|forum|centre|"
    "center|institute|service|crescent|cross|militants|rebels|insurgents|fighters|inquiry|"
    "panel|tribunal|commission"
)
# A verb after a subject: regular forms, and irregular pasts of what bodies do ("heard evidence").
_PAST = r"(?:[a-z]+(?:ed|s)|heard|found)\b"
_SUBJECT_ORG_RE = re.compile(
    r"(?:(?:Meanwhile|However|Earlier|Later|Separately),\s+)?(?:The|the)\s+"
    rf"(?P<np>(?:[\w'-]+\s+){{0,3}}?(?:(?i:{_INSTITUTIONS})|[A-Z][\w'-]*(?:\s+(?:of|for|and|"
    rf"[A-Z][\w'-]*)){{0,5}}\s+(?i:{_INSTITUTIONS}))(?:\s+(?:in|of|for)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,3}})?)"
    # "The court on Thursday sentenced ...": a day may stand before the verb
    rf"(?=(?:\s+\([A-Z]{{2,8}}\))?(?:\s+on\s+[A-Z][a-z]+day)?\s+(?:has\s+|had\s+|also\s+)?{_PAST})"
)
# "A military court on Thursday sentenced ...": a body named with "a" that later speaks as "the
# court" (tried only on sentences opening with "A "/"An ").
INDEFINITE_BODY_RE = re.compile(
    r"An?\s+(?P<np>(?:[\w'-]+\s+){0,2}?(?:court|tribunal|inquiry|commission|panel))"
    rf"(?:\s+on\s+[A-Z][a-z]+day)?\s+(?:has\s+|had\s+)?{_PAST}"
)
_NOT_PROPER_STARTS = ("The ", "A ", "An ", "In ", "On ", "It ", "He ", "She ", "They ", "But ")
_PROPER_SUBJECT_RE = re.compile(
    r"(?P<np>[A-Z][\w'-]*(?:\s+(?:of|for|and|the|[A-Z][\w'-]*)){1,6})"
    rf"(?=(?:\s+\([A-Z]{{2,8}}\))?\s+(?:has\s+|had\s+|also\s+)?{_PAST})"
)
_BODY_FINDER_RE = re.compile(
    r"(?:(?:In|On|By|Since|Later|Earlier|Overnight)\b[^,]{0,30},\s+)?"
    r"(?P<np>[A-Za-z][\w' -]{1,60}?)\s+(?:later\s+|also\s+|have\s+|has\s+|had\s+|then\s+)?"
    r"(?:recovered|found|pulled|retrieved|collected|dug\s+out|exhumed|counted|received|"
    r"brought\s+out)\b"
)


# A document whose title names its issuer: every figure in it is the issuer's unless another
# speaker is named ("Communique of the Ministry of Defence", "Statement by the Kestrel Network").
_ISSUER_RE = re.compile(
    r"(?i:communiqu[e\u00e9]|statement|press\s+release|bulletin|update|issued|prepared)\b[^\n]{0,40}?"
    r"(?:\b(?i:of|by|from)\s+|\s[-\u2013\u2014:]\s+|:\s+)(?i:the\s+)?"
    r"(?P<np>[A-Z][\w'.-]*(?:\s+(?i:of|for|and|the|[A-Z][\w'.-]*)){0,8}?)"
    r"(?:,\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?"  # ", Lanmore": the place it is issued
    r"(?:\s+\([A-Z]{2,8}\))?\s*$"  # "(OCHA)"
)


# The issuer's name before the document's kind: "Kestrel Council Press Statement on ...".
_ISSUER_FIRST_RE = re.compile(
    r"(?:The\s+)?(?P<np>[A-Z][\w'.-]*(?:\s+(?:of|for|and|the|[A-Z][\w'.-]*)){0,7}?)\s+"
    r"(?:Press\s+Statement|Statement|Press\s+Release|Communiqu[e\u00e9]|Bulletin)"
    r"(?:\s+(?:on|about|regarding|concerning)\s|\s*[:\u2013\u2014-]|\s*$)"
)


_BRIEFING_RE = re.compile(
    r"(?P<np>(?:[\w'-]+\s+){0,3}?(?i:ministry|army|police|military|government|office|department|"
    r"command|agency|service|council|commission))(?:'s)?\s+(?i:briefing|press\s+conference|"
    r"news\s+conference)\b"
)


_TITLE_LOWER = frozenset({"of", "for", "and", "the", "on", "in"})

# A heading naming the document's kind, under a heading that is the issuer's bare name
# ("Ministry of Internal Affairs of ..." / "Press release No. 212").
_DOC_KIND_RE = re.compile(
    r"(?i:(?:press\s+|official\s+)?(?:release|communiqu[e\u00e9]|statement|bulletin))\b"
)


_RESPONDER_RE = re.compile(
    r"(?P<np>[A-Z][\w'-]*(?:\s+(?:of|for|and|[A-Z][\w'-]*)){1,6})\s+(?:was|were)\s+"
    r"(?:called|alerted)\b"
)


def issuer_of(sentences: list[Sentence], registry: Registry) -> Entity | None:
    """The issuer a document's title names ("COMMUNIQUE No. 14 of the Ministry of ...",
    "Press release - Kestrel Aid", "Statement from St Anne's Hospital, Marvi", or a bare
    organisation name above "Press release No. 212"), else None. An all-capitals name is
    written in title case ("MINISTRY OF DEFENCE" -> "Ministry of Defence")."""
    head = sentences[0].text
    for x in sentences[:3]:  # a title, then "Statement by ..." under it
        if not x.heading:
            break
        if (m := _ISSUER_RE.match(x.text)) is not None:
            np = m.group("np")
            if np.isupper():
                np = " ".join(
                    w.lower() if w.lower() in _TITLE_LOWER else w.capitalize() for w in np.split()
                )
            if np.startswith("The "):
                np = np[4:]
            if _orgish(np):  # "Latest update from Marvi" names a place, not an issuer
                return registry.resolve(np)
        if (m := _ISSUER_FIRST_RE.match(x.text)) is not None and _orgish(m.group("np")):
            return registry.resolve(m.group("np"))
    if (
        _is_proper(head)
        and _orgish(head)
        and any(x.heading and _DOC_KIND_RE.match(x.text) for x in sentences[1:3])
    ):
        return registry.resolve(head)
    for x in sentences[:2]:
        if (
            x.heading
            and ("riefing" in x.text or "onference" in x.text)
            and (bm := _BRIEFING_RE.search(x.text))
            and _valid_np(bm.group("np"))
        ):
            # "Transcript: interior ministry briefing on ...": the briefing's institution
            return registry.resolve(bm.group("np"))
    first = next((x for x in sentences[:4] if not x.heading), None)
    if first is not None and (m := _RESPONDER_RE.match(first.text)) and _orgish(m.group("np")):
        # A police or emergency service's own update opens with its call-out ("Alderholt
        # Metropolitan Police was called at 11.42pm ..."): the service issues it.
        return registry.resolve(m.group("np"))
    return None


def mention(np: str, registry: Registry) -> None:
    if _valid_np(np) is not None:
        registry.resolve(np)


def body_finder(s: str, registry: Registry) -> Entity | None:
    """Who found the bodies, when the sentence opens with them ("Rescuers recovered ...")."""
    m = _BODY_FINDER_RE.match(s)
    if m is None:
        return None
    np = _valid_np(m.group("np"))
    return registry.resolve(np) if np is not None else None


def plausible_tail(np: str) -> bool:
    return len(np.split()) <= 5 and _valid_np(np) is not None


# A paragraph that goes on with the report before it: a quote running on, or the victims just
# counted ("Among the dead were six children", "Of those killed, nine were women").
_CONTINUATION_RE = re.compile(
    r"(?:Among\s+(?:the|them|those)|Of\s+(?:the|them|those|these)|Most\s+of\s+the|The\s+(?:dead|"
    r"victims|wounded|injured|deceased|rest|remaining|others)|Those\s+(?:killed|wounded|injured|"
    r"who\s+died)|Another|Others|A\s+further|"
    # the toll broken down: "The highest toll was in Oss, ...", "In Oss's old town, four ..."
    r"The\s+(?:highest|heaviest|overall|total)\s+(?:death\s+)?toll|"
    r"In\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|a|an|the\s+(?:past|last|first|same|meantime)|addition|total|all)\b)"
    r"(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,8},|"
    r"In\s+the\s+(?:[\w-]+\s+){0,3}(?:city|town|province|district|region|village|state|county)"
    r"\s+of\s+[A-Z])"
)


def continues_report(text: str) -> bool:
    """Whether a paragraph opening with ``text`` goes on with the last speaker's report."""
    return text[:1] in ('"', "\u201c") or _CONTINUATION_RE.match(text) is not None
