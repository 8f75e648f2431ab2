"""Stated clock times to UTC, and back.

Why: sources state times in their own zone ("11 a.m. EDT", "1500 GMT", "17:00 local time"); the
same strike only looks like the same strike once every rendering is in UTC. Three kinds of zone
label are understood, tried in this order:

1. ``"local"`` (or "local time"): the incident's own IANA zone, with the offset that zone had *on
   that date* (zoneinfo knows Syria was UTC+3 in September 2016, not +2).
2. A fixed abbreviation from ZONE_OFFSETS ("EDT" is always UTC-4, whatever the date), or an explicit
   offset such as "UTC+3" / "GMT-04:30".
3. An IANA name ("Asia/Damascus") or a place from PLACE_ZONES ("Damascus time"), read like "local"
   but for that place.

Ambiguous abbreviations (AST, IST, CST, BST...) get the reading most likely in conflict reporting
from the regions this tracker covers; ZONE_NOTES says which reading was chosen and why, and
docs/SEMANTICS.md repeats it for journalists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _h(hours: float) -> timedelta:
    return timedelta(minutes=round(hours * 60))


# Fixed meanings: an abbreviation names one offset, so "EDT" never depends on the date.
ZONE_OFFSETS: dict[str, timedelta] = {
    "UTC": _h(0),
    "GMT": _h(0),
    "UT": _h(0),
    "Z": _h(0),
    "ZULU": _h(0),
    "WET": _h(0),
    "WEST": _h(1),
    "BST": _h(1),
    "CET": _h(1),
    "WAT": _h(1),
    "CEST": _h(2),
    "EET": _h(2),
    "CAT": _h(2),
    "SAST": _h(2),
    "EEST": _h(3),
    "MSK": _h(3),
    "TRT": _h(3),
    "AST": _h(3),
    "EAT": _h(3),
    "IDT": _h(3),
    "IRST": _h(3.5),
    "IRDT": _h(4.5),
    "GST": _h(4),
    "GET": _h(4),
    "AZT": _h(4),
    "AFT": _h(4.5),
    "PKT": _h(5),
    "UZT": _h(5),
    "IST": _h(5.5),
    "NPT": _h(5.75),
    "MMT": _h(6.5),
    "ICT": _h(7),
    "WIB": _h(7),
    "HKT": _h(8),
    "SGT": _h(8),
    "PHT": _h(8),
    "JST": _h(9),
    "KST": _h(9),
    "AEST": _h(10),
    "AEDT": _h(11),
    "NZST": _h(12),
    "NZDT": _h(13),
    "HST": _h(-10),
    "AKST": _h(-9),
    "AKDT": _h(-8),
    "PST": _h(-8),
    "PDT": _h(-7),
    "MST": _h(-7),
    "MDT": _h(-6),
    "CST": _h(-6),
    "CDT": _h(-5),
    "EST": _h(-5),
    "EDT": _h(-4),
}

# The reading chosen for abbreviations that mean different things in different places.
ZONE_NOTES: dict[str, str] = {
    "AST": "Arabia Standard Time (UTC+3), not Atlantic Standard Time (UTC-4).",
    "IST": "India Standard Time (UTC+5:30), not Israel (UTC+2) or Irish Summer Time (UTC+1).",
    "CST": "US Central Standard Time (UTC-6), not China Standard Time (UTC+8).",
    "BST": "British Summer Time (UTC+1), not Bangladesh Standard Time (UTC+6).",
    "GST": "Gulf Standard Time (UTC+4), not South Georgia Time (UTC-2).",
    "IDT": "Israel Daylight Time (UTC+3).",
    "MST": "US Mountain Standard Time (UTC-7), not Malaysia (UTC+8).",
}

# Places whose name is used as a zone ("Damascus time", "7:40 p.m. in Dubai").
PLACE_ZONES: dict[str, str] = {
    "damascus": "Asia/Damascus",
    "syria": "Asia/Damascus",
    "aleppo": "Asia/Damascus",
    "kabul": "Asia/Kabul",
    "afghanistan": "Asia/Kabul",
    "moscow": "Europe/Moscow",
    "baghdad": "Asia/Baghdad",
    "iraq": "Asia/Baghdad",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "ukraine": "Europe/Kyiv",
    "gaza": "Asia/Gaza",
    "jerusalem": "Asia/Jerusalem",
    "tel aviv": "Asia/Jerusalem",
    "israel": "Asia/Jerusalem",
    "beirut": "Asia/Beirut",
    "lebanon": "Asia/Beirut",
    "amman": "Asia/Amman",
    "ankara": "Europe/Istanbul",
    "istanbul": "Europe/Istanbul",
    "tehran": "Asia/Tehran",
    "riyadh": "Asia/Riyadh",
    "sanaa": "Asia/Aden",
    "aden": "Asia/Aden",
    "dubai": "Asia/Dubai",
    "abu dhabi": "Asia/Dubai",
    "doha": "Asia/Qatar",
    "cairo": "Africa/Cairo",
    "tripoli": "Africa/Tripoli",
    "khartoum": "Africa/Khartoum",
    "mogadishu": "Africa/Mogadishu",
    "islamabad": "Asia/Karachi",
    "karachi": "Asia/Karachi",
    "new delhi": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "london": "Europe/London",
    "paris": "Europe/Paris",
    "brussels": "Europe/Brussels",
    "berlin": "Europe/Berlin",
    "washington": "America/New_York",
    "new york": "America/New_York",
    "canberra": "Australia/Sydney",
    "beijing": "Asia/Shanghai",
}

LOCAL_LABELS = frozenset({"local", "local time"})
_OFFSET_RE = re.compile(r"^(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$")


@cache
def _zoneinfo(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{name!r} is not an IANA time zone such as Asia/Damascus.") from exc


def resolve_zone(zone_label: str, *, place_tz: str | None = None) -> timezone | ZoneInfo:
    """The tzinfo a stated zone label stands for (see the module docstring for the order).

    Raises ValueError for "local" without ``place_tz`` and for labels it does not know: a wrong
    guess at a zone would silently move a strike by hours, so unknown labels are refused.
    """
    raw = " ".join((zone_label or "").split())
    if not raw:
        raise ValueError("A clock time needs a zone label (EDT, GMT, local...).")
    low = raw.lower()
    if low in LOCAL_LABELS:
        if not place_tz:
            raise ValueError("'local time' needs the incident's time zone, which is not set.")
        return _zoneinfo(place_tz)
    upper = raw.upper()
    if upper in ZONE_OFFSETS:
        return timezone(ZONE_OFFSETS[upper], upper)
    if m := _OFFSET_RE.match(upper):
        sign = -1 if m.group(1) in "-\u2212" else 1
        offset = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        if offset >= timedelta(hours=15):
            raise ValueError(f"{zone_label!r} is not a real UTC offset.")
        return timezone(sign * offset)
    if "/" in raw:
        return _zoneinfo(raw)
    place = low.removesuffix(" time").removeprefix("in ").strip()
    if place in PLACE_ZONES:
        return _zoneinfo(PLACE_ZONES[place])
    raise ValueError(f"Unknown time zone label {zone_label!r}.")


def to_utc(local: datetime, zone_label: str, *, place_tz: str | None = None) -> datetime:
    """A wall-clock time as stated (naive) in the given zone, as an aware UTC datetime.

    In zones with daylight saving, a time that occurs twice (autumn fold) is read as the first
    occurrence, and a time that never occurs (spring gap) with the offset in force just before the
    change; both follow zoneinfo's ``fold=0`` reading.
    """
    if local.tzinfo is not None:
        raise ValueError("to_utc expects the clock time as stated, without a time zone attached.")
    tz = resolve_zone(zone_label, place_tz=place_tz)
    return local.replace(tzinfo=tz).astimezone(UTC)


def from_utc(moment: datetime, zone_label: str, place_tz: str | None = None) -> datetime:
    """The naive wall-clock time a UTC moment shows in the given zone (inverse of to_utc)."""
    if moment.tzinfo is None:
        raise ValueError("from_utc expects an aware datetime.")
    tz = resolve_zone(zone_label, place_tz=place_tz)
    return moment.astimezone(tz).replace(tzinfo=None)


# Renderings stated to the minute that land more than this apart describe different moments.
RENDERING_TOLERANCE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class RenderingCheck:
    """Whether several renderings of one moment ("9:40 local (0640 GMT)") name the same instant."""

    instants: tuple[datetime, ...]  # each rendering in UTC, in the order given
    labels: tuple[str, ...]
    agree: bool
    spread_minutes: int  # latest minus earliest instant, in whole minutes

    @property
    def utc(self) -> datetime | None:
        """The agreed moment (the first rendering) when they agree, else None."""
        return self.instants[0] if self.agree and self.instants else None


def check_renderings(
    renderings: list[tuple[datetime, str]] | tuple[tuple[datetime, str], ...],
    place_tz: str | None = None,
) -> RenderingCheck:
    """Convert every (clock time, zone label) to UTC and say whether they agree within a minute.

    A disagreement usually means a wrong zone in the text (a summer offset used in winter) or a
    typo; the caller flags it for an editor rather than picking one rendering.
    """
    instants = tuple(to_utc(when, label, place_tz=place_tz) for when, label in renderings)
    labels = tuple(label for _, label in renderings)
    if not instants:
        return RenderingCheck((), (), True, 0)
    spread = max(instants) - min(instants)
    return RenderingCheck(
        instants=instants,
        labels=labels,
        agree=spread <= RENDERING_TOLERANCE,
        spread_minutes=int(spread.total_seconds() // 60),
    )
