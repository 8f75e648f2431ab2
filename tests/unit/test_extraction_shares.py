"""Shares and breakdowns of a toll, and words a PDF broke across lines: "9 out of 70
passengers were killed" (9, not 70), "15 of the 40 wounded were children" (both), "Among them,
14 were children." after the sentence that gave the toll, and "in-" / "jured" on two lines.
All examples are invented."""

from __future__ import annotations

import pytest

from claims.extraction import ExtractedFigure, extract
from claims.extraction.text import clean
from tests.unit.test_extraction_reading import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the share is the figure; the group it is drawn from is no count of victims
        (
            "Police said 9 out of 70 passengers on the bus were killed.",
            [("Police", "killed", 9)],
        ),
        ("Three out of a total of 40 crew died, the navy said.", [("navy", "killed", 3)]),
        # a group that is itself a count of victims stays one
        (
            "Four out of the 12 injured are in critical condition, a doctor said.",
            [("a doctor", "injured", 4), ("a doctor", "injured", 12)],
        ),
        (
            "The health office said that 15 of the 40 wounded were children.",
            [("health office", "injured", 15), ("health office", "injured", 40)],
        ),
        (
            "Five of the 12 people killed were children, officials said.",
            [("officials", "killed", 5), ("officials", "killed", 12)],
        ),
        ("Police arrested 5 of the 12 suspects.", [(None, "detained", 5)]),
        # a relative clause after the group: the group's count is read, and what the share
        # went through is too far to read
        (
            "Three of the nine guards who were taken hostage later escaped.",
            [(None, "abducted", 9)],
        ),
    ],
)
def test_a_share_of_a_group(text, expected):
    assert [r[:3] for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attack killed 23 people, police said. Among them, 14 were children.",
            [("police", "killed", 23), ("police", "killed", 14)],
        ),
        (
            "The ministry said 40 people were wounded. Of those, nine were women.",
            [("ministry", "injured", 40), ("ministry", "injured", 9)],
        ),
        (
            "Gunmen abducted 30 students on Monday, officials said. Among them were two teachers.",
            [("officials", "abducted", 30), ("officials", "abducted", 2)],
        ),
        # "Of those killed": the sentence names its own group
        (
            "The army said it killed 40 militants. Of those killed, 12 were commanders.",
            [("army", "killed", 40), ("army", "killed", 12)],
        ),
    ],
)
def test_a_breakdown_of_the_figure_before(text, expected):
    assert [r[:3] for r in readings(text)] == expected


def test_a_breakdown_needs_a_figure_just_before():
    # the sentence before gave no figure: "them" counts nothing the text measured
    text = "Rescuers reached the village on Monday. Among them, 14 were volunteers."
    assert readings(text) == []


def test_a_word_broken_across_two_lines_is_read_whole_and_its_span_is_the_original():
    text = "Morning update.\n\nThe attack left 31 in-\njured, the army said.\n"
    (claim,) = [c for c in extract(text) if isinstance(c, ExtractedFigure)]
    assert (claim.claimant, claim.metric, claim.low) == ("army", "injured", 31)
    assert claim.evidence == "The attack left 31 injured, the army said."
    assert text[claim.span[0] : claim.span[1]] == "The attack left 31 in-\njured, the army said."


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed -\nofficials said nothing more.",  # a dash after a space is no break
        "Fighters of al-\nQaida were named.",  # a capital after the hyphen keeps it
    ],
)
def test_only_a_lower_case_word_broken_by_a_hyphen_is_joined(text):
    assert clean(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age modifies the victims ...
        ("Two 16-year-old pupils were wounded.", [("injured", 2, "16-year-old pupils")]),
        (
            "Four men and a 15-year-old girl were hurt.",
            [("injured", 4, "men"), ("injured", 1, "15-year-old girl")],
        ),
        # ... and, after "a", names one person
        (
            "A 7-year-old and a 15-year-old were hurt.",
            [("injured", 1, "7-year-old"), ("injured", 1, "15-year-old")],
        ),
        # an age is never the count itself
        ("A 34-year-old gunman opened fire.", []),
    ],
)
def test_ages(text, expected):
    found = [(c.metric, c.low, c.victims) for c in extract(text) if isinstance(c, ExtractedFigure)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gunmen shot and killed the two drivers.", [("killed", 2)]),
        ("Raiders abducted the remaining four herders.", [("abducted", 4)]),
        ("Rebels wounded the other three porters.", [("injured", 3)]),
    ],
)
def test_the_article_between_a_verb_and_its_count(text, expected):
    assert [(r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count closing its clause on a colon, then the persons it counts one by one
        (
            "Two people were hurt: a guard who was treated at the scene, and a 58-year-old "
            "driver who remains in hospital, the police said.",
            [
                ("injured", 2, "people"),
                ("injured", 1, "guard"),
                ("injured", 1, "58-year-old driver"),
            ],
        ),
        (
            "Three villagers died: a farmer, a teacher and a nurse.",
            [("killed", 3, "villagers")]
            + [("killed", 1, w) for w in ("farmer", "teacher", "nurse")],
        ),
        # one person named, more than counted, or one this does not read: no breakdown
        ("Two villagers died: a farmer.", [("killed", 2, "villagers")]),
        ("Two villagers died: a farmer, a teacher and a nurse.", [("killed", 2, "villagers")]),
        ("Three villagers died: a miller, a teacher and a nurse.", [("killed", 3, "villagers")]),
    ],
)
def test_persons_named_one_by_one_after_a_colon(text, expected):
    found = [(c.metric, c.low, c.victims) for c in extract(text) if isinstance(c, ExtractedFigure)]
    assert found == expected
