"""tracker.urls plus, for benchmarks only: /__hello__/, the cheapest Django response, served
through the same middleware by the same gunicorn, against which every page is measured; and
/__bench__/claims-python.csv, the claims export written by Python (values_list and csv.writer,
the path SQLite uses) on PostgreSQL too, measured beside the COPY path /claims.csv takes there."""

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import include, path

from claims import claims_export, exports, selectors
from claims.filters import IncidentFilter
from claims.models import Incident


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


def claims_python_csv(request):
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid():
        return exports.bad_request(incidents.errors)
    queryset = selectors.claims_for_export(incidents.qs.values("pk"))
    return StreamingHttpResponse(
        claims_export._python_blocks(queryset), content_type="text/csv; charset=utf-8"
    )


urlpatterns = [
    path("__hello__/", hello),
    path("__bench__/claims-python.csv", claims_python_csv),
    path("", include("tracker.urls")),
]
