"""HTTP views: parse the request, call one selector, render."""

from datetime import UTC, datetime, time

import django_filters
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from claims import changelog, charts, claims_export, exports, selectors
from claims import discrepancy as d
from claims.filters import IncidentFilter
from claims.formatting import to_utc_clamped
from claims.forms import file_size_label
from claims.models import Article, Incident, Source
from claims.tables import BoundedLazyPaginator, IncidentTable, SourceTable, lean_words


class IncidentListView(SingleTableMixin, FilterView):
    model = Incident
    table_class = IncidentTable
    filterset_class = IncidentFilter
    template_name = "claims/incident_list.html"
    # LazyPaginator never counts the whole table: it looks one page ahead instead. Pagination is
    # the table's alone (paginate_by stays unset), so the page's rows are fetched once.
    table_pagination = {"per_page": 25, "paginator_class": BoundedLazyPaginator}

    def get_queryset(self):
        # Every column is on the incident row (denormalised), so the page is one query.
        # The table applies its sort (IncidentTable.order_*), newest first by default.
        return Incident.objects.all()


class SourceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Source.Kind.choices, empty_label="Any kind")

    class Meta:
        model = Source
        fields = ["kind"]


class SourceListView(SingleTableMixin, FilterView):
    model = Source
    table_class = SourceTable
    filterset_class = SourceFilter
    template_name = "claims/source_list.html"
    table_pagination = {"per_page": 50, "paginator_class": BoundedLazyPaginator}

    def get_queryset(self):
        return Source.objects.filter(is_suggested=False).order_by("-incident_count", "name")


@require_GET
def source_detail(request, slug):
    """A source's public claims across incidents, a page at a time, and its track record."""
    page = selectors.source_page(slug, request.GET.get("page", 1))
    source = page.source
    rows = [
        (
            f,
            page.placements.get((f.incident_id, f.metric, f.victim_group))
            if f.is_current
            else None,
        )
        for f in page.figures
    ]
    context = {
        "page": page,
        "rows": rows,
        "lean": lean_words(source.typical_deviation),
        "compared": source.compared_count,
        "counts": page.summary["counts"],
        "revisions": page.summary["revisions"],
        "cited": page.summary["cited"],
    }
    return render(request, "claims/source_detail.html", context)


def parse_view_options(params) -> tuple[d.Rule, datetime | None, list[str]]:
    """The reader's rule and as-of date from the query string; bad values fall back, explained."""
    problems = []
    rule = d.Rule.RANGE
    if params.get("rule"):
        try:
            rule = d.Rule(params["rule"])
        except ValueError:
            problems.append(f"Unknown rule {params['rule'][:40]!r}; showing the full range.")
    as_of = None
    if raw := params.get("as_of", "").strip():
        as_of = _parse_as_of(raw)
        if as_of is None:
            problems.append(
                f"Could not read the date {raw[:40]!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM); "
                "showing everything reported so far."
            )
    return rule, as_of, problems


def _parse_as_of(raw: str) -> datetime | None:
    """A date means "by the end of that day, UTC"; a date and time without a zone is UTC."""
    try:
        if day := parse_date(raw):
            return datetime.combine(day, time.max, tzinfo=UTC)
        moment = parse_datetime(raw)
    except ValueError:
        return None
    if moment is None:
        return None
    return to_utc_clamped(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


@require_GET
def incident_detail(request, slug):
    """The side-by-side comparison for one incident."""
    rule, as_of, problems = parse_view_options(request.GET)
    page = selectors.incident_page(
        slug=slug,
        user=request.user,
        rule=rule,
        as_of=as_of,
        pending=request.GET.get("pending") == "1",
    )
    context = {
        "page": page,
        "incident": page.incident,
        "problems": problems,
        "rules": list(d.Rule),
        "permalink": _permalink(request, page),
        "figures_chart": _inline_chart(page, "figures"),
        "timeline_chart": _inline_chart(page, "timeline"),
    }
    context["plain_text"] = _plain_text(page, context["permalink"])
    context["citation"] = _citation(page, context["permalink"])
    return render(request, "claims/incident_detail.html", context)


def _permalink(request, page) -> str:
    """An address that shows this comparison again later: the rule, and the moment of the latest
    claim shown (so figures added afterwards do not change what the link shows)."""
    moment = page.as_of or page.latest_reported_at
    query = f"?rule={page.rule.value}"
    if moment:
        query += "&as_of=" + moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return request.build_absolute_uri(page.incident.get_absolute_url()) + query


def _plain_text(page, permalink: str) -> str:
    """The disagreement in plain text, ready to paste into a story, with its citation."""
    lines = [page.incident.title, ""]
    lines += [f"- {sentence}" for sentence in page.comparison.summary()]
    lines += ["", _citation(page, permalink)]
    return "\n".join(lines)


def _citation(page, permalink: str) -> str:
    latest = page.latest_reported_at
    when = f"figures as reported by {latest:%d %B %Y, %H:%M} UTC" if latest else "no figures yet"
    return (
        f"{page.incident.title}. Casualty tracker, {when}; reconciled by: {page.rule.label}. "
        f"{permalink}"
    )


CHARTS = {"figures": charts.figures_svg, "timeline": charts.timeline_svg}


def _inline_chart(page, name: str):
    # charts.* escapes every text it places in the SVG, so inlining its output is safe.
    return mark_safe(CHARTS[name](page.comparison, _chart_title(page, name)))  # noqa: S308


def _chart_title(page, name: str) -> str:
    what = "Figures reported by each source" if name == "figures" else "Stated times in UTC"
    return f"{page.incident.title}: {what}"


@require_GET
def incident_chart(request, slug, name):
    """A chart as a standalone SVG file, for embedding in an article."""
    if name not in CHARTS:
        raise Http404("No such chart")
    rule, as_of, _ = parse_view_options(request.GET)
    page = selectors.incident_page(slug=slug, user=None, rule=rule, as_of=as_of)
    svg = CHARTS[name](page.comparison, _chart_title(page, name))
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def incident_changes(request, slug):
    """The public change log of one incident."""
    incident = get_object_or_404(Incident, slug=slug)
    events = changelog.change_events(incident)
    return render(request, "claims/incident_changes.html", {"incident": incident, "events": events})


@require_GET
def article_detail(request, pk):
    """An article's text with the evidence of each claim highlighted (escaped, never raw HTML)."""
    article = get_object_or_404(Article, pk=pk)
    return render(
        request,
        "claims/article_detail.html",
        {"article": article, "segments": selectors.article_segments(article, request.user)},
    )


@require_GET
def comparison_csv(request, slug):
    rule, as_of, _ = parse_view_options(request.GET)
    page = selectors.incident_page(slug=slug, user=None, rule=rule, as_of=as_of)
    return exports.comparison_response(page)


@require_GET
def conflicts_csv(request, slug):
    rule, as_of, _ = parse_view_options(request.GET)
    page = selectors.incident_page(slug=slug, user=None, rule=rule, as_of=as_of)
    return exports.conflicts_response(page)


@require_GET
def claims_csv(request):
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid():
        return exports.bad_request(incidents.errors)
    return claims_export.response(selectors.claims_for_export(incidents.qs.values("pk")))


def bad_request(request, exception):
    """The 400 page: says why when the request was too large (a huge paste), else generic."""
    too_big = isinstance(exception, RequestDataTooBig)
    context = {"too_big": too_big, "limit": file_size_label(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
    return render(request, "400.html", context, status=400)
