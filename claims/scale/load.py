"""Writing generated data fast (COPY on PostgreSQL), refusing or replacing an earlier run, and
deleting synthetic rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection, models, transaction

from claims import pagecache
from claims.models import (
    Article,
    Feed,
    FigureClaim,
    Incident,
    Source,
    SourceAlias,
    SourceIncidentRecord,
    TimingClaim,
)
from claims.scale.catalogue import AFFILIATION, EPOCH, PREFIX, SourceSpec, source_catalogue
from claims.scale.derived import TrackTotals, relink, summarise
from claims.scale.incidents import IncidentData, incident_data

_NONE = object()


class _Table:
    """Writes plain column dicts (keyed by attname) into one model's table, fast: COPY on
    PostgreSQL, executemany elsewhere. Columns a dict leaves out get the field's default."""

    def __init__(self, model: type[models.Model]):
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.table = model._meta.db_table
        # Columns a row may leave out; any other missing column is a KeyError naming it.
        self.defaults = {f.attname: v for f in self.fields if (v := self._default(f)) is not _NONE}
        self.next_id: int | None = None

    @staticmethod
    def _default(f: models.Field):
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            return EPOCH
        if f.has_default():
            return f.get_default()
        if f.null:
            return None
        if isinstance(f, models.CharField | models.TextField):
            return ""
        return _NONE

    def ids(self, cursor, n: int) -> list[int]:
        """`n` fresh primary keys from the table's own sequence (PostgreSQL) or after its
        largest id (SQLite, which has a single writer)."""
        if n == 0:
            return []
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [self.table, n],
            )
            return [r[0] for r in cursor.fetchall()]
        if self.next_id is None:
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{self.table}"')  # noqa: S608
            self.next_id = cursor.fetchone()[0]
        first, self.next_id = self.next_id, self.next_id + n
        return list(range(first, first + n))

    def write(self, cursor, rows: Iterable[dict]) -> None:
        names = [f.attname for f in self.fields]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        defaults = self.defaults
        if connection.vendor == "postgresql":
            from psycopg.types.json import Jsonb

            wrap = [isinstance(f, models.JSONField) for f in self.fields]
            with cursor.copy(
                f"COPY {connection.ops.quote_name(self.table)} ({columns}) FROM STDIN"
            ) as copy:
                for row in rows:
                    values = [row[n] if n in row else defaults[n] for n in names]
                    copy.write_row(
                        [Jsonb(v) if j else v for v, j in zip(values, wrap, strict=True)]
                    )
            return
        values = [
            [
                f.get_db_prep_save(
                    row[f.attname] if f.attname in row else defaults[f.attname], connection
                )
                for f in self.fields
            ]
            for row in rows
        ]
        marks = ", ".join(["%s"] * len(self.fields))
        sql = f"INSERT INTO {connection.ops.quote_name(self.table)} ({columns}) VALUES ({marks})"  # noqa: S608
        for start in range(0, len(values), 500):
            cursor.executemany(sql, values[start : start + 500])


class SyntheticDataExists(Exception):
    """The database already holds rows from an earlier generate_scale run."""


@dataclass
class Result:
    incidents: int = 0
    figures: int = 0
    timings: int = 0
    articles: int = 0
    sources: int = 0


def synthetic_incidents():
    return Incident.objects.filter(is_sample=True, slug__startswith=PREFIX)


def synthetic_sources():
    return Source.objects.filter(slug__startswith=PREFIX, affiliation=AFFILIATION)


def delete_synthetic() -> int:
    """Deletes every row an earlier run generated, in SQL (no history rows, no per-row signals),
    and refreshes the track records of any other source that had claims on those incidents.
    Returns the number of incidents deleted."""
    from claims import services

    incidents = synthetic_incidents()
    sources = synthetic_sources()
    others = set(
        FigureClaim.objects.filter(incident__in=incidents)
        .exclude(claimant__in=sources)
        .values_list("claimant_id", flat=True)
    ) | set(
        TimingClaim.objects.filter(incident__in=incidents)
        .exclude(claimant__in=sources)
        .values_list("claimant_id", flat=True)
    )
    count = incidents.count()
    with transaction.atomic():
        Article.objects.filter(suggested_incident__in=incidents).update(suggested_incident=None)
        Article.objects.filter(incident__in=incidents).exclude(
            url__startswith="https://synthetic.example/"
        ).update(incident=None)
        for model in (FigureClaim, TimingClaim):
            model.objects.filter(cited_source__in=sources).exclude(incident__in=incidents).update(
                cited_source=None
            )
        Feed.objects.filter(incident__in=incidents).update(incident=None)
        for qs in (
            SourceIncidentRecord.objects.filter(incident__in=incidents),
            SourceIncidentRecord.objects.filter(source__in=sources),
            FigureClaim.objects.filter(incident__in=incidents),
            TimingClaim.objects.filter(incident__in=incidents),
            Article.objects.filter(url__startswith="https://synthetic.example/"),
            SourceAlias.objects.filter(source__in=sources),
            sources,
            incidents,
        ):
            _delete_rows(qs)
        pagecache.data_changed()
    if others:
        services.sources_refresh_track_records(others)
    return count


def _delete_rows(qs) -> None:
    # DELETE ... WHERE id IN (the queryset), without loading rows: no signals, no history rows.
    table = connection.ops.quote_name(qs.model._meta.db_table)
    sql, params = qs.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({sql})", params)  # noqa: S608


def generate(
    *,
    incidents: int,
    claims_per_incident: float,
    seed: int = 1,
    sources: int = 200,
    batch: int = 1000,
    articles: float = 0.3,
    big_incident: tuple[int, int] | None = None,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Generates and loads `incidents` synthetic incidents (plus, with `big_incident=(claims,
    sources)`, one more with exactly that many confirmed figure claims and claimants).

    Refuses (SyntheticDataExists) when synthetic data is already there, unless `replace`, which
    deletes it first. `progress(n)` is called after each batch with the incidents written.
    """
    if synthetic_incidents().exists() or synthetic_sources().exists():
        if not replace:
            raise SyntheticDataExists(
                f"The database already holds {synthetic_incidents().count()} synthetic incidents "
                f"and {synthetic_sources().count()} synthetic sources from an earlier run."
            )
        delete_synthetic()
    if big_incident and big_incident[1] > sources:
        raise ValueError(f"The big incident needs {big_incident[1]} sources; only {sources}.")
    catalogue = source_catalogue(seed, sources)
    cum_weights, total = [], 0.0
    for rank in range(len(catalogue)):
        total += 1 / (rank + 3) ** 0.8  # a few sources report on many incidents
        cum_weights.append(total)
    tables = {
        m: _Table(m)
        for m in (
            Source,
            SourceAlias,
            Incident,
            Article,
            FigureClaim,
            TimingClaim,
            SourceIncidentRecord,
        )
    }
    result = Result(sources=len(catalogue))
    with transaction.atomic(), connection.cursor() as cursor:
        _write_sources(cursor, tables, catalogue)
    track: dict[int, TrackTotals] = defaultdict(TrackTotals)
    jobs = [(n, {}) for n in range(1, incidents + 1)]
    if big_incident:
        claims, claimants = big_incident
        jobs.append(
            (incidents + 1, {"claimants": claimants, "exact_claims": True, "claims": claims})
        )
    for start in range(0, len(jobs), batch):
        chunk = [
            incident_data(seed, n, catalogue, cum_weights,
                          **{"claims": claims_per_incident, "articles": articles, **extra})
            for n, extra in jobs[start : start + batch]
        ]  # fmt: skip
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # A crash loses at most the last batches (rerun with --replace), never corrupts.
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            _write_batch(cursor, tables, chunk, track, result)
        if progress:
            progress(len(chunk))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {connection.ops.quote_name(Source._meta.db_table)} SET incident_count = %s, "  # noqa: S608
            "compared_count = %s, typical_deviation = %s WHERE id = %s",
            [[*track[s.id].columns().values(), s.id] for s in catalogue],
        )
        pagecache.data_changed()  # written by COPY and raw SQL: no model signals
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return result


def _write_sources(cursor, tables, catalogue: list[SourceSpec]) -> None:
    taken = set(SourceAlias.objects.values_list("normalized", flat=True))
    for spec, pk in zip(catalogue, tables[Source].ids(cursor, len(catalogue)), strict=True):
        spec.id = pk
    aliases = []
    for spec in catalogue:
        for alias in (spec.name, *spec.aliases):
            normalized = SourceAlias.normalize(alias)
            if normalized not in taken:
                taken.add(normalized)
                aliases.append({"source_id": spec.id, "alias": alias, "normalized": normalized})
    for row, pk in zip(aliases, tables[SourceAlias].ids(cursor, len(aliases)), strict=True):
        row["id"] = pk
    tables[Source].write(
        cursor,
        (
            {"id": s.id, "name": s.name, "slug": s.slug, "kind": s.kind, "affiliation": AFFILIATION,
             "description": "Invented by generate_scale for benchmarks.", "created_at": EPOCH,
             "updated_at": EPOCH}
            for s in catalogue
        ),
    )  # fmt: skip
    tables[SourceAlias].write(cursor, aliases)


def _write_batch(cursor, tables, chunk: list[IncidentData], track, result: Result) -> None:
    """Assigns ids, computes every derived column, then writes the batch table by table."""
    incident_ids = iter(tables[Incident].ids(cursor, len(chunk)))
    article_ids = iter(tables[Article].ids(cursor, sum(len(c.articles) for c in chunk)))
    figure_ids = iter(tables[FigureClaim].ids(cursor, sum(len(c.figures) for c in chunk)))
    timing_ids = iter(tables[TimingClaim].ids(cursor, sum(len(c.timings) for c in chunk)))
    for data in chunk:
        data.row["id"] = incident_id = next(incident_ids)
        for article in data.articles:
            article["id"], article["incident_id"] = next(article_ids), incident_id
        for claims, ids in ((data.figures, figure_ids), (data.timings, timing_ids)):
            for claim in claims:
                claim["id"], claim["incident_id"] = next(ids), incident_id
                claim["claimant_id"] = claim["claimant"].id
                claim["cited_source_id"] = (
                    claim["cited_source"].id if claim["cited_source"] else None
                )
                if "article" in claim:
                    claim["article_id"] = data.articles[claim["article"]]["id"]
        relink(data.figures)
        summarise(data, track)
    records = [dict(r, incident_id=c.row["id"]) for c in chunk for r in c.track_rows]
    for row, pk in zip(
        records, tables[SourceIncidentRecord].ids(cursor, len(records)), strict=True
    ):
        row["id"] = pk
    tables[Incident].write(cursor, (c.row for c in chunk))
    tables[Article].write(cursor, (a for c in chunk for a in c.articles))
    tables[FigureClaim].write(cursor, (f for c in chunk for f in c.figures))
    tables[TimingClaim].write(cursor, (t for c in chunk for t in c.timings))
    tables[SourceIncidentRecord].write(cursor, records)
    result.incidents += len(chunk)
    result.articles += sum(len(c.articles) for c in chunk)
    result.figures += sum(len(c.figures) for c in chunk)
    result.timings += sum(len(c.timings) for c in chunk)
