"""Whether a time stated in several zones at once names one moment: "11 a.m. EDT (1500 GMT)"
agrees, "9:40 a.m. local time (0740 GMT)" in a UTC+3 place does not (by an hour).

Pure: reads the stated wording with the same clock parser the extractor uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from claims.extraction.timing import find_timings

# Renderings within this many minutes of each other are one moment (rounding in reports).
TOLERANCE_MINUTES = 1


@dataclass(frozen=True, slots=True)
class RenderingsCheck:
    zones: tuple[str, ...]  # the zone labels as stated, in order
    moments: tuple[datetime, ...]  # each rendering in UTC
    spread_minutes: int  # latest minus earliest

    @property
    def agree(self) -> bool:
        return self.spread_minutes <= TOLERANCE_MINUTES


def check_stated_renderings(
    stated: str, *, day: date, place_tz: str | None = None
) -> RenderingsCheck | None:
    """The check for the first timing in `stated` given in two or more zones; None when the
    wording gives one zone only or a rendering cannot be read."""
    try:
        timings, _ = find_timings(stated, day=day, place_tz=place_tz)
    except Exception:  # noqa: BLE001 - any wording: no check rather than an error
        return None
    group = next((t for t in timings if len(t.renderings) > 1), None)
    if group is None:
        return None
    moments, zones = [], []
    for clock, zone in group.renderings:
        if not zone:
            return None
        single, _ = find_timings(f"at {clock} {zone}", day=day, place_tz=place_tz)
        if not single or single[0].start_utc is None:
            return None
        moments.append(single[0].start_utc)
        zones.append(zone)
    spread = int((max(moments) - min(moments)).total_seconds() // 60) % 1440
    # Renderings either side of midnight read on one calendar day look a day apart: that is
    # the date, not the clock, so only the time of day is compared.
    spread = min(spread, 1440 - spread)
    return RenderingsCheck(tuple(zones), tuple(moments), spread)
