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
        ("Nine herders drowned in the river crossing. This was said yesterday by Omar "
         "Bekele, the regional health minister.", "Omar Bekele"),
        # a count or quantity before an unnamed speaker names no one
        ("Two local officials said about 40 people died.", "local officials"),
        ("Several news sites report that 58 miners have died.", "news sites"),
        # an abbreviated title or a local word for the rank, before the name
        ("Upper Lora Gov. Rita Lanes said 13 people died.", "Rita Lanes"),
        ("District police super Abdul Karim said 14 bodies were recovered.", "Abdul Karim"),
        # an inverted speaker with a role that has no article
        ("Four traders died when their lorry hit a mine, said Dan Ali, spokesman for the "
         "provincial governor.", "provincial governor"),
        # a described acronym
        ("The UN health agency WHO said the cholera outbreak had killed 31 children.", "WHO"),
    ],
)  # fmt: skip
def test_who_gives_the_last_figure(text, claimant):
    assert readings(text)[-1][0] == claimant


def test_an_information_officer_speaks_for_the_society_named_in_full():
    text = (
        "The Lakeview Red Cross said five people died.\n\n"
        "Mara Ot, a communications officer at the Lakeview Red Cross Society, told reporters "
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
        "Raiders shot dead 23 herders, Piet Oduya, the district commissioner, said on Sunday.\n\n"
        "Their cattle were driven off, the official said. Another 17 people were wounded, he said."
    )
    assert [r[0] for r in readings(text)] == ["Piet Oduya", "Piet Oduya"]
    # an unnamed official spoken of after the person keeps the phrase its own
    text = (
        "Raiders shot dead 23 herders, Piet Oduya, the district commissioner, said.\n\n"
        "A village official said the raiders came at night. Four more died, the official said."
    )
    assert [r[0] for r in readings(text)] == ["Piet Oduya", "A village official"]


def test_a_quotes_speaker_named_after_it_gives_every_figure_inside_it():
    text = (
        '"Army medics have tallied 40 dead in the camp. Of the victims, 12 were '
        'teenagers," district police chief Anil Verma said by phone.'
    )
    got = [(c.claimant, c.low, c.cited) for c in extract(text) if isinstance(c, ExtractedFigure)]
    assert got == [("Anil Verma", 40, "Army medics"), ("Anil Verma", 12, "Army medics")]


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
        "Some 44 bodies were found, an official said. Raj Kumar Das, officer-in-charge of "
        "the lakeside police post, told reporters the search went on. According to the "
        "official, the toll rose to 44."
    )
    assert [r[0] for r in readings(text)] == ["an official", "Raj Kumar Das"]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # the accuser gives the figure; "were accused of" names no accuser
        ("The army accused rebels of killing 15 civilians, a claim the rebels deny.", ["army"]),
        ("Talks met.\n\nThe rebels were accused of killing five people.", [None]),
        # a statement, with the words that say when it came out
        ("A junta bulletin said 22 villagers died in the shelling. Another nine were hurt, "
         "said the bulletin issued on Friday night.", ["junta", "junta"]),
        # "but" starts another statement, even without a comma
        ("A village elder said four fishermen had drowned but a survivor said as many as 11 "
         "had died.",
         ["A village elder", "a survivor"]),
        # a description of the organisation just named, and a foreign name with a short form
        ('Nine people were killed, Medicos Unidos Sin Fronteras (MUSF) said. "We have treated 12 '
         'wounded," said Ann Lo, a spokeswoman for the charity.',
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
        "The device went off beside a bus stop at dusk, police Capt. Ana Ruiz said.\n\n"
        "A woman was killed and seven commuters were hurt. Most had been waiting for the last "
        "bus, she said.\n\n"
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
        ("Three more bodies were found at dawn said Pia Lund, a spokeswoman for the "
         "coastguard.", ["coastguard"]),
        ("The navy command has published a list of the names of 52 missing sailors.",
         ["navy command"]),
        ("The port office has released a list of 17 missing crew.", ["port office"]),
    ],
)  # fmt: skip
def test_who_gives_these_figures(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Six people died," Major Ali Osman, a police officer from Kessa said.',
         [("Ali Osman", "killed", 6)]),
        ("Eleven miners were Friday killed by a rockfall.", [(None, "killed", 11)]),
        ("Some 48 men caught in the raid have been detained, police said.",
         [("police", "detained", 43)]),  # "some": about, 43-53
        ("As many as 90 workers were injured, with 60 of them discharged from hospitals and "
         "another 14 still undergoing treatment.",
         [(None, "injured", 0), (None, "injured", 60), (None, "injured", 14)]),
        ("As per figures from the Lora district office, the death toll rose to 37.",
         [("Lora district office", "killed", 37)]),
    ],
)  # fmt: skip
def test_more_wordings_of_real_copy(text, expected):
    assert [(r[0], r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # an organisation's short form and the place it stands in are no part of its name
        ('"We have 26 dead now," Ali Asim, a spokesperson at the Saint Ruth Hospital (SRH) in '
         "Kessa, told reporters.", ["Saint Ruth Hospital"]),
        # claiming an attack is no count; a head of state before the name
        ("The Kessa Front claimed to have staged the ambush that killed at least 14 guards, "
         "Kessan President Ana Ruiz said.", ["Ana Ruiz"]),
    ],
)  # fmt: skip
def test_whose_names_these_are(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        ("Deputy navy spokesman Tor Haug said about 60 crew were unaccounted for.",
         ["navy"]),
        ("The ferry sank, with the port authority confirming a toll of 31.",
         ["port authority"]),
        ("Mayor Lena Brink issued a statement on Monday. Her statement also said "
         "dozens of tenants were still missing.", ["Lena Brink"]),
    ],
)  # fmt: skip
def test_speakers_of_statements_and_with_clauses(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # an unnamed speaker is not known by the named place it stands in; a ministry is
        ("Local authorities in Vell put the toll at about 40.", ["Local authorities"]),
        ("The defence ministry in Vell said up to four died.", ["defence ministry in Vell"]),
        # a description before an organisation's or an outlet's name
        ("The rights group Civic Shield said four people died.", ["Civic Shield"]),
        ("The independent news outlet Carta Nova said two people were killed.", ["Carta Nova"]),
        # an office of a named body before a name is no part of the name
        ("A junior official of the Kessa Water Corporation said two bodies were found.",
         ["A junior official of the Kessa Water Corporation"]),
    ],
)  # fmt: skip
def test_names_without_places_and_descriptions(text, claimants):
    assert [r[0] for r in readings(text)] == claimants


@pytest.mark.parametrize(
    ("text", "claimants"),
    [
        # a wire service reporting on its own is the source of the figure
        ("Nine climbers died in the avalanche, Agence France-Presse reported.",
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
        ("Some 5,000 internally displaced people reached the coast.",
         [("displaced", 4500)]),
        ("Storm Kills 9, Displaces 4,000", [("killed", 9), ("displaced", 4000)]),
    ],
)  # fmt: skip
def test_displacement_wordings(text, expected):
    assert [(r[1], r[2]) for r in readings(text)] == expected
