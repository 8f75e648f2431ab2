"""Query-string filters of the API. A value that cannot be read is a 400 naming the parameter.

Every filter is documented in the OpenAPI schema from its type and help text (drf-spectacular's
django-filter extension); docs/API.md lists them with examples.
"""

from datetime import UTC, date, datetime, time, timedelta

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Exists, F, OuterRef
from django_filters import rest_framework as filters
from django_filters.fields import ChoiceField, IsoDateTimeField

from claims.filters import DISPUTED_THRESHOLD
from claims.formatting import to_utc_clamped
from claims.models import FigureClaim, Incident, Source, TimingClaim


class TextField(forms.CharField):
    """Any text, NUL characters included (see PublicFilterSet.filter_queryset)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class TextFilter(filters.CharFilter):
    field_class = TextField


class StrictBooleanField(forms.Field):
    """`true` or `false` (also 1 or 0); anything else is an error, not "no filter"."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError("Use true or false.") from None


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        # django-filter's BooleanWidget turns an unreadable value into None (no filter).
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class UTCDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time (or a date, meaning its midnight), turned into UTC.

    Converting here, once, means a moment that exists in its own offset but not in UTC (the last
    hours of year 9999 west of Greenwich) becomes the nearest moment that does, instead of a
    failure in the database adapter: as a bound, it keeps or drops the same rows.
    """

    def to_python(self, value):
        moment = super().to_python(value)
        return None if moment is None else to_utc_clamped(moment)


class UTCDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class DayBoundFilter(filters.DateFilter):
    """A whole UTC day as a bound on a date-time column, so the column's index is used.

    `started_after=2016-09-17` keeps incidents that started on or after that day began;
    `started_before=2016-09-17` keeps those that started on or before that day ended.
    """

    def __init__(self, *args, inclusive_end: bool, **kwargs):
        self.inclusive_end = inclusive_end
        # ISO only: the site's locale would also read 05/09/2016, which a US client means as May.
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(*args, **kwargs)

    def filter(self, qs, value: date | None):
        if value in (None, ""):
            return qs
        if not self.inclusive_end:
            return qs.filter(**{f"{self.field_name}__gte": _midnight(value)})
        if value == date.max:
            return qs.filter(**{f"{self.field_name}__isnull": False})
        return qs.filter(**{f"{self.field_name}__lt": _midnight(value + timedelta(days=1))})


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


class SortKeyField(ChoiceField):
    """One comma-separated sort key; an empty one ("a,,b") is an error, not "no key"."""

    def clean(self, value):
        if value == "":
            raise forms.ValidationError("A sort key is empty.")
        return super().clean(value)


class NullsLastOrderingFilter(filters.OrderingFilter):
    """`ordering=field` or `-field`; rows without a value come last either way, ties by id."""

    field_class = SortKeyField

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            field = self.param_map[param.lstrip("-")]
            column = F(field)
            ordering.append(
                column.desc(nulls_last=True)
                if param.startswith("-")
                else column.asc(nulls_last=True)
            )
        return qs.order_by(*ordering, "id")


class PublicFilterSet(filters.FilterSet):
    def filter_queryset(self, queryset):
        # No stored text contains a NUL character (PostgreSQL cannot even compare with one), so
        # a value holding one matches nothing; answering 400 would reject a valid string.
        if any(isinstance(v, str) and "\x00" in v for v in self.form.cleaned_data.values()):
            return queryset.none()
        return super().filter_queryset(queryset)


class IncidentFilter(PublicFilterSet):
    q = TextFilter(
        method="filter_search",
        help_text="Words that must all appear in the title, place or country.",
    )
    country = TextFilter(lookup_expr="iexact", help_text="Country, any letter case.")
    started_after = DayBoundFilter(
        field_name="started_at",
        inclusive_end=False,
        help_text="Started on or after this day (YYYY-MM-DD, UTC).",
    )
    started_before = DayBoundFilter(
        field_name="started_at",
        inclusive_end=True,
        help_text="Started on or before this day (YYYY-MM-DD, UTC).",
    )
    source = TextFilter(
        method="filter_source",
        help_text="Slug of a source with at least one confirmed figure or timing for the incident.",
    )
    disputed = StrictBooleanFilter(
        method="filter_disputed",
        help_text=f"true: only incidents scoring {DISPUTED_THRESHOLD} or more for disagreement.",
    )
    ordering = NullsLastOrderingFilter(
        fields=("started_at", "disagreement", "last_reported_at"),
        help_text="Sort key; a leading '-' sorts descending. Default: -started_at.",
    )

    class Meta:
        model = Incident
        fields = ["q", "country", "started_after", "started_before", "source", "disputed"]

    def filter_search(self, queryset, name, value: str):
        return queryset.search(value)

    def filter_source(self, queryset, name, value: str):
        # EXISTS instead of a join, so an incident is listed once however many claims it has.
        figures = FigureClaim.objects.public().filter(incident=OuterRef("pk"), claimant__slug=value)
        timings = TimingClaim.objects.public().filter(incident=OuterRef("pk"), claimant__slug=value)
        return queryset.filter(Exists(figures) | Exists(timings))

    def filter_disputed(self, queryset, name, value: bool):
        return queryset.filter(disagreement__gte=DISPUTED_THRESHOLD) if value else queryset


class _ClaimFilter(PublicFilterSet):
    incident = TextFilter(field_name="incident__slug", help_text="Incident slug.")
    claimant = TextFilter(
        field_name="claimant__slug", help_text="Slug of the source that made the claim."
    )
    reported_after = UTCDateTimeFilter(
        field_name="reported_at",
        lookup_expr="gte",
        help_text="Reported at or after this moment (ISO 8601; no offset means UTC).",
    )
    reported_before = UTCDateTimeFilter(
        field_name="reported_at",
        lookup_expr="lte",
        help_text="Reported at or before this moment (ISO 8601; no offset means UTC).",
    )


class FigureClaimFilter(_ClaimFilter):
    metric = filters.ChoiceFilter(choices=FigureClaim.Metric.choices, help_text="What was counted.")
    victim_group = filters.ChoiceFilter(
        choices=FigureClaim.VictimGroup.choices, help_text="Who the victims were, as a category."
    )
    current = StrictBooleanFilter(
        field_name="is_current",
        help_text="true: only each source's latest figure; false: only superseded ones.",
    )

    class Meta:
        model = FigureClaim
        fields = [
            "incident",
            "claimant",
            "metric",
            "victim_group",
            "reported_after",
            "reported_before",
            "current",
        ]


class TimingClaimFilter(_ClaimFilter):
    class Meta:
        model = TimingClaim
        fields = ["incident", "claimant", "reported_after", "reported_before"]


class SourceFilter(PublicFilterSet):
    kind = filters.ChoiceFilter(choices=Source.Kind.choices, help_text="What kind of source.")
    q = TextFilter(
        field_name="name", lookup_expr="icontains", help_text="Part of the source's name."
    )

    class Meta:
        model = Source
        fields = ["kind", "q"]
