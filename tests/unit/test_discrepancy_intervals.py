"""Qualifiers as intervals, vague words, and the Interval type itself."""

import subprocess
import sys
from pathlib import Path

import pytest

from claims.discrepancy import (
    MAX_FIGURE,
    QUALIFIER_PHRASES,
    VAGUE_INTERVALS,
    Interval,
    Qualifier,
    describe_figure,
    interval_for,
)


def test_importing_the_engine_does_not_import_django():
    code = "import sys, claims.discrepancy; print('django' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("member", "label"),
    [
        (Qualifier.EXACT, "exact"),
        (Qualifier.AT_LEAST, "at least"),
        (Qualifier.MORE_THAN, "more than"),
        (Qualifier.ABOUT, "about"),
        (Qualifier.NEARLY, "nearly"),
        (Qualifier.UP_TO, "up to"),
        (Qualifier.BETWEEN, "between"),
        (Qualifier.VAGUE, "vague amount"),
    ],
)
def test_every_qualifier_has_a_human_label(member, label):
    assert member.label == label


def test_qualifier_values_are_the_stored_strings():
    assert [q.value for q in Qualifier] == [
        "exact",
        "at_least",
        "more_than",
        "about",
        "nearly",
        "up_to",
        "between",
        "vague",
    ]
    assert Qualifier("at_least") is Qualifier.AT_LEAST


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("no fewer than", Qualifier.AT_LEAST),
        ("no less than", Qualifier.AT_LEAST),
        ("over", Qualifier.MORE_THAN),
        ("some", Qualifier.ABOUT),
        ("roughly", Qualifier.ABOUT),
        ("approximately", Qualifier.ABOUT),
        ("almost", Qualifier.NEARLY),
        ("as many as", Qualifier.UP_TO),
    ],
)
def test_phrase_table_maps_each_wording_to_its_qualifier(phrase, qualifier):
    assert QUALIFIER_PHRASES[phrase] is qualifier


@pytest.mark.parametrize(
    ("qualifier", "value", "high", "expected"),
    [
        ("exact", 62, None, Interval(62, 62)),
        ("at_least", 90, None, Interval(90, None)),
        ("more_than", 100, None, Interval(101, None)),
        ("about", 62, None, Interval(55, 69)),
        ("about", 100, None, Interval(90, 110)),
        ("about", 5, None, Interval(4, 6)),
        ("about", 0, None, Interval(0, 1)),
        ("nearly", 100, None, Interval(90, 100)),
        ("nearly", 5, None, Interval(4, 5)),
        ("nearly", 0, None, Interval(0, 0)),
        ("up_to", 30, None, Interval(0, 30)),
        ("between", 40, 55, Interval(40, 55)),
        ("between", 7, 7, Interval(7, 7)),
        ("exact", 0, None, Interval(0, 0)),
    ],
)
def test_each_qualifier_maps_to_its_documented_interval(qualifier, value, high, expected):
    assert interval_for(qualifier, value, high) == expected


def test_a_range_that_runs_downwards_is_refused():
    with pytest.raises(ValueError, match="downwards"):
        interval_for(Qualifier.BETWEEN, 55, 40)


def test_a_range_without_its_second_number_is_refused():
    with pytest.raises(ValueError, match="upper number"):
        interval_for(Qualifier.BETWEEN, 40)


def test_only_a_range_takes_two_numbers():
    with pytest.raises(ValueError, match="two numbers"):
        interval_for(Qualifier.AT_LEAST, 40, 50)


def test_figures_above_the_plausibility_ceiling_are_refused():
    assert interval_for("exact", MAX_FIGURE) == Interval(MAX_FIGURE, MAX_FIGURE)
    with pytest.raises(ValueError, match="plausibility"):
        interval_for("exact", MAX_FIGURE + 1)
    with pytest.raises(ValueError, match="plausibility"):
        interval_for("between", 10, MAX_FIGURE + 1)


def test_negative_and_non_integer_figures_are_refused():
    with pytest.raises(ValueError, match="negative"):
        interval_for("exact", -3)
    with pytest.raises(TypeError):
        interval_for("exact", 3.5)
    with pytest.raises(TypeError):
        interval_for("exact", True)


def test_a_qualified_figure_needs_a_number():
    with pytest.raises(ValueError, match="needs a number"):
        interval_for("at_least", None)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("dozens", Interval(24, 99)),
        ("Scores", Interval(40, 199)),
        ("hundreds", Interval(200, 999)),
        ("several", Interval(3, 9)),
        ("many", Interval(3, None)),
        ("tens of  thousands", Interval(20_000, 99_999)),
    ],
)
def test_vague_words_map_to_the_table_whatever_their_case_or_spacing(word, expected):
    assert interval_for(Qualifier.VAGUE, None, vague_word=word) == expected


def test_an_unknown_or_missing_vague_word_is_refused():
    with pytest.raises(ValueError, match="Unknown vague amount"):
        interval_for("vague", None, vague_word="a great many")
    with pytest.raises(ValueError, match="needs its word"):
        interval_for("vague", 30)


def test_every_vague_interval_is_valid_and_below_the_ceiling():
    for low, high in VAGUE_INTERVALS.values():
        interval = Interval(low, high)
        assert interval.upper <= MAX_FIGURE or interval.is_open


def test_an_interval_refuses_negative_or_reversed_bounds_with_a_clear_message():
    with pytest.raises(ValueError, match="below zero"):
        Interval(-1, 3)
    with pytest.raises(ValueError, match=r"upper bound \(3\) is below its lower bound \(5\)"):
        Interval(5, 3)


def test_at_least_90_and_62_conflict_but_at_least_60_and_62_do_not():
    assert not Interval(90, None).overlaps(Interval(62, 62))
    assert Interval(60, None).overlaps(Interval(62, 62))


def test_two_open_ended_figures_always_overlap():
    assert Interval(10, None).overlaps(Interval(5000, None))


def test_gap_is_the_distance_between_the_nearer_bounds():
    assert Interval(62, 62).gap_to(Interval(90, None)) == 28
    assert Interval(90, None).gap_to(Interval(62, 62)) == 28
    assert Interval(10, 20).gap_to(Interval(15, 30)) == 0
    assert Interval(10, 20).gap_to(Interval(21, 30)) == 1


def test_contains_open_exact_and_covers():
    assert Interval(90, None).contains(10**9) and not Interval(90, None).contains(89)
    assert Interval(62, 62).is_exact and not Interval(62, 62).is_open
    assert Interval(90, None).is_open and not Interval(90, None).is_exact
    assert Interval(0, None).covers(Interval(5, 8)) and not Interval(5, 8).covers(Interval(5, None))


def test_hull_spans_every_member_and_is_open_if_any_member_is():
    assert Interval.hull([Interval(62, 62), Interval(83, 83)]) == Interval(62, 83)
    assert Interval.hull([Interval(62, 62), Interval(90, None)]) == Interval(62, None)
    with pytest.raises(ValueError):
        Interval.hull([])


def test_intersection_is_what_both_claims_allow():
    assert Interval(101, None).intersection(Interval(120, 120)) == Interval(120, 120)
    assert Interval(10, None).intersection(Interval(20, None)) == Interval(20, None)
    assert Interval(1, 5).intersection(Interval(6, 9)) is None


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(62, 62), "62"),
        (Interval(90, None), "90+"),
        (Interval(101, None), "101+"),
        (Interval(90, 110), "90–110"),
    ],
)
def test_an_interval_prints_the_way_a_table_shows_it(interval, text):
    assert str(interval) == text


@pytest.mark.parametrize(
    ("qualifier", "value", "high", "words"),
    [
        ("exact", 62, None, "62"),
        ("at_least", 90, None, "at least 90"),
        ("more_than", 100, None, "more than 100"),
        ("about", 62, None, "about 62"),
        ("nearly", 100, None, "nearly 100"),
        ("up_to", 30, None, "up to 30"),
        ("between", 40, 55, "between 40 and 55"),
    ],
)
def test_describe_figure_gives_back_the_qualifier_and_number_stated(qualifier, value, high, words):
    assert describe_figure(qualifier, interval_for(qualifier, value, high)) == words


def test_describe_figure_never_puts_words_in_a_sources_mouth():
    # An interval an editor typed by hand that "about" could not have produced.
    assert describe_figure("about", Interval(50, 90), "some 70 people") == "some 70 people"
    assert describe_figure("about", Interval(50, 90)) == "50–90"
    assert describe_figure("vague", Interval(24, 99), "dozens") == "dozens (24–99)"
