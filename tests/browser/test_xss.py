"""Every text a user or an article can supply is shown as text: a stored script never runs, on
public pages, in the highlighted article, in exports' HTML neighbours or in the admin."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from claims import services
from claims.demo import demo_load
from claims.models import Article, FigureClaim, Incident, TimingClaim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPT = "<script>window.__xss=1</script>"
IMAGE = '<img src=x onerror="window.__xss=1">'
EVIL = f"{SCRIPT}{IMAGE}"


def _poison():
    demo_load()
    incident = Incident.objects.get(slug="deir-ez-zor-airport-strike-2016")
    for field in ("title", "place", "country", "summary"):
        setattr(incident, field, f"{getattr(incident, field)[:40]} {EVIL}")
    incident.acled_event_id = incident.airwars_code = SCRIPT[:40]
    services.incident_save(incident, reason=EVIL)
    source = services.source_create(
        name=f"Wire {EVIL}", aliases=[f"alias {EVIL}"], affiliation=EVIL, description=EVIL
    )
    text = f"Intro. The wire said {EVIL} 70 people were killed. End."
    article = services.article_save(
        Article(
            title=EVIL,
            outlet=EVIL,
            text=text,
            raw_html=EVIL,
            incident=incident,
            published_at=datetime(2016, 9, 18, tzinfo=UTC),
        )
    )
    start = text.index("The wire")
    end = text.index("End.")
    for model, extra in (
        (
            FigureClaim,
            {
                "stated_text": EVIL[:200],
                "low": 70,
                "high": 70,
                "victims_text": EVIL,
                "qualifier": "exact",
            },
        ),
        (TimingClaim, {"stated_text": EVIL, "zone_label": "x<b>"}),
    ):
        claim = model(
            incident=incident,
            claimant=source,
            cited_text=EVIL,
            article=article,
            evidence=EVIL,
            evidence_start=start,
            evidence_end=end,
            editor_note=EVIL,
            reported_at=datetime(2016, 9, 19, tzinfo=UTC),
            status="confirmed",
            **extra,
        )
        save = services.figure_claim_save if model is FigureClaim else services.timing_claim_save
        save(claim, reason=EVIL[:100])
    return incident, source, article


# The Content Security Policy would block these scripts too: switch it off, so that escaping is
# the only defence under test.
@override_settings(SECURE_CSP={})
def test_no_stored_script_runs_anywhere(live_server, page):
    incident, source, article = _poison()
    get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-pass-phrase")
    paths = [
        "/",
        f"/incidents/{incident.slug}/",
        f"/incidents/{incident.slug}/changes/",
        "/sources/",
        f"/sources/{source.slug}/",
        f"/articles/{article.pk}/",
        f"/incidents/{incident.slug}/chart/figures.svg",
    ]
    for path in paths:
        page.goto(live_server.url + path)
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("img[src=x]").count() == 0, path
    page.goto(live_server.url + f"/incidents/{incident.slug}/")
    assert SCRIPT in page.locator("body").inner_text()  # shown as text, not dropped
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "a-long-pass-phrase")
    page.click("input[type=submit]")
    figure = FigureClaim.objects.get(claimant=source)
    for path in [
        f"/admin/claims/incident/{incident.pk}/change/",
        f"/admin/claims/figureclaim/{figure.pk}/change/",
        f"/admin/claims/figureclaim/{figure.pk}/history/",
        "/admin/claims/figureclaim/",
        f"/admin/claims/source/{source.pk}/change/",
        f"/admin/claims/article/{article.pk}/change/",
    ]:
        page.goto(live_server.url + path)
        assert page.evaluate("window.__xss") is None, path
