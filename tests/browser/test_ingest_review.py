"""An editor's morning in a real browser: paste the address of a wire story, link it to the
incident the tracker suggests, review the extracted claims with their evidence highlighted,
approve one, and find it on the public incident page."""

from datetime import UTC, datetime

import pytest

from claims import services
from claims.models import FigureClaim
from tests.factories import PASSWORD, UserFactory
from tests.integration.test_ingest_support import FixtureServer, fixture_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = "/world/2024/06/korsa-market-shelling.html"
SCREENSHOT = "/tmp/review.png"  # noqa: S108 - where a person looks at the queue after a run


@pytest.fixture
def wire(settings):
    """The invented wire story on a local server (the address guard off: it is 127.0.0.1)."""
    settings.INGEST_ALLOW_PRIVATE_ADDRESSES = True
    with FixtureServer() as server:
        server.page(STORY, fixture_bytes("korsa_market_wire.html"))
        yield server


@pytest.fixture
def eager():
    """The fetch runs in the live server's process when the submission commits. CI sets
    REDIS_URL (tasks go to real workers); this test is about the editor's screens, so force
    eager mode (tests/integration/test_ingest_worker.py covers the worker)."""
    from tracker.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


def test_editor_adds_a_wire_story_reviews_its_evidence_and_approves_a_figure(
    live_server, page, wire, eager, editors_group
):
    UserFactory(username="desk", first_name="Desk", is_staff=True, groups=["Editors"])
    korsa = services.incident_create(
        title="Shelling of Korsa covered market",
        place="Korsa",
        country="Velland",
        time_zone="Europe/Istanbul",
        started_at=datetime(2024, 6, 11, 6, 40, tzinfo=UTC),
    )
    blocked = []  # the Content Security Policy forbids inline script and style: none may be used
    page.on(
        "console",
        lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None,
    )

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.get_by_role("link", name="Add an article").click()

    page.fill("#id_url", wire.url(STORY))
    page.get_by_role("button", name="Add article").click()

    messages = page.locator("ul.messagelist")
    assert "it looks like it reports “Shelling of Korsa covered market”" in messages.inner_text()
    page.get_by_role("button", name="Link to suggested incident").click()
    assert "awaiting review" in messages.inner_text()
    messages.get_by_role("link", name="Review them").click()

    evidence = page.locator(".rq-text mark", has_text="At least 23 people were killed")
    assert evidence.count() == 1 and evidence.is_visible()
    assert evidence.locator("strong").inner_text() == "At least 23"  # the figure stands out
    claim = page.locator("li.rq-claim", has_text="At least 23").filter(
        has_text="Korsa Rescue Service"
    )
    assert "suggested — confirm the source" in claim.inner_text()
    assert "its teams at the scene" in claim.inner_text()
    page.screenshot(path=SCREENSHOT, full_page=True)

    claim.get_by_role("button", name="Approve").click()

    assert "Approved “Korsa Rescue Service: At least 23 killed”" in messages.inner_text()
    approved = FigureClaim.objects.get(
        stated_text="At least 23", claimant__name="Korsa Rescue Service"
    )
    assert approved.status == "confirmed" and approved.incident == korsa
    messages.get_by_role("link", name="incident page").click()
    assert page.url == f"{live_server.url}{korsa.get_absolute_url()}"
    table = page.locator("#comparison")
    assert "Korsa Rescue Service" in table.inner_text()
    assert "At least 23" in table.inner_text()
    assert blocked == []
