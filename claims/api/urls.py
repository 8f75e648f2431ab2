"""The JSON API under /api/: read-only resources and the OpenAPI schema that describes them."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from claims.api import views

app_name = "api"

router = SimpleRouter()
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("claims", views.FigureClaimViewSet, basename="figureclaim")
router.register("timings", views.TimingClaimViewSet, basename="timingclaim")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
