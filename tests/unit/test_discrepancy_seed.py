"""The running example (a September 2016 air strike near Deir ez-Zor airport) end to end, plus the
builders other discrepancy tests use to write incidents compactly.

Only the facts of the seed report are used (who, which figures, which times), never its sentences.
"""

from datetime import UTC, datetime, timedelta

import pytest

from claims.discrepancy import (
    Direction,
    FigureInput,
    Interval,
    Metric,
    Qualifier,
    Rule,
    TimingInput,
    VictimGroup,
    compare,
    interval_for,
    revision_chains,
    to_utc,
)

DAY = datetime(2016, 9, 17, tzinfo=UTC)

SOURCES = {
    "sohr": ("Syrian Observatory for Human Rights", "monitor"),
    "ru-mod": ("Russian defence ministry", "military"),
    "us-official": ("US military official", "anonymous"),
}


def fig(
    id,
    claimant,
    metric,
    qualifier,
    value,
    *,
    at,
    high=None,
    group=VictimGroup.STATE_FORCES,
    cited="",
    upstream=None,
    label=None,
    kind=None,
    vague_word=None,
    hedged=False,
):
    """A FigureInput from the figure as a source would state it (qualifier + number)."""
    default_label, default_kind = SOURCES.get(claimant, (claimant.title(), "other"))
    q = Qualifier(qualifier)
    return FigureInput(
        id=id,
        claimant=claimant,
        claimant_label=label or default_label,
        claimant_kind=kind or default_kind,
        metric=Metric(metric),
        victim_group=VictimGroup(group),
        interval=interval_for(q, value, high, vague_word=vague_word),
        qualifier=q,
        stated=vague_word or f"{'' if q is Qualifier.EXACT else q.label + ' '}{value}",
        reported_at=at,
        cited=cited,
        upstream=upstream,
        hedged=hedged,
    )


def timing(
    id,
    claimant,
    *,
    at,
    stated="",
    zone="",
    start=None,
    end=None,
    duration=None,
    upstream=None,
    label=None,
    kind=None,
):
    """A TimingInput; ``duration`` is minutes or a (low, high) pair."""
    default_label, default_kind = SOURCES.get(claimant, (claimant.title(), "other"))
    low = high = None
    if duration is not None:
        low, high = duration if isinstance(duration, tuple) else (duration, duration)
    return TimingInput(
        id=id,
        claimant=claimant,
        claimant_label=label or default_label,
        claimant_kind=kind or default_kind,
        stated=stated,
        zone_label=zone,
        start_utc=start,
        end_utc=end,
        duration_low=low,
        duration_high=high,
        reported_at=at,
        upstream=upstream,
    )


def at(hours, minutes=0):
    """A moment on the seed day, in UTC."""
    return DAY + timedelta(hours=hours, minutes=minutes)


def seed_figures():
    src = "a source at the airport"
    return [
        fig(1, "sohr", "killed", "exact", 83, at=at(18), cited=src),
        fig(2, "sohr", "injured", "exact", 120, at=at(18), cited=src),
        fig(3, "sohr", "killed", "at_least", 90, at=at(22), cited=src),
        fig(4, "ru-mod", "killed", "exact", 62, at=at(19), cited="regime sources"),
        fig(5, "ru-mod", "injured", "more_than", 100, at=at(19), cited="regime sources"),
    ]


def seed_timings():
    local = datetime(2016, 9, 17, 17, 0), datetime(2016, 9, 17, 17, 50)
    return [
        timing(
            11,
            "ru-mod",
            at=at(19),
            stated="from 17:00 to 17:50 local",
            zone="local",
            start=to_utc(local[0], "local", place_tz="Asia/Damascus"),
            end=to_utc(local[1], "local", place_tz="Asia/Damascus"),
        ),
        timing(
            12,
            "us-official",
            at=at(20),
            stated="around 11 a.m. EDT",
            zone="EDT",
            start=to_utc(datetime(2016, 9, 17, 11), "EDT"),
            duration=30,
        ),
        timing(13, "sohr", at=at(22), stated="forty minutes", duration=40),
    ]


@pytest.fixture
def seed():
    return compare(seed_figures(), seed_timings())


def test_sohr_later_at_least_90_supersedes_its_first_83_as_an_upward_revision():
    chain = revision_chains(seed_figures())[("sohr", Metric.KILLED, VictimGroup.STATE_FORCES)]
    assert [e.figure.id for e in chain] == [1, 3]
    assert [e.direction for e in chain] == [Direction.FIRST, Direction.UP]
    assert chain[0].superseded_by == 3 and chain[1].supersedes == 1 and chain[1].is_current


def test_ministry_62_conflicts_with_sohr_at_least_90_with_a_gap_of_28(seed):
    killed = seed.metric(Metric.KILLED)
    assert [f.id for f in killed.current] == [4, 3]
    assert len(killed.conflicts) == 1
    pair = killed.conflicts[0]
    assert (pair.low.claimant, pair.high.claimant, pair.gap) == ("ru-mod", "sohr", 28)
    assert killed.spread == pytest.approx(90 / 62)
    assert killed.range == Interval(62, None)
    assert killed.most_disputed == pair
    assert pair.severity == pytest.approx(1 - 62 / 90)


def test_injured_120_and_more_than_100_agree(seed):
    injured = seed.metric(Metric.INJURED)
    assert not injured.conflicts and len(injured.agreements) == 1
    assert injured.common == Interval(120, 120)
    assert injured.spread == 1.0  # SOHR's 120 is both the highest floor and the lowest ceiling


def test_seed_killed_reconciles_to_the_named_rule(seed):
    figures = seed_figures()
    assert seed.metric(Metric.KILLED).reconciled.interval == Interval(62, None)
    by_rule = {
        rule: compare(figures, rule=rule).metric(Metric.KILLED).reconciled.interval for rule in Rule
    }
    assert by_rule[Rule.MEDIAN] == Interval(62, None)
    assert by_rule[Rule.LATEST] == Interval(90, None)
    assert by_rule[Rule.MONITORS] == Interval(90, None)
    assert by_rule[Rule.OFFICIALS] == Interval(62, 62)


def test_seed_local_window_is_1400_to_1450_utc_and_the_us_moment_1500_utc(seed):
    windows = {w.claimant: (w.start, w.end) for w in seed.timing.windows}
    assert windows == {"ru-mod": (at(14), at(14, 50)), "us-official": (at(15), at(15))}


def test_seed_timings_do_not_overlap_and_sit_an_hour_apart_start_to_start(seed):
    (pair,) = seed.timing.pairs
    assert (pair.early.claimant, pair.late.claimant) == ("ru-mod", "us-official")
    assert not pair.overlaps and not pair.agree
    assert (pair.gap_minutes, pair.start_offset_minutes) == (10, 60)


def test_seed_durations_are_30_40_and_50_minutes_the_last_from_the_ministry_window(seed):
    durations = [(d.claimant, d.minutes, d.from_window) for d in seed.timing.durations]
    assert durations == [
        ("us-official", Interval(30, 30), False),
        ("sohr", Interval(40, 40), False),
        ("ru-mod", Interval(50, 50), True),
    ]
    assert seed.timing.duration_range == Interval(30, 50)


def test_seed_summary_names_the_toll_dispute_and_the_hour_between_accounts(seed):
    text = seed.summary()
    assert text[0] == (
        "Sources disagree on the death toll: from 62 (Russian defence ministry, citing regime "
        "sources) to at least 90 (Syrian Observatory for Human Rights, citing a source at the "
        "airport)."
    )
    timing_line = next(s for s in text if "on the time" in s)
    assert timing_line.startswith("Sources disagree on the time by about an hour:")
    assert "14:00–14:50 UTC" in timing_line and "15:00 UTC" in timing_line
    assert any("revised its figure for the death toll (up)" in s for s in text)


def test_seed_score_combines_the_toll_conflict_and_the_hour(seed):
    f = 1 - 62 / 90
    t = 0.5 * 60 / 180
    assert seed.score == pytest.approx(1 - (1 - f) * (1 - t), abs=1e-4)
    assert 0 < seed.score < 1


def test_as_of_before_the_revision_compares_sohr_83_with_the_ministry_62():
    early = compare(seed_figures(), seed_timings(), as_of=at(20, 30))
    killed = early.metric(Metric.KILLED)
    assert {f.claimant: f.interval for f in killed.current} == {
        "sohr": Interval(83, 83),
        "ru-mod": Interval(62, 62),
    }
    assert killed.conflicts[0].gap == 21
    assert [d.claimant for d in early.timing.durations] == ["us-official", "ru-mod"]
