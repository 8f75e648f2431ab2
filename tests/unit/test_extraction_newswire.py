"""Newswire wordings for a figure that the rules did not read or read wrongly: the wounded who
died, people who "went missing", "the massacre of N", someone "in custody", "a ... who died",
and ranks before a name. All examples are invented."""

from __future__ import annotations

import pytest

from tests.unit.test_extraction_reading import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wounded who then died are dead, not wounded
        ("Two injured people died after reaching the clinic.", [("killed", 2)]),
        ("Three wounded soldiers later died.", [("killed", 3)]),
        ("Twelve injured people were taken to the clinic.", [("injured", 12)]),
        # "went missing" is missing, also after another metric in the sentence
        (
            "Besides the 9 killed, 13 villagers went missing, the mayor said.",
            [("killed", 9), ("missing", 13)],
        ),
        ("Four hikers have gone missing.", [("missing", 4)]),
        # the noun of a killing, abduction or disappearance before its count
        ("The massacre of 64 herders drew protests.", [("killed", 64)]),
        ("The murder of 5 reporters was condemned.", [("killed", 5)]),
        ("The disappearance of 9 students shocked the town.", [("missing", 9)]),
        # ... but never a year ("is" names no one)
        ("The massacre of 1994 is remembered every spring.", []),
        # in custody
        ("Eleven people were in police custody, officials said.", [("detained", 11)]),
        ("A 19-year-old shooter was in custody by nightfall.", [("detained", 1)]),
        # "a ... who died" counts the one who died
        ("A 41-year-old guard who died in the raid was named on Monday.", [("killed", 1)]),
    ],
)
def test_figures_in_newswire_wordings(text, expected):
    assert [(r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Lance Corporal Ivo Rask said four soldiers had been killed.", "Ivo Rask"),
        ("Corporal Ivo Rask said four soldiers had been killed.", "Ivo Rask"),
        ("Officer Ana Vell said two men were arrested.", "Ana Vell"),
        # a rank written out after a lower-case force
        ('"Nine people are dead," police Colonel Ana Vell told reporters.', "Ana Vell"),
        ("Two men were arrested, said army Captain Ana Vell.", "Ana Vell"),
        # a first name that is also a word of a rank stays a name
        ("Lance Tomba said two men were arrested.", "Lance Tomba"),
    ],
)
def test_ranks_are_no_part_of_the_name(text, claimant):
    assert {r[0] for r in readings(text)} == {claimant}


def test_reference_marks_of_an_encyclopedia_are_no_numbers_and_no_sentence_glue():
    text = (
        "The second attack followed at a lakeside camp.\n\n"
        "The gunman walked through the camp, killing 58[4][5] and injuring 30.[6] "
        "Police said 9 more were hurt[a]."
    )
    assert [r[:3] for r in readings(text)] == [
        (None, "killed", 58),
        (None, "injured", 30),
        ("Police", "injured", 9),
    ]
    # a bracket standing apart is the text's own
    assert readings("See note [3] below: 4 people died.") == [(None, "killed", 4, 4, "exact")]


@pytest.mark.parametrize(
    "text",
    [
        "The police updated these numbers overnight to 12 dead and 30 injured.",
        "The police revised their figures to 12 dead and 30 injured.",
    ],
)
def test_a_speaker_who_updates_the_numbers_gives_them(text):
    assert [r[:3] for r in readings(text)] == [
        ("police", "killed", 12),
        ("police", "injured", 30),
    ]


@pytest.mark.parametrize(
    "first",
    [
        "The first blast struck the capital at 15:25 (CEST).",  # a time zone
        "The camp was run by the ruling Kessan Labour Party (KLP).",  # a short form defined
    ],
)
def test_a_bracket_closing_a_sentence_is_a_source_only_when_it_names_one(first):
    text = f"{first}\n\nThe gunman killed 58 people at the camp."
    assert [r[:3] for r in readings(text)] == [(None, "killed", 58)]
    # the key-figures line of a situation report still names its source
    line = "Key figures\n\n- 118 civilians killed since 1 August (Dorran Health Directorate)"
    assert [r[:3] for r in readings(line)] == [("Dorran Health Directorate", "killed", 118)]


@pytest.mark.parametrize(
    "sentence",
    [
        "From March to June, our Mission recorded 1,200 civilian deaths.",
        "Our teams documented 1,200 killings in the district.",
    ],
)
def test_our_in_a_statement_is_its_issuer(sentence):
    text = f"The Kessan Monitoring Mission issued its report on Monday.\n\n{sentence}"
    assert [r[:3] for r in readings(text)] == [("Kessan Monitoring Mission", "killed", 1200)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause describes the victims; the verb after it says what they suffered
        ("Six people who had been abducted were killed by the gang.", [("killed", 6)]),
        ("Nine herders who were kidnapped last month were found dead.", [("killed", 9)]),
        ("Two guards who were wounded in the raid later died.", [("killed", 2)]),
        # ... and without a verb of harm after it, the clause is what they suffered
        ("Fifteen people who had been detained were freed.", [("detained", 15)]),
        ("Four people who were injured were taken to the clinic.", [("injured", 4)]),
    ],
)
def test_a_relative_clause_on_the_victims(text, expected):
    assert [(r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Data from the interior ministry show that 40 people died.", "interior ministry"),
        ("Figures from the health ministry indicate 40 people were killed.", "health ministry"),
        ("Statistics from the police show 40 people died.", "police"),
    ],
)
def test_data_from_a_body_are_its_figures(text, claimant):
    assert [r[0] for r in readings(text)] == [claimant]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # homicides and murders are counts of the dead; "violent" before "deaths"
        ("Officers registered 11 homicides over the holiday.", [("Officers", "killed", 11)]),
        ("There were 9 murders last weekend, police said.", [("police", "killed", 9)]),
        ("There were 87 violent deaths last weekend, police said.", [("police", "killed", 87)]),
        # "registered" is a verb of counting
        ("The agency has registered 300 deaths since June.", [("agency", "killed", 300)]),
        # "the fatalities consist of ..."
        (
            "The fatalities consist of 22 settlers and four herders, the governor said.",
            [("governor", "killed", 22), ("governor", "killed", 4)],
        ),
        # a bracketed aside on the victims
        (
            "The army said 33 villagers (mostly farmers) died in the raid.",
            [("army", "killed", 33)],
        ),
    ],
)
def test_counts_of_the_dead_in_crime_and_conflict_reports(text, expected):
    assert [r[:3] for r in readings(text)] == expected
