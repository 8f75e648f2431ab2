"""Days as reports name them: weekdays, "yesterday", "overnight", written dates.

- A weekday means the latest such day on or before publication ("on Saturday" in a Sunday
  paper is the day before); "yesterday" is the day before; "overnight"/"last night" is the
  publication day, flagged so that an evening clock time falls on the day before.
- A written date without a year ("17 September") is the latest such date not after
  publication; with a year it is that date.
- Written dates are also masked from the figure search (``DATE_RE``), so "17 September" is never
  a figure of 17.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.extraction.numbers import trie_regex
from claims.extraction.text import Sentence

_DIGIT_RE = re.compile(r"[0-9]")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTHS.update(
    {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)
_MONTH_ALT = "(?:" + trie_regex(_MONTHS) + ")"
# Written dates ("17 September", "Sept. 17"), masked so their numbers are never figures.
DATE_RE = re.compile(
    rf"[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_ALT}\b|{_MONTH_ALT}\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?\b"
)
_DAY_RE = re.compile(
    r"(?<![\w])(?=[\dmtwfsyolajndMTWFSYOLAJND])"
    rf"\b(?P<wd>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    rf"|\b(?P<rel>yesterday|today|overnight|last\s+night|this\s+morning|tonight)\b"
    rf"|\b(?P<mon1>{_MONTH_ALT})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH_ALT})\b(?:\s+(?P<y2>(?:19|20)\d\d))?",
    re.I,
)


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _may_name_day(low: str) -> bool:
    # Cheap substring gate: every day word contains one of these or a digit (dates).
    return "day" in low or "night" in low or "morning" in low or _DIGIT_RE.search(low) is not None


def day_of(text: str, published: date | None) -> tuple[date | None, bool]:
    """The date a day word in ``text`` names, and whether it was "overnight"/"last night"."""
    if published is None and _YEAR_RE.search(text) is None:
        return None, False  # without a publication date only a date with its year is read
    if not _may_name_day(text.lower()):
        return None, False
    for m in _DAY_RE.finditer(text):
        try:
            if m.group("wd"):
                if published is None:
                    continue
                target = _WEEKDAYS.index(m.group("wd").lower() + "day")
                back = (published.weekday() - target) % 7
                return published - timedelta(days=back), False
            if m.group("rel"):
                if published is None:
                    continue
                rel = " ".join(m.group("rel").lower().split())
                if rel in ("yesterday",):
                    return published - timedelta(days=1), False
                if rel in ("overnight", "last night"):
                    return published, True
                return published, False
            mon = _MONTHS[(m.group("mon1") or m.group("mon2")).lower().rstrip(".")]
            d = int(m.group("d1") or m.group("d2"))
            y = m.group("y1") or m.group("y2")
            if y:
                return date(int(y), mon, d), False
            if published is None:
                continue
            guess = date(published.year, mon, d)
            if guess > published:
                guess = date(published.year - 1, mon, d)
            return guess, False
        except (ValueError, KeyError):
            continue
    return None, False


class DefaultDay:
    """The article's default day: the first day word in its body ("on Saturday"), else the
    publication date. Looked up only when a timing needs it (most articles state none, and the
    scan would read every sentence of an article that names no day)."""

    __slots__ = ("sentences", "published", "day", "done")

    def __init__(self, sentences: list[Sentence], published: date | None) -> None:
        self.sentences, self.published = sentences, published
        self.day: date | None = None
        self.done = False

    def get(self) -> date | None:
        if not self.done:
            self.done = True
            for s in self.sentences:
                if not s.heading:
                    self.day, _ = day_of(s.text, self.published)
                    if self.day is not None:
                        break
            self.day = self.day or self.published
        return self.day
