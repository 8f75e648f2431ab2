"""What a journalist sees in a real browser on the demo incident's page."""

import pytest

from claims.demo import demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PATH = "/incidents/deir-ez-zor-airport-strike-2016/"


def _row(page, claimant_slug):
    return page.locator(f'tr[data-claimant="{claimant_slug}"]')


def test_figures_and_utc_times_sit_in_each_claimants_row(live_server, page):
    demo_load()
    page.goto(live_server.url + DEMO_PATH)

    sohr = _row(page, "syrian-observatory-for-human-rights")
    killed = sohr.locator("td.figure-cell").first
    assert killed.locator("a.stated").inner_text() == "at least 90"
    assert "83" in killed.locator(".history").inner_text()
    assert "a source at the airport" in killed.inner_text()

    russia = _row(page, "russian-defence-ministry")
    assert russia.locator("td.figure-cell a.stated").first.inner_text() == "62"
    timing = russia.locator("td.timing-cell")
    assert "14:00–14:50 UTC" in timing.inner_text()
    assert "between 1700 and 1750 local time" in timing.inner_text()

    us = _row(page, "us-military-official-anonymous")
    assert "15:00 UTC" in us.locator("td.timing-cell").inner_text()

    # Conflicting cells are visibly marked, not only tagged in the markup.
    background = killed.evaluate("cell => getComputedStyle(cell).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")

    summary = page.locator("section.disagreement").inner_text()
    assert "from 62" in summary and "at least 90" in summary and "about an hour" in summary


def test_evidence_link_opens_the_quote(live_server, page):
    demo_load()
    page.goto(live_server.url + DEMO_PATH)
    _row(page, "russian-defence-ministry").locator("td.figure-cell a.stated").first.click()
    target = page.locator(".evidence li:target")
    assert "62 soldiers dead" in target.inner_text()
    target.get_by_role("link", name="in the article").click()
    assert "62 soldiers dead" in page.locator("mark").first.inner_text()


def test_list_is_readable_on_a_phone(live_server, browser):
    demo_load()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    title = page.get_by_role("link", name="Coalition air strike on Syrian army positions")
    assert title.is_visible()
    # Nothing forces sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert "62 – 90+" in page.locator("table").inner_text()
    context.close()


def test_charts_are_drawn_labelled_and_show_the_gap_between_accounts(live_server, page):
    demo_load()
    page.goto(live_server.url + DEMO_PATH)
    figures = page.locator("svg.chart").first
    assert figures.get_attribute("role") == "img"
    assert "Figures reported by each source" in figures.locator("title").first.text_content()
    timeline = page.locator("svg.chart").nth(1)
    window = timeline.locator("rect[data-claimant='russian-defence-ministry']").bounding_box()
    moment = timeline.locator("circle[data-claimant='us-military-official-anonymous']")
    dot = moment.bounding_box()
    assert window["width"] > 20 and dot["width"] > 4
    assert dot["x"] > window["x"] + window["width"], "the two accounts must not touch"
