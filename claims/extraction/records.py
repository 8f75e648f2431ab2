"""The claims the extractor returns: plain frozen records, with ``to_dict`` for JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.extraction.entities import Entity


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    """One casualty figure one claimant gave, with the sentence it came from."""

    claimant: str | None
    claimant_is_headline: bool
    cited: str
    metric: str
    victims: str
    victim_group: str
    low: int
    high: int | None
    qualifier: str
    stated: str
    vague_word: str | None
    revised_from_earlier: bool
    revised: bool
    hedged: bool
    cumulative: bool
    evidence: str
    span: tuple[int, int]
    kind: str = "figure"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "claimant": self.claimant,
            "cited": self.cited,
            "metric": self.metric,
            "victims": self.victims,
            "victim_group": self.victim_group,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "stated": self.stated,
            "revised_from_earlier": self.revised_from_earlier,
            "revised": self.revised,
            "hedged": self.hedged,
            "cumulative": self.cumulative,
            "headline": self.claimant_is_headline,
            "evidence": self.evidence,
            "span": list(self.span),
        }


@dataclass(frozen=True, slots=True)
class ExtractedTiming:
    """When (and for how long) one claimant says the incident happened."""

    claimant: str | None
    cited: str
    stated: str
    zone: str
    renderings: tuple[tuple[str, str], ...]
    start_utc: datetime | None
    end_utc: datetime | None
    duration_min_low: int | None
    duration_min_high: int | None
    evidence: str
    span: tuple[int, int]
    claimant_is_headline: bool = False
    kind: str = "timing"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "claimant": self.claimant,
            "cited": self.cited,
            "stated": self.stated,
            "zone": self.zone,
            "start_utc": self.start_utc.isoformat() if self.start_utc else None,
            "end_utc": self.end_utc.isoformat() if self.end_utc else None,
            "duration_min_low": self.duration_min_low,
            "duration_min_high": self.duration_min_high,
            "evidence": self.evidence,
            "span": list(self.span),
        }


ExtractedClaim = ExtractedFigure | ExtractedTiming


@dataclass(slots=True)
class Attribution:
    """A speaker in one sentence: where its verb ends (it governs what follows) or, for trailing
    attributions, where its noun phrase starts (it governs what precedes)."""

    start: int
    end: int
    entity: Entity | None  # None for an outlet that only relays
    trailing: bool
    cited: str = ""
    relative: bool = False


@dataclass(slots=True)
class Pending:
    """A claim waiting for its claimant's final (fullest) name."""

    entity: Entity | None
    headline: bool
    cited: str
    fields: dict
    is_figure: bool
    carried: bool = False  # no speaker in its own sentence
