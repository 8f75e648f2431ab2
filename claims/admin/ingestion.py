"""Articles (the publications claims were read from, archived copy read-only) and the feeds that
bring new ones in; "Add article" (an address, a saved page or pasted text, through
claims.ingest) and, on an article's page, its ingestion status, the suggested incident with a
one-click link, and warnings about likely duplicate incidents."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime, AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from claims import ingest, services
from claims.forms import ArticleAdminForm, ArticleSubmitForm, FeedAdminForm, file_size_label
from claims.models import Article, ClaimBase, Feed, FigureClaim, Incident, TimingClaim

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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def review_url(**filters) -> str:
    """The review queue (claims.admin.review), filtered by article or incident."""
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return reverse("admin:claims_review") + (f"?{query}" if query else "")


def unreviewed_counts(article: Article) -> tuple[int, int]:
    """How many of the article's figures and timings still await review."""
    unreviewed = ClaimBase.Status.UNREVIEWED
    return (
        FigureClaim.objects.filter(article=article, status=unreviewed).count(),
        TimingClaim.objects.filter(article=article, status=unreviewed).count(),
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    change_list_template = "admin/claims/article_change_list.html"
    change_form_template = "admin/claims/article_change_form.html"
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
            obj.refresh_from_db()
            self._report_link(request, obj)

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

    # Add article: an address, a saved page or pasted text ----------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("submit/", view(self.submit_view), name="{}_{}_submit".format(*info)),
            path(
                "<path:object_id>/link/",
                view(require_POST(self.link_view)),
                name="{}_{}_link".format(*info),
            ),
            path(
                "<path:object_id>/retry/",
                view(require_POST(self.retry_view)),
                name="{}_{}_retry".format(*info),
            ),
            *super().get_urls(),
        ]

    def _submit_form(self, request) -> ArticleSubmitForm:
        incident_field = Article._meta.get_field("incident")
        form = ArticleSubmitForm(
            request.POST if request.method == "POST" else None,
            request.FILES if request.method == "POST" else None,
            initial={"incident": request.GET.get("incident")},
            incident_widget=AutocompleteSelect(incident_field, self.admin_site),
            date_widget=AdminSplitDateTime(),
        )
        # A widget set after the field was built needs the field's choices (the selected one).
        form.fields["incident"].widget.choices = form.fields["incident"].choices
        return form

    def submit_view(self, request):
        """The "Add article" page: one form, three ways in; the service decides what is stored."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = self._submit_form(request)
        if request.method == "POST" and form.is_valid():
            started = timezone.now()
            try:
                article = self._ingest(form, request.user)
            except ValidationError as error:
                # The services refuse before storing anything (no readable text...).
                form.add_error(None, error)
            else:
                return self._after_submit(request, article, started)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Add an article",
            "subtitle": None,
            "form": form,
            "media": self.media + form.media,
            "max_size": file_size_label(settings.INGEST_MAX_BYTES),
        }
        return TemplateResponse(request, "admin/claims/article_submit.html", context)

    @staticmethod
    def _ingest(form: ArticleSubmitForm, user) -> Article:
        data = form.cleaned_data
        incident = data.get("incident")
        if form.kind == "url":
            # Queued; the fetch task is enqueued once the row is committed.
            return ingest.article_submit_url(url=data["url"], incident=incident, acting_user=user)
        if form.kind == "file":
            return ingest.article_from_html(
                html=data["html_file"],
                url=data.get("original_url", ""),
                incident=incident,
                acting_user=user,
            )
        return ingest.article_from_text(
            text=data["text"],
            title=data.get("title", ""),
            outlet=data.get("outlet", ""),
            published_at=data.get("published_at"),
            url=data.get("original_url", ""),
            incident=incident,
            acting_user=user,
        )

    def _after_submit(self, request, article: Article, started):
        """Says what happened to the submission and opens the article's page."""
        current = Article.objects.filter(pk=article.pk).first()
        if current is None:
            # Processing found the same text under another address and kept that article.
            self.message_user(
                request,
                "The page's text is already stored under another address; that article was "
                "kept. Search the list for it by title.",
                messages.WARNING,
            )
            return redirect("admin:claims_article_changelist")
        already = current.created_at < started
        name = str(current)
        if current.status == Article.Status.FAILED:
            self.message_user(request, f"Could not read “{name}”: {current.error}", messages.ERROR)
        elif current.status in (Article.Status.QUEUED, Article.Status.FETCHING):
            lead = "Already in the queue" if already else "Queued"
            self.message_user(
                request,
                f"{lead}: the page is fetched and read in the background. Reload this page "
                "in a moment to see its text and claims.",
                messages.INFO,
            )
        elif already:
            self.message_user(request, f"Already stored: here it is (“{name}”).", messages.INFO)
        else:
            self._report_extracted(request, current)
        return redirect("admin:claims_article_change", current.pk)

    def _report_extracted(self, request, article: Article) -> None:
        if article.incident_id is None:
            hint = (
                f"it looks like it reports “{article.suggested_incident}”: link it below to "
                "extract its figures and timings."
                if article.suggested_incident_id
                else "pick the incident it reports below to extract its figures and timings."
            )
            self.message_user(request, f"Read “{article}”; {hint}", messages.SUCCESS)
            return
        self._report_link(request, article, read=True)

    def _report_link(self, request, article: Article, *, read: bool = False) -> None:
        """Says where the article's claims went: “Linked “…” to “…”: 3 figures and 1 timing
        awaiting review. Review them.”"""
        if read:
            lead = f"Read “{article}” (incident “{article.incident}”)"
        else:
            lead = f"Linked “{article}” to “{article.incident}”"
        figures, timings = unreviewed_counts(article)
        if not figures and not timings:
            self.message_user(request, f"{lead}: no figure or timing awaits review.")
            return
        found = [_plural(n, word) for n, word in ((figures, "figure"), (timings, "timing")) if n]
        self.message_user(
            request,
            format_html(
                '{}: {} awaiting review. <a href="{}">Review them</a>.',
                lead,
                " and ".join(found),
                review_url(article=article.pk),
            ),
            messages.SUCCESS,
        )

    # The article page: status, suggested incident, duplicates -----------------------------

    def _article_or_404(self, request, object_id) -> Article:
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such article.")
        return article

    def link_view(self, request, object_id):
        """One click: links the article to an incident (the suggested one) through ingestion,
        so its claims are extracted onto it."""
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        incident = Incident.objects.filter(pk=request.POST.get("incident") or None).first()
        if incident is None:
            self.message_user(request, "That incident no longer exists.", messages.ERROR)
        else:
            ingest.article_link_incident(article, incident, acting_user=request.user)
            article.refresh_from_db()
            self._report_link(request, article)
        return redirect("admin:claims_article_change", article.pk)

    def retry_view(self, request, object_id):
        """Fetches a failed (or stale) article's address again, in the background."""
        article = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if not article.url:
            self.message_user(request, "This article has no address to fetch.", messages.ERROR)
            return redirect("admin:claims_article_change", article.pk)
        started = timezone.now()
        ingest.article_submit_url(url=article.url, refresh=True, acting_user=request.user)
        article.refresh_from_db()
        if article.status == Article.Status.FAILED and article.updated_at >= started:
            self.message_user(request, f"Failed again: {article.error}", messages.ERROR)
        elif article.status == Article.Status.EXTRACTED and article.updated_at >= started:
            self._report_link(request, article, read=True)
        else:
            self.message_user(
                request, "Queued: the page is fetched again in the background.", messages.INFO
            )
        return redirect("admin:claims_article_change", article.pk)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        extra = dict(extra_context or {})
        if article is not None:
            extra.update(self._ingest_panel(request, article))
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def _ingest_panel(self, request, article: Article) -> dict:
        """What the article page shows above the form: where ingestion stands, which incident
        it looks like, and whether that incident has likely duplicates."""
        suggested = article.suggested_incident if article.incident_id is None else None
        if suggested is None and article.incident_id is None and article.text:
            suggested = ingest.incident_suggest(article)
        about = article.incident or suggested
        similar = ingest.incident_similar(about)[:5] if about is not None else []
        figures, timings = unreviewed_counts(article)
        incident_admin = self.admin_site._registry.get(Incident)
        can_merge = incident_admin is not None and incident_admin.has_change_permission(request)
        return {
            "article": article,
            "suggested": suggested,
            "similar_to": about,
            "similar": similar,
            "can_merge": can_merge and bool(similar),
            "unreviewed_figures": figures,
            "unreviewed_timings": timings,
            "review_link": review_url(article=article.pk) if figures or timings else "",
            "can_retry": bool(article.url)
            and article.status in (Article.Status.FAILED, Article.Status.EXTRACTED)
            and article.origin in (Article.Origin.URL, Article.Origin.FEED),
        }


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
