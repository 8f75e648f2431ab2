from django.urls import path

from claims import feeds, views

app_name = "claims"

urlpatterns = [
    path("", views.IncidentListView.as_view(), name="incident-list"),
    path("claims.csv", views.claims_csv, name="claims-csv"),
    path("changes.atom", feeds.AllChangesFeed(), name="changes-feed"),
    path("incidents/<slug:slug>/changes/", views.incident_changes, name="incident-changes"),
    path(
        "incidents/<slug:slug>/changes.atom",
        feeds.IncidentChangesFeed(),
        name="incident-changes-feed",
    ),
    path("incidents/<slug:slug>/", views.incident_detail, name="incident-detail"),
    path("incidents/<slug:slug>/chart/<str:name>.svg", views.incident_chart, name="incident-chart"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path(
        "incidents/<slug:slug>/comparison.csv", views.comparison_csv, name="incident-comparison-csv"
    ),
    path("incidents/<slug:slug>/conflicts.csv", views.conflicts_csv, name="incident-conflicts-csv"),
]
