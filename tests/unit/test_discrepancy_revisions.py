"""Revision chains, directions of change, comparable victim groups and "as of"."""

import pytest

from claims.discrepancy import (
    ChainKey,
    Direction,
    Metric,
    VictimGroup,
    comparable_group_map,
    compare,
    direction_of,
    revision_chains,
)
from tests.unit.test_discrepancy_seed import at, fig

CIV = VictimGroup.CIVILIANS


def _pair(first, then):
    """Two figures by one claimant: ``first`` and ``then`` are (qualifier, value[, high])."""
    a = fig(1, "harrow", "killed", *first[:2], high=(first[2:] or (None,))[0], at=at(1))
    b = fig(2, "harrow", "killed", *then[:2], high=(then[2:] or (None,))[0], at=at(2))
    return a, b


@pytest.mark.parametrize(
    ("first", "then", "direction"),
    [
        (("exact", 83), ("at_least", 90), Direction.UP),
        (("exact", 14), ("exact", 26), Direction.UP),
        (("at_least", 83), ("at_least", 90), Direction.UP),
        (("exact", 40), ("exact", 31), Direction.DOWN),
        (("up_to", 50), ("up_to", 40), Direction.DOWN),
        (("about", 100), ("between", 95, 105), Direction.NARROWED),
        (("exact", 40), ("between", 30, 60), Direction.WIDENED),
        (("exact", 40), ("exact", 40), Direction.SAME),
        (("at_least", 40), ("exact", 60), Direction.NARROWED),
    ],
)
def test_direction_of_a_revision_follows_both_bounds(first, then, direction):
    a, b = _pair(first, then)
    assert direction_of(a, b) is direction


def test_the_first_figure_has_direction_first():
    a, _ = _pair(("exact", 1), ("exact", 2))
    assert direction_of(None, a) is Direction.FIRST
    assert Direction.SAME.label == "unchanged"


def test_a_claimant_with_three_figures_has_a_chain_of_three_linked_oldest_first():
    figs = [
        fig(30, "ministry", "killed", "exact", 9, at=at(5), group=CIV),
        fig(10, "ministry", "killed", "exact", 14, at=at(1), group=CIV),
        fig(20, "ministry", "killed", "exact", 26, at=at(3), group=CIV),
    ]
    (chain,) = revision_chains(figs).values()
    assert [e.figure.id for e in chain] == [10, 20, 30]
    assert [e.direction for e in chain] == [Direction.FIRST, Direction.UP, Direction.DOWN]
    assert [e.superseded_by for e in chain] == [20, 30, None]
    assert [e.supersedes for e in chain] == [None, 10, 20]


def test_figures_reported_at_the_same_instant_are_ordered_by_id():
    figs = [
        fig(8, "ministry", "killed", "exact", 26, at=at(1), group=CIV),
        fig(7, "ministry", "killed", "exact", 14, at=at(1), group=CIV),
    ]
    (chain,) = revision_chains(figs).values()
    assert [e.figure.id for e in chain] == [7, 8]


def test_different_metrics_and_claimants_make_separate_chains():
    figs = [
        fig(1, "ministry", "killed", "exact", 9, at=at(1), group=CIV),
        fig(2, "ministry", "injured", "exact", 30, at=at(1), group=CIV),
        fig(3, "harrow", "killed", "exact", 12, at=at(1), group=CIV),
    ]
    keys = list(revision_chains(figs))
    assert keys == [
        ChainKey("harrow", Metric.KILLED, CIV),
        ChainKey("ministry", Metric.KILLED, CIV),
        ChainKey("ministry", Metric.INJURED, CIV),
    ]


def test_civilians_and_soldiers_of_one_claimant_are_not_revisions_of_each_other():
    figs = [
        fig(1, "harrow", "killed", "exact", 40, at=at(1), group=CIV),
        fig(2, "harrow", "killed", "exact", 60, at=at(2), group="state_forces"),
    ]
    chains = revision_chains(figs)
    assert len(chains) == 2 and all(len(c) == 1 for c in chains.values())


def test_unspecified_victims_join_the_only_specific_group_of_the_metric():
    figs = [
        fig(1, "harrow", "killed", "exact", 40, at=at(1), group=CIV),
        fig(2, "harrow", "killed", "exact", 45, at=at(2), group="unspecified"),
        fig(3, "ministry", "killed", "exact", 20, at=at(2), group="unspecified"),
    ]
    assert comparable_group_map(figs) == {Metric.KILLED: CIV}
    chains = revision_chains(figs)
    assert [e.figure.id for e in chains[("harrow", Metric.KILLED, CIV)]] == [1, 2]
    killed = compare(figs).metric("killed")
    assert killed.victim_group is CIV and len(killed.current) == 2


def test_unspecified_victims_stay_apart_when_the_metric_has_several_specific_groups():
    figs = [
        fig(1, "harrow", "killed", "exact", 40, at=at(1), group=CIV),
        fig(2, "harrow", "killed", "exact", 60, at=at(1), group="state_forces"),
        fig(3, "ministry", "killed", "exact", 100, at=at(2), group="unspecified"),
    ]
    assert comparable_group_map(figs) == {Metric.KILLED: VictimGroup.UNSPECIFIED}
    result = compare(figs)
    assert [m.victim_group for m in result.metrics] == [
        CIV,
        VictimGroup.STATE_FORCES,
        VictimGroup.UNSPECIFIED,
    ]
    assert not any(m.conflicts for m in result.metrics)


def test_a_later_figure_only_counts_once_it_had_been_reported():
    figs = [
        fig(1, "harrow", "killed", "exact", 14, at=at(1), group=CIV),
        fig(2, "harrow", "killed", "exact", 26, at=at(5), group=CIV),
    ]
    (chain,) = revision_chains(figs, as_of=at(3)).values()
    assert [e.figure.id for e in chain] == [1] and chain[0].is_current
    (chain,) = revision_chains(figs, as_of=at(5)).values()  # reported exactly then: counts
    assert [e.figure.id for e in chain] == [1, 2]


def test_as_of_must_be_timezone_aware():
    with pytest.raises(ValueError, match="aware"):
        revision_chains([], as_of=at(1).replace(tzinfo=None))
