"""Tables flattened to text: a header line of metric columns, then one line per row.

    District | Killed | Injured          Region Killed Injured
    Kovra town | 14 | 37                Nordmark 24 71

A header is a line (no closing punctuation) whose last cells are all metric words ("Killed",
"Dead", "Wounded", "Missing", "Arrested", ...) after one or more label words; each following
line that ends in exactly as many numbers is a row, and each number is a figure of its
column's metric (exact, as tables state them). The table ends at the first line that is not a
row. Who gives the figures is decided by the caller (the speaker carried to that point, as for
any sentence that names nobody).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims.extraction.numbers import parse_number
from claims.extraction.records import Pending

if TYPE_CHECKING:
    from claims.extraction.entities import Entity
    from claims.extraction.text import Sentence

_COLUMN_METRICS = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
    "arrested": "detained",
    "detained": "detained",
    "arrests": "detained",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "displaced": "displaced",
}
_HEADER_RE = re.compile(r"[A-Za-z][^.!?]{0,120}")
_CELL_SPLIT_RE = re.compile(r"\s*\|\s*|\s+")
_ROW_NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d{1,6})(?![\w.,%])")


@dataclass(slots=True)
class TableCell:
    """One number of a table row: where it is in the line, its value and its column's metric."""

    start: int
    end: int
    stated: str
    value: int
    metric: str


def table_header(line: str) -> list[str] | None:
    """The metrics of a header line's columns, left to right, or None if it is no header."""
    if len(line) > 120 or not _HEADER_RE.fullmatch(line):
        return None
    cells = [c for c in _CELL_SPLIT_RE.split(line.strip(" |")) if c]
    if "|" not in line and not all(c[:1].isupper() for c in cells):
        return None  # a header's cells are capitalised ("Region Killed Injured"); prose is not
    metrics: list[str] = []
    for cell in reversed(cells):
        metric = _COLUMN_METRICS.get(cell.lower())
        if metric is None:
            break
        metrics.append(metric)
    if not metrics or len(metrics) == len(cells) or len(cells) > len(metrics) + 3:
        return None  # no metric column, or no label, or prose that ends in "... were killed"
    return metrics[::-1]


def table_row(line: str, metrics: list[str]) -> list[TableCell] | None:
    """The cells of a row under a header with ``metrics``, or None if the line is no row."""
    if len(line) > 120 or not line[:1].isalpha() or line.rstrip()[-1:] in ".!?":
        return None
    nums = list(_ROW_NUMBER_RE.finditer(line))
    if len(nums) < len(metrics):
        return None
    last = nums[-len(metrics) :]
    tail = line[last[0].start() :]
    if re.sub(r"[\d,|\s]", "", tail):
        return None  # words between the numbers: not a row of this table
    out = []
    for m, metric in zip(last, metrics, strict=True):
        value = parse_number(m.group(1))
        if value is None:
            return None
        out.append(TableCell(m.start(1), m.end(1), m.group(1), value, metric))
    return out


def table_claims(s: Sentence, cells, cleaned, owner: Entity | None, pending, seen) -> None:
    """A flattened table row's figures as pending claims of the table's owner, each as stated
    in its column."""
    span = (cleaned.to_original(s.start), cleaned.to_original(s.end))
    evidence = " ".join(s.text.split())
    for c in cells:
        key = ("f", id(owner), c.metric, c.value, c.value, "exact", "", evidence)
        if key in seen:
            continue
        seen.add(key)
        fields = dict(
            metric=c.metric,
            victims="",
            victim_group="unspecified",
            low=c.value,
            high=c.value,
            qualifier="exact",
            stated=c.stated,
            vague_word=None,
            revised_from_earlier=False,
            revised=False,
            hedged=False,
            cumulative=False,
            evidence=evidence,
            span=span,
        )
        cited = owner.claimant.last_cited if owner is not None else ""
        pending.append(Pending(owner, False, cited, fields, True, owner is None))
