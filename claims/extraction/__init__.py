"""Casualty claims from news text: pure Python, no Django (tests assert it stays that way).

``extract(text, published=..., place_tz=...)`` returns ``ExtractedFigure`` and ``ExtractedTiming``
records (``records``) ordered by position; see ``extractor`` for the steps and each module for
its rules: ``text`` (cleanup, sentences), ``numbers``, ``qualifiers``, ``figures`` (coordination,
flags) with ``context`` (what the words around a number say: victims, metric, mixed harm),
``singles`` (figures written without a number), ``enumerations`` ("two women and a child"),
``tables`` (tables flattened to text) and ``flags``; ``attribution`` with ``subjects`` (who
speaks in a sentence) and ``according`` ("according to X"), ``entities`` with ``names``
(claimants, citations, coreference) and ``discourse`` (who speaks across sentences: issuers,
carried speakers); ``timing`` (clock times, zones, durations) with ``days``.
Speed and quality measurements: docs/perf/extraction.md.
"""

from claims.extraction.extractor import extract
from claims.extraction.records import ExtractedClaim, ExtractedFigure, ExtractedTiming

__all__ = ["ExtractedClaim", "ExtractedFigure", "ExtractedTiming", "extract"]
