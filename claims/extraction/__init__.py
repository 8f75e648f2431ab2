"""Casualty claims from news text: pure Python, no Django (tests assert it stays that way).

``extract(text, published=..., place_tz=...)`` returns ``ExtractedFigure`` and ``ExtractedTiming``
records ordered by position; see ``extractor`` for the steps and each module for its rules:
``text`` (cleanup, sentences), ``numbers``, ``qualifiers``, ``figures`` (coordination, flags)
with ``context`` (what the words around a number say: victims, metric, mixed harm), ``singles``
(figures written without a number) and ``flags``, ``attribution`` and ``entities`` (claimants,
citations, coreference), ``timing`` (clock times, zones, durations) with ``days``.
Speed and quality measurements: docs/perf/extraction.md.
"""

from claims.extraction.extractor import (
    ExtractedClaim,
    ExtractedFigure,
    ExtractedTiming,
    extract,
)

__all__ = ["ExtractedClaim", "ExtractedFigure", "ExtractedTiming", "extract"]
