"""Plain-language sentences describing a comparison, for the incident page and exports.

The sentences name every source with what it cites, show figures in the qualifier's own words
("at least 90", never "90+") and times in UTC with the wording as stated beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from claims.discrepancy.figures import MetricComparison
from claims.discrepancy.inputs import FigureInput, Rule, TimingInput, VictimGroup
from claims.discrepancy.intervals import Interval, describe_figure
from claims.discrepancy.timing import DurationEntry, TimingComparison, TimingWindow, phrase_minutes

if TYPE_CHECKING:
    from claims.discrepancy.compare import IncidentComparison


def join_words(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def interval_words(interval: Interval, unit: str = "") -> str:
    """An interval in words: "120", "at least 90", "between 55 and 69" (plus a unit)."""
    suffix = f" {unit}" if unit else ""
    if interval.high is None:
        return f"at least {interval.low}{suffix}"
    if interval.is_exact:
        return f"{interval.low}{suffix}"
    return f"between {interval.low} and {interval.high}{suffix}"


def who(claim: FigureInput | TimingInput) -> str:
    """The claimant with whom it cites: "Russian defence ministry, citing regime sources"."""
    text = claim.claimant_label or claim.claimant
    if claim.cited:
        text += f", citing {claim.cited}"
    if getattr(claim, "hedged", False):
        text += ", hedged"
    return text


def figure_words(f: FigureInput) -> str:
    return describe_figure(f.qualifier, f.interval, f.stated)


def _date(dt: datetime) -> str:
    return f"{dt.day} {dt:%b %Y}"


def _clock(dt: datetime, with_date: bool) -> str:
    return f"{_date(dt)} {dt:%H:%M}" if with_date else f"{dt:%H:%M}"


def window_words(w: TimingWindow, with_date: bool = False) -> str:
    if w.is_moment:
        return f"{_clock(w.start, with_date)} UTC"
    same_day = w.start.date() == w.end.date()
    end = _clock(w.end, with_date and not same_day)
    return f"{_clock(w.start, with_date)}–{end} UTC"


def _stated(text: str) -> str:
    text = " ".join(text.split())
    return f' ("{text}")' if text else ""


def _noun(mc: MetricComparison, show_group: bool) -> str:
    if show_group and mc.victim_group is not VictimGroup.UNSPECIFIED:
        return f"{mc.metric.noun} among {mc.victim_group.label}"
    return mc.metric.noun


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def metric_sentences(mc: MetricComparison, show_group: bool, rule: Rule) -> list[str]:
    noun = _noun(mc, show_group)
    n = len(mc.current)
    out: list[str] = []
    if n == 1:
        f = mc.current[0]
        out.append(f"{_cap(noun)} comes from one source only: {figure_words(f)} ({who(f)}).")
    elif mc.has_conflict:
        lo, hi = mc.lowest, mc.highest
        out.append(
            f"Sources disagree on {noun}: from {figure_words(lo)} ({who(lo)}) "
            f"to {figure_words(hi)} ({who(hi)})."
        )
        worst = mc.most_disputed
        if (
            n > 2
            and worst
            and {worst.low.claimant, worst.high.claimant}
            != {
                lo.claimant,
                hi.claimant,
            }
        ):
            out.append(
                f"The sharpest disagreement is between {figure_words(worst.low)} "
                f"({who(worst.low)}) and {figure_words(worst.high)} ({who(worst.high)})."
            )
    else:
        listed = join_words([f"{figure_words(f)} ({who(f)})" for f in mc.current])
        every = "both" if n == 2 else "all"
        assert mc.common is not None  # pairwise overlap of intervals implies a common value
        out.append(
            f"Sources agree on {noun}: {listed} are compatible; "
            f"{every} allow {interval_words(mc.common)}."
        )
    if mc.independent_voices < n:
        out.append(
            f"The {n} figures for {noun} trace back to {mc.independent_voices} independent "
            f"source{'s' if mc.independent_voices != 1 else ''}."
        )
    for chain in mc.revised:
        dates = [e.figure.reported_at for e in chain]
        same_day = len({d.date() for d in dates}) < len(dates)
        steps = [
            f"{figure_words(e.figure)} ({_clock(d, True) + ' UTC' if same_day else _date(d)})"
            for e, d in zip(chain, dates, strict=True)
        ]
        moves = ", then ".join(e.direction.label for e in chain[1:])
        label = chain[-1].figure.claimant_label or chain[-1].figure.claimant
        out.append(f"{label} revised its figure for {noun} ({moves}): {', then '.join(steps)}.")
    rec = mc.reconciled
    if rec.interval is None:
        out.append(f"Under the rule “{rule.label}”, there is no figure for {noun} ({rec.note}).")
    elif rule is not Rule.RANGE:
        # Under the default rule the first sentence already gives the range; repeating the hull
        # ("at least 62") would only blur it.
        out.append(f"Under the rule “{rule.label}”, {noun} is {interval_words(rec.interval)}.")
    return out


def _duration_words(d: DurationEntry) -> str:
    text = interval_words(d.minutes, "minutes")
    source = who(d.timing) + (", from its stated window" if d.from_window else "")
    return f"{text} ({source})"


def timing_sentences(tc: TimingComparison) -> list[str]:
    out: list[str] = []
    windows = tc.windows
    with_date = len({w.start.date() for w in windows} | {w.end.date() for w in windows}) > 1
    if len(windows) == 1:
        w = windows[0]
        out.append(
            f"The time comes from one source only: {window_words(w, with_date)} "
            f"({who(w.timing)}){_stated(w.timing.stated)}."
        )
    elif windows and (pair := tc.most_disputed):
        a, b = pair.early, pair.late
        out.append(
            f"Sources disagree on the time by {phrase_minutes(pair.start_offset_minutes)}: "
            f"{who(a.timing)} puts it at {window_words(a, with_date)}{_stated(a.timing.stated)}, "
            f"{who(b.timing)} at {window_words(b, with_date)}{_stated(b.timing.stated)}."
        )
        if pair.gap_minutes:
            out.append(
                f"At their nearest, those two accounts are {phrase_minutes(pair.gap_minutes)} "
                "apart."
            )
    elif windows:
        listed = join_words([f"{window_words(w, with_date)} ({who(w.timing)})" for w in windows])
        out.append(f"Sources agree on the time: {listed} are consistent.")

    durations = tc.durations
    if len(durations) == 1:
        out.append(
            f"How long it lasted comes from one source only: {_duration_words(durations[0])}."
        )
    elif durations:
        assert tc.duration_range is not None
        listed = join_words([_duration_words(d) for d in durations])
        rng = tc.duration_range
        if rng.is_exact:
            out.append(f"Sources agree it lasted {rng.low} minutes: {listed}.")
        else:
            span = (
                f"from {rng.low} minutes to an open end"
                if rng.high is None
                else f"from {rng.low} to {rng.high} minutes"
            )
            out.append(f"Stated durations run {span}: {listed}.")
    return out


def summarize(comparison: IncidentComparison) -> list[str]:
    """Sentences for figures (metric by metric), then timing; one sentence when there is nothing."""
    when = f" by {_date(comparison.as_of)}" if comparison.as_of else ""
    have = "had" if comparison.as_of else "have"
    has = "had" if comparison.as_of else "has"
    if not comparison.metrics and not comparison.timing.windows and not comparison.timing.durations:
        return [f"No figures or times {have} been reported for this incident{when}."]
    per_metric: dict = {}
    for mc in comparison.metrics:
        per_metric[mc.metric] = per_metric.get(mc.metric, 0) + 1
    out: list[str] = []
    for mc in comparison.metrics:
        out.extend(metric_sentences(mc, per_metric[mc.metric] > 1, comparison.rule))
    if not comparison.metrics:
        out.append(f"No source {has} given a casualty figure{when}.")
    timing = timing_sentences(comparison.timing)
    out.extend(timing or [f"No source {has} given a time{when}."])
    return out
