"""Shapes of names in news text: tokens, person names, organisation words, the patterns that
strip descriptions and places from a claimant's name. Pure helpers for entities.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extraction import lexicon as lx
from claims.extraction.numbers import trie_regex, words

# The tests of a phrase's shape below are pure and speakers repeat within and across articles:
# their answers are kept (a bounded cache).
_memo = lru_cache(maxsize=20_000)

_CONNECTORS = frozenset({"of", "for", "and", "the", "al", "el", "de", "du", "la", "on", "to", "in"})

# (a bare initial may open a name: "K Amal Sen")
_NAME_RE = re.compile(
    r"^(?:[B-HJ-Z]\s+)?[A-Z][\w'.-]+(?:\s+(?:al-|bin\s+|van\s+|de\s+)?[A-Z][\w'.-]+){1,3}$"
)

_DETERMINERS_RE = re.compile(r"^(?:the|a|an)\s+", re.I)

_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9.-]*")

# Capitalised words that make a name an organisation's ("Civil Defence", "Nasser Hospital"),
# as a prefix tree (a plain alternation of ninety words is tried word by word).
_ORG_WORDS = re.findall(
    r"\S+",
    """Ministry Observatory Network Group Watch Council Committee Agency Command Department
    Office Organisation Organization Front Forces Army Police Media Rights News Service Union
    Nations Brigade Crescent Cross Hospital Authority Government Coalition Center Centre
    Institute International Society Federation Association Corps Guard State Party Monitor
    Collective Project Commission Administration Tracker Foundation Trust Initiative Bureau
    Directorate Secretariat Mission Programme Program Alliance Movement Forum Relief Rescue Aid
    Defence Defense Emergency Emergencies Prosecutor Prosecutor's Court Tribunal Parliament
    Assembly Senate Congress Municipality Prefecture Governorate Battalion Regiment Division
    Squad Brigades Militia Channel Television TV Radio Press Times Herald Tribune Journal
    Gazette""",
)
_ORG_WORD_RE = re.compile(r"\b(?:" + trie_regex(_ORG_WORDS, keep_case=True) + r")\b")


def _tokens(np: str) -> frozenset[str]:
    t = np.lower().replace("'s", "").replace("u.s.", "us").replace("u.n.", "un")
    words = _TOKEN_RE.findall(t)
    return frozenset(w.strip(".") for w in words if w not in ("the", "a", "an", "of", "for"))


# A possessive naming only where a body sits, not who it is ("the town's municipal council").
_PLACE_POSSESSIVE_RE = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:city|town|country|province|region|district|village|state|nation|area|capital|camp|"
    r"port|county|island|valley|municipality)'s\s+",
    re.I,
)
# Where an anonymous speaker stood, which does not tell who they are.
# ... and the named place an unnamed speaker is in ("local authorities in Beni").
_PLACE_NAME_TAIL_RE = re.compile(
    r"\s+(?:in|from)\s+(?:(?:the\s+)?(?:regional|provincial|state|district)\s+capital\s+)?"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}$"
)
_LOCATIVE_TAIL_RE = re.compile(
    r"\s+(?:at|on|in|of|from)\s+the\s+(?:[a-z]+\s+)?(?:scene|ground|capital|city|town|area|"
    r"region|village|site|district|province|camp)$"
)
# A person's name, then where they work ("Ana Ruiz at the Tess infirmary", "Ana Ruiz of
# Kessan customs"): the name speaks, the rest describes.
_NAME_THEN_PLACE_RE = re.compile(
    r"(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\s+(?:at|of|from|with)\s+(?=\S)"
)

_ORG_OFFICIAL_RE = re.compile(
    r"(?:an?\s+|the\s+)?(?:senior\s+)?(?P<org>ministry|army|police|agency|department|"
    r"directorate|administration|authority|council|office)\s+official$",
    re.I,
)

_A_SPOKESPERSON = frozenset(
    f"{a} {w}" for a in ("a", "an", "one") for w in ("spokesman", "spokeswoman", "spokesperson")
)
_CALLING_ITSELF_RE = re.compile(r"\bcalling\s+itself\s+(?:the\s+)?(?P<name>[A-Z].*)$")

# (also with lower-case letters between capitals: "Lashkar-e-Tevi (LeT)")
_ACRONYM_PAREN_RE = re.compile(r"\([A-Z](?:[a-z]?[A-Z]){1,7}\)")
# A one-word organisation name, and the fuller names ending in it on one line of the article.
_ONE_WORD_ORG_RE = re.compile(
    r"(?:Front|Network|Observatory|Monitor|Council|Committee|Movement|Brigade|Army|Forum|Group|"
    r"Alliance|Coalition|Agency|Centre|Center|Mission|Project|Union|Society|Service|Commission|"
    r"Association|Directorate)$"
)
_ONE_WORD_LOWER_ORGS = frozenset(
    {"service", "commission", "association", "directorate", "agency", "committee", "council"}
)
_FULL_NAME = r"(?:[A-Z][\w'-]+[^\S\n]+(?:(?:of|for|the|and)[^\S\n]+)?){{1,5}}{word}\b"

# A name never runs across a line break ("...8 June\n\nThe Civilian Harm Tracking Group (CHTG)").
_ACRONYM_RE = re.compile(
    r"(?P<full>[A-Z][\w'-]+(?:[^\S\n]+(?:of|for|in|on|and|the|[A-Z][\w'-]+)){1,8}"
    r"|[A-Z]\w+(?:-\w+){1,3})[^\S\n]+"  # or one hyphenated word ("Lashkar-e-Tevi")
    r"\((?P<acr>[A-Z](?:[a-z]?[A-Z]){1,7})\)$"
)

# Words that describe a body rather than name it ("Oss-based", "Tess-backed").
DESCRIBING_SUFFIXES = ("-based", "-run", "-backed", "-led", "-funded", "-aligned", "-linked")
_DESCRIPTOR_RE = re.compile(
    r"^(?P<desc>(?:(?:[a-z][\w'-]*|[A-Z][\w]*-(?:"
    + "|".join(x[1:] for x in DESCRIBING_SUFFIXES)
    + r"))\s+)+)"
    r"(?P<name>[A-Z].*)$"
)

_GENERIC = words(
    """group organisation organization movement monitor network agency committee alliance coalition
    centre center society mission office council union forum front watchdog observatory ministry"""
)


_PERSON_NOUNS = words(
    """official doctor member employee resident witness nurse medic commander officer source
    paramedic surgeon worker volunteer director diplomat survivor relative shopkeeper journalist
    man woman spokesman spokeswoman farmer trader villager herder teacher elder lawmaker
    senator"""
)
_CLAUSE_WORDS = ("of", "at", "from", "in", "for", "with", "who")


@_memo
def _person_noun(low: str) -> bool:
    """Whether a lower-case noun phrase names one person by role ("a doctor at the clinic")."""
    ws = low.split()
    for k, w in enumerate(ws):
        if w in _CLAUSE_WORDS:
            return k > 0 and ws[k - 1] in _PERSON_NOUNS
    return ws[-1] in _PERSON_NOUNS if ws else False


# Bare words that may mean any organisation ("the group"); "the ministry" means no monitor.
# A description of an organisation that names none: the latest named one (entities.py).
_ANY_ORG = frozenset(
    {
        "group",
        "organisation",
        "organization",
        "charity",
        "medical charity",
        "aid group",
        "aid agency",
        "humanitarian group",
        "humanitarian organisation",
        "humanitarian organization",
        "medical organisation",
        "medical organization",
    }
)

_ASCII_UPPER_RE = re.compile(r"[A-Z]")


def _has_upper(text: str) -> bool:
    """``any(c.isupper() for c in text)``, without a Python loop for ASCII text."""
    if _ASCII_UPPER_RE.search(text) is not None:
        return True
    return not text.isascii() and any(c.isupper() for c in text)


@_memo
def _lowerish(name: str) -> bool:
    """Lower case but for a capital a headline or sentence start gives it ("Aid group")."""
    return (name[:1].lower() + name[1:]).islower()


def _orgish_generic(name: str) -> bool:
    return name.lower() in _GENERIC


# A count or quantity before an unnamed speaker, which names no one ("two local officials").
_COUNT_START_RE = re.compile(
    r"(?:one|two|three|four|five|six|some|several|many|numerous|various)\s+", re.I
)
_COUNT_INITIALS = frozenset("OoTtFfSsMmNnVv")


def _initials(name: str) -> str:
    """The capitals of a name's words ("Kivu Security Tracker" -> "KST")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_BRACKETED_SHORT_RE = re.compile(r"\s*\([A-Z][A-Za-z]{1,7}\)")
_PLACE_TAIL_RE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}$")


_STATE_HEADS = words(
    """ministry ministries government police army military authority authorities department
    office council administration forces command service services directorate commission
    agency"""
)


def _org_without_place(np: str) -> str:
    """An organisation's name without its short form in brackets or the place it stands in
    ("Lady Ruth Hospital (LRH) in Kessa" -> "Lady Ruth Hospital")."""
    name = _BRACKETED_SHORT_RE.sub("", np) if "(" in np else np
    if (
        (m := _PLACE_TAIL_RE.search(name))
        and _is_proper(name[: m.start()])
        and _orgish(name[: m.start()])
        # a ministry keeps the place that says whose it is ("Health Ministry in Gaza")
        and name[: m.start()].rsplit(None, 1)[-1].lower() not in _STATE_HEADS
    ):
        name = name[: m.start()]
    return name


@_memo
def _is_name(np: str) -> bool:
    return bool(_NAME_RE.match(np.strip()))


@_memo
def _orgish(np: str) -> bool:
    return not lx.CLAIMANT_HEADS.isdisjoint(w.lower().strip(".,") for w in np.split()) or bool(
        _ORG_WORD_RE.search(np)
    )


@_memo
def _is_proper(seg: str) -> bool:
    words = seg.split()
    if not words or len(words) > 9:
        return False
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words) and any(
        w[:1].isupper() for w in words[1:] + words[:1] if w.lower() not in ("the", "a", "an")
    )


def read_acronyms(text: str) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The acronyms an article spells out ("Vigil for Civilians (VfC)": "VfC" -> the full
    name), and every name introduced with one, by position."""
    acronyms: dict[str, str] = {}
    introduced: list[tuple[int, str]] = []
    for p in _ACRONYM_PAREN_RE.finditer(text) if "(" in text else ():
        # Read the full name backwards from "(ACR)": the pattern is anchored at its end.
        m = _ACRONYM_RE.search(text, max(0, p.start() - 120), p.end())
        if m is None:
            continue
        full, acr = m.group("full"), m.group("acr")
        introduced.append((p.start(), _DETERMINERS_RE.sub("", full)))
        initials = "".join(w[0] for w in full.split() if w[0].isupper())
        hyphened = "".join(w[0] for w in re.split(r"[\s-]+", full) if w[:1].isupper())
        if (
            "".join(c for c in acr if c.isupper()) == hyphened  # "Lashkar-e-Tevi (LeT)"
            or acr.lower() in initials.lower()
            or initials.lower().startswith(acr.lower()[:2])
            # an acronym of another language ("Doctors Without Borders (MSF)")
            or len(initials) >= 3
        ):
            acronyms[acr] = _DETERMINERS_RE.sub("", full)
    return acronyms, introduced
