"""Unit tests of the readings added for the second blind set: lists of victims, flattened
tables, subsets of the wounded, people trapped or in critical condition, a document's issuer,
background events. The fixture articles test them together with everything else."""

from __future__ import annotations

import pytest

from claims.extraction import ExtractedFigure, extract, extractor
from claims.extraction.enumerations import find_enumerations
from claims.extraction.tables import table_header, table_row


@pytest.fixture(autouse=True)
def strict(monkeypatch):
    """Internal errors fail the test instead of silently losing a sentence's claims."""
    monkeypatch.setattr(extractor, "STRICT", True)


def readings(text: str) -> list[tuple]:
    return [
        (c.claimant, c.metric, c.low, c.high, c.qualifier)
        for c in extract(text)
        if isinstance(c, ExtractedFigure)
    ]


@pytest.mark.parametrize(
    ("sentence", "counts", "metric"),
    [
        ("Two women and a child were killed in the strike.", [2, 1], "killed"),
        ("The bomb killed a police officer and two civilians.", [1, 2], "killed"),
        ("She said two men and a woman had been pronounced dead.", [2, 1], "killed"),
        ("Gunmen abducted a teacher, two pupils and a driver.", [1, 2, 1], "abducted"),
    ],
)
def test_a_breakdown_with_one_group_in_the_singular_gives_each_group(sentence, counts, metric):
    """EXTRACTION.md: a breakdown gives each figure with its own victim group."""
    found = find_enumerations(sentence)
    assert [(f[3], f[6]) for f in found] == [(metric, n) for n in counts]


@pytest.mark.parametrize(
    "sentence",
    ["A woman and her child were killed.", "A farmer and his son were wounded by shrapnel."],
)
def test_persons_named_one_by_one_are_one_count(sentence):
    (found,) = find_enumerations(sentence)
    assert found[6] == 2


def test_a_list_of_plain_counts_keeps_each_count_with_its_victims():
    assert find_enumerations("The strike killed 19 patients and 11 staff.") == []
    assert [r[2] for r in readings("The strike killed 19 patients and 11 staff, police said.")] == [
        19,
        11,
    ]


def test_a_flattened_table_gives_one_figure_per_cell_to_the_speaker_before_it():
    text = (
        "The Kestrel Monitor said at least 20 people were killed.\n\n"
        "District | Killed | Injured\nKovra town | 14 | 37\nUpper Kovra | 6 | 12\n\n"
        "The monitor said the figures could rise."
    )
    got = readings(text)
    assert ("Kestrel Monitor", "killed", 14, 14, "exact") in got
    assert ("Kestrel Monitor", "injured", 12, 12, "exact") in got
    assert len(got) == 5


@pytest.mark.parametrize(
    "line",
    ["Region Killed Injured", "District | Dead | Wounded | Missing", "Province Arrests"],
)
def test_table_headers_are_label_words_then_metric_columns(line):
    assert table_header(line)


@pytest.mark.parametrize(
    "line",
    [
        "Killed Injured",
        "Dozens of people were killed",
        "Residents said they were wounded",
        "Dozens more are wounded",
    ],
)
def test_prose_and_bare_metric_lines_are_no_table_header(line):
    assert table_header(line) is None


def test_a_table_row_needs_one_number_per_column():
    assert [c.value for c in table_row("Nordmark 24 71", ["killed", "injured"])] == [24, 71]
    assert table_row("Nordmark 24", ["killed", "injured"]) is None
    assert table_row("Nordmark has 24 polling stations and 71 observers", ["killed"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hospital said 40 people were wounded. Twelve of them are in critical condition.",
            ("hospital", "injured", 12, 12, "exact"),
        ),
        (
            "Police said 52 people were hurt, and that 26 of the wounded had been flown out.",
            ("Police", "injured", 26, 26, "exact"),
        ),
        (
            "The agency said five of the wounded died in hospital.",
            ("agency", "killed", 5, 5, "exact"),
        ),
        (
            "Rescuers said at least 45 people were still trapped under the rubble.",
            ("Rescuers", "missing", 45, None, "at_least"),
        ),
        (
            "The committee said the real toll could be closer to 90.",
            ("committee", "killed", 81, 99, "about"),
        ),
        (
            'The lawmaker said "nothing less than 50" people were murdered.',
            ("lawmaker", "killed", 50, None, "at_least"),
        ),
        (
            "Residents said they had counted 64 fresh graves.",
            ("Residents", "killed", 64, 64, "exact"),
        ),
    ],
)
def test_subsets_condition_whereabouts_and_looser_qualifiers(text, expected):
    assert expected in readings(text)


def test_a_mass_grave_is_no_count_of_the_dead():
    assert readings("Investigators said they had found three mass graves.") == []


def test_a_year_before_a_metric_verb_is_no_figure():
    got = readings("It was the worst attack since a bombing in 2021 killed 57 worshippers.")
    assert got == [(None, "killed", 57, 57, "exact")]


def test_a_background_event_is_not_the_last_speakers_claim():
    text = (
        "Police said 12 inmates were killed.\n\n"
        "The riot was the deadliest since 2019, when 56 inmates died in a fire."
    )
    assert readings(text) == [
        ("Police", "killed", 12, 12, "exact"),
        (None, "killed", 56, 56, "exact"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Press release \u2014 Kestrel Aid International",
        "Statement from Kestrel Aid International, Marvi",
        "STATEMENT BY KESTREL AID INTERNATIONAL",
    ],
)
def test_a_document_title_names_the_issuer_of_its_figures(title):
    text = f"{title}\n\nOur teams treated 68 wounded patients. Four more bodies were found."
    got = readings(text)
    assert [r[0] for r in got] == ["Kestrel Aid International"] * 2
    assert [r[2] for r in got] == [68, 4]


def test_the_city_possessive_is_no_part_of_the_claimants_name():
    assert readings("At least 19 people were killed, the city's health directorate said.") == [
        ("health directorate", "killed", 19, None, "at_least")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said 11 people were wounded, among them a nurse.",
            ("Police", "injured", 1, 1, "exact"),
        ),
        (
            "Villagers who spoke to this newspaper said the death toll was at least eight.",
            ("Villagers who spoke to this newspaper", "killed", 8, None, "at_least"),
        ),
        (
            "Initial reports by the national news agency had put the number of dead at 48.",
            ("national news agency", "killed", 48, 48, "exact"),
        ),
        (
            "The attack killed 63 people, according to the official inquiry published in 2016.",
            ("official inquiry", "killed", 63, 63, "exact"),
        ),
        (
            "A strike hit a clinic run by Doctors Without Borders (MSF), killing at least six "
            "patients, the organisation said.",
            ("Doctors Without Borders", "killed", 6, None, "at_least"),
        ),
    ],
)
def test_speakers_named_with_clauses_acronyms_and_nouns_that_look_like_verbs(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hospital said it had received a total of 37 patients.",
            ("hospital", "injured", 37, 37, "exact"),
        ),
        (
            "The union said three of the victims were its members.",
            ("union", "killed", 3, 3, "exact"),
        ),
        (
            "The same report listed 85 people as missing.",
            (None, "missing", 85, 85, "exact"),
        ),
        (
            "The emergencies ministry gave a higher toll. A ministry official said 13 bodies "
            "were found. The official, who was not authorised to speak, said four miners were "
            "in a critical condition.",
            ("emergencies ministry", "injured", 4, 4, "exact"),
        ),
    ],
)
def test_patients_brought_in_victims_listed_and_the_same_official_again(text, expected):
    assert expected in readings(text)


def test_patients_evacuated_are_no_injured_figure():
    assert readings("The hospital said it had evacuated 300 patients.") == []


def test_a_similar_earlier_attack_is_the_narratives_not_the_last_speakers():
    text = "The army said nine soldiers were killed. A similar bombing killed 33 people in 2019."
    assert readings(text)[-1] == (None, "killed", 33, 33, "exact")


def test_the_spelled_out_gate_phrases_are_the_listed_ones():
    from claims.extraction.lexicon import GATE_PHRASES, gate_phrases, metric_gate

    for phrase in GATE_PHRASES:
        assert gate_phrases(f"they were {phrase} today")
        assert metric_gate(f"they were {phrase} today")
    assert not gate_phrases("the hospital has 120 beds")


def test_a_second_count_after_and_takes_the_kind_of_the_first():
    """The elided second half of a breakdown by place or day is a figure of the same kind;
    a count after another verb is not."""
    assert readings("Nine were killed in the north and 14 in the south, the ministry said.") == [
        ("ministry", "killed", 9, 9, "exact"),
        ("ministry", "killed", 14, 14, "exact"),
    ]
    assert readings("The army killed 12 rebels on Monday and seized 40 in Kayo.") == [
        (None, "killed", 12, 12, "exact")
    ]


def test_a_document_speaks_for_the_body_that_issued_it():
    text = (
        "The Health Ministry said the strikes began at dawn.\n\n"
        "A ministry statement said 12 people were killed. More than 400 people were displaced, "
        "according to the bulletin."
    )
    assert [r[0] for r in readings(text)] == ["Health Ministry", "Health Ministry"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a short form in brackets inside the name
        ("Talks met.\n\nThe Joint Relief Agency (JRA) Field Office said 12 were killed.",
         "Joint Relief Agency Field Office"),
        # a surname with a particle, named in full before
        ("Five were killed, according to Ali al-Harbi, the governor. At least 10 others were "
         "wounded, al-Harbi said.", "Ali al-Harbi"),
        # "the government" is not the government official named before
        ("A Tavan government official said talks stalled.\n\nMore than 85 civilians have been "
         "killed, according to the government.", "government"),
        # claiming an attack is not giving its toll
        ("Talks met.\n\nA rebel front said it carried out the truck bombing, claiming "
         "responsibility for the blast, which killed at least nine people.", None),
    ],
)  # fmt: skip
def test_who_gives_the_last_figure(text, claimant):
    assert readings(text)[-1][0] == claimant


def test_captured_people_are_detained():
    assert readings("Security units captured three suspects, the army said.") == [
        ("army", "detained", 3, 3, "exact")
    ]


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Militants killed one ranger on Monday.", ("killed", 1)),
        ("One ranger died in the attack.", ("killed", 1)),
        ("The strike claimed six lives.", ("killed", 6)),
        ("The fighting has cost more than 2,400 lives.", ("killed", 2401)),
        ("The fighting forced half a million people to flee.", ("displaced", 500000)),
        ("The floods of shelling caused the displacement of 31,000 people.", ("displaced", 31000)),
        ("Troops recovered the corpses of three comrades.", ("killed", 3)),
    ],
)
def test_more_ways_reports_give_a_figure(sentence, reading):
    assert [(r[1], r[2]) for r in readings(sentence)] == [reading]


@pytest.mark.parametrize(
    "sentence", ["Doctors saved 300 lives.", "The group held talks with 12 elders."]
)
def test_lives_saved_and_talks_held_are_no_figures(sentence):
    assert readings(sentence) == []


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Talks met.\n\nSeven people were killed, said Superintendent of Police Ravi Chandran.",
         "Ravi Chandran"),
        ("Talks met.\n\nThree people were killed, said resident Jean Kamara.", "Jean Kamara"),
        ('Talks met.\n\n"We buried eleven men," confirmed a village elder.',
         "a village elder"),
    ],
)  # fmt: skip
def test_a_speaker_named_with_a_title_or_after_the_quote(text, claimant):
    assert readings(text)[-1][0] == claimant


def test_a_section_label_ends_the_last_speakers_account():
    """Lines under "Key points" are the outlet's summary, not the officials' words."""
    text = (
        "Blasts hit Korvan\n\nTen people were killed in the strike, regional officials said.\n\n"
        "Key points\n- Dozens injured in the blast\n- Strike kills over 50 in village"
    )
    assert [r[0] for r in readings(text)] == ["regional officials", None, None]


def test_a_speaker_named_after_a_quote_gives_the_figures_inside_it():
    text = (
        "Clashes erupted.\n\nPolice said 12 protesters were arrested.\n\n"
        '"Four people died of their wounds overnight. Another twenty are being treated for '
        'burns." The hospital said.'
    )
    assert [r[0] for r in readings(text)] == ["Police", "hospital", "hospital"]


def test_a_count_of_more_after_a_second_verb():
    assert readings("The shelling killed three farmers and injured nine more.") == [
        (None, "killed", 3, 3, "exact"),
        (None, "injured", 9, 9, "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police: 9 dead and 30 injured in depot blast\n\nA fuel tank exploded.",
         [("Police", "killed", 9), ("Police", "injured", 30)]),
        ("Clashes erupted.\n\nMonitor: 17 fighters killed in raid.",
         [("Monitor", "killed", 17)]),
        ("Clashes erupted.\n\nBackground: The conflict has killed 400 people.",
         [(None, "killed", 400)]),
        ("Clashes erupted.\n\nThere were 45 additional arrests, bringing the number to 610.",
         [(None, "detained", 45), (None, "detained", 610)]),
        ("Clashes erupted.\n\nThe death toll breached 300 on Friday.",
         [(None, "killed", 301)]),
        ("Clashes erupted.\n\nOver 8,000 displaced people are sleeping in schools.",
         [(None, "displaced", 8001)]),
        ("Clashes erupted.\n\nFatalities: 63 (including the two gunmen)",
         [(None, "killed", 63)]),
        ("Clashes erupted.\n\nThe ministry lowered the toll from 70 to 33 and raised the "
         "number of wounded from 30 to 51.",
         [("ministry", "killed", 70), ("ministry", "killed", 33), ("ministry", "injured", 30),
          ("ministry", "injured", 51)]),
    ],
)  # fmt: skip
def test_labels_running_totals_and_adjectives(text, expected):
    assert [(r[0], r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Talks met.\n\nAt least 26 people died, according to two news agencies citing the "
        "country's Interior Ministry.",
        "Talks met.\n\nAt least 26 people died, state radio reported, citing the Interior "
        "Ministry.",
    ],
)
def test_an_outlet_citing_a_source_carries_that_sources_figure(text):
    assert readings(text)[0][0] == "Interior Ministry"
