"""Duplicates that ingestion brings in: incidents reported twice (a warning on the incident page,
and "Merge into…" through ingest.incidents_merge) and sources extraction suggested (confirmed
in bulk through services.source_save).

The incident and source admins live in claims/admin/incident.py and source.py; their models
are registered again here with subclasses that add these actions.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from claims import ingest, services
from claims.admin.incident import IncidentAdmin
from claims.admin.source import SourceAdmin
from claims.forms import IncidentMergeForm
from claims.models import Incident, Source


class IncidentReviewAdmin(IncidentAdmin):
    """The incident admin plus "Merge into…" and a warning about likely duplicates."""

    change_form_template = "admin/claims/incident_change_form.html"
    actions = [*(IncidentAdmin.actions or ()), "merge_into"]

    def get_urls(self):
        return [
            path(
                "merge/",
                self.admin_site.admin_view(self.merge_view),
                name="claims_incident_merge",
            ),
            *super().get_urls(),
        ]

    @admin.action(description="Merge into…", permissions=["change"])
    def merge_into(self, request, queryset):
        ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:3])
        if len(ids) != 2:
            self.message_user(
                request,
                "Select exactly two incidents to merge: the one to keep and its duplicate.",
                messages.WARNING,
            )
            return None
        return redirect(f"{reverse('admin:claims_incident_merge')}?ids={ids[0]}&ids={ids[1]}")

    def merge_view(self, request):
        """Confirmation page: the two incidents side by side, pick the one to keep; then
        ingest.incidents_merge moves every claim, article and feed to it."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        ids = [int(i) for i in request.GET.getlist("ids") if i.isdigit()]
        incidents = list(Incident.objects.filter(pk__in=ids).order_by("started_at", "pk"))
        if len(set(ids)) != 2 or len(incidents) != 2:
            self.message_user(request, "Pick two existing incidents to merge.", messages.WARNING)
            return redirect("admin:claims_incident_changelist")
        for incident in incidents:
            incident.merge_counts = {
                "figures": incident.figureclaims.count(),
                "timings": incident.timingclaims.count(),
                "articles": incident.articles.count(),
            }
        fuller = max(incidents, key=lambda i: (sum(i.merge_counts.values()), -i.pk))
        form = IncidentMergeForm(
            request.POST if request.method == "POST" else None,
            incidents=incidents,
            initial={"keep": fuller.pk},
        )
        if request.method == "POST" and form.is_valid():
            keep, drop = form.cleaned_data["keep"], form.drop()
            moved = drop.merge_counts
            try:
                keep = ingest.incidents_merge(keep=keep, drop=drop, acting_user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    f"Merged “{drop}” into “{keep}”: {moved['figures']} figures, "
                    f"{moved['timings']} timings and {moved['articles']} articles moved; "
                    "the duplicate's history keeps it.",
                    messages.SUCCESS,
                )
                return redirect("admin:claims_incident_change", keep.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge two incidents",
            "subtitle": None,
            "incidents": incidents,
            "form": form,
            "ids": [i.pk for i in incidents],
        }
        return TemplateResponse(request, "admin/claims/incident_merge.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = dict(extra_context or {})
        incident = self.get_object(request, unquote(object_id))
        if incident is not None:
            extra["similar"] = ingest.incident_similar(incident)[:5]
            extra["can_merge"] = self.has_change_permission(request, incident)
        return super().change_view(request, object_id, form_url, extra_context=extra)


admin.site.unregister(Incident)
admin.site.register(Incident, IncidentReviewAdmin)


# Sources: confirming the ones extraction suggested -----------------------------------------


class SourceReviewAdmin(SourceAdmin):
    """The source admin plus confirming suggested sources in bulk."""

    actions = [*(SourceAdmin.actions or ()), "confirm_suggested"]

    @admin.action(description="Confirm selected suggested sources", permissions=["change"])
    def confirm_suggested(self, request, queryset):
        confirmed, skipped = 0, queryset.filter(is_suggested=False).count()
        for source in queryset.filter(is_suggested=True):
            source.is_suggested = False
            try:
                services.source_save(
                    source, acting_user=request.user, reason="confirmed by an editor"
                )
            except ValidationError as error:
                self.message_user(
                    request, f"“{source}” not confirmed: {'; '.join(error.messages)}", "error"
                )
            else:
                confirmed += 1
        note = f" ({skipped} already confirmed)" if skipped else ""
        self.message_user(
            request,
            f"{confirmed} source{'s' if confirmed != 1 else ''} confirmed{note}.",
            messages.SUCCESS if confirmed else messages.INFO,
        )


admin.site.unregister(Source)
admin.site.register(Source, SourceReviewAdmin)
