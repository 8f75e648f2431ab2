"""The Content Security Policy forbids inline script and style; the pages must not need them."""

import pytest
from django.contrib.auth import get_user_model

from claims.demo import demo_load
from claims.models import Article, Incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations(page, url):
    messages = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security" in m.text else None)
    response = page.goto(url)
    assert response.status < 400, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    return messages


def test_public_pages_run_under_the_policy_without_violations(live_server, page):
    demo_load()
    incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
    article = Article.objects.filter(incident=incident).first()
    for path in [
        "/",
        incident.get_absolute_url(),
        f"/incidents/{incident.slug}/changes/",
        "/sources/",
        "/sources/russian-defence-ministry/",
        f"/articles/{article.pk}/",
    ]:
        assert _violations(page, live_server.url + path) == [], path
    # The charts still draw in colour: their paint comes from SVG attributes, not a <style>.
    page.goto(live_server.url + incident.get_absolute_url())
    mark = page.locator("svg.chart [data-claimant='russian-defence-ministry']").first
    assert mark.evaluate("el => getComputedStyle(el).fill") == "rgb(179, 38, 30)"


def test_admin_pages_run_under_the_policy_without_violations(live_server, page):
    demo_load()
    get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-pass-phrase")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "a-long-pass-phrase")
    page.click("input[type=submit]")
    incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
    for path in ["/admin/", f"/admin/claims/incident/{incident.pk}/change/"]:
        assert _violations(page, live_server.url + path) == [], path


def test_cached_pages_arrive_gzipped_and_work_like_fresh_ones(live_server, page, settings):
    settings.PAGE_CACHE_SECONDS = 600  # production serves public pages from the cache
    demo_load()
    incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
    url = live_server.url + incident.get_absolute_url()
    seen = []
    for _ in range(2):  # rendered and stored, then served from the cache
        messages = []
        page.on("console", lambda m, messages=messages: messages.append(m.text))
        response = page.goto(url)
        seen.append(response.headers.get("x-page-cache"))
        assert response.headers.get("content-encoding") == "gzip"
        page.wait_for_load_state("networkidle")
        assert not [m for m in messages if "Content Security" in m]
        assert page.locator("h1").inner_text() == incident.title
        mark = page.locator("svg.chart [data-claimant='russian-defence-ministry']").first
        assert mark.evaluate("el => getComputedStyle(el).fill") == "rgb(179, 38, 30)"
    assert seen == ["miss", "hit"]
