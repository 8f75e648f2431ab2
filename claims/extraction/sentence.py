"""One sentence read: timings first (their spans are masked so "1500 GMT" is never a figure),
then casualty figures, then the speakers; each claim takes the speaker that governs its
position, else the claimant carried from earlier sentences (extractor.py carries it between
sentences and calls ``_sentence`` for each). Cheap gates come first: most sentences of an
article hold no number, no clock and no metric word, and skipping them is most of the
extractor's speed.
"""

from __future__ import annotations

import re
from datetime import date

from claims.extraction.attribution import Attribution, Entity, _valid_np, find_attributions
from claims.extraction.cues import (
    _ASIDE_RE,
    _ASKERS,
    _HEADLINE_CLAIM_RE,
    _LABEL_RE,
    _PAREN_ASIDE_RE,
    _SOURCE_PREFIX_RE,
    _as_commas,
    _paren_as_commas,
    figure_follows,
    names_a_claimant,
)
from claims.extraction.days import day_of
from claims.extraction.discourse import (
    _HEADLINE_TAIL_RE,
    _HISTORY_RE,
    _NOT_PROPER_STARTS,
    _PROPER_SUBJECT_RE,
    _SUBJECT_ORG_RE,
    INDEFINITE_BODY_RE,
    body_finder,
    chain_head,
    mention,
    plausible_tail,
)
from claims.extraction.figures import find_figures
from claims.extraction.lexicon import TITLES_RE, gate_phrases, metric_gate
from claims.extraction.names import _orgish
from claims.extraction.numbers import ANCHOR_RE, NUMBER_WORDS, anchored_gate, trie_regex, words
from claims.extraction.records import Pending
from claims.extraction.singles import has_perpetrator
from claims.extraction.speakers import speaker_for as _speaker_for
from claims.extraction.text import Sentence
from claims.extraction.timing import find_timings
from claims.extraction.victims import victim_group

_DIGIT_RE = re.compile(r"[0-9]")
# The number gate of a sentence without a digit (the digit gate is tested before it): without
# an alternative that starts with a character class, the engine skips to the words' first
# letters in C.
_GATE_RE = re.compile(
    trie_regex(
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
            kidnapped arrested detained missing custody"""
        )
    )
)
_TIME_WORDS = ["noon", "midnight", "midday", "hour", "minute", "mins", "hrs"]
_TIME_WORDS_RE = re.compile(trie_regex(_TIME_WORDS, word_start=True))
_TIME_WORDS_GATE_RE = anchored_gate(_TIME_WORDS)  # a cheaper scan in front of it


_TITLE_CASE_VERB_RE = re.compile(r"(?<=\w )(?:Say|Says|Said|Report|Reports|Confirm|Confirms)\b")


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
    gates=None,
    subset: str = "",
) -> Entity | None:
    """``gates`` (prescan.Prescan of the article's text, optional) answers the gates below by
    lookup instead of a scan of the sentence. ``subset``: the metric of the figure a sentence
    opening "Among them," breaks down (extractor.py)."""
    # Cheap gates first: most sentences of an article hold no number and no clock, and skipping
    # them is most of the extractor's speed.
    original = s.text
    if ("\u2013" in original or "\u2014" in original or " - " in original) and (
        asides := _ASIDE_RE.sub(_as_commas, original)
    ) != original:
        # "At least 14 people - six of them children - were killed": an aside between
        # dashes reads as one between commas (same length, so every offset holds).
        s = Sentence(s.start, s.end, asides, s.paragraph, s.heading)
    if " (" in s.text and (asides := _PAREN_ASIDE_RE.sub(_paren_as_commas, s.text)) != s.text:
        s = Sentence(s.start, s.end, asides, s.paragraph, s.heading)  # "(mostly farmers)"
    low = s.text.lower()
    # A figure needs a metric word (see lexicon.metric_gate; quotes read as spaces, as
    # find_figures reads them): one scan that most sentences fail, before the number gate.
    if gates is None:
        has_digit = _DIGIT_RE.search(low) is not None
        metric = (
            metric_gate(low.replace('"', " ") if '"' in low else low) or bool(asked) or bool(subset)
        )
    else:
        has_digit = gates.digit(s.start, s.end)
        metric = (
            gates.metric(s.start, s.end)
            or gates.phrase(s.start, s.end)
            or ('"' in low and gate_phrases(low.replace('"', " ")))
            or bool(asked)
            or bool(subset)
        )
    timings: list = []
    masked: list[tuple[int, int]] = []
    if has_digit or (
        (
            _TIME_WORDS_GATE_RE.search(low) is not None
            if gates is None
            else gates.time_words(s.start, s.end)
        )
        and _TIME_WORDS_RE.search(low) is not None
    ):

        def day() -> tuple[date | None, bool]:
            found, overnight = day_of(s.text, published)
            return found or default_day.get(), overnight

        timings, masked = find_timings(s.text, day=day, place_tz=place_tz, dates=metric)
    figures = []
    if not metric:
        pass
    elif has_digit or (  # a digit passes the number gate: its scan is needed only without one
        _GATE_RE.search(low) is not None
        and (ANCHOR_RE.search(low) or "no " in low or "nobody" in low)
    ):
        figures = find_figures(s.text, masked, gated=True, asked=asked, subset=subset)
    elif (
        "a " in low or "an " in low or " among " in low or "nother " in low or has_perpetrator(low)
    ) and _SINGLE_METRIC_RE.search(low):
        figures = find_figures(s.text, masked, numbers=False, gated=True)  # "a soldier was killed"
    if s.heading and (tm := _TITLE_CASE_VERB_RE.search(s.text)) is not None:
        # "Tevi Police Say 3 Dead": a title-case headline's verb, read as the verb it is
        # (same length, so every offset holds).
        lowered = s.text[: tm.start()] + tm.group().lower() + s.text[tm.end() :]
        attrs = find_attributions(lowered, registry)
    else:
        attrs = find_attributions(
            s.text, registry, verb_at=None if gates is None else gates.verb_at(s.start, s.end)
        )
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
        and (s.heading or figure_follows(s.text, m.end()))
        and plausible_tail(m.group("np"))
        and names_a_claimant(m.group("np"))
        and (ent := registry.resolve(m.group("np"))) is not None
    ):
        # "Police: 9 dead and 30 hurt", "Regional health office: blast killed 40"
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
                # A paragraph opening on a war's whole toll ("Some 40,000 people have died in
                # the region's wars since the 1970s.") is the narrative's background.
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
