"""tracker.urls plus, for benchmarks only: /__hello__/, the cheapest Django response, served
through the same middleware by the same gunicorn, against which every page is measured; and
/__bench__/..., the prototypes of bench/prototypes.py."""

from django.http import HttpResponse
from django.urls import include, path

from bench import prototypes


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [
    path("__hello__/", hello),
    path("__bench__/claims.csv", prototypes.claims_csv),
    path("__bench__/claims-copy.csv", prototypes.claims_copy_csv),
    path("", include("tracker.urls")),
]
