"""Orchestration: article text in, figure and timing claims out (ordered by position).

1. Clean the text (keeping a map to original offsets) and split it into sentences.
2. Pick the article's default day: the first day word in the body ("on Saturday").
3. Per sentence (sentence.py): timings first (their spans are masked so "1500 GMT" is never a
   figure), then casualty figures, then the speakers; each claim takes the speaker that governs
   its position, else the claimant carried from earlier sentences; headline figures with no
   speaker stay unattributed and are marked.
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

from claims.extraction.attribution import Entity, Registry, _valid_np
from claims.extraction.cues import _CLOSERS, _NUMBERED_RE, _PRONOUN_SAID_END_RE, _SAID_ONLY_RE
from claims.extraction.days import DefaultDay
from claims.extraction.discourse import (
    _BACKGROUND_RE,
    _BACKGROUND_STARTS,
    _FIGURE_SOURCE_RE,
    _SOURCE_STARTS,
    continues_report,
    issuer_of,
)
from claims.extraction.figures import asked_metric
from claims.extraction.lexicon import metric_gate
from claims.extraction.prescan import prescan
from claims.extraction.records import ExtractedClaim, ExtractedFigure, ExtractedTiming, Pending
from claims.extraction.sentence import _DIGIT_RE, _sentence
from claims.extraction.speakers import _OPEN_QUOTES
from claims.extraction.subjects import _DATELINE_RE
from claims.extraction.tables import table_claims, table_header, table_row
from claims.extraction.text import clean, split_sentences

# "Among them, ...", "Of those, ...": the sentence breaks down the figure before it.
_SUBSET_OPENER_RE = re.compile(r"(?:Among|Of)\s+(?:them|those|these)\b")

# Tests set this to see internal errors that the public contract ("never raises") would hide.
STRICT = False
# A text or sentence the extractor cannot read is logged (a bug to fix), not raised.
_log = logging.getLogger(__name__)


def _give_carried(claims: list[Pending], ent: Entity, givers: set[int]) -> None:
    """A speaker named after the figures ("That figure was given by X.", "The statement
    said.") takes the ones that had only been carried from an earlier speaker."""
    for p in claims:
        if p.carried:
            p.entity, p.cited = ent, ""
            if p.is_figure:
                givers.add(id(ent.claimant))


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
    gates = prescan(cleaned.text)
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
    last_metric = ""  # the metric of the last figure of the sentence before
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
        after_heading = not body_seen  # a headline's speaker carries into the lede
        body_seen = body_seen or not s.heading
        if s.paragraph != para:
            para, para_start = s.paragraph, len(pending)
            if current is not None and (
                # (a quote opening the paragraph is the last speaker's, figures given or not)
                (id(current.claimant) not in givers and s.text[:1] not in _OPEN_QUOTES)
                # A new paragraph inherits only a speaker who gave figures, not one who
                # last only commented ("Its researcher said the group had interviewed ..."),
                # and only when it goes on with that report: a quote running on, or the
                # victims just counted ("Among the dead were ..."). Any other paragraph is
                # the writer's own until someone is named.
                or (not after_heading and not continues_report(s.text))
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
                _give_carried(pending[prev_start:prev_end], ent, givers)
                current = ent
        if (
            s.text.endswith((" said.", " says.", " added.", " stated.", " wrote."))
            and len(s.text) < 70
            and (sm := _SAID_ONLY_RE.match(s.text))
            and (np := _valid_np(sm.group("np"))) is not None
            and (ent := registry.resolve(np)) is not None
        ):
            # '"... Four people have died. Twenty were hurt." The statement
            # said.': the speaker named after a quote gives the figures carried inside it.
            _give_carried(pending[para_start:], ent, givers)
            current = ent
            continue
        start = len(pending)
        # "The blast killed 23 people. Among them, 14 were children.": a breakdown of the
        # figure before, whose metric its counts share.
        subset = (
            last_metric
            if last_metric and s.text[:2] in ("Am", "Of") and _SUBSET_OPENER_RE.match(s.text)
            else ""
        )
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
                gates,
                subset,
            )
        except Exception:  # noqa: BLE001 - one unreadable sentence must not lose the rest
            if STRICT:
                raise
            _log.exception("extraction skipped a sentence at offset %d", s.start)
            prev_start = prev_end = len(pending)
            continue
        prev_start, prev_end = start, len(pending)
        last_metric = (
            next((p.fields["metric"] for p in reversed(pending[start:]) if p.is_figure), "")
            if len(pending) > start
            else ""
        )
        if (
            current is not None
            and current.person
            and start > para_start
            and s.text[-6:] in (" said.", "added.", " says.")
            and _PRONOUN_SAID_END_RE.search(s.text)
        ):
            # "Two herders died and four were hurt. They had been grazing goats, he said.":
            # the paragraph is the statement of the person the pronoun names.
            _give_carried(pending[para_start:start], current, givers)
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
