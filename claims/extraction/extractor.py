"""Orchestration: article text in, figure and timing claims out (ordered by position).

1. Clean the text (keeping a map to original offsets) and split it into sentences.
2. Pick the article's default day: the first day word in the body ("on Saturday").
3. Per sentence: timings first (their spans are masked so "1500 GMT" is never a figure), then
   casualty figures, then the speakers; each claim takes the speaker that governs its position,
   else the claimant carried from earlier sentences; headline figures with no speaker stay
   unattributed and are marked.
4. Claimant names are read at the end, so every claim shows the fullest form the article used.

Carrying a claimant: into a new paragraph only a speaker who has given figures is carried (one
who only commented is not), and a wire dateline ("KELN, Oct 4 (AFP) - ") starts a new story
with no speaker. A sentence naming the source of the figures before it ("That figure was given
by a morgue employee.") gives them that claimant, where their own sentence named nobody. A
document's issuer is its title's ("Communique No. 4 of the Ministry of ...") or a bare
organisation name heading a "Press release" line.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

from claims.extraction import lexicon as lx
from claims.extraction.attribution import (
    Attribution,
    Entity,
    Registry,
    _valid_np,
    find_attributions,
)
from claims.extraction.attribution import speaker_for as _speaker_for
from claims.extraction.days import DefaultDay, day_of
from claims.extraction.discourse import (
    _BACKGROUND_RE,
    _BACKGROUND_STARTS,
    _DATELINE_RE,
    _FIGURE_SOURCE_RE,
    _HEADLINE_TAIL_RE,
    _HISTORY_RE,
    _NOT_PROPER_STARTS,
    _PROPER_SUBJECT_RE,
    _SOURCE_STARTS,
    _SUBJECT_ORG_RE,
    INDEFINITE_BODY_RE,
    body_finder,
    chain_head,
    issuer_of,
    mention,
    plausible_tail,
)
from claims.extraction.entities import _orgish
from claims.extraction.figures import asked_metric, find_figures
from claims.extraction.lexicon import TITLES_RE, metric_gate, victim_group
from claims.extraction.numbers import ANCHOR_RE, NUMBER_WORDS, anchored_gate, trie_regex, words
from claims.extraction.records import ExtractedClaim, ExtractedFigure, ExtractedTiming, Pending
from claims.extraction.tables import table_claims, table_header, table_row
from claims.extraction.text import Sentence, clean, split_sentences
from claims.extraction.timing import find_timings

# Tests set this to see internal errors that the public contract ("never raises") would hide.
STRICT = False
# A text or sentence the extractor cannot read is logged (a bug to fix), not raised.
_log = logging.getLogger(__name__)

_DIGIT_RE = re.compile(r"[0-9]")
_GATE_RE = re.compile(
    "[0-9]|"
    + trie_regex(
        [
            *NUMBER_WORDS,
            "noon",
            "midnight",
            "midday",
            "hour",
            "minute",
            "mins",
            "hrs",
            "no ",
            "nobody",
        ],
        word_start=True,
    )
)
# "A soldier was killed" has no number: such sentences are read when a metric word is there.
_SINGLE_METRIC_RE = re.compile(
    trie_regex(
        words(
            """killed killing kills died dead wounded wounding injured injuring hurt abducted
            kidnapped arrested detained missing"""
        )
    )
)
_HEADLINE_CLAIM_RE = re.compile(
    r"(?P<np>[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s+(?:claims?|[Ss]ays|[Ss]aid)\b"
)
_NUMBERED_RE = re.compile(r"\d{1,2}[.)](?:\s|$)")
_LABEL_RE = re.compile(r"(?P<label>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,4}):\s")
_ASKERS = frozenset({"Q", "QUESTION", "REPORTER", "JOURNALIST", "INTERVIEWER", "MODERATOR", "HOST"})
_TIME_WORDS = ["noon", "midnight", "midday", "hour", "minute", "mins", "hrs"]
_TIME_WORDS_RE = re.compile(trie_regex(_TIME_WORDS, word_start=True))
_TIME_WORDS_GATE_RE = anchored_gate(_TIME_WORDS)  # a cheaper scan in front of it


def extract(
    text: str, *, published: date | None = None, place_tz: str | None = None
) -> list[ExtractedClaim]:
    """Figure and timing claims in ``text``, ordered by the start of their evidence span.

    ``published`` anchors relative days ("on Saturday"); ``place_tz`` (IANA) gives "local time"
    its meaning. Without them the stated times are kept and the UTC fields stay None. Never
    raises: text it cannot read yields fewer claims, not an error.
    """
    try:
        return _extract(text if isinstance(text, str) else str(text), published, place_tz)
    except Exception:  # noqa: BLE001 - the contract is "never raises on any text"
        if STRICT:
            raise
        _log.exception("extraction failed on a text of %d characters", len(str(text)))
        return []


def _extract(text: str, published: date | None, place_tz: str | None) -> list[ExtractedClaim]:
    if isinstance(published, datetime):
        published = published.date()
    cleaned = clean(text)
    sentences = split_sentences(cleaned.text)
    default_day = DefaultDay(sentences, published)
    registry = Registry(cleaned.text)
    current: Entity | None = None
    if sentences and sentences[0].heading:
        current = issuer_of(sentences, registry)
    # A document's issuer speaks wherever no one else is named: after a quoted person's
    # paragraph the text returns to its voice.
    issuer = current
    pending: list[Pending] = []
    seen: set[tuple] = set()
    prev_start = prev_end = 0
    para = sentences[0].paragraph if sentences else 0
    para_start = 0  # the first claim of the current paragraph
    givers: set[int] = set() if current is None else {id(current.claimant)}
    columns: list[str] | None = None  # the metrics of a flattened table's columns
    table_owner: Entity | None = None
    body_seen = False
    asked = ""
    for s in sentences:
        if columns is not None:
            if (cells := table_row(s.text, columns)) is not None:
                table_claims(s, cells, cleaned, table_owner, pending, seen)
                continue
            columns = None
        if s.text[-1:] not in _CLOSERS and (header := table_header(s.text)) is not None:
            # The table's figures are the last speaker's, also one who only introduced it
            # ("The group documented the following incidents.").
            columns, table_owner = header, current
            continue
        if s.heading and body_seen:
            current = issuer  # a digest's next headline: another story (text.py)
        elif (
            body_seen
            and s.text[-1:] not in _CLOSERS
            and len(s.text) <= 40
            and not _DIGIT_RE.search(s.text)
            and s.text.count(" ") <= 5
            and not metric_gate(s.text.lower())
        ):
            # A section label in the body ("Key points", "Background:", "What we know"): the
            # lines under it are the outlet's summary, not the last speaker's words.
            current = issuer
        body_seen = body_seen or not s.heading
        if s.paragraph != para:
            para, para_start = s.paragraph, len(pending)
            if current is not None and (
                id(current.claimant) not in givers
                # A new paragraph inherits only a speaker who gave figures, not one who
                # last only commented ("Its researcher said the group had interviewed ...").
                or (not s.heading and _DATELINE_RE.match(s.text))
                # A wire dateline ("KELN, Oct 4 (AFP) - ") starts a new story.
            ):
                current = issuer
            elif issuer is not None and s.text[:1].isdigit() and _NUMBERED_RE.match(s.text):
                current = issuer  # a communique's numbered point is in its issuer's voice
        if (
            prev_end > prev_start
            and s.text.startswith(_SOURCE_STARTS)
            and (fm := _FIGURE_SOURCE_RE.match(s.text))
        ):
            # "Forty-one bodies were brought in. That figure was given by a morgue employee."
            np = _valid_np(fm.group("np"))
            ent = registry.resolve(np) if np is not None else None
            if ent is not None:
                for p in pending[prev_start:prev_end]:
                    if p.carried:
                        p.entity, p.cited = ent, ""
                current = ent
        if (
            s.text[-1:] == "."
            and len(s.text) < 70
            and (sm := _SAID_ONLY_RE.match(s.text))
            and (np := _valid_np(sm.group("np"))) is not None
            and (ent := registry.resolve(np)) is not None
        ):
            # '"... At least five people have died. Thirty-one were injured." The statement
            # said.': the speaker named after a quote gives the figures carried inside it.
            for p in pending[para_start:]:
                if p.carried:
                    p.entity, p.cited = ent, ""
            current = ent
            continue
        start = len(pending)
        if (
            current is not None
            and s.text.startswith(_BACKGROUND_STARTS)
            and _BACKGROUND_RE.match(s.text)
        ):
            # "In 2022, a similar sinking killed 87 people.": another event, which the speaker
            # of the last paragraph is not said to count.
            current = None
        try:
            registry.pos = s.end
            current = _sentence(
                s,
                cleaned,
                registry,
                current,
                issuer,
                default_day,
                published,
                place_tz,
                pending,
                seen,
                asked,
            )
        except Exception:  # noqa: BLE001 - one unreadable sentence must not lose the rest
            if STRICT:
                raise
            _log.exception("extraction skipped a sentence at offset %d", s.start)
            prev_start = prev_end = len(pending)
            continue
        prev_start, prev_end = start, len(pending)
        # An explainer's question ("How many were wounded?") gives its answer's bare number
        # ("At least 60, according to the ministry.") the metric asked about.
        asked = asked_metric(s.text) if s.text[-1:] == "?" else ""
        if prev_end > start:
            for p in pending[start:]:
                if p.entity is not None and p.is_figure:
                    givers.add(id(p.entity.claimant))
    registry.finish()
    out: list[ExtractedClaim] = []
    curly = "\u2019" in text
    for p in pending:
        name = p.entity.claimant.canonical if p.entity is not None else None
        if curly and name is not None and "'" in name:
            # The text's own apostrophe ("Lebanon\u2019s health ministry"), as it names them
            written = name.replace("'", "\u2019")
            name = written if written in text else name
        if p.is_figure:
            out.append(
                ExtractedFigure(
                    claimant=name, claimant_is_headline=p.headline, cited=p.cited, **p.fields
                )
            )
        else:
            out.append(
                ExtractedTiming(
                    claimant=name, claimant_is_headline=p.headline, cited=p.cited, **p.fields
                )
            )
    out.sort(key=lambda c: c.span[0])
    return out


_CLOSERS = frozenset('.!?"')
# A source before a colon, headline style: "Police: 22 dead", "Observatory: 48 rebels killed"
_SOURCE_PREFIX_RE = re.compile(r"(?P<np>[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,5}):\s+(?=\S)")


def body_start_words(text: str, at: int) -> bool:
    """After "X:" in body text, a figure must follow at once ("Observatory: 48 rebels ..."),
    so that a label ("Background:") or a quote's speaker stays what it is."""
    return text[at : at + 1].isdigit()


def lx_claimant(np: str) -> bool:
    """Whether a prefix names a body or a role that gives figures, not a place or a topic."""
    return not lx.CLAIMANT_HEADS.isdisjoint(w.lower() for w in np.split())


# A sentence that only names a speaker, after a quote: "The statement said."
_SAID_ONLY_RE = re.compile(
    r"[\"\u201d\s]*(?P<np>[A-Z][^.,;:\"()]{1,60}?)\s+(?:said|says|added|stated|wrote)\.$"
)
_ASIDE_RE = re.compile(r" [\u2013\u2014-] ([^\u2013\u2014]{3,140}?) [\u2013\u2014-] ")


def _as_commas(m: re.Match[str]) -> str:
    return f",  {m.group(1)},  "


def _sentence(
    s: Sentence,
    cleaned,
    registry,
    current,
    issuer,
    default_day,
    published,
    place_tz,
    pending,
    seen,
    asked: str = "",
) -> Entity | None:
    # Cheap gates first: most sentences of an article hold no number and no clock, and skipping
    # them is most of the extractor's speed.
    original = s.text
    if ("\u2013" in original or "\u2014" in original or " - " in original) and (
        asides := _ASIDE_RE.sub(_as_commas, original)
    ) != original:
        # "At least 18 people - eight of them children - have been killed": an aside between
        # dashes reads as one between commas (same length, so every offset holds).
        s = Sentence(s.start, s.end, asides, s.paragraph, s.heading)
    low = s.text.lower()
    has_digit = _DIGIT_RE.search(low) is not None
    # A figure needs a metric word (see lexicon.metric_gate; quotes read as spaces, as
    # find_figures reads them): one scan that most sentences fail, before the number gate.
    # (One combined scan for metric words, verbs and time words was tried: its larger set of
    # anchor letters made it slower than the three separate scans together.)
    metric = metric_gate(low.replace('"', " ") if '"' in low else low) or bool(asked)
    timings: list = []
    masked: list[tuple[int, int]] = []
    if has_digit or (
        _TIME_WORDS_GATE_RE.search(low) is not None and _TIME_WORDS_RE.search(low) is not None
    ):

        def day() -> tuple[date | None, bool]:
            found, overnight = day_of(s.text, published)
            return found or default_day.get(), overnight

        timings, masked = find_timings(s.text, day=day, place_tz=place_tz, dates=metric)
    figures = []
    if not metric:
        pass
    elif has_digit or (  # a digit is in the number gate: its scan is needed only without one
        _GATE_RE.search(low) is not None
        and (ANCHOR_RE.search(low) or "no " in low or "nobody" in low)
    ):
        figures = find_figures(s.text, masked, gated=True, asked=asked)
    elif ("a " in low or "an " in low or " among " in low) and _SINGLE_METRIC_RE.search(low):
        figures = find_figures(s.text, masked, numbers=False, gated=True)  # "a soldier was killed"
    attrs = find_attributions(s.text, registry)
    if s.text[1:2].isupper() and (lm := _LABEL_RE.match(s.text)):
        # A transcript's speaker label ("SPOKESMAN RAMI HADDAD:", "HADDAD:") governs its
        # paragraph; a questioner's label ("QUESTION:") names no claimant.
        label = lm.group("label")
        if label.split()[0] in _ASKERS:
            current = None
        else:
            name = " ".join(w.capitalize() for w in label.split())
            # A speaker label carries a title ("SPOKESMAN RAMI HADDAD:") or names someone
            # already introduced ("HADDAD:"); anything else is a dateline ("BANGKOK:").
            ent = (
                registry.resolve(name)
                if _valid_np(name) and (TITLES_RE.match(name + " ") or registry.knows_person(name))
                else None
            )
            if ent is not None:
                attrs.insert(0, Attribution(0, lm.end(), ent, False))
    if (
        not attrs
        and ":" in s.text[:60]
        and (m := _SOURCE_PREFIX_RE.match(s.text))
        and (s.heading or body_start_words(s.text, m.end()))
        and plausible_tail(m.group("np"))
        and (lx_claimant(m.group("np")))
        and (ent := registry.resolve(m.group("np"))) is not None
    ):
        # "Police: 22 dead and 59 injured", "Lebanese health ministry: blast killed 137"
        attrs = [Attribution(0, m.end(), ent, False)]
    elif s.heading and not attrs and (m := _HEADLINE_TAIL_RE.search(s.text)):
        ent = registry.resolve(m.group("np")) if plausible_tail(m.group("np")) else None
        if ent is not None:
            attrs = [Attribution(m.start("np"), m.end("np"), ent, True)]
    elif s.heading and not attrs and (m := _HEADLINE_CLAIM_RE.match(s.text)):
        # "Rebels claim to have killed 40 troops": a headline that opens with its speaker
        # (a verb read only here: "claims" is mostly the noun in body text)
        ent = registry.resolve(m.group("np")) if plausible_tail(m.group("np")) else None
        if ent is not None:
            attrs = [Attribution(m.start("np"), m.end(), ent, False)]
    elif not attrs and not s.heading and (m := _SUBJECT_ORG_RE.match(s.text)):
        mention(m.group("np"), registry)  # "The ministry condemned ... It said ..."
    elif not attrs and s.text.startswith(("A ", "An ")) and (m := INDEFINITE_BODY_RE.match(s.text)):
        mention(m.group("np"), registry)  # "A military court sentenced ... The court found"
    elif (
        not attrs
        and s.text[:1].isupper()
        and not s.text.startswith(_NOT_PROPER_STARTS)
        and not s.heading
        and (m := _PROPER_SUBJECT_RE.match(s.text))
        and _orgish(m.group("np"))
    ):
        mention(m.group("np"), registry)  # "Kestrel Rights Watch condemns ..."
    if not figures and not timings:
        return chain_head(attrs, s.text) or current
    span = (cleaned.to_original(s.start), cleaned.to_original(s.end))
    evidence = " ".join(original.split())
    cite_updates: dict[int, tuple[Entity, str]] = {}

    carried = [False]

    def who(
        pos: int, bodies: bool = False, cumulative: bool = False
    ) -> tuple[Entity | None, str, bool]:
        carried[0] = False
        ent, cited, found = _speaker_for(attrs, pos, s.text)
        if not found:
            if s.heading:
                return None, "", True
            # A body count no one is said to give is the narrative's own ("Fourteen bodies were
            # pulled from the river"), or the finders' ("Rescuers recovered 14 bodies"): never
            # the speaker of an earlier sentence.
            if bodies:
                ent = body_finder(s.text, registry) or issuer
            elif current is not None and _HISTORY_RE.search(s.text, 0, pos):
                # "the deadliest since 2019, when 56 inmates died": another event, told by
                # the narrative, not by the last speaker.
                return None, "", False
            elif (
                current is not None
                and cumulative
                and s.text[:1].isupper()
                and (cleaned.text[: s.start].rstrip(" \t")[-1:] in ("\n", ""))
            ):
                # A paragraph opening on a war's whole toll ("At least 50,000 people have died
                # in the conflicts since the 1950s.") is the narrative's background.
                return None, "", False
            else:
                ent = current
            cited = ""
            carried[0] = ent is None or not bodies
        if ent is None:
            return None, "", False
        owner = ent.claimant
        if cited:
            cite_updates[id(owner)] = (owner, cited)
        else:
            cited = owner.last_cited
        return ent, cited, False

    for f in figures:
        ent, cited, headline = who(f.start, f.bodies, f.cumulative)
        key = ("f", id(ent), f.metric, f.low, f.high, f.qualifier, f.victims, evidence)
        if key in seen:
            continue  # doubled standfirsts and repeated paragraphs
        seen.add(key)
        fields = dict(
            metric=f.metric,
            victims=f.victims,
            victim_group=victim_group(f.victims),
            low=f.low,
            high=f.high,
            qualifier=f.qualifier,
            stated=f.stated,
            vague_word=f.vague_word,
            revised_from_earlier=f.revised_from_earlier,
            revised=f.revised,
            hedged=f.hedged,
            cumulative=f.cumulative,
            evidence=evidence,
            span=span,
        )
        pending.append(Pending(ent, headline, cited, fields, True, carried[0]))
    for t in timings:
        ent, cited, headline = who(t.start)
        key = ("t", id(ent), t.stated, evidence)
        if key in seen:
            continue
        seen.add(key)
        fields = dict(
            stated=t.stated,
            zone=t.zone,
            renderings=t.renderings,
            start_utc=t.start_utc,
            end_utc=t.end_utc,
            duration_min_low=t.duration_min_low,
            duration_min_high=t.duration_min_high,
            evidence=evidence,
            span=span,
        )
        pending.append(Pending(ent, headline, cited, fields, False, carried[0]))
    for owner, cited in cite_updates.values():
        owner.last_cited = cited
    return chain_head(attrs, s.text) or current
