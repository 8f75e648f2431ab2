"""The Russian defence ministry's source page, as a journalist sees it in a browser."""

import pytest

from claims.demo import demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_source_page_shows_the_ministrys_claims_and_track_record(live_server, page):
    demo_load()
    page.goto(live_server.url + "/incidents/deir-ez-zor-airport-strike-2016/")
    page.get_by_role("link", name="Russian defence ministry").first.click()
    assert page.url.endswith("/sources/russian-defence-ministry/")
    record = page.locator("section.track-record").inner_text()
    assert "0 above the others' range, 1 within it, 1 below it" in record
    assert "below the median" in record
    rows = page.locator("table.source-claims tbody tr")
    assert rows.count() == 2
    killed = rows.filter(has_text="Killed")
    assert "62" in killed.inner_text()
    assert killed.locator(".position").inner_text().strip().lower() == "below"
    page.get_by_role("link", name="Sources").first.click()
    listing = page.locator("table").inner_text()
    assert "Russian defence ministry" in listing and "below the median" in listing
