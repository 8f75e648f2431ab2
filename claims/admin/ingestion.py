"""Articles (the publications claims were read from, archived copy read-only) and the feeds that
bring new ones in."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from claims import ingest, services
from claims.forms import ArticleAdminForm, FeedAdminForm
from claims.models import Article, Feed

# Filled in by ingestion; an editor reads them but never types them.
INGESTED_FIELDS = [
    "status",
    "error",
    "origin",
    "feed",
    "attempts",
    "retrieved_at",
    "extracted_at",
    "content_hash",
    "archived_copy",
    "created_at",
    "updated_at",
]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["__str__", "outlet", "published_at", "status", "incident", "suggested_incident"]
    list_filter = ["status", "origin", "outlet"]
    search_fields = ["title", "url", "outlet"]
    autocomplete_fields = ["incident", "suggested_incident"]
    list_select_related = ["incident", "suggested_incident"]
    date_hierarchy = "published_at"
    show_full_result_count = False
    actions = ["link_suggested_incident"]
    fieldsets = [
        (None, {"fields": ["title", "url", "outlet", "published_at"]}),
        ("Incident", {"fields": ["incident", "suggested_incident"]}),
        ("Text", {"fields": ["text"]}),
        ("Ingestion", {"classes": ["collapse"], "fields": INGESTED_FIELDS}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Evidence spans index the text, so a stored article's text is never edited.
        return INGESTED_FIELDS if obj is None else ["text", *INGESTED_FIELDS]

    def view_on_site(self, obj):
        return reverse("claims:article-detail", args=[obj.pk])

    @admin.display(description="archived copy (as fetched, shown as text)")
    def archived_copy(self, obj):
        if not obj.raw_html:
            return "—"
        # format_html escapes the archive: it is shown as source text, never rendered as HTML.
        return format_html(
            '<textarea readonly rows="16" cols="100" class="vLargeTextField" '
            'aria-label="Archived copy as HTML source">{}</textarea>',
            obj.raw_html,
        )

    def save_model(self, request, obj, form, change):
        services.article_save(obj)
        if change and "incident" in form.changed_data and obj.incident is not None:
            # Through ingestion, so the article's claims move with it and it is extracted there.
            ingest.article_link_incident(obj, obj.incident, acting_user=request.user)

    @admin.action(description="Link to the suggested incident", permissions=["change"])
    def link_suggested_incident(self, request, queryset):
        linked = 0
        for article in queryset.filter(suggested_incident__isnull=False).select_related(
            "suggested_incident"
        ):
            ingest.article_link_incident(
                article, article.suggested_incident, acting_user=request.user
            )
            linked += 1
        skipped = queryset.count() - linked
        note = f"; {skipped} had no suggestion" if skipped else ""
        self.message_user(request, f"{linked} article{'s' if linked != 1 else ''} linked{note}.")

    def delete_model(self, request, obj):
        services.article_delete(obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            services.article_delete(article, acting_user=request.user)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    form = FeedAdminForm
    list_display = ["name", "url", "is_active", "poll_minutes", "last_polled_at", "has_error"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    autocomplete_fields = ["incident"]
    list_select_related = ["incident"]
    readonly_fields = ["last_polled_at", "last_error", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "url", "is_active", "poll_minutes", "incident"]}),
        ("Last poll", {"fields": readonly_fields}),
    ]

    @admin.display(description="error", boolean=True)
    def has_error(self, obj):
        return bool(obj.last_error)
