"""Synthetic data at scale, for benchmarks and load tests (`manage.py generate_scale`).

Everything generated is marked: incidents have ``is_sample=True``, slugs starting ``synthetic-``
and titles "Synthetic incident 000123: ..."; sources have slugs starting ``synthetic-`` and the
affiliation "Synthetic data". The same seed gives the same rows (ids aside): each incident draws
from its own random generator seeded by (seed, number), so batch size does not change the data.

Modules: ``catalogue`` (vocabularies, the source pool), ``incidents`` (one incident's rows),
``derived`` (the denormalised columns), ``load`` (writing, refusing, replacing).

How it loads fast:

1. Sources and aliases first, then incidents in batches of ``batch``; each batch is one
   transaction: PostgreSQL gets ``COPY ... FROM STDIN`` (psycopg 3), SQLite a multi-row
   ``executemany``. Primary keys are drawn from the tables' own sequences up front, so revision
   links and summaries are computed before a row is written and no row is updated afterwards.
2. The denormalised columns are computed in Python with the same engine and rules as the
   services: ``FigureClaim.supersedes``/``is_current`` as ``services.figures_relink``, the
   incident summary as ``selectors.incident_public_facts`` and the sources' track records as
   ``claims.track`` (per-incident rows and source totals; tests/integration/test_scale.py
   checks they agree).
3. No history rows are written (bulk loads bypass django-simple-history's signals); the first
   edit of a synthetic row through a service starts its history.
"""

from claims.scale.catalogue import AFFILIATION, BIG_SLUG, PREFIX
from claims.scale.load import (
    Result,
    SyntheticDataExists,
    delete_synthetic,
    generate,
    synthetic_incidents,
    synthetic_sources,
)

__all__ = [
    "AFFILIATION",
    "BIG_SLUG",
    "PREFIX",
    "Result",
    "SyntheticDataExists",
    "delete_synthetic",
    "generate",
    "synthetic_incidents",
    "synthetic_sources",
]
