"""UTC windows, offsets, gaps, durations and how timing disagreements are phrased."""

import pytest

from claims.discrepancy import (
    TIMING_TOLERANCE_MINUTES,
    Interval,
    TimingInput,
    compare,
    compare_timings,
    phrase_minutes,
)
from tests.unit.test_discrepancy_seed import DAY, at, timing


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "0 minutes"),
        (1, "1 minute"),
        (10, "10 minutes"),
        (44, "44 minutes"),
        (45, "about an hour"),
        (60, "about an hour"),
        (74, "about an hour"),
        (75, "about an hour and a half"),
        (95, "about an hour and a half"),
        (120, "about 2 hours"),
        (150, "about 2½ hours"),
        (13 * 60, "about 13 hours"),
        (3 * 24 * 60, "about 3 days"),
        (-60, "about an hour"),
    ],
)
def test_time_differences_are_phrased_as_a_journalist_would(minutes, words):
    assert phrase_minutes(minutes) == words


def test_a_moment_inside_another_sources_window_agrees():
    result = compare_timings(
        [
            timing(1, "a", at=at(20), start=at(3, 10), end=at(3, 55)),
            timing(2, "b", at=at(20), start=at(3, 30)),
        ]
    )
    (pair,) = result.pairs
    assert pair.overlaps and pair.agree and pair.gap_minutes == 0 and pair.overlap_minutes == 0
    assert result.common == (at(3, 30), at(3, 30))
    assert result.disagreement_minutes == 0


def test_overlapping_windows_report_their_shared_minutes():
    (pair,) = compare_timings(
        [
            timing(1, "a", at=at(20), start=at(3, 10), end=at(3, 55)),
            timing(2, "b", at=at(20), start=at(3, 15), end=at(4, 2)),
        ]
    ).pairs
    assert (pair.overlap_minutes, pair.start_offset_minutes, pair.gap_minutes) == (40, 5, 0)


def test_gaps_within_the_tolerance_count_as_the_same_time_and_beyond_it_do_not():
    def gap_of(minutes):
        return compare_timings(
            [
                timing(1, "a", at=at(20), start=at(3)),
                timing(2, "b", at=at(20), start=at(3, minutes)),
            ]
        )

    assert gap_of(TIMING_TOLERANCE_MINUTES).pairs[0].agree
    assert not gap_of(TIMING_TOLERANCE_MINUTES + 1).pairs[0].agree
    assert gap_of(TIMING_TOLERANCE_MINUTES + 1).disagreement_minutes == 6


def test_a_duration_alone_has_no_window_but_counts_as_a_duration():
    result = compare_timings([timing(1, "a", at=at(20), duration=(30, 60))])
    assert result.windows == () and result.pairs == ()
    assert [d.minutes for d in result.durations] == [Interval(30, 60)]
    assert result.duration_range == Interval(30, 60)


def test_a_stated_duration_wins_over_the_length_of_the_window():
    result = compare_timings(
        [timing(1, "a", at=at(20), start=at(3), end=at(4)), timing(2, "a", at=at(21), duration=45)]
    )
    (d,) = result.durations
    assert d.minutes == Interval(45, 45) and not d.from_window


def test_a_moment_gives_no_duration():
    result = compare_timings([timing(1, "a", at=at(20), start=at(3))])
    assert result.durations == () and result.duration_range is None


def test_an_end_without_a_start_is_read_as_a_moment():
    (w,) = compare_timings([timing(1, "a", at=at(20), end=at(5))]).windows
    assert w.start == w.end == at(5) and w.is_moment


def test_the_latest_timing_with_a_clock_time_is_a_claimants_current_window():
    result = compare_timings(
        [
            timing(1, "a", at=at(20), start=at(3)),
            timing(2, "a", at=at(22), start=at(4)),
            timing(3, "a", at=at(23), duration=20),
        ]
    )
    assert [w.timing.id for w in result.windows] == [2]


def test_windows_on_different_days_are_shown_with_dates():
    result = compare(
        [],
        [
            timing(1, "a", at=at(30), start=at(23, 50), stated="just before midnight"),
            timing(2, "b", at=at(30), start=at(26, 30), stated="half past two"),
        ],
    )
    (sentence, nearest) = result.summary()[-2:]
    assert "17 Sep 2016 23:50 UTC" in sentence and "18 Sep 2016 02:30 UTC" in sentence
    assert sentence.startswith("Sources disagree on the time by about 2½ hours")
    assert nearest == "At their nearest, those two accounts are about 2½ hours apart."


def test_one_window_and_one_duration_read_as_single_source_sentences():
    text = compare([], [timing(1, "medic", at=at(20), start=at(3), duration=25)]).summary()
    assert text == [
        "No source has given a casualty figure.",
        "The time comes from one source only: 03:00 UTC (Medic).",
        "How long it lasted comes from one source only: 25 minutes (Medic).",
    ]


def test_agreeing_times_and_equal_durations_read_as_agreement():
    text = compare(
        [],
        [
            timing(1, "a", at=at(20), start=at(3), end=at(3, 40)),
            timing(2, "b", at=at(20), start=at(3, 20), duration=40),
        ],
    ).summary()
    assert (
        text[1]
        == "Sources agree on the time: 03:00–03:40 UTC (A) and 03:20 UTC (B) are consistent."
    )
    assert text[2].startswith("Sources agree it lasted 40 minutes:")


def test_an_open_ended_duration_range_says_so():
    text = compare(
        [], [timing(1, "a", at=at(20), duration=(30, None)), timing(2, "b", at=at(20), duration=20)]
    ).summary()
    assert text[-1].startswith("Stated durations run from 20 minutes to an open end")


def test_the_timing_score_saturates_at_three_hours_and_weighs_half():
    def score(hours):
        return compare(
            [],
            [
                timing(1, "a", at=at(30), start=at(1)),
                timing(2, "b", at=at(30), start=at(1 + hours)),
            ],
        ).score

    assert score(1.5) == pytest.approx(0.25)
    assert score(3) == score(9) == 0.5


def test_a_timing_input_refuses_windows_that_end_before_they_start_and_naive_times():
    with pytest.raises(ValueError, match="end before"):
        timing(1, "a", at=at(20), start=at(4), end=at(3))
    with pytest.raises(ValueError, match="aware"):
        timing(1, "a", at=at(20), start=DAY.replace(tzinfo=None))
    with pytest.raises(ValueError):
        TimingInput(1, "a", "A", "other", "", "", None, None, 30, 20, at(1))
