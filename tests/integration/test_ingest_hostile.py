"""Absurd figures in an ingested article are refused, and the rest of the article still counts."""

from datetime import UTC, datetime

import pytest

from claims import ingest
from claims.models import MAX_FIGURE, FigureClaim
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "VELMAR, June 3 - A truck bomb killed 14 people at the Velmar bus station on Tuesday, the "
    "regional health office said.\n\n"
    "A post shared online claimed that 4,000,000,000,000 people had been killed in the blast, "
    "a figure the office dismissed.\n\n"
    "The office added that 31 people were wounded."
)


def test_an_absurd_toll_is_left_out_and_the_real_figures_are_kept():
    incident = IncidentFactory(time_zone="UTC")
    article = ingest.article_from_text(
        text=TEXT,
        title="Truck bomb hits Velmar bus station",
        incident=incident,
        published_at=datetime(2024, 6, 4, tzinfo=UTC),
    )
    figures = FigureClaim.objects.filter(article=article)
    assert article.status == "extracted"
    assert all(f.low <= MAX_FIGURE for f in figures)
    assert {(f.metric, f.low) for f in figures} >= {("killed", 14), ("injured", 31)}
    assert all(f.status == "unreviewed" for f in figures)
