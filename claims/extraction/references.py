"""Who a phrase means when it is not simply a name (entities.py reads names):

- pronouns ("he", "it", "we", "our teams") and documents ("the statement", "his
  statement"): the speaker of that kind spoken of last;
- spokespeople ("presidential spokesman Ana Vell", "Ana Vell, a spokeswoman for the ministry",
  "its spokesman, ...", "an army spokesman"): the person, speaking for the institution, or the
  institution itself when no one is named;
- unnamed officials ("a ministry official", "the official"): the institution just named, or
  the person last named with an office;
- a role or a title before a name ("regional governor Ana Vell", "Maj. Gen. Ana Vell"): the
  person, with the role kept as a description a later "the governor" may name.

``resolve_reference`` returns ``UNRESOLVED`` for any other phrase, which entities.py then
matches against the names of the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from claims.extraction import lexicon as lx
from claims.extraction.names import (
    _A_SPOKESPERSON,
    _CALLING_ITSELF_RE,
    _ORG_OFFICIAL_RE,
    _has_upper,
    _is_name,
    _orgish,
    _tokens,
)
from claims.extraction.roles import (
    _DOCUMENT_RE,
    _DOCUMENT_WORDS,
    _ITS_SPOKES_RE,
    _NOT_ORGS,
    _OFFICE_ADJECTIVES,
    _ORG_DOCUMENT_RE,
    _ORG_SPOKES_RE,
    _ROLE_BEFORE_NAME_RE,
    _ROLE_OF_RE,
    _SPOKES_APPOS_RE,
    _SPOKES_RE,
    _SPOKES_TITLE_RE,
    _STATEMENT_OF_RE,
    holds_office,
)

if TYPE_CHECKING:
    from claims.extraction.entities import Entity, Registry

# Not a reference of the kinds above: the caller reads the phrase as a name.
UNRESOLVED: Final = object()


def resolve_reference(reg: Registry, np: str, low: str, appositive: str) -> Entity | None | object:
    """The entity ``np`` (normalised; ``low`` its lower case) refers to, None when it refers to
    no one known, or ``UNRESOLVED`` (see the module docstring)."""
    if low in lx.PRONOUNS_PERSON:
        return reg._touch_opt(reg._recent(lambda e: e.person))
    if low == "we" or low[:4] == "our ":
        # An organisation's own statement ("we have established that ...", "our Mission
        # recorded ...", "our teams documented ..."): the organisation named last.
        return reg._touch_opt(reg._recent(lambda e: not e.person and _has_upper(e.canonical)))
    if low in lx.PRONOUNS_THING:
        return reg._touch_opt(reg._recent(lambda e: not e.person))
    if low in _A_SPOKESPERSON:
        # "The Forces have never acknowledged ..., and a spokesman said": an unnamed
        # spokesperson speaks for the institution spoken of last.
        return reg._touch_opt(reg._recent(lambda e: not e.person and e.institution is None))
    if " calling itself " in low and (m := _CALLING_ITSELF_RE.search(np)):
        return reg.resolve(m.group("name"))  # "a group calling itself the Jihad Brigade"
    if low[:4] in ("his ", "her ") and low[4:] in _DOCUMENT_WORDS:
        return reg._touch_opt(reg._recent(lambda e: e.person))  # "his statement"
    if low in _DOCUMENT_WORDS or low in ("spokesman", "spokeswoman", "spokesperson"):
        if low in _DOCUMENT_WORDS:
            return reg._touch_opt(reg._recent(lambda e: not e.person))
        return reg._touch_opt(reg._recent(lambda e: e.institution is not None))
    # Substring guards: most names hold no spokesperson word and no apostrophe, and the
    # anchored patterns below cost more than the test.
    spokes = "spokes" in low or "press" in low or " officer" in low
    if spokes and (m := _SPOKES_RE.match(np)):
        # ("presidential spokesman Ana Vell" speaks for the presidency)
        org = reg.resolve(_OFFICE_ADJECTIVES.get(m.group("org").lower(), m.group("org")))
        person = reg._person(m.group("person"))
        if person is not None and org is not None and not org.person:
            person.speaks_for(org)
        return reg._touch_opt(person)
    if appositive[:4] == "for " and _is_name(np) and (org := reg.resolve(appositive[4:])):
        # "Elizabeth Throssell, for the OHCHR, said": she speaks for the office
        person = reg._person(np)
        if person is not None and not org.person:
            person.speaks_for(org)
        return reg._touch_opt(person)
    if appositive and _ITS_SPOKES_RE.match(appositive.strip()):
        # "Its spokesman, Lt Col Amos Dray, said": the organisation spoken of last.
        org = reg._recent(lambda e: not e.person)
        person = reg._person(np) if _is_name(np) else None
        if person is not None and org is not None:
            person.speaks_for(org)
        if person is not None:
            return reg._touch(person)
    if appositive and (
        (m := _SPOKES_APPOS_RE.match(appositive.strip()))
        or (
            (m := _ORG_SPOKES_RE.match(appositive.strip()))
            and m.group("org").lower() not in _NOT_ORGS
        )
    ):
        org = reg.resolve(m.group("org"))
        person = reg._person(np) if _is_name(np) else reg.resolve(np)
        if person is not None and org is not None and person is not org:
            person.speaks_for(org)
        return reg._touch_opt(person)
    if (spokes or "representative" in low) and (m := _SPOKES_APPOS_RE.match(np)):
        return reg.resolve(m.group("org"))  # "a spokesman for the ministry"
    if "'" in np and (m := _DOCUMENT_RE.match(np)):
        return reg.resolve(m.group("org"))  # "the ministry's statement", "the group's tally"
    if (
        " " in low
        and low.rsplit(None, 1)[1] in _DOCUMENT_WORDS
        and (m := _ORG_DOCUMENT_RE.match(np))
        and m.group("org").split()[-1].lower() in lx.CLAIMANT_HEADS
    ):
        return reg.resolve(m.group("org"))  # "a ministry statement", "the army's bulletin"
    if (
        " official" in low
        and (m := _ORG_OFFICIAL_RE.match(np))
        and (org := reg._recent(lambda e: not e.person and e.head == m.group("org").lower()))
    ):
        # "A ministry official said ..." after "The regional emergencies ministry ...":
        # an unnamed official of the institution just named speaks for it.
        reg.last_official = org
        return reg._touch(org)
    if low == "official":
        if reg.last_official is not None:
            return reg._touch(reg.last_official)  # "The official, who was not authorised"
        # "Dak Mol, commissioner for the county, said ... the official said": the person
        # last named with an office, unless an unnamed official was spoken of since.
        named = reg._recent(lambda e: e.person and holds_office(e.descriptors))
        if named is not None and named.last_seen > max(
            (e.last_seen for e in reg.entities if e.head == "official"), default=0
        ):
            return reg._touch(named)
    if spokes and (m := _ORG_SPOKES_RE.match(np)) and m.group("org").lower() not in _NOT_ORGS:
        # "an army spokesman", "the ministry's spokesman"
        return reg.resolve(_OFFICE_ADJECTIVES.get(m.group("org").lower(), m.group("org")))
    if "statement " in low and (m := _STATEMENT_OF_RE.match(np)):
        return reg.resolve(m.group("org"))  # "a statement from the naval command"
    # (a name ends in a capital word: that test is cheap, the pattern is not)
    role = (
        _ROLE_BEFORE_NAME_RE.match(np)
        if " " in np and np[np.rfind(" ") + 1 : np.rfind(" ") + 2].isupper()
        else None
    )
    if role is not None and _is_name(role.group("name")) and not _orgish(role.group("name")):
        # "regional governor Oleh Synehubov", "police Lt. Ali Abbas": the person, whose
        # role a later "the governor" may name (merging.py)
        person = reg._person(role.group("name"))
        if person is not None:
            person.descriptors.update(_tokens(np[: role.start("name")]))
            if appositive:
                person.descriptors.update(_tokens(appositive))
        return reg._touch_opt(person)
    if np[:1].isupper() and (
        ((tm := lx.TITLES_RE.match(np)) and not _ROLE_OF_RE.match(np, tm.end()))
        # ("Chief of Surgery" is an office, not a titled name)
        # a name given a short form in brackets is an organisation's ("Medecins Sans
        # Frontieres (MSF)"), not a person's
        or (_is_name(np) and not _orgish(np) and np not in reg.acronyms.values())
    ):
        person = reg._person(np)
        if person is not None and appositive:
            person.descriptors.update(_tokens(appositive))  # "Ana Ruiz, the governor,"
        if person is not None and person.institution is None and _SPOKES_TITLE_RE.match(np):
            # "Spokeswoman Marta Heller told reporters": for the institution spoken of last.
            person.speaks_for(reg._recent(lambda e: not e.person and e.institution is None))
        return reg._touch_opt(person)
    return UNRESOLVED
