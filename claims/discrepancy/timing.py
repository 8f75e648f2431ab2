"""Comparing when sources say the incident happened and how long it lasted, in UTC.

- Each claimant's *current window* comes from its latest timing that names a clock time. A moment
  ("around 11 a.m.") is a zero-length window; a duration alone ("lasted 40 minutes") has no window.
- Two windows *agree* when they overlap or their nearer ends are at most TIMING_TOLERANCE_MINUTES
  apart; the *gap* is that distance, the *start offset* the distance between their starts.
- The size of a timing disagreement is the start offset of the disagreeing pair that lies furthest
  apart, phrased by ``phrase_minutes`` ("about an hour").
- Durations come from each claimant's latest stated duration, else from the length of its window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations

from claims.discrepancy.inputs import TimingInput, resolve_voices
from claims.discrepancy.intervals import Interval
from claims.discrepancy.revisions import report_order

# Stated clock times are rarely finer than five minutes ("around 11 a.m."); gaps up to this are
# treated as the same time rather than flagged.
TIMING_TOLERANCE_MINUTES = 5


def _minutes(delta: timedelta) -> int:
    return round(delta.total_seconds() / 60)


def phrase_minutes(minutes: int) -> str:
    """Plain words for a time difference, as a journalist would write it.

    1. Under 45 minutes: the exact count ("10 minutes", "1 minute").
    2. From 45 minutes to 12 hours: rounded to the nearest half hour, always with "about"
       (clock times in reports are approximate): 60 -> "about an hour", 95 -> "about an hour and a
       half", 150 -> "about 2½ hours".
    3. From 12 to 48 hours: the nearest whole hour ("about 20 hours"); beyond: whole days.
    """
    m = abs(int(minutes))
    if m < 45:
        return "1 minute" if m == 1 else f"{m} minutes"
    if m < 12 * 60:
        halves = (m + 15) // 30
        hours, half = divmod(halves, 2)
        if hours == 1:
            return "about an hour and a half" if half else "about an hour"
        return f"about {hours}½ hours" if half else f"about {hours} hours"
    if m < 48 * 60:
        return f"about {(m + 30) // 60} hours"
    return f"about {(m + 720) // 1440} days"


@dataclass(frozen=True, slots=True)
class TimingWindow:
    """A claimant's current UTC window (start == end for a moment)."""

    timing: TimingInput
    start: datetime
    end: datetime
    voice: str

    @property
    def claimant(self) -> str:
        return self.timing.claimant

    @property
    def is_moment(self) -> bool:
        return self.start == self.end

    @property
    def length_minutes(self) -> int:
        return _minutes(self.end - self.start)


@dataclass(frozen=True, slots=True)
class TimingPair:
    """Two windows, ``early`` starting no later than ``late``."""

    early: TimingWindow
    late: TimingWindow
    start_offset_minutes: int  # late.start - early.start
    overlap_minutes: int  # shared minutes (0 for a moment inside a window)
    gap_minutes: int  # distance between the nearer ends; 0 when they overlap

    @property
    def overlaps(self) -> bool:
        return self.late.start <= self.early.end

    @property
    def agree(self) -> bool:
        return self.gap_minutes <= TIMING_TOLERANCE_MINUTES

    @property
    def same_voice(self) -> bool:
        return self.early.voice == self.late.voice


@dataclass(frozen=True, slots=True)
class DurationEntry:
    """How long one claimant says the incident lasted, in minutes."""

    timing: TimingInput
    minutes: Interval
    from_window: bool  # derived from the claimant's start..end rather than stated

    @property
    def claimant(self) -> str:
        return self.timing.claimant


@dataclass(frozen=True, slots=True)
class TimingComparison:
    windows: tuple[TimingWindow, ...]  # sorted by start
    pairs: tuple[TimingPair, ...]
    durations: tuple[DurationEntry, ...]  # sorted shortest first
    duration_range: Interval | None
    common: tuple[datetime, datetime] | None  # the span every window shares, if any

    @property
    def disagreements(self) -> tuple[TimingPair, ...]:
        return tuple(p for p in self.pairs if not p.agree)

    @property
    def most_disputed(self) -> TimingPair | None:
        return max(
            self.disagreements,
            key=lambda p: (p.start_offset_minutes, p.gap_minutes),
            default=None,
        )

    @property
    def disagreement_minutes(self) -> int:
        """Start offset of the most distant disagreeing pair of independent voices (0 if none)."""
        return max(
            (p.start_offset_minutes for p in self.disagreements if not p.same_voice), default=0
        )


def _latest_per_claimant(timings: Iterable[TimingInput], want) -> dict[str, TimingInput]:
    latest: dict[str, TimingInput] = {}
    for t in sorted(timings, key=report_order):
        if want(t):
            latest[t.claimant] = t
    return latest


def compare_timings(timings: Sequence[TimingInput]) -> TimingComparison:
    """Windows, pairwise offsets and durations from the timings visible at the chosen moment.

    1. Per claimant, the latest timing with a clock time gives the window; a missing end makes it a
       moment, a missing start makes the end the moment.
    2. Every two windows are paired (start offset, overlap, gap).
    3. Per claimant, the latest stated duration, or failing that the length of its window when the
       window has one, gives the duration; the range is their hull.
    """
    with_window = _latest_per_claimant(timings, lambda t: t.has_window)
    roots = resolve_voices(with_window.values())
    windows = []
    for t in with_window.values():
        start = t.start_utc or t.end_utc
        end = t.end_utc or t.start_utc
        assert start is not None and end is not None
        windows.append(TimingWindow(t, start, end, roots.get(t.claimant, t.claimant)))
    windows.sort(key=lambda w: (w.start, w.end, w.claimant))

    pairs = []
    for a, b in combinations(windows, 2):  # sorted, so a starts no later than b
        pairs.append(
            TimingPair(
                early=a,
                late=b,
                start_offset_minutes=_minutes(b.start - a.start),
                overlap_minutes=max(0, _minutes(min(a.end, b.end) - b.start)),
                gap_minutes=max(0, _minutes(b.start - a.end)),
            )
        )

    stated = _latest_per_claimant(timings, lambda t: t.has_duration)
    durations = []
    for claimant in sorted({*stated, *with_window}):
        if claimant in stated:
            t = stated[claimant]
            assert t.duration_low is not None
            durations.append(DurationEntry(t, Interval(t.duration_low, t.duration_high), False))
        else:
            w = next(w for w in windows if w.claimant == claimant)
            if not w.is_moment:
                durations.append(DurationEntry(w.timing, Interval.exact(w.length_minutes), True))
    durations.sort(key=lambda d: (d.minutes.low, d.minutes.upper, d.claimant))

    common = None
    if windows:
        lo, hi = max(w.start for w in windows), min(w.end for w in windows)
        common = (lo, hi) if lo <= hi else None
    return TimingComparison(
        windows=tuple(windows),
        pairs=tuple(pairs),
        durations=tuple(durations),
        duration_range=Interval.hull(d.minutes for d in durations) if durations else None,
        common=common,
    )
