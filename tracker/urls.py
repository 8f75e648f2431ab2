from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Casualty tracker: editors"
admin.site.site_title = "Casualty tracker"
admin.site.index_title = "Figures, timings and sources"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    path("", include("claims.urls")),
]

# A friendly page for a refused request (a form far larger than any article, a bad cookie).
handler400 = "claims.views.bad_request"
