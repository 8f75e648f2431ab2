"""The SVG charts: well-formed, labelled for screen readers, and drawing what the page says."""

import xml.etree.ElementTree as ET

from claims.charts import figures_svg, timeline_svg
from claims.discrepancy import compare
from tests.unit.test_discrepancy_seed import at, fig, seed_figures, seed_timings

NS = {"svg": "http://www.w3.org/2000/svg"}


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it is well-formed


def test_figure_chart_is_labelled_and_describes_every_claimant_in_words():
    root = _parse(figures_svg(compare(seed_figures(), seed_timings()), "Seed strike"))
    assert root.get("role") == "img"
    assert root.find("svg:title", NS).text == "Seed strike"
    desc = root.find("svg:desc", NS).text
    assert "Russian defence ministry: 62" in desc
    assert "83 then at least 90" in desc


def test_figure_chart_draws_exact_open_and_superseded_figures_differently():
    root = _parse(figures_svg(compare(seed_figures(), seed_timings()), "Seed strike"))
    marks = root.findall(".//*[@data-claimant]", NS)
    by = {(m.get("data-claimant"), m.get("data-low")): m for m in marks}
    ministry = by[("ru-mod", "62")]
    assert ministry.get("data-kind") == "exact" and "conflict" in ministry.get("class")
    latest = by[("sohr", "90")]
    assert latest.get("data-kind") == "open" and "old" not in latest.get("class")
    earlier = by[("sohr", "83")]
    assert "old" in earlier.get("class")


def test_timeline_shows_the_hour_between_the_two_accounts_as_separate_marks():
    root = _parse(timeline_svg(compare(seed_figures(), seed_timings()), "Seed strike times"))
    window = root.find(".//svg:rect[@data-claimant='ru-mod']", NS)
    moment = root.find(".//svg:circle[@data-claimant='us-official']", NS)
    window_end = float(window.get("x")) + float(window.get("width"))
    assert float(moment.get("cx")) - float(moment.get("r")) > window_end
    assert "14:00" in window.get("data-start") and "14:50" in window.get("data-end")
    assert "60 minutes apart" in root.find("svg:desc", NS).text
    tip = moment.find("svg:title", NS).text
    assert "11 a.m. EDT" in tip and "15:00 UTC" in tip


def test_charts_escape_text_that_comes_from_users():
    evil = fig(1, "x", "killed", "exact", 5, at=at(20), label='<script>alert("x")</script>')
    svg = figures_svg(compare([evil]), "Title <b>")
    root = _parse(svg)
    assert root.find(".//svg:script", NS) is None
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_charts_say_so_when_there_is_nothing_to_draw():
    assert "No figures reported yet" in figures_svg(compare([]), "Empty")
    assert "No times reported yet" in timeline_svg(compare([]), "Empty")
