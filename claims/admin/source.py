"""Sources and the other names they go by in reports."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from claims import services
from claims.admin import writes
from claims.forms import SourceAdminForm, SourceAliasForm
from claims.models import Source, SourceAlias


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    form = SourceAliasForm
    fields = ["alias"]
    extra = 3
    verbose_name = "other name"
    verbose_name_plural = "Other names in reports (SOHR, the Observatory...); the name is one too"


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = SourceAdminForm
    inlines = [SourceAliasInline]
    list_display = [
        "name",
        "kind",
        "affiliation",
        "country",
        "alias_list",
        "incident_count",
        "is_suggested",
    ]
    list_filter = ["kind", "is_suggested"]
    search_fields = ["name", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    # Track record columns are computed from the source's claims, never typed.
    readonly_fields = [
        "incident_count",
        "compared_count",
        "typical_deviation",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "kind",
                    "affiliation",
                    "country",
                    "url",
                    "description",
                    "is_suggested",
                    "change_reason",
                ]
            },
        ),
        ("Record", {"classes": ["collapse"], "fields": readonly_fields}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="also known as")
    def alias_list(self, obj):
        names = [a.alias for a in obj.aliases.all() if a.alias != obj.name]
        return ", ".join(names) or "—"

    def save_model(self, request, obj, form, change):
        if writes.nothing_changed(request, form, change):
            return
        reason = form.cleaned_data.get("change_reason") or ("changed" if change else "created")
        services.source_save(obj, acting_user=request.user, reason=reason)

    def save_formset(self, request, form, formset, change):
        aliases = formset.save(commit=False)
        for alias in formset.deleted_objects:
            services.audited_delete(alias, acting_user=request.user)
        for alias in aliases:
            services.source_alias_save(alias, acting_user=request.user)
        formset.save_m2m()

    def delete_model(self, request, obj):
        services.source_delete(obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for source in queryset:
            services.source_delete(source, acting_user=request.user)
