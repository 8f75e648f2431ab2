"""A source's track record: above, within or below the others, its usual lean, its revisions."""

from claims.discrepancy import Interval, Position, compare, position_against, track_record
from tests.unit.test_discrepancy_seed import at, fig, seed_figures


def test_a_figure_is_above_below_or_within_the_others_range():
    others = [Interval(60, 70), Interval(65, None)]
    assert position_against(Interval(50, 55), others) is Position.BELOW
    assert position_against(Interval(50, 62), others) is Position.WITHIN
    assert position_against(Interval(71, 80), [Interval(60, 70)]) is Position.ABOVE
    # Nothing is above an open-ended figure: it may be any size.
    assert position_against(Interval(500, None), others) is Position.WITHIN
    assert position_against(Interval(5, 5), []) is None


def test_the_seed_ministry_sits_below_the_monitor_on_the_death_toll():
    comparisons = {"seed": compare(seed_figures())}
    ministry = track_record("ru-mod", comparisons)
    killed = next(p for p in ministry.placements if p.metric == "killed")
    assert killed.position is Position.BELOW and killed.stated == "62"
    assert killed.deviation < 0
    monitor = track_record("sohr", comparisons)
    assert monitor.revisions["up"] == 1
    assert next(p for p in monitor.placements if p.metric == "killed").position is Position.ABOVE
    assert ministry.typical_deviation < 0 < monitor.typical_deviation


def test_a_source_alone_on_an_incident_has_nothing_to_be_compared_with():
    alone = {"x": compare([fig(1, "solo", "killed", "exact", 10, at=at(20))])}
    record = track_record("solo", alone)
    assert record.compared == 0 and record.typical_deviation is None


def test_track_record_counts_whom_the_source_cites():
    figures = [
        fig(1, "m", "killed", "exact", 10, at=at(20), cited="medics"),
        fig(2, "m", "killed", "exact", 12, at=at(21), cited="medics"),
        fig(3, "o", "killed", "exact", 11, at=at(21)),
    ]
    record = track_record("m", {"x": compare(figures)})
    assert record.cited["medics"] == 2
    assert record.count(Position.WITHIN) + record.count(Position.ABOVE) == 1
