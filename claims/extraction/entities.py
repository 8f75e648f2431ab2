"""The claimants of one article: entities, their fullest names, and coreference.

Rules (see also attribution.py):
- Each claimant is reported under the fullest form the article gives it ("the Observatory" after
  "the Kestrel Observatory for Rights" -> the latter); acronyms defined in the article ("Vigil
  for Civilians (VfC)") mean their full name.
- "he"/"she" is the last person speaker (a role counts: "a doctor at the clinic", "a member
  of the committee"), "it"/"they" the last institution; "the group", "the monitor" follow an
  appositive that said so, else the latest named organisation; a bare "the group" after a
  named organisation means it rather than an older unnamed "rights group". "the ministry"
  never falls back to an organisation of another kind.
- "its spokesman, Lt Col Amos Dray" speaks for the institution spoken of last. "Human rights
  group Civic Shield", "Local journalist Femi Obra": the name, with the rest as description.
- An unnamed "a rights group" of the lede is the one non-state organisation named after it.
- A spokesperson speaks for the institution the article ties them to ("Defence Department
  spokesman Ann Lee", "Ann Lee, a spokeswoman for the ministry", "an army spokesman"); other
  named people are claimants under their name without ranks ("Maj. Gen. Ann Lee" -> "Ann Lee").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.extraction import lexicon as lx
from claims.extraction.memo import normalized, tokens
from claims.extraction.merging import merge_names
from claims.extraction.names import (
    _A_SPOKESPERSON,
    _ANY_ORG,
    _CALLING_ITSELF_RE,
    _ORG_OFFICIAL_RE,
    _has_upper,
    _initials,
    _is_name,
    _is_proper,
    _lowerish,
    _orgish,
    _person_noun,
    _tokens,
    read_acronyms,
)
from claims.extraction.roles import (
    _COLLECTIVE,
    _DOCUMENT_RE,
    _DOCUMENT_WORDS,
    _INQUIRY_WORDS,
    _ITS_SPOKES_RE,
    _NOT_ORGS,
    _OF_BODY_RE,
    _OFFICE_ADJECTIVES,
    _OFFICE_HEADS,
    _ORG_DOCUMENT_RE,
    _ORG_SPOKES_RE,
    _ROLE_BEFORE_NAME_RE,
    _ROLE_OF_RE,
    _SPEAKER_ROLES,
    _SPOKES_APPOS_RE,
    _SPOKES_RE,
    _SPOKES_TITLE_RE,
    _STATEMENT_OF_RE,
    holds_office,
)


@dataclass(eq=False, slots=True)
class Entity:
    """One claimant as the article names it; ``canonical`` grows to the fullest form seen."""

    canonical: str
    person: bool
    tokens: frozenset[str]
    head: str
    descriptors: set[str] = field(default_factory=set)
    institution: Entity | None = None
    last_cited: str = ""
    last_seen: int = 0

    @property
    def claimant(self) -> Entity:
        """The entity this one speaks for, following institution links; a link that would
        close a loop is refused where it is made (``speaks_for``), and this walk stops at one
        all the same."""
        e, seen = self, 0
        while e.institution is not None and seen < 8:
            e, seen = e.institution, seen + 1
        return e

    def speaks_for(self, org: Entity | None) -> None:
        """Link this entity to the institution it speaks for, unless that makes a loop."""
        if org is not None and org is not self and org.claimant is not self:
            self.institution = org


class Registry:
    """The claimants of one article, for resolving short names and pronouns."""

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.clock = 0
        self._cache: dict[tuple[str, str], Entity] = {}
        self._described: set[str] = set()  # every entity's descriptor words, a cheap test
        self.last_official: Entity | None = None  # the institution of "a ministry official"
        self.text = text
        # "Vigil for Civilians (VfC)" anywhere in the article lets "VfC" mean the full name;
        # names introduced with an acronym, by position: "the organisation said" after
        # "Doctors Without Borders (MSF)" and no other organisation means it (names.py).
        self.acronyms, self.introduced = read_acronyms(text)
        self.pos = len(text)  # where the extractor is reading (set per sentence)
        self._acronyms_key = tuple(self.acronyms.items())

    def finish(self) -> None:
        """Names read once the whole article is known (merging.py)."""
        merge_names(self)

    def _touch(self, e: Entity) -> Entity:
        self.clock += 1
        e.last_seen = self.clock
        return e

    def _recent(self, pred) -> Entity | None:
        """The most recently touched entity satisfying ``pred`` (the first one on ties)."""
        best = None
        seen = -1
        for e in self.entities:
            # The cheap comparison first: ``pred`` runs only for a better candidate.
            if e.last_seen > seen and pred(e):
                best, seen = e, e.last_seen
        return best

    def _tokens(self, np: str) -> frozenset[str]:
        """``_tokens``, memoised (memo.py)."""
        return tokens(np)

    def resolve(self, np: str, appositive: str = "") -> Entity | None:
        """The entity a noun phrase names, creating it when new. None for unusable phrases.

        Names repeat within an article ("Konashenkov", "the Observatory"); a name that carries a
        capital after its first letter always resolves the same way, so it is cached. Lower-case
        phrases ("the ministry", "he") depend on what was said last and are never cached.
        """
        key = (np, appositive)
        if (cached := self._cache.get(key)) is not None:
            return self._touch(cached)
        e = self._resolve(np, appositive)
        if e is not None and not appositive and _has_upper(np[1:]):
            self._cache[key] = e
        return e

    def _resolve(self, np: str, appositive: str = "") -> Entity | None:
        np, appositive = normalized(
            np, appositive, self.acronyms, self._acronyms_key, self._spelled_out
        )
        low = np.lower()
        if low in lx.PRONOUNS_PERSON:
            return self._touch_opt(self._recent(lambda e: e.person))
        if low == "we":
            # An organisation's own statement ("we have established that ..."): the
            # organisation named last.
            return self._touch_opt(self._recent(lambda e: not e.person and _has_upper(e.canonical)))
        if low in lx.PRONOUNS_THING:
            return self._touch_opt(self._recent(lambda e: not e.person))
        if low in _A_SPOKESPERSON:
            # "The Forces have never acknowledged ..., and a spokesman said": an unnamed
            # spokesperson speaks for the institution spoken of last.
            return self._touch_opt(self._recent(lambda e: not e.person and e.institution is None))
        if " calling itself " in low and (m := _CALLING_ITSELF_RE.search(np)):
            return self.resolve(m.group("name"))  # "a group calling itself the Jihad Brigade"
        if low[:4] in ("his ", "her ") and low[4:] in _DOCUMENT_WORDS:
            return self._touch_opt(self._recent(lambda e: e.person))  # "his statement"
        if low in _DOCUMENT_WORDS or low in ("spokesman", "spokeswoman", "spokesperson"):
            if low in _DOCUMENT_WORDS:
                return self._touch_opt(self._recent(lambda e: not e.person))
            return self._touch_opt(self._recent(lambda e: e.institution is not None))
        # Substring guards: most names hold no spokesperson word and no apostrophe, and the
        # anchored patterns below cost more than the test.
        spokes = "spokes" in low or "press" in low or " officer" in low
        if spokes and (m := _SPOKES_RE.match(np)):
            # ("presidential spokesman Ana Vell" speaks for the presidency)
            org = self.resolve(_OFFICE_ADJECTIVES.get(m.group("org").lower(), m.group("org")))
            person = self._person(m.group("person"))
            if person is not None and org is not None and not org.person:
                person.speaks_for(org)
            return self._touch_opt(person)
        if appositive[:4] == "for " and _is_name(np) and (org := self.resolve(appositive[4:])):
            # "Elizabeth Throssell, for the OHCHR, said": she speaks for the office
            person = self._person(np)
            if person is not None and not org.person:
                person.speaks_for(org)
            return self._touch_opt(person)
        if appositive and _ITS_SPOKES_RE.match(appositive.strip()):
            # "Its spokesman, Lt Col Amos Dray, said": the organisation spoken of last.
            org = self._recent(lambda e: not e.person)
            person = self._person(np) if _is_name(np) else None
            if person is not None and org is not None:
                person.speaks_for(org)
            if person is not None:
                return self._touch(person)
        if appositive and (
            (m := _SPOKES_APPOS_RE.match(appositive.strip()))
            or (
                (m := _ORG_SPOKES_RE.match(appositive.strip()))
                and m.group("org").lower() not in _NOT_ORGS
            )
        ):
            org = self.resolve(m.group("org"))
            person = self._person(np) if _is_name(np) else self.resolve(np)
            if person is not None and org is not None and person is not org:
                person.speaks_for(org)
            return self._touch_opt(person)
        if (spokes or "representative" in low) and (m := _SPOKES_APPOS_RE.match(np)):
            return self.resolve(m.group("org"))  # "a spokesman for the ministry"
        if "'" in np and (m := _DOCUMENT_RE.match(np)):
            return self.resolve(m.group("org"))  # "the ministry's statement", "the group's tally"
        if (
            " " in low
            and low.rsplit(None, 1)[1] in _DOCUMENT_WORDS
            and (m := _ORG_DOCUMENT_RE.match(np))
            and m.group("org").split()[-1].lower() in lx.CLAIMANT_HEADS
        ):
            return self.resolve(m.group("org"))  # "a ministry statement", "the army's bulletin"
        if (
            " official" in low
            and (m := _ORG_OFFICIAL_RE.match(np))
            and (org := self._recent(lambda e: not e.person and e.head == m.group("org").lower()))
        ):
            # "A ministry official said ..." after "The regional emergencies ministry ...":
            # an unnamed official of the institution just named speaks for it.
            self.last_official = org
            return self._touch(org)
        if low == "official":
            if self.last_official is not None:
                return self._touch(self.last_official)  # "The official, who was not authorised"
            # "Dak Mol, commissioner for the county, said ... the official said": the person
            # last named with an office, unless an unnamed official was spoken of since.
            named = self._recent(lambda e: e.person and holds_office(e.descriptors))
            if named is not None and named.last_seen > max(
                (e.last_seen for e in self.entities if e.head == "official"), default=0
            ):
                return self._touch(named)
        if spokes and (m := _ORG_SPOKES_RE.match(np)) and m.group("org").lower() not in _NOT_ORGS:
            # "an army spokesman", "the ministry's spokesman"
            return self.resolve(_OFFICE_ADJECTIVES.get(m.group("org").lower(), m.group("org")))
        if "statement " in low and (m := _STATEMENT_OF_RE.match(np)):
            return self.resolve(m.group("org"))  # "a statement from the naval command"
        # (a name ends in a capital word: that test is cheap, the pattern is not)
        role = (
            _ROLE_BEFORE_NAME_RE.match(np)
            if " " in np and np[np.rfind(" ") + 1 : np.rfind(" ") + 2].isupper()
            else None
        )
        if role is not None and _is_name(role.group("name")) and not _orgish(role.group("name")):
            # "regional governor Oleh Synehubov", "police Lt. Ali Abbas": the person, whose
            # role a later "the governor" may name (merging.py)
            person = self._person(role.group("name"))
            if person is not None:
                person.descriptors.update(_tokens(np[: role.start("name")]))
                if appositive:
                    person.descriptors.update(_tokens(appositive))
            return self._touch_opt(person)
        if np[:1].isupper() and (
            ((tm := lx.TITLES_RE.match(np)) and not _ROLE_OF_RE.match(np, tm.end()))
            # ("Chief of Surgery" is an office, not a titled name)
            # a name given a short form in brackets is an organisation's ("Medecins Sans
            # Frontieres (MSF)"), not a person's
            or (_is_name(np) and not _orgish(np) and np not in self.acronyms.values())
        ):
            person = self._person(np)
            if person is not None and appositive:
                person.descriptors.update(_tokens(appositive))  # "Ana Ruiz, the governor,"
            if person is not None and person.institution is None and _SPOKES_TITLE_RE.match(np):
                # "Spokeswoman Marta Heller told reporters": for the institution spoken of last.
                person.speaks_for(self._recent(lambda e: not e.person and e.institution is None))
            return self._touch_opt(person)
        toks = self._tokens(np)
        if not toks:
            return None
        head = np.split()[-1].lower()
        if len(toks) == 1 and (np[:1].isupper() or np[:3] in ("al-", "el-")) and not _orgish(np):
            # A bare surname ("Cook") names the person introduced earlier, if any.
            known = self._recent(lambda e: e.person and head in e.tokens)
            if known is not None:
                return self._touch(known)
        e = None  # self._recent(toks <= e.tokens and (e.head == head or head in e.tokens)),
        seen = -1  # inlined: the hottest loop of the attribution step
        # A bare acronym ("UN") is not the longer body it qualifies ("UN forces in Kessa").
        qualifier_only = len(toks) == 1 and len(np) >= 2 and np.isupper()
        for x in self.entities:
            if (
                x.last_seen > seen
                and toks <= x.tokens
                and (
                    x.head == head
                    or (head in x.tokens and x.head not in _SPEAKER_ROLES and not qualifier_only)
                )
            ):
                e, seen = x, x.last_seen
        if e is not None and low in _ANY_ORG and _lowerish(e.canonical):
            # "the group" after "a rights group said ... The Kestrel Observatory said": the
            # organisation named last, by name, rather than an older description.
            named = self._recent(
                lambda x: not x.person and " " in x.canonical and _has_upper(x.canonical)
            )
            if named is not None and named.last_seen > e.last_seen:
                e = named
        if e is None and low in _INQUIRY_WORDS:
            # "the panel" after "The public inquiry ...": one body, named two ways
            e = self._recent(lambda x: not x.person and x.head in _INQUIRY_WORDS)
        if e is None and len(toks) == 1 and head in self._described:
            e = self._recent(lambda e: head in e.descriptors)
        if e is None and low in _ANY_ORG and not np[:1].isupper():
            # "the group" with no group named: the latest named organisation, else the latest
            # organisation introduced with an acronym before this sentence.
            e = self._recent(
                lambda e: not e.person and " " in e.canonical and " and the " not in e.canonical
            )
            if e is None and (named := [n for p, n in self.introduced if p < self.pos]):
                return self.resolve(named[-1])
        if e is None:
            # "the Observatory" then "the Kestrel Observatory": one entity, named in full; a
            # name inside a longer one too ("the Red Cross" then "the Lakeview Red Cross
            # Society"). Bare collectives ("officials") are not grown into "health officials".
            seen = -1
            # (never into a person's office: "Lanmore Police chief ...")
            inside = (
                f" {low} "
                if np[:1].isupper() and head not in _OFFICE_HEADS and _is_proper(np)
                else ""
            )
            for x in self.entities:
                if (
                    x.last_seen > seen
                    and x.tokens < toks
                    and (
                        x.head == head
                        or (inside and not x.person and f" {x.canonical.lower()} " in inside)
                    )
                    and x.canonical.lower() not in _COLLECTIVE
                ):
                    e, seen = x, x.last_seen
            if e is not None:
                e.canonical, e.tokens = np, toks
        if e is None:
            # "a doctor at the hospital", "a member of the committee": one person, whom a later
            # "he" or "she" means.
            e = Entity(np, _person_noun(low), toks, head)
            self.entities.append(e)
        if (
            len(np) > len(e.canonical)
            and toks >= e.tokens
            and not e.person
            and e.canonical.lower() not in _COLLECTIVE
            # "Gaza Health Ministry" stays the name when "Gaza's health ministry" follows
            and not ("'" in np and "'" not in e.canonical and _has_upper(e.canonical[1:]))
        ):
            e.canonical, e.tokens = np, toks
        if appositive:
            e.descriptors.update(_tokens(appositive))
            self._described.update(e.descriptors)
        return self._touch(e)

    def _spelled_out(self, acronym: str) -> str:
        """The name of an organisation already named whose initials ``acronym`` is."""
        for e in reversed(self.entities):
            if not e.person and " " in e.canonical and _initials(e.canonical) == acronym:
                return e.canonical
        return ""

    def _touch_opt(self, e: Entity | None) -> Entity | None:
        return self._touch(e) if e is not None else None

    def knows_person(self, name: str) -> bool:
        """Whether a person named ``name`` (or by part of it) was introduced already."""
        toks = self._tokens(name)
        return bool(toks) and any(e.person and toks <= e.tokens for e in self.entities)

    def _person(self, np: str) -> Entity | None:
        name = np.strip()
        while m := lx.TITLES_RE.match(name):
            name = name[m.end() :]
        name = name.strip(" ,")
        if name[:3] == "of " and (m := _OF_BODY_RE.match(name)):
            name = name[m.end() :]  # "Superintendent of Police Shihab Khan": the title's rest
        if " " in name and (m := _ROLE_BEFORE_NAME_RE.match(name)):
            name = m.group("name")  # "Ankara Governor Mehmet Kilic", "police official Ali Khan"
        if not name:
            return None
        toks = self._tokens(name)
        last = name.split()[-1].lower()
        # the same person, by a name that is part of the other or by the surname alone;
        # never two full names that differ ("Ana Tomba" is not "Ravi Tomba")
        e = self._recent(
            lambda e: (
                e.person
                and (
                    toks <= e.tokens
                    or (
                        last in e.tokens
                        and (len(toks) == 1 or len(e.tokens) == 1 or e.tokens < toks)
                    )
                )
            )
        )
        if e is None:
            e = Entity(name, True, toks, last)
            self.entities.append(e)
        elif len(name) > len(e.canonical):
            e.canonical, e.tokens = name, toks
        return e
