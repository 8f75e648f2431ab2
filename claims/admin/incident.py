"""Incidents, with the figures and timings each source reported entered on the same page."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from claims import services
from claims.admin import writes
from claims.admin.claim import FigureClaimInline, TimingClaimInline
from claims.formatting import format_range
from claims.forms import IncidentAdminForm
from claims.models import Incident

SUMMARY_FIELDS = [
    "killed_range",
    "source_count",
    "disagreement",
    "last_reported_at",
    "created_at",
    "updated_at",
]


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin):
    form = IncidentAdminForm
    inlines = [FigureClaimInline, TimingClaimInline]
    list_display = [
        "title",
        "country",
        "started_at",
        "killed_range",
        "source_count",
        "disagreement",
        "is_sample",
    ]
    list_filter = ["is_sample", "country"]
    search_fields = ["title", "place", "country", "slug"]
    date_hierarchy = "started_at"
    show_full_result_count = False
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = SUMMARY_FIELDS
    fieldsets = [
        (None, {"fields": ["title", "slug", "place", "country", "summary", "is_sample"]}),
        (
            "Where and when",
            {"fields": [("latitude", "longitude"), "time_zone", "started_at"]},
        ),
        (
            "In other databases",
            {"classes": ["collapse"], "fields": ["acled_event_id", "ucdp_ged_id", "airwars_code"]},
        ),
        ("Why", {"fields": ["change_reason"]}),
        (
            "Summary (computed from the confirmed claims)",
            {"classes": ["collapse"], "fields": SUMMARY_FIELDS},
        ),
    ]

    @admin.display(description="killed", ordering="killed_low")
    def killed_range(self, obj):
        return format_range(obj.killed_low, obj.killed_high, obj.killed_open)

    def save_model(self, request, obj, form, change):
        if writes.nothing_changed(request, form, change):
            return
        reason = form.cleaned_data.get("change_reason") or ("changed" if change else "created")
        services.incident_save(obj, acting_user=request.user, reason=reason)

    def save_formset(self, request, form, formset, change):
        claims = formset.save(commit=False)
        services.claims_delete(formset.deleted_objects, acting_user=request.user)
        for claim in claims:
            writes.claim_save(claim, acting_user=request.user)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Timing saves and deletions do not relink figures; do it once for the whole page.
        writes.claims_changed([form.instance.pk], acting_user=request.user)
