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
    _ANY_ORG,
    _has_upper,
    _initials,
    _is_proper,
    _lowerish,
    _orgish,
    _person_noun,
    _tokens,
    read_acronyms,
)
from claims.extraction.references import UNRESOLVED, resolve_reference
from claims.extraction.roles import (
    _COLLECTIVE,
    _INQUIRY_WORDS,
    _OF_BODY_RE,
    _OFFICE_HEADS,
    _ROLE_BEFORE_NAME_RE,
    _SPEAKER_ROLES,
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
        found = resolve_reference(self, np, low, appositive)
        if found is not UNRESOLVED:
            return found  # a pronoun, a spokesperson, an official, a titled person
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
