"""When it happened: clock times with their zones, windows, durations, and the day they fall on.

Rules (docs/SEMANTICS.md repeats them for journalists):
- A clock time is a timing claim when it carries a zone ("11 a.m. EDT", "1500 GMT", "17:00 local
  time", "9 p.m. Damascus time", "7:40 p.m. in Dubai") or is written as a time ("11 a.m.",
  "17:00"); a bare four-digit number is a clock only with a zone after it.
- Renderings stated together ("11 a.m. EDT (1500 GMT)") are one claim; UTC comes from the first
  rendering that can be converted ("local" needs the incident's zone).
- A clock without a zone is kept (stated, zone "") but gets no UTC: guessing a zone would move
  the strike by hours.
- The day: a day word in the same sentence ("on Saturday" = the latest Saturday on or before
  publication; "yesterday"; "overnight" = the night before publication; "late on Tuesday"; "17
  September"), else the first such word in the article body, else the publication date.
- Durations need a verb of duration before them ("lasted 40 minutes", "for about half an hour"),
  so "30 minutes later" is not a duration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from claims.discrepancy import PLACE_ZONES, ZONE_OFFSETS, interval_for, to_utc
from claims.extraction.days import DATE_RE
from claims.extraction.days import day_of as day_of  # re-exported: callers read days here
from claims.extraction.numbers import NUMBER, parse_number, trie_regex

_DAY_DIGITS_RE = re.compile(r"[0-9]+")
_AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|a\.m\b|p\.m\b)"
_ABBR = "|".join(sorted(ZONE_OFFSETS, key=len, reverse=True))  # case-sensitive: keep plain
_PLACE = "(?:" + trie_regex(PLACE_ZONES) + ")"
_ZONE = (
    rf"(?P<{{n}}>local\s+time|local|(?:UTC|GMT)\s?[+\-\u2212]\s?\d{{{{1,2}}}}(?::?\d\d)?"
    rf"|(?:{_ABBR})\b|(?i:{_PLACE})\s+time|in\s+(?i:{_PLACE})\b)"
)
_ZONE_AHEAD = rf"(?:hours?\b|hrs\b|(?:{_ABBR})\b|local\b|(?i:{_PLACE})\s+time)"
_CLOCK = (
    rf"(?:(?P<{{n}}h>[01]?\d|2[0-3]):(?P<{{n}}m>[0-5]\d)(?:\s?(?P<{{n}}ap>{_AMPM}))?"
    rf"|(?P<{{n}}h3>1[0-2]|0?[1-9])\.(?P<{{n}}m3>[0-5]\d)\s?(?P<{{n}}ap3>{_AMPM})"
    rf"|(?P<{{n}}h2>1[0-2]|0?[1-9])\s?(?P<{{n}}ap2>{_AMPM})"
    rf"|(?P<{{n}}hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*{_ZONE_AHEAD}"
    rf"|\s*(?:and|to|-|\u2013)\s*\d{{{{4}}}}\s*{_ZONE_AHEAD})"
    rf"|(?P<{{n}}word>noon|midday|midnight))"
)


def _clock(name: str) -> str:
    return _CLOCK.format(n=name)


def _zone(name: str) -> str:
    return _ZONE.format(n=name)


_APPROX = (
    r"(?:around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after)"
    r"|some\s+time\s+around|circa)"
)
# Clocks are read where a digit run or a clock word starts (found by a fast scan), then the
# approximation words to their left ("around", "between") are read separately.
_CLOCK_WORD_LEFT_RE = re.compile(r"\b(?:at|around|about|before|after|by|until)\s+$")
# What follows a live blog's time stamp: a separator ("14:05 GMT - ...") or straight away the
# entry's first word, capitalised ("09:40 The agency says ...").
_STAMP_AFTER_RE = re.compile(r"\s*[-\u2013\u2014:|]|\s+[\"'(]?[A-Z]")
_CLOCK_START_RE = re.compile(r"[0-9]+|noon|midday|midnight")
# Every clock written with digits has a colon ("17:00"), a.m./p.m. right after its digits
# ("11 a.m.", "9.40pm") or four digits ("1500 GMT"): a cheap scan most numbers fail. (The
# digit is factored out of the alternatives, so the engine skips to digits in C.)
_CLOCK_GATE_RE = re.compile(r"\d(?::[0-5]\d|\s?[ap](?:\.\s?m|m\b)|\d{3})")
_TIME_LEFT_RE = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+)?(?:(?:between|from)\s+)?(?:at\s+)?$", re.I
)
_TIME_RE = re.compile(
    rf"{_clock('a')}(?:\s?(?:hours|hrs|h)\b)?"
    rf"(?:\s*(?:{_zone('za')}))?"
    rf"(?:\s*(?:-|\u2013|to|and|until|till)\s*{_clock('b')}(?:\s?(?:hours|hrs|h)\b)?)?"
    rf"(?:\s*(?:{_zone('zb')}))?(?![\d:])"
)
_PAREN_RE = re.compile(r"^\)?\s*(?:\(|,\s*or\s+|or\s+|/\s*|,\s*|\u2014\s*|-\s+|;\s*)?\s*$")
_DUR_UNIT = r"(?:minutes?|mins?|hours?|hrs?)\b"
_DUR_QUAL = (
    r"(?:about|around|some|roughly|approximately|nearly|almost|close\s+to|more\s+than|over|"
    r"less\s+than|under|up\s+to|at\s+least|just\s+over|just\s+under|well\s+over|barely|only|"
    r"just|a\s+little\s+over|a\s+little\s+under)"
)
_DURATION_RE = re.compile(
    rf"(?<!\w)(?=[ltfcsoiLTFCSOI])(?P<verb>lasted|lasting|lasts|last|went\s+on\s+for|continued\s+for|took|taking|for|"
    rf"spanned|over\s+a\s+period\s+of|in\s+the\s+space\s+of)\s+(?:(?P<qual>{_DUR_QUAL})\s+)?"
    rf"(?P<amount>half\s+an\s+hour|a\s+quarter\s+of\s+an\s+hour|an\s+hour\s+and\s+a\s+half|"
    rf"(?:an?|one)\s+hour|(?:{NUMBER})(?:\s+and\s+a\s+half)?\s+{_DUR_UNIT}"
    rf"|(?:an?|one)\s+and\s+a\s+half\s+hours)",
    re.I,
)
# Every duration's unit follows whitespace ("40 minutes", "half an hour", "2 hrs"): a cheaper
# scan than the duration pattern, which most sentences with a digit do not need.
_DUR_GATE_RE = re.compile(r"\s(?:hour|hr|min)")
_DUR_QUAL_MAP = {
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "barely": "nearly",
    "a little under": "nearly",
    "more than": "more_than",
    "over": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "a little over": "more_than",
    "at least": "at_least",
    "up to": "up_to",
    "less than": "below",
    "under": "below",
}
_DIGIT_RE = re.compile(r"[0-9]")
# "for 40 minutes" is the incident's duration only in a sentence about the incident.
_INCIDENT_WORD_RE = re.compile(
    r"\b(?:raid|strik|attack|bomb|shell|assault|barrage|battl|fight|clash|operation|siege|"
    r"gunfire|firefight|fired|lasted|explosion|blast|pound|hit\s+us|struck)",
    re.I,
)


@dataclass(slots=True)
class RawTiming:
    """A timing found in one sentence, before attribution."""

    start: int
    end: int
    stated: str
    zone: str
    renderings: tuple[tuple[str, str], ...]
    start_utc: datetime | None
    end_utc: datetime | None
    duration_min_low: int | None
    duration_min_high: int | None


def _clocks(s: str):
    """Clock matches at each digit run or clock word that does not continue a number."""
    for a in _CLOCK_START_RE.finditer(s):
        p = a.start()
        if p and (s[p - 1].isalnum() or s[p - 1] in ":.,"):
            continue
        m = _TIME_RE.match(s, p)
        if m is not None and not (
            s[m.end() : m.end() + 1].isdigit() or s[m.end() : m.end() + 1] == ":"
        ):
            yield m


def _left_approx(s: str, start: int) -> tuple[int, str]:
    """Where a timing's stated words begin ("around 11 a.m.") and the approximation word."""
    lm = _TIME_LEFT_RE.search(s, max(0, start - 40), start)
    if lm is None or lm.start() == lm.end():
        return start, ""
    return lm.start(), lm.group("approx") or ""


def _zone_label(raw: str | None) -> str:
    if not raw:
        return ""
    z = " ".join(raw.split())
    low = z.lower()
    if low.startswith("local"):
        return "local"
    if low.endswith(" time"):
        z = z[: -len(" time")]
    if low.startswith("in "):
        z = z[3:]
    return z[:1].upper() + z[1:] if z.islower() else z


def _hm(m: re.Match[str], n: str) -> tuple[int, int] | None:
    g = m.groupdict()
    if g.get(n + "word"):
        w = g[n + "word"].lower()
        return (0, 0) if w == "midnight" else (12, 0)
    if g.get(n + "hhmm"):
        v = g[n + "hhmm"]
        return int(v[:2]), int(v[2:])
    h = g.get(n + "h") or g.get(n + "h2") or g.get(n + "h3")
    if h is None:
        return None
    hour, minute = int(h), int(g.get(n + "m") or g.get(n + "m3") or 0)
    ap = g.get(n + "ap") or g.get(n + "ap2") or g.get(n + "ap3") or ""
    ap = ap.lower().replace(".", "").replace(" ", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return hour, minute


def find_timings(
    s: str,
    *,
    day: date | None,
    overnight: bool = False,
    place_tz: str | None = None,
    dates: bool = True,
) -> tuple[list[RawTiming], list[tuple[int, int]]]:
    """Timing claims in one sentence, and the spans they cover (masked from figure search).

    ``dates=False`` skips masking written dates ("17 September"): a caller that will not look
    for figures in the sentence does not need those spans."""
    masked: list[tuple[int, int]] = []
    groups: list[list[re.Match[str]]] = []
    low = s.lower()
    has_digit = _DIGIT_RE.search(low) is not None
    consumed = 0
    clocky = (has_digit and _CLOCK_GATE_RE.search(low) is not None) or (
        "noon" in low or "midnight" in low or "midday" in low
    )
    for m in _clocks(s) if clocky else ():
        if m.start() < consumed or _hm(m, "a") is None:
            continue
        consumed = m.end()
        if (
            m.group("aword")
            and not (m.group("za") or m.group("zb"))
            and not _CLOCK_WORD_LEFT_RE.search(s, max(0, m.start() - 12), m.start())
        ):
            continue  # "noon prayers": a clock word needs "at" or a zone
        masked.append((m.start(), m.end()))
        if not s[: m.start()].strip() and _STAMP_AFTER_RE.match(s, m.end()):
            continue  # a live blog's time stamp ("14:05 GMT - ..."), not the incident's time
        if groups and _PAREN_RE.match(s[groups[-1][-1].end() : m.start()]):
            groups[-1].append(m)
        else:
            groups.append([m])
    out: list[RawTiming] = []
    if groups and callable(day):
        day, overnight = day()  # resolved only when a clock time needs a date
    for g in groups:
        out.append(_timing(s, g, day, overnight, place_tz))
    # (the substring tests first: the gate's match holds one of them, and most sentences none)
    durations = (
        _DURATION_RE.finditer(s)
        if ("hour" in low or "hr" in low or "min" in low) and _DUR_GATE_RE.search(low)
        else ()
    )
    for m in durations:
        t = _duration(s, m)
        if t is not None:
            out.append(t)
            masked.append((m.start("amount"), m.end()))
    for m in DATE_RE.finditer(low) if has_digit and dates else ():
        if int(_DAY_DIGITS_RE.search(m.group()).group()) <= 31:  # "in february 44 soldiers"
            masked.append((m.start(), m.end()))
    out.sort(key=lambda t: t.start)
    return out, masked


def _timing(s, group, day, overnight, place_tz) -> RawTiming:
    renderings: list[tuple[str, str]] = []
    start_utc = end_utc = None
    for m in group:
        zone = _zone_label(m.group("zb") or m.group("za"))
        clock = s[m.start() : m.end()]
        left, _approx = _left_approx(s, m.start())
        if left < m.start() and not _approx:
            clock = s[left : m.end()]  # "between 1700 and 1750"
        if clock.lower().startswith("at "):
            clock = clock[3:]
        zm = m.group("zb") or m.group("za")
        if zm:
            clock = clock[: clock.rfind(zm)].rstrip()
        renderings.append((clock, zone))
        if start_utc is not None or not zone or day is None:
            continue
        a, b = _hm(m, "a"), _hm(m, "b")
        a_marked = m.group("aap") or m.group("aap2") or m.group("aap3")
        if a is not None and b is not None and a[0] < 12 and a[0] + 12 <= b[0] and not a_marked:
            a = (a[0] + 12, a[1])  # "9:15 to 10:02 p.m.": the first time shares the p.m.
        try:
            d = day
            if overnight and a is not None and a[0] >= 12:
                d = day - timedelta(days=1)
            assert a is not None
            start_utc = to_utc(datetime(d.year, d.month, d.day, *a), zone, place_tz=place_tz)
            end_utc = start_utc
            if b is not None:
                end_local = datetime(d.year, d.month, d.day, *b)
                if b < a:
                    end_local += timedelta(days=1)
                end_utc = to_utc(end_local, zone, place_tz=place_tz)
        except (ValueError, AssertionError, OverflowError, KeyError):
            start_utc = end_utc = None
    first, last = group[0], group[-1]
    stated_start, _ = _left_approx(s, first.start())
    stated_end = last.end()
    if s[stated_end : stated_end + 1] == ")" and "(" in s[stated_start:stated_end]:
        stated_end += 1
    stated = s[stated_start:stated_end]
    if stated.lower().startswith("at "):
        stated = stated[3:]
    zone = renderings[0][1]
    return RawTiming(
        stated_start,
        stated_end,
        stated.strip(),
        zone,
        tuple(renderings),
        start_utc,
        end_utc,
        None,
        None,
    )


def _duration(s: str, m: re.Match[str]) -> RawTiming | None:
    amount = " ".join(m.group("amount").lower().split())
    verb = m.group("verb").lower()
    if amount.startswith("half an hour"):
        minutes = 30
    elif amount.startswith("a quarter"):
        minutes = 15
    elif "hour and a half" in amount or "and a half hours" in amount:
        minutes = 90
    elif amount in ("an hour", "a hour", "one hour"):
        minutes = 60
    else:
        num = re.sub(rf"\s+(?:and\s+a\s+half\s+)?{_DUR_UNIT}.*$", "", amount)
        value = parse_number(num)
        if value is None:
            return None
        per = 60 if amount.split()[-1].startswith(("hour", "hr")) else 1
        minutes = int(value * per + (per // 2 if "and a half" in amount else 0))
    if verb == "for" and not _INCIDENT_WORD_RE.search(s):
        return None  # "jailed for 40 minutes" style uses are not the incident's duration
    qual = _DUR_QUAL_MAP.get(" ".join((m.group("qual") or "").lower().split()), "exact")
    try:
        if qual == "below":
            low, high = 0, max(0, minutes - 1)
        else:
            iv = interval_for(qual, minutes)
            low, high = iv.low, iv.high
    except ValueError:
        return None
    start = (
        m.start()
        if verb.startswith("last")
        else (m.start("qual") if m.group("qual") else m.start("amount"))
    )
    stated = s[start : m.end()]
    return RawTiming(start, m.end(), stated, "", (), None, None, low, high)
