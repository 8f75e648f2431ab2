"""The speaker of a reporting verb: the noun phrase that ends right before it ("the health
ministry said", "Ann Lee, a spokeswoman for the ministry, said", "a witness who gave his name as
Kaspar said"), and whether a phrase can name a speaker at all. Used by attribution.py.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.names import _CONNECTORS, _DETERMINERS_RE, _is_name, _is_proper, _orgish
from claims.extraction.numbers import trie_regex, words
from claims.extraction.roles import _SPOKES_WORDS

_DIGIT_RE = re.compile(r"[0-9]")
# Words between a speaker and its verb ("the agency had initially put", "police on Sunday said").
_TRAILING_ADVERBS = words(
    """also later initially earlier previously first had has have further separately then
    again subsequently originally would will only since meanwhile however now yesterday today
    on last monday tuesday wednesday thursday friday saturday sunday night never not
    repeatedly publicly officially always morning afternoon evening"""
)

# The words as a prefix tree (numbers.trie_regex): each position fails after a letter or two
# instead of trying every word.
_BOUNDARY_RE = re.compile(
    r"\b(?:"
    + trie_regex(
        [
            *words(
                """that and but while after as because when where which who whom whose what if
            although though since than so then whether until before how why said says told
            added adds reported stated announced claimed confirmed estimated wrote noted by to
            with"""
            ),
            "for which",
        ],
        keep_case=True,
    )
    + r")\b|[\"();:]|\s(?:--|[-\u2013\u2014])\s"
)
_SPOKES_END_RE = re.compile(rf"\b{_SPOKES_WORDS}$", re.I)
# A wire dateline opening a story ("KELN, Oct 4 (AFP) - ", "KELN, Oct 4 (KNA) -- ").
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'-]{2,40}(?:,\s[^\n()]{0,30})?\s\([A-Za-z .-]{2,30}\)\s*(?:--|[-\u2013\u2014])\s"
)

_REPORTS_RE = re.compile(
    r"(?i:earlier|early|initial|first|later|local|media|news|preliminary|unconfirmed)\s+reports"
)
_EDITION_RE = re.compile(r"^(?:[A-Z][a-z]+'s\s+)?(?:edition|issue)\s+of\s+(?=[A-Z])")
# (only after a name: "Tevi Courier daily", not "a pro-government newspaper")
_OUTLET_KIND_RE = re.compile(r"(?<=\s[A-Z])(?P<rest>[\w'-]*)\s+(?:daily|newspaper|weekly)$")

_CHAIRED_RE = re.compile(r"\s(?:chaired|led|headed|presided\s+over)\s+$")

_RELATIVE = frozenset({"which", "who", "whom", "whose", "what", "where", "how", "why", "if"})

_LEAD_RE = re.compile(
    r"^(?:(?:and|but|so|also|meanwhile|however|separately|earlier|later|overall|in\s+return|"
    r"in\s+addition|in\s+a\s+statement|on\s+\w+day|speaking\s+\w+|last\s+(?:week|month|night)|"
    r"yesterday|today|"
    r"in\s+(?:early\s+|late\s+|mid-)?(?:[a-z]+\s+)?\d{4},?)\s+)+",
    re.I,
)

_BAD_WORDS = words(
    """were was is are be been being will would did do does not no never killed died wounded
    injured there here when if because although than it's its their our we i you us them this
    these those very lasted hit struck said says has had have could should might may must can
    during after before"""
)

# What an organisation's own statement calls itself or its people ("our teams").
_OUR_BODIES = words(
    "mission teams team staff office monitors researchers organisation organization"
)
_AMOUNT_WORDS = words(
    """scores dozens hundreds thousands millions tens many several some few others more most
    none all both"""
)
_DETERMINER_START_RE = re.compile(r"(?:the|a|an|its|their|another|one\s+of)\s", re.I)

_POSSESSOR_START_RE = re.compile(r"[A-Z][\w-]*'s\s+[a-z]")  # "Ostra's provincial governor"

_INDEFINITE_START_RE = re.compile(r"(?:a|an)\s")
# A title that ends a phrase, with what it is of: "Province Minister of Works".
_OFFICE_END_RE = re.compile(
    r"\b(?:Minister|Governor|Commissioner|Mayor|Director|Chief|Secretary|Commander|Head|"
    r"President|Chairman|Chairwoman|Administrator|Prefect)(?:\s+of\s+(?:the\s+)?[A-Z][\w'-]*"
    r"(?:\s+[A-Z][\w'-]*){0,3})?$"
)
_ROLE_OF_START_RE = re.compile(
    r"(?:acting\s+|deputy\s+)?(?:head|governor|mayor|chief|director|chairman|president|"
    r"commander|leader|minister|secretary|emir|sultan|commissioner|administrator|prefect)\s+of\s",
    re.I,
)

_PAREN_END_RE = re.compile(r"\s*\([^()]{1,40}\)$")
# A description with its body's acronym in brackets: "the EU monitoring mission (EUMKO)".
_DESCRIBED_ACRONYM_RE = re.compile(r"\b[a-z][\w-]*\s+\((?P<acr>[A-Z]{3,8})\)$")

# A live blog's time stamp opening a sentence ("11:32 ", "09.40 GMT ").
# (The clause boundary at its colon may already have cut "09:" off: "40 The agency".)
_STAMP_RE = re.compile(r"(?:[0-2]?\d[:.])?[0-5]?\d(?:\s+[A-Z]{3,4})?\s+(?=[A-Z])")

_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "from", "with", "to", "for", "of", "into", "via"}
)

# Boundaries that open a clause of their own inside a "who" clause ("who said that ...").
_NESTING = words(
    """that which said says told added reported stated announced claimed confirmed estimated
    wrote noted " ( ) ; :"""
)


# ``_valid_np`` is a pure function of its text, and speakers repeat ("officials", "the
# ministry"): its answers are kept, up to a bound so that no input can grow the dict for ever.
_VALID_CACHE: dict[str, str | None] = {}
_VALID_CACHE_MAX = 20_000


def _valid_np(np: str) -> str | None:
    try:
        return _VALID_CACHE[np]
    except KeyError:
        pass
    found = _valid_np_uncached(np)
    if len(_VALID_CACHE) >= _VALID_CACHE_MAX:
        _VALID_CACHE.clear()
    _VALID_CACHE[np] = found
    return found


def _valid_np_uncached(np: str) -> str | None:
    if " who " in np:
        # "Villagers who spoke to this newspaper": the clause may hold any words; the phrase
        # before it must name a speaker.
        head = np.split(" who ", 1)[0]
        return np if _valid_np(head) is not None else None
    if _REPORTS_RE.fullmatch(np.strip()):
        return np.strip()  # "Earlier reports said ...": the reports, as the text names them
    np = _LEAD_RE.sub("", np.strip(" \"'")).strip(" \"'")
    if not np:
        return None
    if " of " in np or np.endswith(("daily", "newspaper", "weekly")):
        # "Monday's edition of Tevi Courier daily": the paper
        np = _OUTLET_KIND_RE.sub(r"\g<rest>", " " + _EDITION_RE.sub("", np)).strip() or np
    words = np.split()
    if len(words) > 12 or np.endswith("'s"):
        return None
    low = [w.lower().strip(".,").removesuffix("'s") for w in words]
    if low[0] in _PREPOSITIONS:
        return None  # "in a statement", "on Telegram": not a speaker
    if low[-1] in _AMOUNT_WORDS:
        return None  # "Scores reported killed", "Dozens more": an amount, not a speaker
    if low[0] in lx.PRONOUNS_PERSON | lx.PRONOUNS_THING or low[0] == "we":
        return np if len(words) == 1 else None
    if low[0] == "our" and len(words) == 2 and (words[1][:1].isupper() or low[1] in _OUR_BODIES):
        return np  # "our Mission recorded ...", "our teams documented ...": the issuer's own
    if not _BAD_WORDS.isdisjoint(low) or low[-1] in _CONNECTORS or _DIGIT_RE.search(np):
        return None
    if not lx.CLAIMANT_HEADS.isdisjoint(low):
        return np
    caps = [w for w in words if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
    return np if caps else None


# Heads of two speakers joined by "and" ("a police captain and a clinic director", "locals and
# media reports"): one joint claimant.
_JOIN_HEADS = lx.CLAIMANT_HEADS | frozenset(
    words("reports colonel captain major lieutenant sergeant general locals engineer manager")
)


_ROLE_PHRASE_RE = re.compile(r"(?:the|an?)\s+[a-z]")  # "the deputy prefect", "a police officer"
# A person's name right after a quote or a comma, ending at a comma ('"...," Ana Ruiz,').
_QUOTED_NAME_END_RE = re.compile(
    r"(?:[\"\u201c\u201d],?|,)\s*(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\s*,$"
)


def _subject(pre: str) -> tuple[str, int, str, bool] | None:
    """``_subject_tail`` on the last 240 characters (a speaker is named within the few words
    before its verb), with offsets into the whole of ``pre``."""
    shift = max(0, len(pre) - 240)
    found = _subject_tail(pre[shift:])
    if found is None or not shift:
        return found
    np, start, appositive, relative = found
    return np, start + shift, appositive, relative


def _after_claimant_head(seg: str, at: int) -> bool:
    """Whether the word before ``at`` names a claimant ("a commission that investigated ...")."""
    k = seg.rfind(" ", 0, max(0, at - 1))
    return seg[k + 1 : at].strip().lower() in lx.CLAIMANT_HEADS


def _subject_tail(pre: str) -> tuple[str, int, str, bool] | None:
    """The noun phrase ending at the end of ``pre`` (the speaker of the verb that follows):
    (phrase, start offset, appositive, inside-a-relative-clause)."""
    pre = pre.rstrip()
    if ") " in pre and pre[1:2].isupper() and (dm := _DATELINE_RE.match(pre)) is not None:
        pre = " " * dm.end() + pre[dm.end() :]  # (same length: offsets hold)
    if pre.endswith(")"):
        if (am := _DESCRIBED_ACRONYM_RE.search(pre)) is not None:
            # "the EU monitoring mission (EUMKO) said": the acronym is the body's name, the phrase
            # before it describes it.
            found = _subject_tail(pre[: am.start("acr") - 1])
            if found is not None and found[0] and not found[3]:
                return am.group("acr"), found[1], found[0], False
        pre = _PAREN_END_RE.sub("", pre)  # "the UN rights office (OHCHR) said"
    for _ in range(4):  # strip the adverbs that sit right before the verb
        k = pre.rfind(" ")
        if k < 0 or pre[k + 1 :].lower() not in _TRAILING_ADVERBS:
            break
        pre = pre[:k].rstrip()
    if pre.endswith(")"):
        pre = _PAREN_END_RE.sub("", pre)  # "Kestrel Watch (KW) has said"
    appositive = ""
    if pre.endswith(","):  # "Ann Lee, a spokeswoman for the ministry, said"
        inner = pre[:-1]
        k = inner.rfind(",")
        if k >= 0:
            appositive = inner[k + 1 :].strip()
            pre = inner[:k].rstrip()
        elif inner[-1:].isalpha() or inner[-1:] == ".":
            pre = inner  # "Army chief Gen. Ana Ruiz Jr., said": a stray comma
        elif inner[-1:] == ")" and inner.strip():
            pre = _PAREN_END_RE.sub("", inner)  # "Kestrel Watch (KW), said": one too
        else:
            return None
    k = pre.rfind(",")
    if (
        k > 0
        and (
            "spokes" in (near := pre[max(0, k - 40) : k])
            or "officer" in near
            or "press" in near
            or "coordinator" in near
        )
        and _SPOKES_END_RE.search(near)
        and _is_name(pre[k + 1 :].strip())
    ):
        # "The harbour police spokeswoman, Ana Vell told us": the role and the name, one phrase
        pre = pre[:k] + " " + pre[k + 1 :]
        k = pre.rfind(",", 0, k)
    seg_start = k + 1
    seg = pre[seg_start:]
    relative = False
    last = None
    who = None
    for b in _BOUNDARY_RE.finditer(seg):
        last = b
        if b.group() == "who" or (b.group() == "that" and _after_claimant_head(seg, b.start())):
            who = b
        elif who is not None and b.group() in _NESTING:
            who = None
    if who is not None and who is not last and seg[who.end() :].lstrip()[:1].islower():
        # "A witness who gave his name as Kaspar said": the speaker is the witness, whatever
        # words ("as", "to", "with") the clause holds.
        last = who
    if last is not None:
        word = last.group().lower()
        if word == "and":
            before = seg[: last.start()].split()
            after = seg[last.end() :].split()
            joined = (
                before
                and after
                and (
                    (before[-1].lower() in _JOIN_HEADS and after[-1].lower() in _JOIN_HEADS)
                    or (before[-1][:1].isupper() and after[0][:1].isupper())
                )
            )
            if joined:
                rest = seg[: last.start()]
                prev = None
                for b in _BOUNDARY_RE.finditer(rest):
                    if b.group().lower() != "and":
                        prev = b
                last = prev
        relative = last is not None and (
            last.group().lower() in _RELATIVE or (last is who and last.group() == "that")
        )
        if relative and last.group().lower() in ("who", "that"):
            # "a military official who spoke on condition of anonymity said": the speaker is
            # the noun phrase before "who", with its clause; "which the U.S. said" stays skipped.
            before = seg[: last.start()]
            after = seg[last.end() :]
            if _valid_np(before.strip()) and (
                _valid_np(after.strip()) is None or after.strip()[:1].islower()
            ):
                relative = False
                if last.group() == "that":
                    seg = before  # "a commission that investigated ...": the commission
                last = None
                for b in _BOUNDARY_RE.finditer(before):
                    last = b
        if (
            last is not None
            and word == "by"
            and (cm := _CHAIRED_RE.search(seg, max(0, last.start() - 24), last.start()))
        ):
            # "the panel chaired by retired judge Ilse Marrow said": the panel speaks
            seg = seg[: cm.start()]
            last = None
            for b in _BOUNDARY_RE.finditer(seg):
                last = b
        if last is not None:
            seg_start += last.end()
            seg = seg[last.end() :]
    lead = len(seg) - len(seg.lstrip())
    np = seg.strip()
    if np[:1].isdigit() and (st := _STAMP_RE.match(np)):
        np, lead = np[st.end() :], lead + st.end()  # "11:32 The regional governor"
    if " who " in appositive and _is_name(named := appositive.split(" who ", 1)[0]):
        appositive = named  # "One of the teachers, Ana Vell who hid in a store, said"
    if (
        appositive
        and _is_name(appositive)
        and (
            _DETERMINER_START_RE.match(np)
            or _POSSESSOR_START_RE.match(np)
            or _ROLE_OF_START_RE.match(np)  # "head of the regional administration, Oleh Kiper,"
            # "Tess Province Minister of Works, Ana Vell,"
            or (np[:1].isupper() and _OFFICE_END_RE.search(np))
        )
    ):
        # "A senior engineer, Ana Ruiz, said" / "the town's mayor, Ana Ruiz, said"
        pos = pre.find(appositive, seg_start)
        return appositive, max(pos, 0), np, relative
    if (
        appositive
        and seg_start > 1
        and (_ROLE_OF_START_RE.match(np) or (_INDEFINITE_START_RE.match(np) and " of " in np))
        and not appositive.startswith(("citing", "quoting"))
    ):
        # "Ana Ruiz, head of the Oruma Justice League, based in Tevi, said": two descriptions
        # in a row; the name before the first one speaks.
        prev_start = pre.rfind(",", 0, seg_start - 1) + 1
        prev = pre[prev_start : seg_start - 1]
        name = prev.strip()
        if _is_name(name) and not _orgish(name) and name.split()[0].lower() not in _PREPOSITIONS:
            return name, prev_start + len(prev) - len(prev.lstrip()), np, relative
    if not appositive and _INDEFINITE_START_RE.match(np) and seg_start > 1:
        # "..., the Kestrel Monitor, a monitoring group said": the name is the segment before.
        prev_seg_end = seg_start - 1
        prev_start = pre.rfind(",", 0, prev_seg_end) + 1
        prev = pre[prev_start:prev_seg_end]
        if _is_proper(_DETERMINERS_RE.sub("", prev.strip())) and not _LEAD_RE.fullmatch(
            prev.strip() + " "
        ):  # ("Earlier, a harbour official gave 23": no name before it)
            appositive = np
            np = prev.strip()
            return np, prev_start + len(prev) - len(prev.lstrip()), appositive, relative
    if (
        not appositive
        and _ROLE_PHRASE_RE.match(np)
        and seg_start > 1
        and (prev := _QUOTED_NAME_END_RE.search(pre, 0, seg_start)) is not None
        and _is_name(prev.group("name"))
        and not _orgish(prev.group("name"))
    ):
        # '"...," Ana Ruiz, the district governor announced' (or "a police officer from
        # Kessa said"): the comma after the role is missing; the name before it speaks.
        return prev.group("name"), prev.start("name"), np, relative
    return np, seg_start + lead, appositive, relative
