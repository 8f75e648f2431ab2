"""The read-only JSON API: parse the query string, call one selector, serialise.

Anonymous and GET only; every claim it shows is CONFIRMED (`.public()`), whoever asks. Each endpoint
runs a fixed number of queries whatever the number of claims (tests/integration/test_api.py).
"""

import re
from datetime import datetime

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from claims import discrepancy as d
from claims import selectors
from claims.api import filters
from claims.api import selectors as api_selectors
from claims.api.comparison import IncidentComparisonSerializer
from claims.api.pagination import BoundedLimitOffsetPagination
from claims.api.serializers import (
    FigureClaimSerializer,
    IncidentDetailSerializer,
    IncidentSerializer,
    SourceSerializer,
    TimingClaimSerializer,
)
from claims.views import parse_view_options

SLUG_RE = re.compile(r"[-a-zA-Z0-9_]+")


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


def _parameter_errors(example_name: str, example: dict) -> OpenApiResponse:
    return OpenApiResponse(
        response={
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        description="A parameter could not be read: its name, with what is wrong.",
        examples=[OpenApiExample(example_name, value=example)],
    )


LIST_ERRORS = _parameter_errors(
    "Limit out of range", {"limit": ["Must be a whole number from 1 to 200."]}
)
COMPARISON_ERRORS = _parameter_errors(
    "Unknown rule",
    {"rule": ["Unknown rule 'mean'; use one of: range, median, latest, monitors, officials."]},
)
NOT_FOUND = OpenApiResponse(DetailSerializer, description="Nothing has this slug.")
THROTTLED = OpenApiResponse(DetailSerializer, description="Too many requests; retry later.")


def _slug_parameter(what: str) -> OpenApiParameter:
    return OpenApiParameter(
        "slug",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        pattern=f"^{SLUG_RE.pattern}$",
        description=f"The {what}'s slug, as in its `slug` field.",
    )


def _list_responses(serializer) -> dict:
    return {200: serializer(many=True), 400: LIST_ERRORS, 429: THROTTLED}


def _detail_responses(serializer) -> dict:
    return {200: serializer, 404: NOT_FOUND, 429: THROTTLED}


class PublicAPISchema(AutoSchema):
    """Documents that an empty query parameter (`?country=`) counts as one left out."""

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        for parameter in (operation or {}).get("parameters", []):
            if parameter["in"] == "query":
                parameter["allowEmptyValue"] = True
        return operation


class PublicAPIMixin:
    # Anonymous by design: no session or password is read, so a logged-in editor sees exactly what
    # everyone sees, and a write method is a plain 405 (never a CSRF 403).
    authentication_classes = ()
    pagination_class = BoundedLimitOffsetPagination
    schema = PublicAPISchema()
    # Any path segment reaches the view, so that a malformed slug gets the API's JSON 404 below
    # rather than the site's HTML one; the schema still documents the slug pattern.
    lookup_value_regex = "[^/]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        slug = kwargs.get("slug")
        if slug is not None and not SLUG_RE.fullmatch(slug):
            raise NotFound("Nothing has this slug.")


class ReadOnlyAPIViewSet(PublicAPIMixin, viewsets.ReadOnlyModelViewSet):
    pass


# List only: a claim is read in context (filtered by incident or source), not on its own.
class ListOnlyAPIViewSet(PublicAPIMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    pass


@extend_schema_view(
    list=extend_schema(
        summary="List incidents",
        description="Incidents with the list page's columns, newest first unless `ordering` says.",
        responses=_list_responses(IncidentSerializer),
    ),
    retrieve=extend_schema(
        summary="One incident",
        description="An incident with its summary; its claims compared are under comparison/.",
        parameters=[_slug_parameter("incident")],
        responses=_detail_responses(IncidentDetailSerializer),
    ),
)
class IncidentViewSet(ReadOnlyAPIViewSet):
    serializer_class = IncidentSerializer
    filterset_class = filters.IncidentFilter
    lookup_field = "slug"

    def get_queryset(self):
        return api_selectors.incidents()

    def get_serializer_class(self):
        return IncidentDetailSerializer if self.action == "retrieve" else IncidentSerializer

    @extend_schema(
        summary="Compare an incident's claims",
        description=(
            "The discrepancy engine's comparison of the incident's confirmed claims (what the "
            "incident page shows): per metric and victim group the range, conflicts, agreements, "
            "spread, revisions and the interval under `rule`; the timing windows in UTC, their "
            "offsets and the durations; a disagreement score and plain-language sentences."
        ),
        parameters=[
            _slug_parameter("incident"),
            OpenApiParameter(
                "rule",
                OpenApiTypes.STR,
                enum=[rule.value for rule in d.Rule],
                description="How current figures are reconciled into one interval. "
                + "; ".join(f"`{rule.value}`: {rule.label}" for rule in d.Rule)
                + ". Default: range.",
            ),
            OpenApiParameter(
                "as_of",
                {"anyOf": [{"type": "string", "format": f} for f in ("date", "date-time")]},
                description="Compare the claims as they stood then: YYYY-MM-DD (the end of that "
                "day, UTC) or YYYY-MM-DDTHH:MM[:SS][offset] (UTC without an offset). "
                "Default: now.",
                examples=[
                    OpenApiExample("A day", value="2016-09-17"),
                    OpenApiExample("A moment", value="2016-09-18T06:00Z"),
                ],
            ),
        ],
        responses={
            200: IncidentComparisonSerializer,
            400: COMPARISON_ERRORS,
            404: NOT_FOUND,
            429: THROTTLED,
        },
    )
    @action(detail=True, methods=["get"], url_path="comparison", url_name="comparison")
    def comparison(self, request, slug=None):
        rule, as_of = comparison_options(request.query_params)
        page = selectors.incident_page(slug=slug, user=None, rule=rule, as_of=as_of)
        return Response(IncidentComparisonSerializer(page, context={"request": request}).data)


def comparison_options(params) -> tuple[d.Rule, datetime | None]:
    """The rule and as-of date, read by the incident page's own parser; a bad value is a 400.

    The page falls back to the default and explains; an API client gets the parameter's name and
    what is wrong instead, so a typo never silently answers another question.
    """
    rule, as_of, problems = parse_view_options(params)
    errors = {}
    raw_rule = params.get("rule") or ""
    if raw_rule and raw_rule != rule.value:
        known = ", ".join(r.value for r in d.Rule)
        errors["rule"] = [f"Unknown rule {raw_rule[:40]!r}; use one of: {known}."]
    raw_as_of = (params.get("as_of") or "").strip()
    if raw_as_of and as_of is None:
        errors["as_of"] = [
            f"Could not read the date {raw_as_of[:40]!r}; use YYYY-MM-DD or "
            "YYYY-MM-DDTHH:MM (UTC unless an offset is given)."
        ]
    elif as_of is not None:
        as_of = filters.to_utc_clamped(as_of)
    if problems and not errors:  # a check the parser gained that this function does not know
        errors["non_field_errors"] = problems
    if errors:
        raise ValidationError(errors)
    return rule, as_of


@extend_schema_view(
    list=extend_schema(
        summary="List figure claims",
        description="Confirmed figures (killed, injured...), by incident, metric and report time.",
        responses=_list_responses(FigureClaimSerializer),
    ),
)
class FigureClaimViewSet(ListOnlyAPIViewSet):
    serializer_class = FigureClaimSerializer
    filterset_class = filters.FigureClaimFilter

    def get_queryset(self):
        return api_selectors.figure_claims()


@extend_schema_view(
    list=extend_schema(
        summary="List timing claims",
        description="Confirmed timings: the wording as stated and the window in UTC.",
        responses=_list_responses(TimingClaimSerializer),
    ),
)
class TimingClaimViewSet(ListOnlyAPIViewSet):
    serializer_class = TimingClaimSerializer
    filterset_class = filters.TimingClaimFilter

    def get_queryset(self):
        return api_selectors.timing_claims()


@extend_schema_view(
    list=extend_schema(
        summary="List sources",
        description="Who makes claims, with the names they go by and their confirmed claims.",
        responses=_list_responses(SourceSerializer),
    ),
    retrieve=extend_schema(
        summary="One source",
        description="A source, its aliases and how many confirmed claims it made.",
        parameters=[_slug_parameter("source")],
        responses=_detail_responses(SourceSerializer),
    ),
)
class SourceViewSet(ReadOnlyAPIViewSet):
    serializer_class = SourceSerializer
    filterset_class = filters.SourceFilter
    lookup_field = "slug"

    def get_queryset(self):
        return api_selectors.sources()
