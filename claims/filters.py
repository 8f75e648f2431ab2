"""Filters of the incident list; the claims export reads the same parameters."""

from datetime import UTC, datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from claims.models import FigureClaim, Incident, Source, TimingClaim

# A disagreement score at or above this marks an incident as disputed (docs/SEMANTICS.md).
DISPUTED_THRESHOLD = 0.1


class QuickSelect(forms.Select):
    """A <select> whose options are written in Python. Django renders each option through its
    own template, about 0.1 ms apiece: with hundreds of sources that was most of the time the
    incident list took to render. Same markup, escaped by format_html."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = []
        for group, choices, _index in widget["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((o["value"], flatatt(o["attrs"]), o["label"]) for o in choices),
            )
            options.append(
                format_html('<optgroup label="{}">{}</optgroup>', group, html) if group else html
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(widget["attrs"]),
            format_html_join("", "{}", ((o,) for o in options)),
        )


class IncidentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="filter_search",
        widget=forms.TextInput(attrs={"placeholder": "Title, place or country", "type": "search"}),
    )
    country = django_filters.CharFilter(lookup_expr="iexact", label="Country")
    # Compared with UTC midnights rather than started_at's date, so incident_started_idx serves
    # the range (a __date lookup needs an expression index and was 1,000x slower at scale).
    start = django_filters.DateFilter(
        method="filter_start", label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = django_filters.DateFilter(
        method="filter_end", label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.filter(is_suggested=False).only("id", "name", "slug"),
        method="filter_source",
        label="Source",
        to_field_name="slug",
        empty_label="Any source",
        widget=QuickSelect,
    )
    disputed = django_filters.BooleanFilter(
        method="filter_disputed", label="Disputed only", widget=forms.CheckboxInput
    )

    class Meta:
        model = Incident
        fields = ["q", "country", "start", "end", "source", "disputed"]

    def filter_start(self, queryset, name, value):
        return queryset.filter(started_at__gte=datetime.combine(value, time.min, tzinfo=UTC))

    def filter_end(self, queryset, name, value):
        next_day = datetime.combine(value + timedelta(days=1), time.min, tzinfo=UTC)
        return queryset.filter(started_at__lt=next_day)

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
