"""Who speaks, in constructions real copy uses and the earlier fixtures did not: a comma left
out after a role, passive quoting, a source named in the next sentence, counts before unnamed
speakers, acronyms never spelled out, information officers, a name inside a longer name, and
"the official" for the person last named with an office. All examples are invented."""

from __future__ import annotations

import pytest

from claims.extraction import ExtractedFigure, extract
from tests.unit.test_extraction_reading import readings


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the comma after the role is missing: the name before it speaks
        ('"The convoy was ambushed. Nine soldiers died," Tomas Vell, the deputy prefect of '
         "the Arno district announced on radio.", "Tomas Vell"),
        ("Eight people were buried on Monday, said Rina Maro the head of a local aid group.",
         "Rina Maro"),
        # ... but a date or place before the comma is nobody
        ("On Monday, the governor said five people died.", "governor"),
        # passive quoting after the quote
        ('"So far, 11 people have lost their lives," rescue agency spokesperson Imran Dulal '
         "was quoted as saying.", "rescue agency"),
        # the source named in the next sentence
        ("Twelve people died in the floods in the east. This was said yesterday by Omar "
         "Bekele, the regional health minister.", "Omar Bekele"),
        # a count or quantity before an unnamed speaker names no one
        ("Two local officials said about 40 people died.", "local officials"),
        ("Some news outlets say that 97 people have been killed.", "news outlets"),
        # an abbreviated title or a local word for the rank, before the name
        ("Upper Lora Gov. Rita Lanes said 13 people died.", "Rita Lanes"),
        ("District police super Abdul Karim said 14 bodies were recovered.", "Abdul Karim"),
        # an inverted speaker with a role that has no article
        ("A roadside bomb killed three people, said Dan Ali, spokesman for the provincial "
         "governor.", "provincial governor"),
        # a described acronym
        ("The UN refugee agency UNHCR said the floods killed 12 people.", "UNHCR"),
    ],
)  # fmt: skip
def test_who_gives_the_last_figure(text, claimant):
    assert readings(text)[-1][0] == claimant


def test_an_information_officer_speaks_for_the_society_named_in_full():
    text = (
        "The Lakeview Red Cross said five people died.\n\n"
        "Mara Ot, an information officer with the Lakeview Red Cross Society, told reporters "
        "six people were dead."
    )
    assert [r[0] for r in readings(text)] == [
        "Lakeview Red Cross Society",
        "Lakeview Red Cross Society",
    ]


def test_an_acronym_never_spelled_out_is_the_body_named_earlier():
    text = (
        "The Lowland Conflict Monitor, a research group, also said the rebels were suspected. "
        "The LCM says the rebels killed more than 900 civilians since 2019."
    )
    assert readings(text) == [("Lowland Conflict Monitor", "killed", 901, None, "more_than")]


def test_the_official_is_the_person_last_named_with_an_office():
    text = (
        "Gunmen killed 23 people, Dak Mol, commissioner for the nearby town, said yesterday.\n\n"
        "The victims were herders, the official said. Another 17 people were wounded, he said."
    )
    assert [r[0] for r in readings(text)] == ["Dak Mol", "Dak Mol"]
    # an unnamed official spoken of after the person keeps the phrase its own
    text = (
        "Gunmen killed 23 people, Dak Mol, commissioner for the town, said.\n\n"
        "A local official said the raiders came at night. Four more died, the official said."
    )
    assert [r[0] for r in readings(text)] == ["Dak Mol", "A local official"]


def test_a_quotes_speaker_named_after_it_gives_every_figure_inside_it():
    text = (
        '"Rescue teams have counted 40 bodies at the hospital. Of the victims, 12 were '
        'children," regional police chief Anil Verma said by telephone.'
    )
    got = [(c.claimant, c.low, c.cited) for c in extract(text) if isinstance(c, ExtractedFigure)]
    assert got == [("Anil Verma", 40, "Rescue teams"), ("Anil Verma", 12, "Rescue teams")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forty people died. Of the victims, 12 were children and nine were women.",
         [("killed", 40), ("killed", 12), ("killed", 9)]),
        ("Of the wounded, 14 are in hospital in the capital.", [("injured", 14)]),
        # the group opens the sentence: a count elsewhere is not its subset
        ("Of the dead, most were farmers, and 30 houses burned.", []),
    ],
)  # fmt: skip
def test_counts_after_the_group_a_sentence_opens_on_are_its_subsets(text, expected):
    assert [(r[1], r[2]) for r in readings(text)] == expected


def test_a_long_title_before_the_name_and_upto_written_as_one_word():
    text = (
        '"We counted 50 bodies, and upto 15 were women," Regional Additional Director General '
        "of Police Anil Verma said."
    )
    assert readings(text) == [
        ("Anil Verma", "killed", 50, 50, "exact"),
        ("Anil Verma", "killed", 0, 15, "up_to"),
    ]


def test_the_official_is_also_an_officer_in_charge_named_after_an_unnamed_one():
    text = (
        "Some 69 bodies were recovered, an official said. Raj Kumar Das, officer-in-charge of "
        "the river police station, told reporters the search went on. According to the "
        "official, the toll rose to 69."
    )
    assert [r[0] for r in readings(text)] == ["an official", "Raj Kumar Das"]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # the accuser gives the figure; "were accused of" names no accuser
        ("The army accused rebels of killing 15 civilians, a claim the rebels deny.", ["army"]),
        ("Talks met.\n\nThe rebels were accused of killing five people.", [None]),
        # a statement, with the words that say when it came out
        ("A junta statement said 15 civilians were killed. Another seven people were "
         "wounded, said the statement released late Wednesday.", ["junta", "junta"]),
        # "but" starts another statement, even without a comma
        ("A militia leader said six people had died but a survivor said up to 19 were killed.",
         ["A militia leader", "a survivor"]),
        # a description of the organisation just named, and a foreign name with a short form
        ('Nine people were killed, Medicos Unidos Sin Fronteras (MUSF) said. "We have seen 12 '
         'wounded," said Ann Lo, a spokeswoman for the medical charity.',
         ["Medicos Unidos Sin Fronteras", "Medicos Unidos Sin Fronteras"]),
    ],
)  # fmt: skip
def test_who_gives_each_figure(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


def test_a_new_paragraph_keeps_the_last_speaker_only_while_it_goes_on_with_the_report():
    text = (
        "The Lakeview Red Cross said 11 people were killed in the landslide.\n\n"
        "Among the dead were four children.\n\n"
        '"Five more are in hospital," said Mara Ot, its spokeswoman.\n\n'
        '"Two of them are in intensive care."\n\n'
        "Rescue workers were still searching for six people believed trapped."
    )
    assert [(r[0], r[2]) for r in readings(text)] == [
        ("Lakeview Red Cross", 11),
        ("Lakeview Red Cross", 4),
        ("Lakeview Red Cross", 5),
        ("Lakeview Red Cross", 2),
        (None, 6),
    ]


def test_a_headlines_speaker_carries_into_the_lede():
    text = (
        "Landslide kills 11, Red Cross says\n\n"
        "LAKEVIEW, May 2 - A landslide buried a village on Monday, killing at least 11 people."
    )
    assert [r[0] for r in readings(text)] == ["Red Cross", "Red Cross"]


def test_a_paragraph_closed_by_he_said_is_that_persons_statement():
    text = (
        "The first bomb exploded at a market around 7 a.m., police Capt. Ana Ruiz said.\n\n"
        "A man was killed and seven people were wounded. All the victims were farmers, she "
        "said.\n\n"
        "A second bomb wounded four soldiers on Friday."
    )
    assert [(r[0], r[2]) for r in readings(text)] == [
        ("Ana Ruiz", 1),
        ("Ana Ruiz", 7),
        (None, 4),
    ]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # an inverted speaker after a missing comma, closed by a description
        ("Two more bodies were recovered this morning said Hisar Tan, a spokesman for the "
         "rescue agency.", ["rescue agency"]),
        ("The local military command has released a list of the names of 166 missing people.",
         ["local military command"]),
    ],
)  # fmt: skip
def test_who_gives_these_figures(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Six people died," Major Ali Osman, a police officer from Kessa said.',
         [("Ali Osman", "killed", 6)]),
        ("At least three people were Sunday killed in the blast.", [(None, "killed", 3)]),
        ("Some 166 people involved in the riots have been arrested, police said.",
         [("police", "detained", 149)]),  # "some": about, 149-183
        ("As many as 273 people were injured, with 177 of them discharged from hospitals and "
         "the remaining 85 still undergoing treatment.",
         [(None, "injured", 0), (None, "injured", 177), (None, "injured", 85)]),
        ("As per official data from the Lora state government, the death toll rose to 210.",
         [("Lora state government", "killed", 210)]),
    ],
)  # fmt: skip
def test_more_wordings_of_real_copy(text, expected):
    assert [(r[0], r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # an organisation's short form and the place it stands in are no part of its name
        ('"The toll has now reached 87," Ali Asim, a spokesperson at the Lady Ruth Hospital '
         "(LRH) in Kessa, told reporters.", ["Lady Ruth Hospital"]),
        # claiming an attack is no count; a head of state before the name
        ("The Kessa Front claimed to have carried out a suicide attack that killed at least 33 "
         "people, Kessan President Ana Ruiz said.", ["Ana Ruiz"]),
    ],
)  # fmt: skip
def test_whose_names_these_are(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        ("Deputy military spokesman Kella Kueth said some 500 people remained missing.",
         ["military"]),
        ("The boat capsized, with emergency services confirming a death toll of 76.",
         ["emergency services"]),
        ("County Commissioner Goi Jol issued a statement on Monday. His statement also said "
         "hundreds of families were still missing.", ["Goi Jol"]),
    ],
)  # fmt: skip
def test_speakers_of_statements_and_with_clauses(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # an unnamed speaker is not known by the named place it stands in; a ministry is
        ("Local authorities in Beni put the toll at about 150.", ["Local authorities"]),
        ("The defence ministry in Vell said up to four died.", ["defence ministry in Vell"]),
        # a description before an organisation's or an outlet's name
        ("The rights group Civic Shield said four people died.", ["Civic Shield"]),
        ("The independent news outlet Carta Nova said two people were killed.", ["Carta Nova"]),
        # an office of a named body before a name is no part of the name
        ("An unidentified official of the Kessa Municipal Corporation said three bodies were "
         "recovered.", ["An unidentified official of the Kessa Municipal Corporation"]),
    ],
)  # fmt: skip
def test_names_without_places_and_descriptions(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # a wire service reporting on its own is the source of the figure
        ("Twelve people died in the landslide, Agence France-Presse reported.",
         ["Agence France-Presse"]),
        # ... and gives way to the one it relays
        ("AFP reported that the ministry said five people died.", ["ministry"]),
    ],
)  # fmt: skip
def test_wire_services(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 70,000 internally displaced people arrived in the town.",
         [("displaced", 63000)]),
        ("Kessa Floods Kill 23, Displace 80,000", [("killed", 23), ("displaced", 80000)]),
    ],
)  # fmt: skip
def test_displacement_wordings(text, expected):
    assert [(r[1], r[2]) for r in readings(text)] == expected
