"""Speakers and figures as real copy writes them and the earlier rules missed: a role, then
the name that closes an inverted attribution; two people who share a surname; "according to
X" after a comma with only a clause after it; a statement that "continued" a quote;
"mentioned" and "spoke of"; where a named person works; a wire dateline with a double hyphen;
hospital intake, present-tense flight, "feared buried". All examples are invented."""

from __future__ import annotations

import pytest

from tests.unit.test_extraction_reading import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "according to X" after a comma with no number after it gives what precedes it ...
        (
            "Major Ivo Rask briefed reporters.\n\nThirty-one civilians died in raids since Jan. 3, "
            "according to Oss clinic, more than in all of 2019.",
            [("Oss clinic", "killed", 31)],
        ),
        # ... and still opens what follows it when a figure does
        (
            "On Friday, according to the Tess Health Bureau, 17 pilgrims died.",
            [("Tess Health Bureau", "killed", 17)],
        ),
        # "mentioned that", "spoke of"
        (
            "Fire chief Ana Vell mentioned that 8 crew were unaccounted for.",
            [("Ana Vell", "missing", 8)],
        ),
        (
            'A police officer spoke of "more than 30 martyrs" buried by nightfall.',
            [("A police officer", "killed", 31)],
        ),
        # vague millions
        ("Ten years of war have passed, uprooting millions.", [(None, "displaced", 2000000)]),
        # "in a statement from X"; reports from X; "there" is no part of a name
        (
            "In a statement from Oss clinic, six patients were said to be in critical condition.",
            [("Oss clinic", "injured", 6)],
        ),
        (
            "The death toll is above 2,400 according to new reports from the council there, as "
            "shelling goes on.",
            [("council", "killed", 2401)],
        ),
        # hospital intake and injuries inflicted
        (
            "The burns unit took in over 60 patients overnight, the hospital said.",
            [("hospital", "injured", 61)],
        ),
        (
            "A grenade hit the market, killing 9 traders and inflicting injuries on 40 bystanders.",
            [(None, "killed", 9), (None, "injured", 40)],
        ),
        # the deceased; those still in detention; estimated to be missing
        (
            "A morgue took in nine deceased persons by noon, Tess radio said.",
            [("Tess radio", "killed", 9)],
        ),
        (
            "Police detained 640 marchers; nine are still in detention.",
            [(None, "detained", 640), (None, "detained", 9)],
        ),
        ("As many as 300 fishermen are estimated to be missing.", [(None, "missing", 0)]),
        # feared buried is missing, buried is dead
        ("Six are feared buried beneath a collapsed wall.", [(None, "missing", 6)]),
        ("Mourners buried 23 people at dusk.", [(None, "killed", 23)]),
    ],
)
def test_speakers_and_figures(text, expected):
    assert [(r[0], r[1], r[2]) for r in readings(text)] == expected


def test_a_role_then_the_name_closing_an_inverted_attribution_is_the_person():
    text = (
        "Shelling resumed after midnight, said the district's acting mayor, Ravi Tomba.\n\n"
        '"Our teams found 11 bodies," he added.'
    )
    assert [(r[0], r[2]) for r in readings(text)] == [("Ravi Tomba", 11)]


def test_two_people_who_share_a_surname_stay_two_people():
    text = (
        "Shelling resumed after midnight, said Ravi Tomba, the mayor of Oss.\n\n"
        '"We have 16 dead," Tomba told reporters.\n\n'
        'The mayor of Kesh, Ana Tomba, said: "Here we have 5 dead."'
    )
    assert [(r[0], r[2]) for r in readings(text)] == [("Ravi Tomba", 16), ("Ana Tomba", 5)]


def test_a_statement_that_continues_a_quote_speaks_for_its_issuer_and_fighting_does_not_speak():
    text = (
        "The navy issued a statement on Sunday.\n\n"
        '"Three sailors lost their lives at sea," the statement continued.\n\n'
        "Shelling continued into the night, killing 14 people."
    )
    assert [(r[0], r[2]) for r in readings(text)] == [("navy", 3), (None, 14)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a role before the name, whatever its spelling or rank
        ("Town Councilor Ravi Tomba said on radio that 13 people had died.", "Ravi Tomba"),
        ("Tess County Coroner Ana Vell confirmed four deaths.", "Ana Vell"),
        (
            "Brig.-Gen. Ravi Tomba spoke at noon.\n\nIn the east, Tomba said troops killed 17 "
            "raiders.",
            "Ravi Tomba",
        ),
        # where a named person works is no part of the name
        ("Two nurses were hurt, said Doctor Ravi Tomba at the Tess infirmary.", "Ravi Tomba"),
        ("Captain Ravi Tomba of Kessan customs said 3 guards were wounded.", "Ravi Tomba"),
        # nor where unnamed speakers are
        (
            "Over the winter, 41 herders have been killed, lawmakers from the province said.",
            "lawmakers",
        ),
        ("A resident in provincial capital Oss said some 20 people were hurt.", "A resident"),
        ("Another Tess councillor said 6 guards had been abducted.", "Tess councillor"),
        # a description, then the name it describes
        ("Tess-backed Vardi Front reported six fatalities.", "Vardi Front"),
        (
            "A second monitor, the Tess Rights Circle, gave a higher toll, saying up to 44 "
            "had died.",
            "Tess Rights Circle",
        ),
        # a spokesperson before a comma and the name speaks for the body
        (
            "The harbour police spokeswoman, Ana Vell told us 5 bodies were recovered.",
            "harbour police",
        ),
        ("Navy spokesman Ravi Tomba placed the toll at nine.", "Navy"),
        # a wire dateline with a double hyphen, or before a name with a stray comma
        (
            "KESH, May 9 (TNA) -- The Tess Interior Ministry reported on Monday that 21 people "
            "died.",
            "Tess Interior Ministry",
        ),
        (
            "KESH, May 9 (TNA) \u2013 Tess Civic Rights Board (TCRB), said, 7 marchers were "
            "killed.",
            "Tess Civic Rights Board",
        ),
        # a title ending the phrase before the name; a time before it
        (
            "Last week Tess Province Minister of Works, Ana Vell, toured the dam.\n\nVell said at "
            "least 27 labourers were killed.",
            "Ana Vell",
        ),
        (
            "Herds were stolen, said the Governor of Upper Tess, Ana Vell, adding that 6 herders "
            "died.",
            "Ana Vell",
        ),
        # the speakers counted are no figure
        ('"We buried 12 and 30 are hurt," two farmers from Oss told us.', "farmers"),
    ],
)
def test_the_name_a_speaker_is_given(text, claimant):
    assert {r[0] for r in readings(text)} == {claimant}


def test_a_single_name_does_not_grow_into_the_description_before_it():
    text = "Tess-backed Hezzan reported six fatalities.\n\nHezzan said 4 fighters died."
    assert {r[0] for r in readings(text)} == {"Hezzan"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4,000 flee clashes in Kesh: agency", [("agency", "displaced", 4000)]),
        ("Troops told 500 villagers to flee.", []),
        ("The flood forced 500 villagers to flee.", [(None, "displaced", 500)]),
        (
            "About 70 people were taken to various hospitals after the crash.",
            [(None, "injured", 63)],
        ),
        ("Clinic treats 31 after bus blast in Kesh", [(None, "injured", 31)]),
    ],
)
def test_fleeing_and_hospital_wordings(text, expected):
    assert [(r[0], r[1], r[2]) for r in readings(text)] == expected


def test_a_breakdown_by_place_goes_on_with_the_report_before_it():
    text = (
        "KESH, May 9 (TNA) - The Tess Civic Rights Board said 19 marchers were killed in two "
        "days of unrest.\n"
        "A statement by the board said its monitors had logged the clashes.\n"
        "The heaviest toll was in Kesh, where 7 marchers died.\n"
        "In the old river town of Oss, 5 were killed and 30 hurt.\n"
        "In March 2019, a similar march ended with 12 dead."
    )
    assert [r[0] for r in readings(text)] == ["Tess Civic Rights Board"] * 4 + [None]


def test_a_quote_opening_a_paragraph_is_the_last_speakers_even_before_any_figure():
    text = (
        "The navy gave its weekly briefing.\n\n"
        "Its spokesman, Ravi Tomba, said patrols had doubled.\n\n"
        '"Over the week, sailors detained 42 smugglers.'
    )
    assert [(r[0], r[2]) for r in readings(text)] == [("navy", 42)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # an adjective for the body its spokesperson speaks for
        (
            "Troops came under fire at dawn, presidential spokesman Ravi Tomba said.\n\n"
            '"Nine soldiers died," he said.',
            "presidency",
        ),
        # a statement named by its issuer
        (
            '"Over 12 soldiers died in the assault," a statement from the naval command said.',
            "naval command",
        ),
        # a traditional title, then the name with its honorific
        ("The Emir of Oss, Alhaji Ravi Tomba, said 14 villagers had been killed.", "Ravi Tomba"),
        # one of a group, then the name with a clause of its own
        (
            "One of the teachers, Ravi Tomba who hid in a store, said 25 pupils were abducted.",
            "Ravi Tomba",
        ),
    ],
)
def test_whom_a_title_or_a_group_names(text, claimant):
    assert {r[0] for r in readings(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # corpses are counted like bodies
        (
            "Villagers said they had buried 40 corpses and that another 21 were carried away.",
            [("Villagers", "killed", 40)],
        ),
        # people a hospital takes in are hurt; a school's are not
        (
            "Oss General Hospital said it had taken in 13 children overnight.",
            [("Oss General Hospital", "injured", 13)],
        ),
        ("The school received 40 children this year.", []),
        # shelter sought is flight
        (
            "With nearly 300,000 seeking refuge in schools, the agency said.",
            [("agency", "displaced", 270000)],
        ),
        # "between 20 to 40"
        (
            'Radio Tess said "between 15 to 35 fishermen drowned".',
            [("Radio Tess", "killed", 15)],
        ),
        # no month has a 44th day
        ("In February 44 soldiers were killed in an ambush near Oss.", [(None, "killed", 44)]),
    ],
)
def test_figure_wordings_of_the_second_batch(text, expected):
    assert [(r[0], r[1], r[2]) for r in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a spokesperson "in that province" still speaks for the body
        (
            "Ten people died in an earlier raid, said the navy's spokesman in that province, "
            "Ravi Tomba.",
            "navy",
        ),
        # an adverb before the subject names no one
        ("Earlier, a harbour official had put the toll at 23.", "a harbour official"),
        # an acronym after a description names the body
        (
            "At least 2,000 people have fled since June, according to the bloc's relief office, "
            "TRO.",
            "TRO",
        ),
    ],
)
def test_spokespersons_leads_and_acronyms(text, claimant):
    assert {r[0] for r in readings(text)} == {claimant}


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # a list of ranks before "were among those killed"
        (
            "The navy said 3 captains, 12 corporals, 40 sailors and 2 cooks were among those "
            "killed.",
            [3, 12, 40, 2],
        ),
        # "others" goes on the count of the verb before it, in another place
        ("Raiders killed 62 people in Oss and 17 others in nearby Kesh.", [62, 17]),
        # "N more" after a second verb
        ("Forces have killed over 900 people and detained 4,000 more since June.", [901, 4000]),
        ("The army sent 4,000 more troops in June.", []),
    ],
)
def test_counts_in_a_list_or_after_a_second_verb(text, counts):
    assert [r[2] for r in readings(text)] == counts


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # reports that name no one are the claimant as the text names them
        ("Preliminary reports indicate that six sailors were killed.", "Preliminary reports"),
        ("According to early reports, 23 pupils died.", "early reports"),
        # "claims that", "recalled that", "is now saying", a preliminary toll put
        (
            "Kestrel Watch claims that the militia has killed over 900 people since June.",
            "Kestrel Watch",
        ),
        (
            "The monitor recalled that at least 1,100 people were killed in Oss last year.",
            "monitor",
        ),
        ("Kestrel Watch is now saying that fighters may have killed hundreds.", "Kestrel Watch"),
        (
            "Governor Ana Vell toured the site.\n\nShe put the provisional death toll at 170.",
            "Ana Vell",
        ),
    ],
)
def test_reports_and_verbs_of_the_last_batch(text, claimant):
    assert {r[0] for r in readings(text)} == {claimant}


def test_claims_as_a_noun_name_no_speaker():
    assert [r[0] for r in readings("The claims that 40 people died were denied.")] == [None]
