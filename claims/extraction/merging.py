"""Names read once the whole article is known (``Registry.finish``): a headline's bare generic
name ("monitor says"), a one-word organisation ("the Front"), a description in the lede ("a
rights group") and fighters named by what they are ("Rebels claim") take the one full name the
article gives them. Each pass leaves an entity alone when more than one name could be meant.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.names import (
    _DETERMINERS_RE,
    _FULL_NAME,
    _GENERIC,
    _ONE_WORD_LOWER_ORGS,
    _ONE_WORD_ORG_RE,
    DESCRIBING_SUFFIXES,
    _has_upper,
    _is_name,
    _lowerish,
    _orgish,
    _tokens,
)
from claims.extraction.numbers import words

_INDEFINITE_GROUP_RE = re.compile(
    r"(?:a|an)\s+(?:[a-z'-]+\s+){0,3}(?:group|organi[sz]ation|watchdog|monitor|charity|NGO)$",
    re.I,
)
_STATE_RE = re.compile(
    r"(?i:ministry|government|army|police|military|forces|president|office|council|command|"
    r"authority|department|governor|mayor|state|agency|reuters|press|news|media|television)"
)

# A company spoken of by what it is, and the last words of company names.
_COMPANY_WORDS = frozenset(words("company firm operator owner"))
_COMPANY_NAME_ENDS = frozenset(
    words(
        """mining energy ltd inc corp corporation company holdings industries airlines airline
        railways railway oil petroleum steel motors plc limited gas chemicals shipping"""
    )
)

# Fighters named by what they are, and the heads of the names armed groups give themselves.
_FIGHTERS = frozenset(words("rebels militants insurgents jihadists fighters guerrillas"))
_ARMED_HEADS = frozenset(
    words("brigades brigade front movement militia militias battalion battalions")
)


def merge_names(registry) -> None:
    """Merge bare generic names from headlines ("monitor says") into the one entity of the
    article they can only mean ("the Kestrel Monitoring Network"), and give a one-word
    organisation ("the Front claimed") the one full name the article writes it with
    ("Northern Liberation Front"), even where that name speaks nowhere."""
    for e in registry.entities:
        if e.person or e.institution is not None:
            continue
        word = e.canonical
        if word in _ONE_WORD_LOWER_ORGS:
            word = word.capitalize()  # "according to the service": "State Emergency Service"
        if word[:1].isupper() and _ONE_WORD_ORG_RE.match(word) and word in registry.text:
            full = {
                _DETERMINERS_RE.sub("", m.group(0))
                for m in re.finditer(_FULL_NAME.format(word=re.escape(word)), registry.text)
            }
            full.discard(e.canonical)
            if len(full) == 1:
                e.canonical = full.pop()
                e.tokens = _tokens(e.canonical)
    _armed_groups(registry)
    _companies(registry)
    _police(registry)
    _full_names(registry)
    _roles(registry)
    starts: dict[int, str] = {}  # " token token": "any token starts with w" as a substring test
    candidates: list | None = None  # the named organisations, listed once when first needed
    for e in registry.entities:
        words = e.canonical.lower().split()
        if (
            e.person
            or e.institution is not None
            or not _lowerish(e.canonical)
            or len(words) > 3
            or words[-1] not in _GENERIC
        ):
            continue
        # "monitor" matches "Monitoring"; "rights group" matches "... Rights Observatory".
        own = [(" " + w[:6], w) for w in words if w not in _GENERIC] or [
            (" " + words[-1][:6], words[-1])
        ]
        if candidates is None:
            candidates = [
                x for x in registry.entities if not x.person and not x.canonical.islower()
            ]
        matches = []
        for x in candidates:
            if x is e:
                continue
            joined = starts.get(id(x))
            if joined is None:
                joined = starts[id(x)] = " " + " ".join(x.tokens)
            if all(p in joined or w in x.descriptors for p, w in own):
                matches.append(x)
        if len({id(x.claimant) for x in matches}) == 1:
            e.speaks_for(matches[0])
    # "..., a prisoners' rights group said" in the lede, then "The Kestrel Observatory
    # said in a statement": the one non-state organisation named after the description.
    for i, e in enumerate(registry.entities):
        if (
            e.person
            or e.institution is not None
            or e.canonical[:2] not in ("a ", "A ", "an", "An")
            or not _INDEFINITE_GROUP_RE.match(e.canonical)
        ):
            continue
        named = [
            x
            for x in registry.entities[i + 1 :]
            if not x.person
            and x.institution is None
            and " " in x.canonical
            and _has_upper(x.canonical[1:])
            and not _STATE_RE.search(x.canonical)
        ]
        if len(named) == 1:
            e.speaks_for(named[0])


# A police force named with its place ("Lanmore police", "Kessa County Police", "the Ostra
# RCMP"); leading words that only open a sentence or describe police are not its name.
_FORCE_WORDS = ("police", "Police", "Constabulary", "Gendarmerie", "RCMP")
# Read backwards from a force word found by a plain scan (anchored at the window's end).
_FORCE_RE = re.compile(r"(?<![\w'.-])(?P<name>(?:[A-Z][\w'.-]*[^\S\n]+){1,3})$")
_PLACE_AFTER_RE = re.compile(
    r"\s+(?:[Ss]tation|[Pp]ost|[Hh]eadquarters|HQ|[Aa]cademy|[Cc]ollege|[Hh]ospital|[Bb]arracks|"
    r"[Cc]amp|[Ll]ines?|[Cc]hecks?point|[Ss]chool)\b"
)
_NOT_NAME_START = frozenset(
    words(
        """the a an and but or so later earlier meanwhile when while after before as local
        state federal national riot traffic military border armed senior some other many
        two three four five several all most no if then by in on at of for from with police
        one"""
    )
)


def _police(registry) -> None:
    """ "police said" where the article names one police force ("Lanmore police chief Ana
    Ruiz", "Ostra RCMP responded"): the bare name is that force."""
    bare = [
        e
        for e in registry.entities
        if not e.person
        and e.institution is None
        and e.canonical.lower() in ("police", "rcmp", "force")
    ]
    if not bare or ("olice" not in registry.text and "RCMP" not in registry.text):
        return
    names: dict[str, str] = {}
    text = registry.text
    for word in _FORCE_WORDS:
        i = text.find(word)
        while i >= 0:
            end = i + len(word)
            if (
                not text[end : end + 1].isalnum()
                and not _PLACE_AFTER_RE.match(text, end)  # "Central Police Station": a place
                and (m := _FORCE_RE.search(text, max(0, i - 60), i))
            ):
                found = [*m.group("name").split(), word]
                while found[:-1] and found[0].lower() in _NOT_NAME_START:
                    found = found[1:]
                if len(found) >= 2:
                    name = " ".join(found)
                    names.setdefault(name.lower(), name)
            i = text.find(word, end)
    if len(names) != 1:
        return
    name = next(iter(names.values()))
    for e in bare:
        # ("the force said": the one police force named)
        if e.canonical.lower() == "force" or name.lower().endswith(e.canonical.lower()):
            e.canonical = name
            e.tokens = _tokens(name)


# Up to three capitalised words ending where a surname starts (read back from it).
_WORDS_BEFORE_RE = re.compile(r"(?<![\w'.-])((?:[A-Z][\w'.-]*[^\S\n]+){1,3})$")


def _full_names(registry) -> None:
    """A person named by the surname alone ("Odeka said") whose full name the article writes
    only where no one speaks ("Commission chair Roseline Odeka opened the briefing"): the full
    name, when the article gives one and only one."""
    text = registry.text
    for e in registry.entities:
        word = e.canonical
        if (
            " " in word
            or not word[:1].isupper()
            or len(word) < 3
            or word.isupper()
            or e.institution is not None
            or (not e.person and _orgish(word))
        ):
            continue
        found: dict[str, str] = {}
        i = text.find(word)
        while i >= 0:
            end = i + len(word)
            m = (
                _WORDS_BEFORE_RE.search(text, max(0, i - 90), i)
                if not text[end : end + 1].isalnum() and text[end : end + 1] != "_"
                else None
            )
            i = text.find(word, end)
            if m is None:
                continue
            words = m.group(1).split()
            while words and (
                words[0].lower() in _NOT_NAME_START or lx.TITLES_RE.match(words[0] + " ")
            ):
                words = words[1:]
            if any(w.endswith(DESCRIBING_SUFFIXES) for w in words):
                continue  # "Tess-backed Vardi" describes the group, it does not name it
            name = " ".join([*words, word])
            if words and _is_name(name) and not _orgish(name):
                found.setdefault(name.lower(), name)
        if len(found) == 1:
            e.canonical = next(iter(found.values()))
            e.tokens = _tokens(e.canonical)


def _armed_groups(registry) -> None:
    """ "Rebels claim ..." in a headline, "The Free Kozan Brigades said" in the lede: bare
    fighters speaking are the one armed group the article names."""
    bare = [e for e in registry.entities if e.canonical.lower() in _FIGHTERS]
    if not bare:
        return
    named = {
        id(x.claimant): x.claimant
        for x in registry.entities
        if not x.person and x.head in _ARMED_HEADS and _has_upper(x.canonical)
    }
    if len(named) == 1:
        group = next(iter(named.values()))
        for e in bare:
            e.speaks_for(group)


def _companies(registry) -> None:
    """ "the company that operates the mine said" in the lede, "Severa Mining said" below: a
    company spoken of by what it is is the one company the article names."""
    bare = [
        e
        for e in registry.entities
        if not e.person
        and e.institution is None
        and e.canonical.islower()
        and e.canonical.split(None, 1)[0] in _COMPANY_WORDS
    ]
    if not bare:
        return
    named = {
        id(x): x
        for x in registry.entities
        # (read as a person's name by its shape: "Severa Mining" has two capitals)
        if x.institution is None
        and x.canonical[:1].isupper()
        and " " in x.canonical
        and x.canonical.rsplit(None, 1)[-1].lower() in _COMPANY_NAME_ENDS
    }
    if len(named) == 1:
        company = next(iter(named.values()))
        for e in bare:
            e.speaks_for(company)


# Roles one person holds in an article: "the regional governor said" where the governor is
# named elsewhere ("Ana Ruiz, the regional governor, wrote", "Governor Ana Ruiz").
_ROLE_HEADS = frozenset(
    words(
        """governor mayor minister ombudsman administrator head chief commander president
        director prosecutor sheriff coroner"""
    )
)


def _roles(registry) -> None:
    """A claimant named only by a role takes the one person the article gives that role."""
    people = [x for x in registry.entities if x.person and x.descriptors]
    if not people:
        return
    for e in registry.entities:
        if e.person or e.institution is not None or e.head not in _ROLE_HEADS:
            continue
        holders = [p for p in people if e.head in p.descriptors]
        if len(holders) == 1:
            e.speaks_for(holders[0])
