"""A claimant phrase as news text writes it, reduced to the name it gives: without its
determiner, the place it stands in, a count before it ("two local officials"), its short form,
or the description before a name ("Human rights group Civic Shield" -> the group's name, the
description kept as an appositive). Pure: ``entities.Registry`` resolves what comes out.
"""

from __future__ import annotations

from collections.abc import Callable

from claims.extraction import lexicon as lx
from claims.extraction.names import (
    _CONNECTORS,
    _COUNT_INITIALS,
    _COUNT_START_RE,
    _DESCRIPTOR_RE,
    _DETERMINERS_RE,
    _LOCATIVE_TAIL_RE,
    _NAME_THEN_PLACE_RE,
    _PLACE_NAME_TAIL_RE,
    _PLACE_POSSESSIVE_RE,
    DESCRIBING_SUFFIXES,
    _has_upper,
    _is_name,
    _is_proper,
    _org_without_place,
    _orgish,
    _orgish_generic,
    _person_noun,
)
from claims.extraction.roles import _COLLECTIVE, _JOB_RE, _ORG_DESC_RE

_PLACE_WORDS = frozenset(("from", "in", "at", "of", "near", "with", "on", "by"))


def normalize(
    np: str, appositive: str, acronyms: dict[str, str], spelled_out: Callable[[str], str]
) -> tuple[str, str]:
    """(name, appositive) for a phrase; ``spelled_out`` gives the full name of an acronym the
    article never defines ("" when none)."""
    np = _DETERMINERS_RE.sub("", np.strip()) if np.lower().startswith("the ") else np.strip()
    if "'" in np and (m := _PLACE_POSSESSIVE_RE.match(np)) and len(np) > m.end():
        np = np[m.end() :]  # "the city's health directorate": the directorate
    if (
        " the " in np
        and (m := _LOCATIVE_TAIL_RE.search(np))
        and (not _has_upper(np[1:]) or " " not in np[: m.start()])
    ):
        np = np[: m.start()]  # "rescue worker at the scene", "sources in the capital"
    elif (
        (" in " in np or " from " in np)
        and (m := _PLACE_NAME_TAIL_RE.search(np))
        and not _has_upper(np[1 : m.start()])
        and (
            (head := np[: m.start()].rsplit(None, 1)[-1].lower()) in _COLLECTIVE
            or _person_noun(np.lower())
            or (head[-1:] == "s" and _person_noun(head[:-1]))  # "farmers from Oss"
        )
    ):
        np = np[: m.start()]  # "local authorities in Beni": unnamed, wherever they are
    if (
        np[:1].isupper()
        and (" at " in np or " of " in np or " from " in np or " with " in np)
        and (m := _NAME_THEN_PLACE_RE.match(np))
        and _is_name(bare := lx.TITLES_RE.sub("", m.group("name")))
        and not _orgish(bare)
    ):
        # "Ana Ruiz at the Tess infirmary": the person, described
        appositive = f"{appositive} {np[m.end('name') :].strip()}".strip()
        np = m.group("name")
    if (" in " in np or " at " in np or "(" in np) and np[:1].isupper():
        np = _org_without_place(np)  # "Lady Ruth Hospital (LRH) in Kessa": the hospital
    if (
        appositive[:4] == "the "
        and not _has_upper(np[1:])
        and _is_proper(appositive[4:])
        and _has_upper(appositive[4:])
    ):
        # "A second monitor, the Tess Rights Circle, said": the name given
        np, appositive = appositive[4:], np
    np = acronyms.get(np, np)
    if np.isupper() and np.isalpha() and 2 < len(np) < 7 and (full := spelled_out(np)):
        np = full  # "The KST says" after "the Kivu Security Tracker": the same body
    if np[:8].lower() == "another ":
        np = np[8:]  # "Another Tess councillor said"
    elif (
        np[:1] in _COUNT_INITIALS
        and (m := _COUNT_START_RE.match(np))
        and np[m.end() : m.end() + 1].islower()
    ):
        np = np[m.end() :]  # "One farmer", "two local officials", "some news sources"
    if (
        np[:1].isalpha()
        and np.count(" ") > 1
        and (m := _ORG_DESC_RE.match(np))
        and _is_proper(rest := np[m.end() :])
        and rest[:1].isupper()  # "International Organization for Migration" is one name
        and not _orgish_generic(rest)
    ):
        # "Human rights group Civic Shield": the organisation's name, described.
        appositive = f"{appositive} {m.group().strip()}".strip()
        np = rest
    elif (
        np[:1].isupper()
        and np.count(" ") > 1
        and (m := _JOB_RE.match(np))
        and _is_name(np[m.end() :])
    ):
        # "Local journalist Femi Obra": the person, described.
        appositive = f"{appositive} {m.group().strip()}".strip()
        np = np[m.end() :]
    if _has_upper(np[1:]) and (m := _DESCRIPTOR_RE.match(np)):
        # "opposition Halden Civic Forum": the name is the proper part; the rest describes it.
        desc_words = m.group("desc").lower().split()
        if (
            _is_proper(m.group("name"))
            and (
                not _orgish_generic(m.group("name"))
                # "the Britain-based Observatory": the Observatory named in full elsewhere
                or all(w.endswith(DESCRIBING_SUFFIXES) for w in desc_words)
            )
            and not any(
                w in lx.CLAIMANT_HEADS or w in _CONNECTORS or w in _PLACE_WORDS for w in desc_words
            )  # ("two farmers from Oss" is no description of Oss)
        ):
            appositive = f"{appositive} {m.group('desc')}".strip()
            np = m.group("name")
    return np, appositive
