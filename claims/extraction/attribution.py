"""Who says it: the speakers in a sentence and which one a figure belongs to.

Rules (for editors and docs/SEMANTICS.md; names and coreference are in entities.py, the
wording the rules match in reporting.py):
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

from claims.discrepancy import ZONE_OFFSETS
from claims.extraction import lexicon as lx
from claims.extraction.according import _whole_name, according_to
from claims.extraction.entities import Entity, Registry
from claims.extraction.names import _is_name, _is_proper
from claims.extraction.records import Attribution
from claims.extraction.relays import AGENT_RE, _antecedent, _is_acronym, _is_media
from claims.extraction.reporting import (
    _ACCUSED_OF_RE,
    _AS_SAYING_RE,
    _CITING_RE,
    _CLAIMED_ATTACK_RE,
    _CLAUSE_AFTER_RE,
    _CONFIRMED_BY_RE,
    _GAVE_NOT_RE,
    _INNER_ACRONYM_RE,
    _INVERSION_RE,
    _INVERSION_VERBS,
    _INVERTED_DESCRIBED_RE,
    _INVERTED_END_RE,
    _ISSUED_BY_RE,
    _NAME_THEN_ROLE_RE,
    _NOT_A_SOURCE,
    _NOT_MEDIA_AGENCY_RE,
    _NOUN_AFTER_RE,
    _NOUN_TOO,
    _NP_TAIL_RE,
    _OPENER_RE,
    _OWN_VERB_AFTER_RE,
    _PAREN_SOURCE_RE,
    _PARTICIPLE_SUBJECT_RE,
    _PASSIVE_AFTER_RE,
    _PASSIVE_BEFORE_RE,
    _PROVIDED_BY_RE,
    _QUOTED_AS_RE,
    _REPORT_NUMBER_RE,
    _ROLE_THEN_NAME_RE,
    _SAYING_RE,
    _SOURCE_NOUN_RE,
    _SOURCE_NOUNS,
    _TOLL_VERB_RE,
    _VERB_GATE_RE,
    _VERB_RE,
    _VERB_REACH,
    _WITH_SPEAKER_RE,
)
from claims.extraction.subjects import _subject, _valid_np


def _orgish_name(np: str) -> bool:
    return _is_proper(np) and not lx.CLAIMANT_HEADS.isdisjoint(w.lower() for w in np.split())


# Offices written with a capital before the person's name ("..., said the Governor of Upper
# Tess, Ana Vell").
_OFFICE_TITLES = frozenset(
    ("Commissioner", "Governor", "Minister", "Mayor", "Director", "Chief", "Head", "Secretary")
)


def _ends_with_comma_or_quote(text: str) -> bool:
    return text.rstrip()[-1:] in (",", '"')


def _verbs_until(s: str, pos: int, last: int):
    """``_VERB_RE.finditer(s, pos)``, knowing that the last verb stem of ``s`` starts at
    ``last``: every match holds a stem, so after a match ending beyond it the scan to the end
    of the sentence would find nothing and is skipped."""
    for m in _VERB_RE.finditer(s, pos):
        yield m
        if m.end() > last:
            return


def find_attributions(
    s: str, registry: Registry, base: int = 0, verb_at: tuple[int, int] | None = None
) -> list[Attribution]:
    """Speakers in a sentence, in order, resolved against the article's registry.

    ``verb_at``: where ``_VERB_GATE_RE.search(s)`` matches (-1: nowhere) and where the last
    verb stem starts, when known already (prescan.Prescan.verb_at); else the gate is scanned
    here."""
    out: list[Attribution] = []
    cites = (
        [(m.start(), m.group("np").strip()) for m in _CITING_RE.finditer(s)]
        if ("iting " in s or "uoting " in s)
        else []
    )
    if verb_at is None:
        first = -1 if (gate := _VERB_GATE_RE.search(s)) is None else gate.start()
        verbs = _VERB_RE.finditer(s, max(0, first - _VERB_REACH)) if first >= 0 else ()
    else:
        first, last = verb_at
        verbs = _verbs_until(s, max(0, first - _VERB_REACH), last) if first >= 0 else ()
    # The gate's first match lies inside the first verb (at a letter of it, or of a phrase's
    # longest word), so the exact pattern starts scanning just before it, not at the start.
    if "report" in s and (rm := _REPORT_NUMBER_RE.search(s)) is not None:
        # "Health partners report 14 civilian deaths": the bare verb only before a number (it
        # is mostly the noun), read after the other verbs (the list is sorted at the end)
        verbs = [*verbs, rm]
    if ("toll" in s or "tally" in s or "umbers" in s or "igures" in s) and (
        tm := _TOLL_VERB_RE.search(s)
    ) is not None:
        verbs = [*verbs, tm]  # "later raised the death toll to 18"
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
        if (
            verb == "quoted"
            and pre.endswith(("was ", "were "))
            and _AS_SAYING_RE.match(s, verb_end)
        ):
            pre = pre[
                : pre.rstrip().rfind(" ") + 1
            ]  # "..., a police spokesman was quoted as saying"
        if verb in _NOUN_TOO and _NOUN_AFTER_RE.match(s, verb_end):
            continue  # "Initial reports by the agency", "estimates from the ministry": nouns
        if (
            verb[:5] == "claim"
            and _CLAIMED_ATTACK_RE.match(s, verb_end)
            and ", saying" not in s[verb_end:]
        ):
            # "rebels claimed responsibility for a bomb that killed seven", "the group claimed
            # to have carried out an attack that killed 33": no count of theirs
            continue
        if verb[:6] == "accuse" and (
            not _ACCUSED_OF_RE.match(s, verb_end) or _PASSIVE_BEFORE_RE.search(pre)
        ):
            continue  # "the accused", "were accused of": no accuser speaks
        if verb == "continued" and not (
            ',"' in pre or ",\u201d" in pre or s.startswith((', "', ': "', ", \u201c"), verb_end)
        ):
            continue  # speech only next to a quote ('"...," the statement continued')
        if verb == "gave" and _GAVE_NOT_RE.match(s, verb_end):
            continue  # "who gave his name as Kaspar": no figure given
        if (
            verb in _INVERSION_VERBS
            and (
                _ends_with_comma_or_quote(pre)
                or _INVERTED_DESCRIBED_RE.match(s, verb_end)
                or (s[-1:] == "." and _INVERTED_END_RE.match(s, verb_end))
            )
            and (im := _INVERSION_RE.match(s, verb_end))
            and (inverted := _valid_np(_whole_name(s, im.start("np"), im.group("np"))))
        ):
            app = im.group("app") or ""
            end = im.end("np")
            if (
                not app
                and (inverted[:1].islower() or inverted.split(None, 1)[0] in _OFFICE_TITLES)
                and (rm := _ROLE_THEN_NAME_RE.match(s, im.end()))
                and _is_name(rm.group("name"))
            ):
                # "..., said the district's acting mayor, Ravi Tomba.": the person named
                name = rm.group("name").rstrip(".")
                inverted, app, end = name, inverted, rm.start("name") + len(name)
            elif not app and (nm := _NAME_THEN_ROLE_RE.match(inverted)) and _is_name(nm.group(1)):
                inverted, app = (
                    nm.group(1),
                    inverted[nm.end(1) :].strip(),
                )  # "said Ana Ruiz the mayor"
            ent = _entity(registry, inverted, app)
            out.append(Attribution(im.start("np"), end, ent, True))
            continue
        if verb == "quoted" and (qm := _QUOTED_AS_RE.match(s, verb_end)):
            # "the agency quoted a local official as saying ...": the official speaks; the
            # quoting outlet only relays.
            quoted = _valid_np(qm.group("np"))
            if quoted:
                # after a quote ('"...," a paper quoted X as saying') it gives the quote
                after_quote = ',"' in pre
                ent = _entity(registry, quoted, "")
                out.append(Attribution(qm.start("np"), qm.end(), ent, after_quote))
                continue
        if "(" in pre and ")" in pre:
            # "The Joint Relief Agency (JRA) Field Office said": the bracketed short form
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
        if " by " in np_text and (bm := _ISSUED_BY_RE.search(np_text)) and _valid_np(bm.group(1)):
            np_text = bm.group(1)  # "Initial reports released by the health minister stated"
        elif np_text[-1:] in "tehylkdo" and (tm := _NP_TAIL_RE.search(np_text)):
            np_text = np_text[: tm.start()]  # "officials overnight", "X in a statement", "X who"
        if " into " in np_text and _valid_np(head := np_text.split(" into ", 1)[0]):
            np_text = head  # "The public inquiry into the 2021 shooting ... concluded"
        np = _valid_np(np_text)
        if np is None:
            continue
        if appositive.lower().startswith(("citing", "quoting")):
            cites.append((np_start, appositive.split(None, 1)[1] if " " in appositive else ""))
            appositive = ""
        if (
            not relative
            and s.startswith("that ", np_start - 5)
            and (np_start == 5 or not s[np_start - 6].isalnum())
        ):
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
    out.extend(according_to(s, registry))
    if (
        (", saying" in s or ", telling" in s)
        and (sm := _SAYING_RE.search(s))
        and (
            pm := _PARTICIPLE_SUBJECT_RE.match(
                s, om.end() if (om := _OPENER_RE.match(s)) is not None else 0
            )
        )
    ):
        # "The opposition Union disputed the account, saying at least 15 had died": the
        # sentence's subject says what follows "saying"; with no other speaker in the
        # sentence, also what it did before ("On Tuesday, Kestrel Relief buried 4 of its
        # drivers, saying ...").
        np = _valid_np(pm.group("np"))
        if np is not None and not any(a.start <= sm.start() <= a.end + 1 for a in out):
            ent = _entity(registry, np, "")
            start = sm.start() if out else pm.end("np")
            out.append(Attribution(start, sm.end(), ent, False))
    if " with " in s and (wm := _WITH_SPEAKER_RE.search(s)) and (np := _valid_np(wm.group("np"))):
        # "The ferry sank, with the port authority putting the toll at 31."
        out.append(Attribution(wm.start("np"), wm.end(), _entity(registry, np, ""), False))
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
        and np.upper() not in ZONE_OFFSETS  # "at 15:25 (CEST)."
        # "... the ruling Kessan Labour Party (KLP).": the short form defined, not a source
        and not s[: pm.start()].rstrip().endswith(registry.acronyms.get(np, "\0"))
    ):
        # "118 civilians killed since 1 August (Dorran Health Directorate)": a key-figures
        # line names its source in brackets at its end.
        out.append(Attribution(pm.start("np"), pm.end(), _entity(registry, np, ""), True))
    out.sort(key=lambda a: a.start)
    for a, b in zip(out, out[1:], strict=False) if len(out) > 1 else ():
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
        for i, a in enumerate(out):
            if (
                a.cited
                and a.entity is not None
                and _is_media(a.entity.canonical, "reported")
                and not _NOT_MEDIA_AGENCY_RE.search(a.entity.canonical)
                and "; " not in a.cited
                and (np := _valid_np(a.cited)) is not None
                and (cited := _entity(registry, np, "")) is not None
            ):
                # "according to two news agencies citing the border police": the
                # outlets carry the ministry's figure
                out[i] = Attribution(a.start, a.end, cited, a.trailing, "", a.relative)
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
    # A wire service that reports on its own ("12 died, AFP reported") is the claimant; one
    # that relays someone ("AFP reported the ministry said") gives way to them (speakers.py).
    if (
        np.endswith(_SOURCE_NOUNS)
        and (sm := _SOURCE_NOUN_RE.search(np))
        and sm.start()
        and "'" not in sm.group()
        and np[: sm.start()].strip().lower() not in _NOT_A_SOURCE  # "official tallies say"
    ):
        np = np[: sm.start()]  # "Ministry of Health figures show": the ministry's
    elif " from " in np and (fm := _FIGURES_FROM_RE.match(np)) and _valid_np(fm.group("org")):
        np = fm.group("org")  # "Data from the interior ministry show": the ministry's
    return registry.resolve(np, appositive)


# "Data from X", "Figures from X", "Statistics from X": X's figures
_FIGURES_FROM_RE = re.compile(
    r"(?i:data|figures|statistics|numbers|records|tallies)\s+from\s+(?P<org>\S.*)$"
)
