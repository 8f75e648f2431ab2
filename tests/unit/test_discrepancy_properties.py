"""Properties that must hold for any incident, checked on generated data with hypothesis."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claims.discrepancy import (
    ZONE_OFFSETS,
    FigureInput,
    Interval,
    Metric,
    Qualifier,
    Rule,
    TimingInput,
    VictimGroup,
    compare,
    from_utc,
    revision_chains,
    to_utc,
)

settings.register_profile("discrepancy", max_examples=150, deadline=None)
settings.load_profile("discrepancy")

BASE = datetime(2016, 9, 17, tzinfo=UTC)
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


@st.composite
def intervals(draw, max_value=2000):
    low = draw(st.integers(0, max_value))
    high = draw(st.one_of(st.none(), st.integers(low, max_value)))
    return Interval(low, high)


@st.composite
def figures(draw):
    """Up to 12 figures from 4 claimants on 2 metrics and 3 groups, some relayed."""
    n = draw(st.integers(0, 12))
    out = []
    for i in range(n):
        claimant = draw(st.sampled_from(["a", "b", "c", "d"]))
        out.append(
            FigureInput(
                id=i,
                claimant=claimant,
                claimant_label=claimant.upper(),
                claimant_kind=draw(st.sampled_from(["monitor", "government", "media", "other"])),
                metric=draw(st.sampled_from([Metric.KILLED, Metric.INJURED])),
                victim_group=draw(
                    st.sampled_from(
                        [VictimGroup.CIVILIANS, VictimGroup.STATE_FORCES, VictimGroup.UNSPECIFIED]
                    )
                ),
                interval=draw(intervals()),
                qualifier=Qualifier.BETWEEN,
                stated="",
                reported_at=BASE + timedelta(hours=draw(st.integers(0, 48))),
                upstream=draw(st.sampled_from([None, None, "a", "b"])),
            )
        )
    return out


@st.composite
def timings(draw):
    n = draw(st.integers(0, 6))
    out = []
    for i in range(n):
        start = draw(st.one_of(st.none(), st.integers(0, 24 * 60)))
        length = draw(st.one_of(st.none(), st.integers(0, 180)))
        d_low = draw(st.one_of(st.none(), st.integers(0, 120)))
        out.append(
            TimingInput(
                id=100 + i,
                claimant=draw(st.sampled_from(["a", "b", "c", "e"])),
                claimant_label="X",
                claimant_kind="other",
                stated="",
                zone_label="UTC",
                start_utc=None if start is None else BASE + timedelta(minutes=start),
                end_utc=(
                    None
                    if start is None or length is None
                    else BASE + timedelta(minutes=start + length)
                ),
                duration_low=d_low,
                duration_high=None if d_low is None else d_low + draw(st.integers(0, 30)),
                reported_at=BASE + timedelta(hours=draw(st.integers(0, 48))),
            )
        )
    return out


@given(intervals(), intervals())
def test_overlap_is_symmetric(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    assert a.gap_to(b) == b.gap_to(a)


@given(intervals())
def test_a_claim_never_conflicts_with_itself(a):
    assert a.overlaps(a) and a.gap_to(a) == 0


@given(intervals(), intervals(), st.integers(0, 500), st.integers(0, 500), st.booleans())
def test_widening_an_interval_never_creates_a_conflict(a, b, down, up, open_up):
    high = None if open_up or a.high is None else a.high + up
    wider = Interval(max(0, a.low - down), high)
    if a.overlaps(b):
        assert wider.overlaps(b)
    assert wider.gap_to(b) <= a.gap_to(b)


@given(st.lists(intervals(), min_size=1, max_size=8))
def test_the_hull_contains_each_member(items):
    hull = Interval.hull(items)
    assert all(hull.covers(i) for i in items)


@given(intervals(), intervals())
def test_overlap_means_some_number_satisfies_both(a, b):
    both = a.intersection(b)
    assert (both is not None) == a.overlaps(b)
    if both is not None:
        assert a.contains(both.low) and b.contains(both.low)


moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2035, 12, 31))


@given(moments, st.sampled_from(sorted(ZONE_OFFSETS)))
def test_to_utc_then_from_utc_is_the_identity_for_fixed_zones(local, label):
    local = local.replace(microsecond=0)
    assert from_utc(to_utc(local, label), label) == local


@given(
    moments,
    st.sampled_from(["Asia/Damascus", "Europe/London", "America/New_York", "Asia/Kabul", "local"]),
)
def test_to_utc_then_from_utc_is_the_identity_outside_dst_gaps_and_folds(local, label):
    local = local.replace(microsecond=0)
    place = "Europe/Kyiv"
    tz = ZoneInfo(place if label == "local" else label)
    first, second = local.replace(tzinfo=tz, fold=0), local.replace(tzinfo=tz, fold=1)
    assume(first.utcoffset() == second.utcoffset())  # neither repeated nor skipped
    assert from_utc(to_utc(local, label, place_tz=place), label, place_tz=place) == local


@given(figures(), st.randoms(use_true_random=False))
def test_revision_chains_do_not_depend_on_input_order(figs, rnd):
    shuffled = list(figs)
    rnd.shuffle(shuffled)
    assert revision_chains(figs) == revision_chains(shuffled)


@given(figures(), timings())
def test_as_of_in_the_far_future_equals_no_as_of(figs, times):
    now = compare(figs, times)
    later = compare(figs, times, as_of=FAR_FUTURE)
    assert now.metrics == later.metrics and now.timing == later.timing
    assert now.score == later.score and now.source_count == later.source_count
    # The summary differs only in tense ("had been reported by ...").


@given(figures(), timings(), st.sampled_from(list(Rule)))
def test_the_score_stays_between_0_and_1_and_the_summary_never_fails(figs, times, rule):
    result = compare(figs, times, rule=rule)
    assert 0.0 <= result.score <= 1.0
    assert all(isinstance(s, str) and s for s in result.summary())


@given(figures())
def test_every_current_figure_lies_inside_the_range_and_conflicts_mean_spread_above_1(figs):
    for mc in compare(figs).metrics:
        assert all(mc.range.covers(f.interval) for f in mc.current)
        if mc.spread is not None:
            assert (mc.spread > 1) == mc.has_conflict
        assert len({f.claimant for f in mc.current}) == len(mc.current)
        assert (mc.common is None) == mc.has_conflict


@given(figures())
def test_a_single_claimant_never_produces_a_disagreement(figs):
    only_a = [f for f in figs if f.claimant == "a"]
    assert compare(only_a).score == 0.0
