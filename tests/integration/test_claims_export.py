"""/claims.csv is written by PostgreSQL's COPY in production and by Python elsewhere: both must
give a reader the same file, byte for byte, whatever the cells hold."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection

from claims import claims_export, selectors, services
from claims.filters import IncidentFilter
from claims.models import Article, FigureClaim, Incident, Source
from tests.services import require_postgres

pytestmark = pytest.mark.django_db

AWKWARD = [
    '=HYPERLINK("http://x.example")',
    "+44 killed",
    "-3 revised",
    "@SUM(A1)",
    "\tindented",
    "\rcarriage",
    'quoted "word", with comma',
    "two\nlines",
    "lone\rreturn",
    "crlf\r\ninside",
    "Ṣaʿda – ‘quotes’ and emoji 🕊",
    "",
]


@pytest.fixture
def awkward_claims(db):
    incident = services.incident_create(
        title='=Strike, "quoted"\non two lines',
        place="Ṣaʿda",
        country="Testland",
        time_zone="UTC",
        started_at=datetime(2021, 5, 1, tzinfo=UTC),
    )
    other = services.incident_create(
        title="Shelling of Orvath",
        place="Orvath",
        country="Elsewhere",
        time_zone="UTC",
        started_at=datetime(2022, 1, 1, tzinfo=UTC),
    )
    cited = services.source_create(name="@cited, source", kind=Source.Kind.MEDIA)
    with_url = Article.objects.create(
        url="https://news.example/a?x=1,2", text="t", content_hash="a" * 64, title="With URL"
    )
    pasted = Article.objects.create(text="pasted", content_hash="b" * 64, title="Pasted")
    for i, text in enumerate(AWKWARD):
        source = services.source_create(name=f"{text[:20]} source {i}", kind=Source.Kind.OTHER)
        services.figure_claim_save(
            FigureClaim(
                incident=incident if i % 3 else other,
                claimant=source,
                metric="killed" if i % 2 else "injured",
                victims_text=text,
                stated_text=text or "12",
                qualifier="exact",
                low=12 + i,
                high=12 + i,
                cited_text=text,
                cited_source=cited if i % 2 else None,
                evidence=text,
                article=(with_url, pasted, None)[i % 3],
                # Whole seconds and microseconds: both must print as Python's isoformat does.
                reported_at=datetime(2021, 5, 1, 12, i, i, 1000 * i, tzinfo=UTC),
                status=FigureClaim.Status.CONFIRMED,
            )
        )
    return incident


def _export(params: dict, write) -> bytes:
    incidents = IncidentFilter(params, queryset=Incident.objects.all())
    assert incidents.is_valid()
    return b"".join(write(selectors.claims_for_export(incidents.qs.values("pk"))))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "orvath"},
        {"country": "Testland"},
        {"start": "2021-06-01"},
        {"source": "+44 killed source 1"},
    ],
    ids=["all", "search", "country", "date", "source"],
)
def test_copy_and_python_write_the_same_bytes(awkward_claims, params):
    require_postgres(connection)
    if "source" in params:
        params = {"source": Source.objects.get(name=params["source"]).slug}
    by_copy = _export(params, claims_export._copy_blocks)
    by_python = _export(params, claims_export._python_blocks)
    assert by_copy == by_python
    rows = list(csv.reader(io.StringIO(by_copy.decode("utf-8-sig"))))
    assert rows[0] == claims_export.HEADER
    incidents = IncidentFilter(params, queryset=Incident.objects.all()).qs
    assert len(rows) - 1 == FigureClaim.objects.filter(incident__in=incidents).count() > 0


def test_every_awkward_cell_reads_back_as_a_spreadsheet_should_show_it(client, awkward_claims):
    body = b"".join(client.get("/claims.csv").streaming_content)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == len(AWKWARD)
    evidence = {r["evidence"] for r in rows}
    # Formulas are neutralised, everything else survives exactly, line breaks included.
    assert '\'=HYPERLINK("http://x.example")' in evidence and "'\rcarriage" in evidence
    assert {"two\nlines", "lone\rreturn", "crlf\r\ninside", 'quoted "word", with comma'} <= evidence
    assert "Ṣaʿda – ‘quotes’ and emoji 🕊" in evidence
    titles = {r["incident_title"] for r in rows}
    assert titles == {'\'=Strike, "quoted"\non two lines', "Shelling of Orvath"}
    links = {r["article_url"] for r in rows}
    pasted = Article.objects.get(title="Pasted")
    assert links == {"https://news.example/a?x=1,2", f"/articles/{pasted.pk}/", ""}
    moments = sorted(r["reported_at_utc"] for r in rows)
    assert moments[0] == "2021-05-01T12:00:00Z" and moments[1] == "2021-05-01T12:01:01.001000Z"
    assert {r["cited_source"] for r in rows} == {"'@cited, source", ""}
    assert {r["current"] for r in rows} == {"current"}
