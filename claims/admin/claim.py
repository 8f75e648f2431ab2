"""Figure and timing claims: their own lists (the review queue) and the inlines of an incident."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from claims import services
from claims.admin import writes
from claims.discrepancy import Interval
from claims.forms import FigureClaimAdminForm, TimingClaimAdminForm
from claims.models import ClaimBase, FigureClaim, TimingClaim
from claims.templatetags.claims_extras import utc_window

CLAIM_AUTOCOMPLETE = ["claimant", "cited_source", "article"]
RECORD_FIELDS = [
    "origin",
    "entered_by",
    "evidence_span",
    "extraction_key",
    "created_at",
    "updated_at",
]


def _interval(claim: FigureClaim) -> str:
    return str(Interval(claim.low, claim.high))


def _duration(claim: TimingClaim) -> str:
    low, high = claim.duration_min_low, claim.duration_min_high
    if low is None:
        return ""
    if high is None:
        return f"{low}+ min"
    return f"{low} min" if low == high else f"{low}–{high} min"


# Inlines on the incident page ---------------------------------------------------------------


class _ClaimInline(admin.StackedInline):
    extra = 1
    autocomplete_fields = CLAIM_AUTOCOMPLETE
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*CLAIM_AUTOCOMPLETE)


class FigureClaimInline(_ClaimInline):
    model = FigureClaim
    form = FigureClaimAdminForm
    verbose_name = "figure"
    verbose_name_plural = "Figures each source reported"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("claimant", "metric", "victim_group", "victims_text"),
                    ("stated_text", "qualifier", "low", "high"),
                    ("is_hedged", "is_cumulative", "is_headline"),
                    ("cited_text", "cited_source"),
                    ("reported_at", "status"),
                    ("article", "reference_url"),
                    "evidence",
                    "editor_note",
                ],
            },
        )
    ]


class TimingClaimInline(_ClaimInline):
    model = TimingClaim
    form = TimingClaimAdminForm
    verbose_name = "timing"
    verbose_name_plural = "Timings each source reported"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("claimant", "stated_text", "zone_label", "is_headline"),
                    ("start_utc", "end_utc"),
                    ("duration_min_low", "duration_min_high"),
                    ("cited_text", "cited_source"),
                    ("reported_at", "status"),
                    ("article", "reference_url"),
                    "evidence",
                    "editor_note",
                ],
            },
        )
    ]


# Changelists -------------------------------------------------------------------------------


class ClaimAdmin(SimpleHistoryAdmin):
    change_list_template = "admin/claims/claim_change_list.html"
    """What both claim lists share: provenance columns, filters, review actions, audited saves."""

    autocomplete_fields = ["incident", *CLAIM_AUTOCOMPLETE]
    list_select_related = ["incident", "claimant"]
    list_display_links = ["stated_text"]
    search_fields = ["stated_text", "cited_text", "claimant__name", "incident__title"]
    date_hierarchy = "reported_at"
    # The claim tables are the biggest ones: no COUNT(*) of the whole table on every page.
    show_full_result_count = False
    list_per_page = 50
    readonly_fields = RECORD_FIELDS
    actions = ["confirm_selected", "reject_selected"]
    history_list_display = ["status"]

    def response_change(self, request, obj):
        """After "Save", go back where the editor came from (the review queue passes ?next=),
        if that is a page of this site; "Save and continue" and the others keep their place."""
        response = super().response_change(request, obj)
        target = request.GET.get("next", "")
        plain_save = not ({"_continue", "_addanother", "_saveasnew"} & set(request.POST))
        if (
            plain_save
            and response.status_code == 302
            and url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
        ):
            return HttpResponseRedirect(target)
        return response

    provenance_fieldset = (
        "Where it comes from",
        {
            "fields": [
                "is_headline",
                ("cited_text", "cited_source"),
                "article",
                "evidence",
                "reference_url",
                "reported_at",
            ]
        },
    )
    review_fieldset = ("Review", {"fields": ["status", "editor_note"]})
    record_fieldset = ("Record", {"classes": ["collapse"], "fields": RECORD_FIELDS})

    @admin.display(description="incident", ordering="incident__title")
    def incident_title(self, obj):
        # Incident titles are long; a shortened one keeps the wording columns on screen.
        return Truncator(obj.incident.title).chars(40)

    @staticmethod
    def _related_filters():
        # Only sources and incidents that have claims; plain lists, no autocomplete needed.
        return [
            ("claimant", admin.RelatedOnlyFieldListFilter),
            ("incident", admin.RelatedOnlyFieldListFilter),
        ]

    @admin.display(description="evidence span")
    def evidence_span(self, obj):
        if obj.evidence_start is None:
            return "—"
        return f"characters {obj.evidence_start}–{obj.evidence_end} of the article text"

    def save_model(self, request, obj, form, change):
        if not writes.nothing_changed(request, form, change):
            writes.claim_save(obj, acting_user=request.user)

    def delete_model(self, request, obj):
        services.claims_delete([obj], acting_user=request.user)

    def delete_queryset(self, request, queryset):
        services.claims_delete(list(queryset), acting_user=request.user)

    # Deleted claims stay recoverable: administrators list them and restore one from its last
    # history record (same id, evidence and links), through the service.
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name="{}_{}_deleted".format(*info),
            ),
            *super().get_urls(),
        ]

    def deleted_view(self, request):
        if not request.user.is_superuser:
            raise PermissionDenied
        if request.method == "POST":
            try:
                claim = services.claim_restore(
                    self.model,
                    history_id=int(request.POST.get("history_id", "0")),
                    acting_user=request.user,
                    reason=request.POST.get("reason", "")[:100],
                )
            except (ValidationError, ValueError, self.model.history.model.DoesNotExist) as error:
                problems = getattr(error, "messages", [str(error)])
                self.message_user(request, "; ".join(problems), level="error")
            else:
                self.message_user(request, f"Restored: {claim}.")
            return redirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Deleted {self.opts.verbose_name_plural}",
            "records": services.deleted_claims(self.model),
        }
        return TemplateResponse(request, "admin/claims/deleted_claims.html", context)

    @admin.action(description="Confirm selected claims", permissions=["change"])
    def confirm_selected(self, request, queryset):
        self._set_status(request, queryset, ClaimBase.Status.CONFIRMED)

    @admin.action(description="Reject selected claims", permissions=["change"])
    def reject_selected(self, request, queryset):
        self._set_status(request, queryset, ClaimBase.Status.REJECTED)

    def _set_status(self, request, queryset, status: str) -> None:
        """Sets the status of each claim through the service, so each change is in its history;
        a claim that no longer validates is reported, not half-saved."""
        valid, failed = [], []
        for claim in queryset.select_related("incident", "claimant"):
            if claim.status == status:
                continue
            try:
                claim.full_clean()
            except ValidationError as error:
                failed.append(f"{claim} ({'; '.join(error.messages)})")
            else:
                valid.append(claim)
        # One call, so each incident's revisions and summary are refreshed once.
        done = services.claims_set_status(valid, status=status, acting_user=request.user)
        label = ClaimBase.Status(status).label.lower()
        self.message_user(request, f"{done} claim{'s' if done != 1 else ''} {label}.")
        if failed:
            self.message_user(
                request, f"Not {label}, fix them first: {', '.join(failed)}", messages.ERROR
            )


@admin.register(FigureClaim)
class FigureClaimAdmin(ClaimAdmin):
    form = FigureClaimAdminForm
    list_display = [
        "incident_title",
        "claimant",
        "stated_text",
        "metric",
        "victim_group",
        "interval",
        "reported_at",
        "status",
    ]
    list_filter = [
        "status",
        "metric",
        "victim_group",
        "origin",
        "is_cumulative",
        *ClaimAdmin._related_filters(),
    ]
    search_fields = [*ClaimAdmin.search_fields, "victims_text"]
    readonly_fields = [*RECORD_FIELDS, "supersedes", "is_current"]
    history_list_display = ["status", "stated_text", "low", "high"]
    fieldsets = [
        (None, {"fields": ["incident", "claimant", "metric", "victim_group", "victims_text"]}),
        (
            "Figure",
            {
                "fields": [
                    "stated_text",
                    "qualifier",
                    ("low", "high"),
                    "is_hedged",
                    "is_cumulative",
                    "marked_earlier",
                ],
            },
        ),
        ClaimAdmin.provenance_fieldset,
        ClaimAdmin.review_fieldset,
        ("Record", {"classes": ["collapse"], "fields": readonly_fields}),
    ]

    @admin.display(description="interval", ordering="low")
    def interval(self, obj):
        return _interval(obj)


@admin.register(TimingClaim)
class TimingClaimAdmin(ClaimAdmin):
    form = TimingClaimAdminForm
    list_display = [
        "incident_title",
        "claimant",
        "stated_text",
        "zone_label",
        "window",
        "duration",
        "reported_at",
        "status",
    ]
    list_filter = ["status", "origin", *ClaimAdmin._related_filters()]
    fieldsets = [
        (None, {"fields": ["incident", "claimant", "stated_text", "zone_label"]}),
        (
            "In UTC",
            {
                "description": "The stated time converted to UTC (EDT is UTC-4, “local” is the "
                "incident's time zone on that date). Leave empty for a duration only.",
                "fields": [("start_utc", "end_utc"), ("duration_min_low", "duration_min_high")],
            },
        ),
        ClaimAdmin.provenance_fieldset,
        ClaimAdmin.review_fieldset,
        ClaimAdmin.record_fieldset,
    ]

    @admin.display(description="UTC window", ordering="start_utc")
    def window(self, obj):
        return utc_window(obj) or "—"

    @admin.display(description="duration")
    def duration(self, obj):
        return _duration(obj) or "—"
