"""Conflict, spread, independence, reconciliation rules, score and summary on invented incidents."""

import math

import pytest

from claims.discrepancy import (
    FigureInput,
    Interval,
    Metric,
    Qualifier,
    Rule,
    VictimGroup,
    compare,
    disagreement_score,
    metric_for,
    reconcile,
    resolve_voices,
    spread_of,
)
from tests.unit.test_discrepancy_seed import at, fig, timing

CIV = VictimGroup.CIVILIANS


def tarsa():
    """An invented market shelling: five claimants, one relaying another, one vague."""
    k = dict(group=CIV)
    return [
        fig(1, "ministry", "killed", "exact", 12, at=at(2), kind="government", **k),
        fig(2, "harrow", "killed", "about", 40, at=at(3), kind="monitor", **k),
        fig(3, "wirepost", "killed", "about", 40, at=at(4), kind="media", upstream="harrow", **k),
        fig(4, "hospital", "killed", "between", 30, high=35, at=at(5), kind="official", **k),
        fig(
            5,
            "rebels",
            "killed",
            "vague",
            None,
            at=at(6),
            kind="armed_group",
            vague_word="dozens",
            **k,
        ),
    ]


@pytest.fixture
def killed():
    return compare(tarsa()).metric(Metric.KILLED)


def test_current_figures_are_listed_from_lowest_to_highest(killed):
    assert [f.claimant for f in killed.current] == [
        "ministry",
        "rebels",
        "hospital",
        "harrow",
        "wirepost",
    ]
    assert killed.lowest.claimant == "ministry" and killed.highest.claimant == "rebels"
    assert killed.range == Interval(12, 99)


def test_disjoint_figures_conflict_and_overlapping_ones_agree(killed):
    conflicts = {(p.low.claimant, p.high.claimant): p.gap for p in killed.conflicts}
    assert conflicts == {
        ("ministry", "rebels"): 12,
        ("ministry", "hospital"): 18,
        ("ministry", "harrow"): 24,
        ("ministry", "wirepost"): 24,
        ("hospital", "harrow"): 1,
        ("hospital", "wirepost"): 1,
    }
    agreeing = {(p.low.claimant, p.high.claimant) for p in killed.agreements}
    assert agreeing == {("rebels", "hospital"), ("rebels", "harrow"), ("rebels", "wirepost"),
                        ("harrow", "wirepost")}  # fmt: skip
    assert killed.common is None


def test_the_pair_that_disagrees_most_has_the_highest_ratio_of_floor_to_ceiling(killed):
    worst = killed.most_disputed
    assert (worst.low.claimant, worst.high.claimant) == ("ministry", "harrow")
    assert worst.severity == pytest.approx(1 - 12 / 36)


def test_spread_is_the_highest_floor_over_the_lowest_ceiling(killed):
    assert killed.spread == pytest.approx(36 / 12)


def test_a_relay_and_its_origin_count_as_one_independent_voice(killed):
    assert killed.independent_voices == 4
    support = {s.figure.claimant: s.voices for s in killed.support}
    assert support["harrow"] == ("harrow", "rebels")
    assert support["wirepost"] == ("harrow", "rebels")
    assert support["ministry"] == ("ministry",)
    pair = next(
        p for p in killed.agreements if {p.low.claimant, p.high.claimant} == {"harrow", "wirepost"}
    )
    assert pair.same_voice


@pytest.mark.parametrize(
    ("rule", "expected", "basis"),
    [
        (Rule.RANGE, Interval(12, 99), {1, 2, 3, 4, 5}),
        (Rule.MEDIAN, Interval(30, 44), {1, 2, 3, 4, 5}),
        (Rule.LATEST, Interval(24, 99), {5}),
        (Rule.MONITORS, Interval(36, 44), {2}),
        (Rule.OFFICIALS, Interval(12, 35), {1, 4}),
    ],
)
def test_each_reconciliation_rule_gives_its_documented_interval(rule, expected, basis):
    rec = compare(tarsa(), rule=rule).metric("killed").reconciled
    assert rec.rule is rule
    assert rec.interval == expected
    assert {f.id for f in rec.basis} == basis


def test_rules_have_human_labels_and_accept_their_string_values():
    assert Rule.MONITORS.label == "independent monitors only"
    assert compare(tarsa(), rule="median").rule is Rule.MEDIAN


def test_median_keeps_an_open_ceiling_when_most_ceilings_are_open():
    figs = [
        fig(1, "a", "killed", "at_least", 10, at=at(1)),
        fig(2, "b", "killed", "at_least", 20, at=at(1)),
        fig(3, "c", "killed", "exact", 15, at=at(1)),
    ]
    assert reconcile(figs, Rule.MEDIAN).interval == Interval(15, None)


def test_latest_rule_spans_figures_reported_at_the_same_latest_moment():
    figs = [
        fig(1, "a", "killed", "exact", 10, at=at(1)),
        fig(2, "b", "killed", "exact", 20, at=at(3)),
        fig(3, "c", "killed", "exact", 25, at=at(3)),
    ]
    assert reconcile(figs, Rule.LATEST).interval == Interval(20, 25)


def test_a_rule_with_no_matching_claimant_gives_no_figure_and_says_why():
    figs = [fig(1, "ministry", "killed", "exact", 12, at=at(1), kind="government")]
    result = compare(figs, rule=Rule.MONITORS)
    rec = result.metric("killed").reconciled
    assert rec.interval is None and "monitors" in rec.note
    assert any("no figure for the death toll" in s for s in result.summary())


def test_spread_edge_cases_are_documented_values():
    assert spread_of([Interval(5, 5)]) is None  # one claim: nothing to compare
    assert spread_of([Interval(5, None), Interval(9, None)]) is None  # no ceiling at all
    assert spread_of([Interval(0, 0), Interval(0, 3)]) == 0.0  # every floor is zero
    assert math.isinf(spread_of([Interval(0, 0), Interval(4, 4)]))  # "none" against "four"
    assert spread_of([Interval(60, None), Interval(62, 62)]) == pytest.approx(62 / 62)


def test_no_casualties_against_some_casualties_is_the_sharpest_conflict():
    figs = [
        fig(1, "army", "killed", "exact", 0, at=at(1), kind="military"),
        fig(2, "harrow", "killed", "exact", 7, at=at(1), kind="monitor"),
    ]
    killed = compare(figs).metric("killed")
    assert killed.most_disputed.severity == 1.0
    assert compare(figs).score == 1.0


def test_a_stale_relay_against_its_own_origin_is_listed_but_not_scored():
    figs = [
        fig(1, "harrow", "killed", "exact", 83, at=at(1)),
        fig(2, "wirepost", "killed", "exact", 83, at=at(2), upstream="harrow"),
        fig(3, "harrow", "killed", "at_least", 90, at=at(3)),
    ]
    result = compare(figs)
    (pair,) = result.metric("killed").conflicts
    assert pair.same_voice
    assert result.score == 0.0
    assert any("trace back to 1 independent source." in s for s in result.summary())


def test_relay_chains_are_followed_to_the_original_voice_and_cycles_terminate():
    figs = [
        fig(1, "paper", "killed", "exact", 5, at=at(1), upstream="agency"),
        fig(2, "agency", "killed", "exact", 5, at=at(1), upstream="harrow"),
        fig(3, "harrow", "killed", "exact", 5, at=at(1)),
        fig(4, "x", "killed", "exact", 5, at=at(1), upstream="y"),
        fig(5, "y", "killed", "exact", 5, at=at(1), upstream="x"),
    ]
    roots = resolve_voices(figs)
    assert roots["paper"] == roots["agency"] == "harrow"
    assert roots["x"] == roots["y"] == "x"


def test_open_ended_claims_conflict_only_when_the_other_ceiling_is_below_their_floor():
    base = [fig(1, "a", "killed", "exact", 62, at=at(1))]
    assert compare([*base, fig(2, "b", "killed", "at_least", 60, at=at(1))]).score == 0.0
    assert compare([*base, fig(2, "b", "killed", "at_least", 90, at=at(1))]).score > 0.0


def test_one_source_only_scores_zero_and_says_so():
    result = compare([fig(1, "harrow", "injured", "more_than", 100, at=at(1))])
    assert result.score == 0.0
    assert result.summary()[0] == (
        "The number injured comes from one source only: more than 100 (Harrow)."
    )


def test_agreeing_sources_score_zero_and_the_summary_names_the_shared_value():
    figs = [
        fig(1, "harrow", "killed", "at_least", 30, at=at(1)),
        fig(2, "ministry", "killed", "about", 35, at=at(1), cited="hospital staff"),
        fig(3, "rebels", "killed", "between", 33, high=50, at=at(1)),
    ]
    result = compare(figs)
    assert result.score == 0.0
    assert result.summary()[0] == (
        "Sources agree on the death toll: at least 30 (Harrow), about 35 (Ministry, citing "
        "hospital staff) and between 33 and 50 (Rebels) are compatible; all allow between 33 "
        "and 39."
    )


def test_an_incident_with_nothing_reported_says_so_in_one_sentence():
    result = compare([], [])
    assert result.summary() == ["No figures or times have been reported for this incident."]
    assert result.score == 0.0 and result.metrics == () and result.source_count == 0


def test_as_of_before_any_claim_reads_as_nothing_reported_by_that_date():
    result = compare(tarsa(), as_of=at(0))
    assert result.summary() == [
        "No figures or times had been reported for this incident by 17 Sep 2016."
    ]


def test_figures_without_timings_say_no_time_was_given():
    assert compare(tarsa()).summary()[-1] == "No source has given a time."


def test_groups_are_named_in_the_summary_when_a_metric_has_several():
    figs = [
        fig(1, "harrow", "killed", "exact", 40, at=at(1), group=CIV),
        fig(2, "harrow", "killed", "exact", 60, at=at(1), group="state_forces"),
    ]
    text = compare(figs).summary()
    assert text[0].startswith("The death toll among civilians comes from one source only")
    assert text[1].startswith("The death toll among state forces comes from one source only")


def test_hedged_figures_are_compared_but_marked_in_the_summary():
    figs = [
        fig(1, "harrow", "killed", "more_than", 100, at=at(1), hedged=True),
        fig(2, "ministry", "killed", "exact", 20, at=at(1)),
    ]
    assert "(Harrow, hedged)" in compare(figs).summary()[0]


def test_reconciled_for_adds_up_distinct_victim_groups_and_prefers_totals():
    parts = [
        fig(1, "harrow", "killed", "exact", 40, at=at(1), group=CIV),
        fig(2, "harrow", "killed", "at_least", 60, at=at(1), group="state_forces"),
    ]
    assert compare(parts).reconciled_for(Metric.KILLED) == Interval(100, None)
    total = fig(3, "ministry", "killed", "exact", 95, at=at(1), group="unspecified")
    assert compare([*parts, total]).reconciled_for("killed") == Interval(95, 95)
    assert compare(parts).reconciled_for("injured") is None


def test_metrics_are_ordered_killed_then_injured_then_the_rest():
    figs = [
        fig(1, "a", "displaced", "vague", None, vague_word="thousands", at=at(1)),
        fig(2, "a", "injured", "exact", 5, at=at(1)),
        fig(3, "a", "killed", "exact", 2, at=at(1)),
    ]
    assert [m.metric for m in compare(figs).metrics] == ["killed", "injured", "displaced"]


def test_counts_sources_and_voices_across_figures_and_timings():
    result = compare(tarsa(), [timing(9, "medic", at=at(1), duration=20)])
    assert result.source_count == 6 and result.independent_voices == 5


def test_wounded_injured_and_hurt_are_one_metric():
    assert metric_for("Wounded") is metric_for("hurt") is metric_for("injured") is Metric.INJURED
    assert metric_for("death toll") is Metric.KILLED
    with pytest.raises(ValueError):
        metric_for("trucks")


def test_a_figure_input_accepts_stored_strings_and_requires_an_aware_report_time():
    f = FigureInput(
        id="x1",
        claimant="a",
        claimant_label="A",
        claimant_kind="monitor",
        metric="injured",
        victim_group="civilians",
        interval=Interval(1, 2),
        qualifier="between",
        stated="one or two",
        reported_at=at(1),
    )
    assert f.metric is Metric.INJURED and f.qualifier is Qualifier.BETWEEN and f.voice == "a"
    with pytest.raises(ValueError, match="aware"):
        FigureInput(**{**_fields(f), "reported_at": at(1).replace(tzinfo=None)})
    with pytest.raises(ValueError):
        FigureInput(**{**_fields(f), "metric": "trucks"})


def _fields(f):
    return {name: getattr(f, name) for name in FigureInput.__dataclass_fields__}


def test_the_score_of_a_recomputed_comparison_matches_the_stored_one():
    result = compare(tarsa())
    assert disagreement_score(result) == result.score == pytest.approx(1 - 12 / 36, abs=1e-4)


def test_a_conflict_on_injuries_weighs_less_than_the_same_conflict_on_deaths():
    def two(metric):
        return compare(
            [fig(1, "a", metric, "exact", 10, at=at(1)), fig(2, "b", metric, "exact", 20, at=at(1))]
        ).score

    assert two("injured") < two("killed") == 0.5
