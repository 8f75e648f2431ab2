"""Filters of the incident list; the claims export reads the same parameters."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from claims.models import FigureClaim, Incident, Source, TimingClaim

# A disagreement score at or above this marks an incident as disputed (docs/SEMANTICS.md).
DISPUTED_THRESHOLD = 0.1


class IncidentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="filter_search",
        widget=forms.TextInput(attrs={"placeholder": "Title, place or country", "type": "search"}),
    )
    country = django_filters.CharFilter(lookup_expr="iexact", label="Country")
    start = django_filters.DateFilter(
        field_name="started_at",
        lookup_expr="date__gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = django_filters.DateFilter(
        field_name="started_at",
        lookup_expr="date__lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.filter(is_suggested=False).only("id", "name", "slug"),
        method="filter_source",
        label="Source",
        to_field_name="slug",
        empty_label="Any source",
    )
    disputed = django_filters.BooleanFilter(
        method="filter_disputed", label="Disputed only", widget=forms.CheckboxInput
    )

    class Meta:
        model = Incident
        fields = ["q", "country", "start", "end", "source", "disputed"]

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_source(self, queryset, name, value):
        # EXISTS instead of a join, so an incident is listed once however many claims it has.
        figures = FigureClaim.objects.public().filter(incident=OuterRef("pk"), claimant=value)
        timings = TimingClaim.objects.public().filter(incident=OuterRef("pk"), claimant=value)
        return queryset.filter(Exists(figures) | Exists(timings))

    def filter_disputed(self, queryset, name, value):
        if value:
            return queryset.filter(disagreement__gte=DISPUTED_THRESHOLD)
        return queryset
