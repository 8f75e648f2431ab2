"""Figures as intervals: every stated casualty figure becomes ``low..high`` (``high`` None = open).

Why intervals: "at least 90" and "62" cannot both be right, while "at least 60" and "62" can. Only
an interval makes that decision mechanical and the same for every incident. The qualifier as stated
is always kept beside the interval (the reader sees "at least 90", we compute with 90..open).

The rules are written out for journalists in docs/SEMANTICS.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

# A single incident's toll above this is a typo or an attack on the form, not a report.
MAX_FIGURE = 10_000_000


class Qualifier(StrEnum):
    """How a figure was hedged in the text; each member maps to one interval rule."""

    EXACT = "exact"  # "62", "a dozen"
    AT_LEAST = "at_least"  # "at least", "no fewer than", "no less than"
    MORE_THAN = "more_than"  # "more than", "over"
    ABOUT = "about"  # "about", "around", "some", "roughly", "approximately"
    NEARLY = "nearly"  # "nearly", "almost"
    UP_TO = "up_to"  # "up to", "as many as"
    BETWEEN = "between"  # "between X and Y", "X to Y", "X-Y"
    VAGUE = "vague"  # "dozens", "scores", "hundreds", "several", "many"

    @property
    def label(self) -> str:
        """The wording a journalist would use for the qualifier ("at least", "more than")."""
        return _QUALIFIER_LABELS[self]


_QUALIFIER_LABELS = {
    Qualifier.EXACT: "exact",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.ABOUT: "about",
    Qualifier.NEARLY: "nearly",
    Qualifier.UP_TO: "up to",
    Qualifier.BETWEEN: "between",
    Qualifier.VAGUE: "vague amount",
}

# The phrases each qualifier stands for. The extractor owns phrase detection; this table is the
# reference both sides agree on (and what docs/SEMANTICS.md lists).
QUALIFIER_PHRASES: dict[str, Qualifier] = {
    "at least": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST,
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "close to": Qualifier.NEARLY,
    "up to": Qualifier.UP_TO,
    "as many as": Qualifier.UP_TO,
    "between": Qualifier.BETWEEN,
}

# Vague quantities as intervals. Floors follow the word's literal minimum ("dozens" is at least two
# dozen); ceilings stop where the next, bigger word would be used ("hundreds" once it passes 199).
# Words that name no ceiling ("many", "numerous") stay open-ended rather than invent one.
VAGUE_INTERVALS: dict[str, tuple[int, int | None]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "a handful": (2, 9),
    "several": (3, 9),
    "many": (3, None),
    "numerous": (3, None),
    "dozens": (24, 99),
    "several dozen": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "several hundred": (200, 999),
    "thousands": (2_000, 9_999),
    "several thousand": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}


@dataclass(frozen=True, slots=True)
class Interval:
    """Whole numbers ``low..high`` inclusive; ``high`` None means no upper bound ("90+")."""

    low: int
    high: int | None

    def __post_init__(self) -> None:
        if isinstance(self.low, bool) or not isinstance(self.low, int):
            raise TypeError(f"Interval low must be an int, not {self.low!r}.")
        if self.high is not None and (
            isinstance(self.high, bool) or not isinstance(self.high, int)
        ):
            raise TypeError(f"Interval high must be an int or None, not {self.high!r}.")
        if self.low < 0:
            raise ValueError(f"An interval cannot start below zero (low={self.low}).")
        if self.high is not None and self.high < self.low:
            raise ValueError(
                f"An interval's upper bound ({self.high}) is below its lower bound ({self.low})."
            )

    @classmethod
    def exact(cls, value: int) -> Interval:
        return cls(value, value)

    @classmethod
    def hull(cls, intervals: Iterable[Interval]) -> Interval:
        """The smallest interval containing every given one (open if any of them is open)."""
        items = list(intervals)
        if not items:
            raise ValueError("The hull of no intervals is undefined.")
        low = min(i.low for i in items)
        highs = [i.high for i in items if i.high is not None]
        high = max(highs) if len(highs) == len(items) else None
        return cls(low, high)

    @property
    def is_open(self) -> bool:
        return self.high is None

    @property
    def is_exact(self) -> bool:
        return self.high == self.low

    @property
    def upper(self) -> float:
        """The upper bound as a number for ordering; open ends sort above every figure."""
        return float("inf") if self.high is None else self.high

    def contains(self, n: int) -> bool:
        return self.low <= n and (self.high is None or n <= self.high)

    def covers(self, other: Interval) -> bool:
        """True when every value of ``other`` is also a value of this interval."""
        return self.low <= other.low and other.upper <= self.upper

    def overlaps(self, other: Interval) -> bool:
        """True when some single number satisfies both claims, so both can be right."""
        return self.low <= other.upper and other.low <= self.upper

    def gap_to(self, other: Interval) -> int:
        """How far apart two claims are: 0 if they overlap, else the distance between the nearer
        bounds ("62" and "90+" are 28 apart)."""
        if self.overlaps(other):
            return 0
        if self.high is not None and self.high < other.low:
            return other.low - self.high
        assert other.high is not None  # the only other way to be disjoint
        return self.low - other.high

    def intersection(self, other: Interval) -> Interval | None:
        """The values both claims allow, or None when they conflict."""
        if not self.overlaps(other):
            return None
        low = max(self.low, other.low)
        if self.high is None:
            return Interval(low, other.high)
        if other.high is None:
            return Interval(low, self.high)
        return Interval(low, min(self.high, other.high))

    def __str__(self) -> str:
        if self.high is None:
            return f"{self.low}+"
        if self.high == self.low:
            return str(self.low)
        return f"{self.low}–{self.high}"


def _check_value(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"The {name} must be a whole number, not {value!r}.")
    if value < 0:
        raise ValueError(f"A casualty figure cannot be negative ({name}={value}).")
    if value > MAX_FIGURE:
        raise ValueError(
            f"{value:,} is above the plausibility ceiling of {MAX_FIGURE:,} for one incident."
        )
    return value


def about_tolerance(value: int) -> int:
    """The half-width of "about N": 10% of N rounded up, and never less than 1."""
    return max(1, -(-value // 10))


def nearly_tolerance(value: int) -> int:
    """How far below N "nearly N" reaches: 10% of N rounded down, and never less than 1."""
    return max(1, value // 10)


def normalize_vague_word(word: str) -> str:
    return " ".join(word.lower().replace("\u00a0", " ").split())


def interval_for(
    qualifier: Qualifier | str,
    value: int | None,
    value_high: int | None = None,
    *,
    vague_word: str | None = None,
) -> Interval:
    """The interval a stated figure stands for (rules in docs/SEMANTICS.md).

    ``value`` is the number as written ("more than 100" -> 100); ``value_high`` is the second
    number of a range; ``vague_word`` the word of a vague amount ("dozens"), whose ``value`` is
    ignored. Raises ValueError for a figure that cannot be a casualty count (negative, above
    MAX_FIGURE, a reversed range, an unknown vague word).
    """
    q = Qualifier(qualifier)
    if q is Qualifier.VAGUE:
        if not vague_word:
            raise ValueError("A vague amount needs its word (dozens, hundreds...).")
        key = normalize_vague_word(vague_word)
        if key not in VAGUE_INTERVALS:
            known = ", ".join(sorted(VAGUE_INTERVALS))
            raise ValueError(f"Unknown vague amount {vague_word!r}; known words: {known}.")
        return Interval(*VAGUE_INTERVALS[key])
    if value is None:
        raise ValueError(f"A figure qualified as {q.label!r} needs a number.")
    n = _check_value("value", value)
    if q is Qualifier.BETWEEN:
        if value_high is None:
            raise ValueError("A range (between X and Y) needs its upper number.")
        hi = _check_value("value_high", value_high)
        if hi < n:
            raise ValueError(f"A range cannot run downwards ({n} to {hi}).")
        return Interval(n, hi)
    if value_high is not None:
        raise ValueError(f"Only a range takes two numbers, not {q.label!r}.")
    match q:
        case Qualifier.EXACT:
            return Interval(n, n)
        case Qualifier.AT_LEAST:
            return Interval(n, None)
        case Qualifier.MORE_THAN:
            return Interval(n + 1, None)
        case Qualifier.ABOUT:
            tol = about_tolerance(n)
            return Interval(max(0, n - tol), n + tol)
        case Qualifier.NEARLY:
            return Interval(max(0, n - nearly_tolerance(n)), n)
        case Qualifier.UP_TO:
            return Interval(0, n)
    raise AssertionError(f"unhandled qualifier {q!r}")  # pragma: no cover


def describe_figure(qualifier: Qualifier | str, interval: Interval, stated: str = "") -> str:
    """Canonical short wording of a figure for summaries: "62", "at least 90", "more than 100".

    1. Guess the number the source wrote from the interval and the qualifier.
    2. Keep the guess only if ``interval_for`` turns it back into exactly this interval, so a
       summary never puts words in a source's mouth.
    3. Otherwise (hand-entered intervals, vague words) fall back to the stated wording when it is
       short, else to the interval itself.
    """
    q = Qualifier(qualifier)
    guess: int | None = None
    match q:
        case Qualifier.EXACT | Qualifier.AT_LEAST:
            guess = interval.low
        case Qualifier.MORE_THAN:
            guess = interval.low - 1 if interval.low > 0 else None
        case Qualifier.ABOUT if interval.high is not None:
            guess = (interval.low + interval.high) // 2
        case Qualifier.NEARLY | Qualifier.UP_TO:
            guess = interval.high
        case Qualifier.BETWEEN if interval.high is not None:
            if interval.high > interval.low:
                return f"between {interval.low} and {interval.high}"
    if guess is not None:
        try:
            if interval_for(q, guess) == interval:
                return str(guess) if q is Qualifier.EXACT else f"{q.label} {guess}"
        except ValueError:
            pass
    short = " ".join(stated.split())
    if short and len(short) <= 40:
        return f"{short} ({interval})" if q is Qualifier.VAGUE else short
    return str(interval)
