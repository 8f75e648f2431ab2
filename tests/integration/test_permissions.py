"""Every write path refuses who may not use it (redirect to log-in, or 403) and changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from claims.models import Article, Feed, FigureClaim, Incident, Source, SourceAlias, TimingClaim

pytestmark = pytest.mark.django_db

MODELS = [Incident, Source, SourceAlias, Article, Feed, FigureClaim, TimingClaim]


def _state():
    return tuple(
        tuple(
            model.objects.order_by("pk").values_list(
                "pk", "updated_at" if hasattr(model, "updated_at") else "pk"
            )
        )
        for model in MODELS
    )


def _write_urls(demo):
    """Add, change and delete pages of every model, for one existing row each."""
    urls = []
    for model in MODELS:
        if model is SourceAlias:  # edited inline on the source page
            continue
        info = model._meta.app_label, model._meta.model_name
        row = model.objects.order_by("pk").first()
        urls.append(reverse("admin:{}_{}_add".format(*info)))
        if row is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
            urls.append(reverse("admin:{}_{}_delete".format(*info), args=[row.pk]))
    urls.append(reverse("admin:auth_user_add"))
    return urls


@pytest.fixture
def everything(demo):
    Feed.objects.create(name="Wire feed", url="https://example.org/feed.xml")
    return demo


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_changes(client, everything):
    before = _state()
    for url in _write_urls(everything):
        response = client.post(url, {"title": "hijack", "name": "hijack", "post": "yes"})
        assert response.status_code == 302, url
        assert reverse("admin:login") in response["Location"], url
    assert _state() == before


def test_logged_in_readers_without_staff_status_cannot_write(client, everything):
    reader = get_user_model().objects.create_user("reader", password="a-long-pass-phrase")
    client.force_login(reader)
    before = _state()
    for url in _write_urls(everything):
        response = client.post(url, {"title": "hijack", "name": "hijack", "post": "yes"})
        assert response.status_code == 302 and reverse("admin:login") in response["Location"], url
    assert _state() == before


def test_staff_without_any_group_gets_403_on_every_write_and_nothing_changes(client, everything):
    bare = get_user_model().objects.create_user(
        "bare", password="a-long-pass-phrase", is_staff=True
    )
    client.force_login(bare)
    before = _state()
    for url in _write_urls(everything):
        response = client.post(url, {"title": "hijack", "name": "hijack", "post": "yes"})
        assert response.status_code == 403, url
    assert _state() == before


def test_public_pages_accept_no_writes(client, everything):
    before = _state()
    for url in ["/", f"/incidents/{everything.slug}/", "/claims.csv", "/sources/"]:
        assert client.post(url, {"x": "y"}).status_code == 405, url
    assert _state() == before
