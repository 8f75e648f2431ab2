"""What the tracker stores: incidents, the sources that make claims, the articles that carry them,
and the figures and timings each source reported.

What a source said (the stated wording, the zone label as written) is always stored apart from
what we derive from it (the interval low..high, the UTC window): the derived fields can be
recomputed from the stated ones, never the reverse.
"""

from claims.models.articles import Article, Feed
from claims.models.claims import ClaimBase, FigureClaim, TimingClaim
from claims.models.incidents import (
    MAX_DURATION_MINUTES,
    MAX_FIGURE,
    Incident,
    validate_time_zone,
)
from claims.models.sources import Source, SourceAlias, SourceIncidentRecord
from claims.models.versions import DataVersion

__all__ = [
    "MAX_DURATION_MINUTES",
    "MAX_FIGURE",
    "Article",
    "ClaimBase",
    "DataVersion",
    "Feed",
    "FigureClaim",
    "Incident",
    "Source",
    "SourceAlias",
    "SourceIncidentRecord",
    "TimingClaim",
    "validate_time_zone",
]
