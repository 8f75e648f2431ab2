"""Who says it: the speakers in a sentence and which one a figure belongs to.

Rules (for editors and docs/SEMANTICS.md; names and coreference are in entities.py):
- Speakers are found from reporting verbs ("said", "told", "put the toll at", "according to",
  '"...," said X', "X, a spokeswoman for Y, said", "the agency quoted X as saying").
- The claimant is the outermost speaker of a reporting chain ("X says regime sources told the
  Russians that ..." -> claimant X, cited "regime sources"); "citing"/"quoting" name the cited
  source too. A chain breaks at "; ", ", and", ", while", ", but" (a new statement).
- Wire services and broadcasters that relay someone else ("Reuters reported that the Network
  put the toll at 31") are skipped; an outlet's own count ("according to AFP's tally") is its
  claim.
- Speakers inside relative clauses ("the shelling, which the army said was an accident") govern
  nothing; "a military official who spoke on condition of anonymity said" is one speaker.
- A figure takes the chain before it, else the first trailing speaker after it (", police
  said"), else the nearest speaker in its sentence; the extractor carries the last claimant to
  later sentences that name nobody.
- Also speakers: "according to figures/estimates/a tally kept by X" (X), "according to the
  town's governor, Ana Ruiz, ..." (the person named), "X, ..., saying ..." (the sentence's
  subject), "the toll, provided by X, ..." (X), "X's tally shows" / "X figures show" (X), "we"
  (the organisation named last, in its own statement). "A witness who gave his name as K said"
  is the witness: a "who" clause keeps its words ("as", "to") inside the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction import lexicon as lx
from claims.extraction.entities import (
    Entity,
    Registry,
    _is_name,
    _is_proper,
)
from claims.extraction.numbers import anchored_gate, trie_regex, words
from claims.extraction.relays import AGENT_RE, _antecedent, _is_acronym, _is_media
from claims.extraction.subjects import _subject, _valid_np

# A flat prefix tree of lower-case verbs, so the engine scans for first letters in C; the word
# boundary before the verb is checked in find_attributions.
_VERBS = words(
    """said says say told tells added adds reported reports stated announced claimed
    confirmed estimated estimates wrote writes tweeted posted noted insisted explained warned
    counted recorded documented established tallied shows show acknowledged admitted disclosed
    revealed indicated gave quoted concluded suggest suggests suggested informed informs
    verified"""
)
_VERB_PHRASES = (
    "report that",  # "Local authorities report that ..."; the bare word is mostly the noun
    "found that",  # "The inquiry found that ..."; "found 14 bodies" is no speech
    "put their losses",  # "Ferrow sources put their own losses at about 400 dead"
    "put their own losses",
    "put its losses",
    "put its own losses",
    "are saying",
    "is saying",
    "maintains a list",  # "... maintains a list of 163 names" (context.py: a roll of the dead)
    "keeps a list",
    "compiled a list",
    "published a list",
    "finds that",
    "put the toll",
    "put the death toll",
    "put the number",
    "put the figure",
    "puts the toll",
    "puts the death toll",
    "gave a toll",
    "gave a death toll",
    *(
        # "The ministry later raised the death toll to 18", "police revised their toll"
        f"{verb} {det} {noun}"
        for verb in ("raised", "raises", "revised", "revises", "updated", "updates", "lowered")
        for det in ("its", "the", "their")
        for noun in ("toll", "death toll", "casualty toll", "tally", "count", "figure")
    ),
)
_REPORT_NUMBER_RE = re.compile(
    r"(?<![\w-])reports?(?=\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?\d)"
)
_VERB_RE = re.compile("(?P<verb>" + trie_regex([*_VERBS, *_VERB_PHRASES]) + r")\b")
# Passes every sentence in which _VERB_RE can match (and a few more): most sentences have no
# reporting verb, and this scan is ten times cheaper than the verb pattern's.
_VERB_GATE_RE = anchored_gate([*_VERBS, *_VERB_PHRASES])
# How far before the gate's match a verb may start: the longest verb phrase.
_VERB_REACH = max(len(v) for v in (*_VERBS, *_VERB_PHRASES)) + 1
# A character of a noun phrase: a period only inside abbreviations ("Dr.", "U.S.", "St.").
_NP_CHAR = (
    r"[^,.;:\"()]|\.(?=[A-Za-z])|(?<=\b[A-Z])\.|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bSt)\."
    r"|(?<=\bMrs)\.|(?<=\bGen)\.|(?<=\bCol)\.|(?<=\bLt)\.|(?<=\bMaj)\.|(?<=\bProf)\."
)
_TITLE_END_RE = re.compile(r"\b(?:Dr|Mr|Ms|Mrs|Gen|Col|Lt|Maj|Prof|St|Sgt|Capt|Brig|Adm)$")
_ACCORDING_RE = re.compile(
    r"\b(?:[Aa]ccording\s+to)\s+(?:(?:(?:the|a|an)\s+)?(?:latest\s+|new\s+|official\s+|updated\s+)?"
    r"(?:figures|data|statistics|estimates?|toll|tally|count|statement|report|records|numbers|"
    r"information)\s+"
    r"(?:from|by|(?:compiled|released|issued|provided|kept|published|gathered)\s+by|of)\s+)?"
    rf"(?P<np>(?:{_NP_CHAR}){{1,90}}?)(?=\s*(?:[,;:()\"]|(?<!\b[A-Z])\.(?![A-Za-z])|$|\s+(?:which|who|that|on\s+\w+day|in\s+a|"
    r"citing|and\s+(?:the|a)\s+\w+\s+said|published|released|issued|compiled)\b))"
)
_CITING_RE = re.compile(
    r"\b(?:citing|quoting)\s+(?P<np>[^,.;:\"()]{1,100}?)(?=\s*(?:[,.;:)\"]|$|\s+(?:who|which|"
    r"as\s+saying|and\s+said)\b))"
)
_INVERSION_RE = re.compile(
    rf"\s+(?P<np>(?:the\s+|a\s+|an\s+)?[A-Za-z](?:{_NP_CHAR}){{0,80}}?)(?=\s*(?:[,.;:)\"]|$|\s+(?:in\s+"
    r"a|on\s+\w+|told|who|which|citing)\b))(?:\s*,\s*(?P<app>(?:a|an|the)\s[^,.;:\"()]{1,80}))?"
)
# Verbs a speaker may follow ('"...," said the ministry'); "told" never inverts.
_INVERSION_VERBS = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "reported",
        "stated",
        "noted",
        "warned",
        "confirmed",
        "explained",
        "announced",
    }
)
_QUOTED_AS_RE = re.compile(rf"\s+(?P<np>(?:{_NP_CHAR}){{1,80}}?)\s+as\s+saying\b")
_SOURCE_NOUN_RE = re.compile(
    # lower-case only: "Centre for Conflict Records" keeps its name
    r"(?:'s)?(?:\s+own)?\s+(?:figures|data|statistics|estimates|tally|tallies|count|records|numbers)$"
)


_POSSESSIVE_END_RE = re.compile(r"'s?$")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+$")
_PASSIVE_AFTER_RE = re.compile(r"\s+(?:by|to\s+be|to\s+have)\b")
_CLAUSE_AFTER_RE = re.compile(r"(?:\s+\S+){0,6}?\s+(?:that|\d)")
# A new statement, or a subordinate clause with a speaker of its own ("the administration said
# on Friday, after residents counted 64 fresh graves"): no relayed chain runs across it.
_CHAIN_BREAK_RE = re.compile(r";|,\s*(?:and|while|but|whereas|after|when|before|because)\b|\.\s")
_NP_END_RE = re.compile(r"[,;:()\"]")
_DIGIT_RE = re.compile(r"[0-9]")
# Agencies that are not news agencies: they count for themselves.
_NOT_MEDIA_AGENCY_RE = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations|[Rr]efugee|[Hh]umanitarian|[Aa]id|[Rr]elief|[Dd]isaster|"
    r"[Ee]mergenc\w+|[Hh]ealth|[Cc]hildren's|[Mm]igration|[Ss]ecurity|[Ii]ntelligence)\b"
)
_THAT_BEFORE_RE = re.compile(r"\bthat\s+$")
_INNER_ACRONYM_RE = re.compile(r"\s\([A-Z][A-Za-z.]{1,9}\)(?=\s+[A-Z])")
# Words that end a subject but name no part of the speaker.
_NP_TAIL_RE = re.compile(
    r"\s+(?:who|which|in\s+a\s+(?:statement|post|tweet|briefing|news\s+conference|video|report)|"
    r"overnight|late|early)$"
)
_OWN_VERB_AFTER_RE = re.compile(
    r"\s+(?:was|were|is|are|had|has|have|would|could|might|may|will)\b(?!\s+(?:told|said)\b)"
)


_SOURCE_NOUNS = tuple(
    words("figures data statistics estimates tally tallies count records numbers")
)
_NAME_APPOS_RE = re.compile(r",\s+(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}),")
_GAVE_NOT_RE = re.compile(r"\s+(?:his|her|their|only|no|up|way|birth|chase)\b")
_SAYING_RE = re.compile(r",\s+(?:saying\b|telling\s[^,.;\"]{1,60}?\bthat\b)")
# The subject of a sentence: the words before its first past-tense verb, after any dateline.
_PARTICIPLE_SUBJECT_RE = re.compile(
    r"(?:[A-Z][A-Z .'-]+,[^-\u2013\u2014]{0,40}[-\u2013\u2014]\s+)?"
    r"(?P<np>[A-Z][\w'-]*(?:\s+(?![a-z]+ed\b)[\w'.-]+){0,8}?)\s+(?:also\s+)?[a-z]+ed\b"
)
_CONFIRMED_BY_RE = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:confirmed|reported|given|announced|"
    rf"released|verified)\s+by\s+(?P<np>(?:{_NP_CHAR}){{2,80}}?)"
    r"(?=\s*(?:[,.;:()\"]|$|\s+(?:on|in|at|late|early|who|which)\b))"
    r"(?:\s*,\s*(?P<app>(?:a|an|the)\s[^,.;:\"()]{1,80}))?"
)
_PROVIDED_BY_RE = re.compile(
    r"\b(?:toll|figure|figures|tally|count|number|estimate)s?,\s+(?:provided|given|compiled|"
    r"released|supplied|issued|published)\s+by\s+(?P<np>[^,;:\"()]{2,80}?),"
)


# Verb forms that are also plural nouns, read as nouns before a preposition.
_NOUN_TOO = frozenset({"reports", "estimates", "shows", "counts", "tallies"})
# "Initial reports by the agency", "New reports suggest that ...": nouns
_NOUN_AFTER_RE = re.compile(
    r"\s+(?:by|from|of|suggest(?:s|ed)?|indicate[sd]?|put|show(?:s|ed)?|claim(?:s|ed)?|say|"
    r"have|had|were|are)\b"
)
_PAREN_SOURCE_RE = re.compile(
    r"\((?P<np>[A-Z][\w'&.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'&.-]*)){0,7})\)\.?$"
)


def _orgish_name(np: str) -> bool:
    return _is_proper(np) and not lx.CLAIMANT_HEADS.isdisjoint(w.lower() for w in np.split())


def _whole_name(s: str, start: int, np: str) -> str:
    """``np`` as found, or up to the next comma when it stopped at a title ("Lt. Col. Ann Lee")."""
    if _TITLE_END_RE.search(np):
        return _NP_END_RE.split(s[start:], maxsplit=1)[0].rstrip(" .")
    return np


def _ends_with_comma_or_quote(text: str) -> bool:
    return text.rstrip()[-1:] in (",", '"')


@dataclass(slots=True)
class Attribution:
    """A speaker in one sentence: where its verb ends (it governs what follows) or, for trailing
    attributions, where its noun phrase starts (it governs what precedes)."""

    start: int
    end: int
    entity: Entity | None  # None for an outlet that only relays
    trailing: bool
    cited: str = ""
    relative: bool = False


def find_attributions(s: str, registry: Registry, base: int = 0) -> list[Attribution]:
    """Speakers in a sentence, in order, resolved against the article's registry."""
    out: list[Attribution] = []
    cites = (
        [(m.start(), m.group("np").strip()) for m in _CITING_RE.finditer(s)]
        if ("citing" in s or "quoting" in s)
        else []
    )
    gate = _VERB_GATE_RE.search(s)
    # The gate's first match lies inside the first verb (at a letter of it, or of a phrase's
    # longest word), so the exact pattern starts scanning just before it, not at the start.
    verbs = _VERB_RE.finditer(s, max(0, gate.start() - _VERB_REACH)) if gate is not None else ()
    if "report" in s and (rm := _REPORT_NUMBER_RE.search(s)) is not None:
        # "Health partners report 14 civilian deaths": the bare verb only before a number (it
        # is mostly the noun), read after the other verbs (the list is sorted at the end)
        verbs = [*verbs, rm]
    for m in verbs:
        if m.start() and (s[m.start() - 1].isalnum() or s[m.start() - 1] == "-"):
            continue  # inside a word ("unsaid")
        verb_end = m.end()
        if _VERB_RE.match(s, verb_end + 1) or (
            _PASSIVE_AFTER_RE.match(s, verb_end)
            and _PASSIVE_BEFORE_RE.search(s, max(0, m.start() - 12), m.start())
        ):
            continue  # "reports said", "was told by", "is said to have"
        pre = s[: m.start()]
        verb = m.group()
        if verb in _NOUN_TOO and _NOUN_AFTER_RE.match(s, verb_end):
            continue  # "Initial reports by the agency", "estimates from the ministry": nouns
        if (
            verb[:5] == "claim"
            and s.startswith(" responsibility", verb_end)
            and ", saying" not in s[verb_end:]
        ):
            continue  # "rebels claimed responsibility for a bomb that killed seven": no count
        if verb == "gave" and _GAVE_NOT_RE.match(s, verb_end):
            continue  # "who gave his name as Kaspar": no figure given
        if (
            verb in _INVERSION_VERBS
            and _ends_with_comma_or_quote(pre)
            and (im := _INVERSION_RE.match(s, verb_end))
            and (inverted := _valid_np(_whole_name(s, im.start("np"), im.group("np"))))
        ):
            ent = _entity(registry, inverted, im.group("app") or "")
            out.append(Attribution(im.start("np"), im.end("np"), ent, True))
            continue
        if verb == "quoted" and (qm := _QUOTED_AS_RE.match(s, verb_end)):
            # "the agency quoted a local official as saying ...": the official speaks; the
            # quoting outlet only relays.
            quoted = _valid_np(qm.group("np"))
            if quoted:
                out.append(
                    Attribution(qm.start("np"), qm.end(), _entity(registry, quoted, ""), False)
                )
                continue
        if "(" in pre and ")" in pre:
            # "The United Nations (UN) Human Rights Office said": the bracketed short form
            # inside a name is blanked (same length, so offsets hold)
            pre = _INNER_ACRONYM_RE.sub(lambda am: " " * len(am.group()), pre)
        sub = _subject(pre)
        if sub is None:
            continue
        if "   " in sub[0]:
            sub = (" ".join(sub[0].split()), *sub[1:])
        np_text, np_start, appositive, relative = sub
        if relative and not np_text and (ante := _antecedent(pre)) is not None:
            # "the regional police command, which said six strikers had died": the relative
            # pronoun is the speaker, and it stands for the phrase before it.
            np_text, np_start, appositive, relative = ante
        if np_text[-1:] in "tehylkdo" and (tm := _NP_TAIL_RE.search(np_text)):
            np_text = np_text[: tm.start()]  # "officials overnight", "X in a statement", "X who"
        if " into " in np_text and _valid_np(head := np_text.split(" into ", 1)[0]):
            np_text = head  # "The public inquiry into the 2021 shooting ... concluded"
        np = _valid_np(np_text)
        if np is None:
            continue
        if appositive.lower().startswith(("citing", "quoting")):
            cites.append((np_start, appositive.split(None, 1)[1] if " " in appositive else ""))
            appositive = ""
        if not relative and _THAT_BEFORE_RE.search(s, max(0, np_start - 6), np_start):
            # "an explosion that officials said was an act of terrorism": a verb followed at
            # once by the clause's own verb is inside a relative clause, like "which ... said".
            relative = _OWN_VERB_AFTER_RE.match(s, verb_end) is not None
        if relative:
            out.append(Attribution(np_start, verb_end, None, False, relative=True))
            continue
        if (
            verb[:3] in ("rep", "sai", "say")
            and s.startswith(" that ", verb_end)
            and (am := AGENT_RE.match(s, verb_end + 6))
            and _is_media(np, verb)
            and (agent := _valid_np(am.group("np")))
        ):
            # "State television reported that the air force had killed 25": the broadcaster
            # relays, the claim is the agent's.
            out.append(Attribution(np_start, verb_end, None, False))
            out.append(
                Attribution(am.start("np"), am.end("np"), _entity(registry, agent, ""), False)
            )
            continue
        ent = _entity(registry, np, appositive)
        tail = s[verb_end : verb_end + 80]
        trailing = _ends_with_comma_or_quote(s[max(0, np_start - 20) : np_start]) and not (
            _CLAUSE_AFTER_RE.match(tail)
        )
        out.append(Attribution(np_start, verb_end, ent, trailing))
    k = s.find("ccording")
    for m in _ACCORDING_RE.finditer(s, max(0, k - 4)) if k >= 0 else ():
        raw = m.group("np")
        raw = _whole_name(s, m.start("np"), raw)
        raw = _SOURCE_NOUN_RE.sub("", raw.strip())  # "United Nations figures"
        if raw != m.group("np").strip():
            raw = _POSSESSIVE_END_RE.sub("", raw)  # "AFP's tally": the outlet's own count
        np = _valid_np(raw)
        appositive = ""
        if np and (am := _NAME_APPOS_RE.match(s, m.end("np"))) and _is_name(am.group("name")):
            # "according to Barra's governor, Selma Auk, 41 ...": the person named.
            np, appositive = am.group("name"), np
        if np:
            # An outlet named here counted itself; it is skipped only when it relays a speaker.
            ent = registry.resolve(np, appositive)
            trailing = m.start() > len(s) // 2
            out.append(Attribution(m.start(), m.end(), ent, trailing))
    if (
        (", saying" in s or ", telling" in s)
        and (sm := _SAYING_RE.search(s))
        and (pm := _PARTICIPLE_SUBJECT_RE.match(s))
    ):
        # "The opposition Union disputed the account, saying at least 15 had died": the
        # sentence's subject says what follows "saying".
        np = _valid_np(pm.group("np"))
        if np is not None and not any(a.start <= sm.start() <= a.end + 1 for a in out):
            ent = _entity(registry, np, "")
            out.append(Attribution(sm.start(), sm.end(), ent, False))
    if ("ed by " in s or "en by " in s) and (bm := _PROVIDED_BY_RE.search(s)):
        # "The toll, provided by the district office, included five children."
        np = _valid_np(bm.group("np"))
        if np is not None:
            out.append(Attribution(bm.start(), bm.end(), _entity(registry, np, ""), False))
    elif "ed by " in s and (bm := _CONFIRMED_BY_RE.search(s)):
        # "The toll of at least 15 was confirmed by Faris Nouri, a hospital director."
        np = _valid_np(_whole_name(s, bm.start("np"), bm.group("np")))
        if np is not None:
            ent = _entity(registry, np, bm.group("app") or "")
            out.append(Attribution(bm.start("np"), bm.end("np"), ent, True))
    if (
        s[-1:] in ")."
        and "(" in s
        and (pm := _PAREN_SOURCE_RE.search(s))
        and (np := _valid_np(pm.group("np")))
        and (_is_acronym(np) or _orgish_name(np))
    ):
        # "118 civilians killed since 1 August (Dorran Health Directorate)": a key-figures
        # line names its source in brackets at its end.
        out.append(Attribution(pm.start("np"), pm.end(), _entity(registry, np, ""), True))
    out.sort(key=lambda a: a.start)
    for a, b in zip(out, out[1:], strict=False):
        if (
            a.entity is not None
            and a.entity.person
            and b.entity is not None
            and not b.entity.canonical[:1].isupper()
            and s[a.end : b.start].strip() == ","
            and s.startswith(("the ", "a ", "an "), b.start)
        ):
            # "confirmed by Aram Petrosyan, the director of the district hospital, who said":
            # the phrase before "who" describes the person just named.
            b.entity = a.entity
    if cites:
        out = [_with_cite(a, cites, out) for a in out]
    return out


def _with_cite(a: Attribution, cites: list[tuple[int, str]], all_: list[Attribution]):
    if a.entity is None or a.relative:
        return a
    later = [x.start for x in all_ if x.start > a.start and x.entity is not None]
    limit = later[0] if later else 10**9
    mine = [c for pos, c in cites if a.start <= pos + 200 and pos < limit and c]
    if not mine:
        return a
    return Attribution(a.start, a.end, a.entity, a.trailing, "; ".join(mine), a.relative)


def _entity(registry: Registry, np: str, appositive: str) -> Entity | None:
    if lx.OUTLET_RE.match(np.strip()):
        return None
    if (
        np.endswith(_SOURCE_NOUNS)
        and (sm := _SOURCE_NOUN_RE.search(np))
        and sm.start()
        and "'" not in sm.group()
    ):
        np = np[: sm.start()]  # "Ministry of Health figures show": the ministry's
    return registry.resolve(np, appositive)


def speaker_for(attrs: list[Attribution], pos: int, s: str) -> tuple[Entity | None, str, bool]:
    """(claimant, cited, found) for something at ``pos`` in the sentence.

    1. A reporting chain before it ("X says sources told Y that ..."): the outermost non-outlet
       speaker is the claimant, the inner ones are cited. A chain breaks at "; ", ", and", ",
       while", ", but" (a new statement, not a relayed one).
    2. Else the first trailing attribution after it (", the ministry said").
    3. Else the nearest attribution in the sentence.
    """
    usable = [a for a in attrs if not a.relative]
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
