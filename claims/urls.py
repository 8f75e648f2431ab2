from django.urls import path

from claims import feeds, views
from claims.pagecache import public_page as cached

app_name = "claims"

# Public pages are served from the cache to anonymous readers until the data changes
# (claims/pagecache.py); the exports stream and are never cached.

urlpatterns = [
    path("", cached(views.IncidentListView.as_view()), name="incident-list"),
    path("claims.csv", views.claims_csv, name="claims-csv"),
    path("changes.atom", cached(feeds.AllChangesFeed()), name="changes-feed"),
    path("incidents/<slug:slug>/changes/", cached(views.incident_changes), name="incident-changes"),
    path(
        "incidents/<slug:slug>/changes.atom",
        cached(feeds.IncidentChangesFeed()),
        name="incident-changes-feed",
    ),
    path("incidents/<slug:slug>/", cached(views.incident_detail), name="incident-detail"),
    path(
        "incidents/<slug:slug>/chart/<str:name>.svg",
        cached(views.incident_chart),
        name="incident-chart",
    ),
    path("sources/", cached(views.SourceListView.as_view()), name="source-list"),
    path("sources/<slug:slug>/", cached(views.source_detail), name="source-detail"),
    path("articles/<int:pk>/", cached(views.article_detail), name="article-detail"),
    path(
        "incidents/<slug:slug>/comparison.csv", views.comparison_csv, name="incident-comparison-csv"
    ),
    path("incidents/<slug:slug>/conflicts.csv", views.conflicts_csv, name="incident-conflicts-csv"),
]
