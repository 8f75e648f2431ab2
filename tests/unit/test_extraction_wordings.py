"""Casualty figures in the wordings wire copy, local papers and live blogs use for them, one
sentence each (all invented). A regression net for figure recall: each sentence gives exactly
the figures listed, as (metric, low, qualifier)."""

from __future__ import annotations

import pytest

from tests.unit.test_extraction_reading import readings

WORDINGS = [
    # a number in words, then again in digits in brackets
    (
        "The clash left fourteen (14) people dead, while six (6) others sustained gunshot wounds.",
        [("killed", 14, "exact"), ("injured", 6, "exact")],
    ),
    ("Five (5) soldiers were killed.", [("killed", 5, "exact")]),
    # a longer place between the count and its verb
    (
        "Officials said 22 people from the Kessa Bor community were killed.",
        [("killed", 22, "exact")],
    ),
    ("The plant closure means the loss of 300 jobs.", []),
    # "one" before a group counts no person
    ("Four members of one family were among those killed.", [("killed", 4, "exact")]),
    ("Two people, a man and a woman, were killed.", [("killed", 2, "exact")]),
    ("An officer was shot and killed during the chase.", [("killed", 1, "exact")]),
    # "both" refers back to two already counted: no figure of its own
    ("The authorities said both men died of natural causes.", []),
    # a count of events is no figure
    (
        "The toll from three separate blasts has risen to at least 26.",
        [("killed", 26, "at_least")],
    ),
    ("The death toll from the flooding has risen to 45.", [("killed", 45, "exact")]),
    (
        "Gunmen opened fire on a bus, killing 12 and wounding 30.",
        [("killed", 12, "exact"), ("injured", 30, "exact")],
    ),
    ("The attack left five people dead.", [("killed", 5, "exact")]),
    ("The blaze claimed the lives of 30 people.", [("killed", 30, "exact")]),
    ("Thirty people lost their lives in the collapse.", [("killed", 30, "exact")]),
    ("The number of dead reached 40 on Tuesday.", [("killed", 40, "exact")]),
    ("Forty people perished when the boat sank.", [("killed", 40, "exact")]),
    ("At least 30 bodies were pulled from the river.", [("killed", 30, "at_least")]),
    (
        "The storm has killed 14 people and injured dozens.",
        [("killed", 14, "exact"), ("injured", 24, "vague")],
    ),
    ("Fourteen people are feared dead after the landslide.", [("killed", 14, "exact")]),
    ("Twenty-three miners are presumed dead.", [("killed", 23, "exact")]),
    ("The bodies of 12 migrants washed ashore on Sunday.", [("killed", 12, "exact")]),
    ("Seven people drowned when the ferry capsized.", [("killed", 7, "exact")]),
    ("Five people were crushed to death in the stampede.", [("killed", 5, "exact")]),
    ("Three villagers were burned alive in their homes.", [("killed", 3, "exact")]),
    ("Soldiers shot and killed four protesters.", [("killed", 4, "exact")]),
    ("Six farmers were gunned down in their fields.", [("killed", 6, "exact")]),
    ("Two of the injured later succumbed to their wounds.", [("killed", 2, "exact")]),
    ("Nine hostages were beheaded by the militants.", [("killed", 9, "exact")]),
    ("Dozens of villagers were massacred overnight.", [("killed", 24, "vague")]),
    ("Eleven prisoners were executed on Monday.", [("killed", 11, "exact")]),
    ("Death toll climbs to 50 after quake.", [("killed", 50, "exact")]),
    ("Fifty confirmed dead as rescuers dig through rubble.", [("killed", 50, "exact")]),
    ("At least nine people have died since Friday.", [("killed", 9, "at_least")]),
    ("Two people remain unaccounted for.", [("missing", 2, "exact")]),
    ("Twenty people were hospitalised with burns.", [("injured", 20, "exact")]),
    ("The gunman wounded 13 others before fleeing.", [("injured", 13, "exact")]),
    ("Thirteen others sustained injuries in the blast.", [("injured", 13, "exact")]),
    ("Four people sustained gunshot wounds.", [("injured", 4, "exact")]),
    ("Ten protesters were taken into custody.", [("detained", 10, "exact")]),
    ("Police arrested 25 people after the riot.", [("detained", 25, "exact")]),
    ("Forty passengers were taken hostage.", [("abducted", 40, "exact")]),
    ("Gunmen kidnapped 30 schoolgirls from their dormitory.", [("abducted", 30, "exact")]),
    ("More than 3,000 families have fled the area.", [("displaced", 3001, "more_than")]),
    (
        "Eight people were killed and 20 others were injured in the crash.",
        [("killed", 8, "exact"), ("injured", 20, "exact")],
    ),
    ("The explosion killed 8 and injured 20.", [("killed", 8, "exact"), ("injured", 20, "exact")]),
    ("Fifteen civilians were among the dead.", [("killed", 15, "exact")]),
    ("The dead included 12 children.", [("killed", 12, "exact")]),
    ("Eight of the wounded are in critical condition.", [("injured", 8, "exact")]),
    ("A total of 34 people died in the fire.", [("killed", 34, "exact")]),
    ("The toll stood at 61 on Thursday night.", [("killed", 61, "exact")]),
    ("The crash left 3 dead and 11 injured.", [("killed", 3, "exact"), ("injured", 11, "exact")]),
    ("Officials put the death toll at 120.", [("killed", 120, "exact")]),
    ("The ministry raised the toll to 88.", [("killed", 88, "exact")]),
    ("At least 17 people have been confirmed dead.", [("killed", 17, "at_least")]),
    ("Rescuers recovered the bodies of 9 climbers.", [("killed", 9, "exact")]),
    ("Clashes have left more than 200 people wounded.", [("injured", 201, "more_than")]),
    (
        "The gunman killed 10 people and wounded three before turning the gun on himself.",
        [("killed", 10, "exact"), ("injured", 3, "exact")],
    ),
    (
        "Eighteen people were killed and 13 wounded in the shootings.",
        [("killed", 18, "exact"), ("injured", 13, "exact")],
    ),
    ("Four victims were pronounced dead at the scene.", [("killed", 4, "exact")]),
    ("Two others were taken to a hospital in critical condition.", [("injured", 2, "exact")]),
    (
        "At least 59 people died and more than 500 were hurt.",
        [("killed", 59, "at_least"), ("injured", 501, "more_than")],
    ),
    ("At least 41 inmates were killed in the riot.", [("killed", 41, "at_least")]),
    ("Three people were fatally shot outside the bar.", [("killed", 3, "exact")]),
    ("The strikes killed 25 people, according to the Health Ministry.", [("killed", 25, "exact")]),
    ("The ministry said 4,000 had been killed since October.", [("killed", 4000, "exact")]),
    (
        "The death toll rose to 36, with 125 injured.",
        [("killed", 36, "exact"), ("injured", 125, "exact")],
    ),
    ("Hundreds were arrested during the protests.", [("detained", 200, "vague")]),
    ("The mob attacked the station, injuring 4 police officers.", [("injured", 4, "exact")]),
    ("Seventy-two people are still missing, presumed dead.", [("missing", 72, "exact")]),
    (
        "At least 27 migrants drowned and dozens more are missing after their boat sank.",
        [("killed", 27, "at_least"), ("missing", 24, "vague")],
    ),
    ("The bodies of 59 people have been recovered.", [("killed", 59, "exact")]),
    (
        "A missile strike killed 7 and injured 25 in the city.",
        [("killed", 7, "exact"), ("injured", 25, "exact")],
    ),
    ("The number of those killed has risen to 23.", [("killed", 23, "exact")]),
    ("Twenty-three people were confirmed killed.", [("killed", 23, "exact")]),
    (
        "Eight people killed, 20 injured in bus crash",
        [("killed", 8, "exact"), ("injured", 20, "exact")],
    ),
    ("Casualties: 12 dead, 40 wounded", [("killed", 12, "exact"), ("injured", 40, "exact")]),
    ("12 killed, 40 hurt in market blast", [("killed", 12, "exact"), ("injured", 40, "exact")]),
    ("Deaths: 86", [("killed", 86, "exact")]),
    ("Injured: 458", [("injured", 458, "exact")]),
    (
        "The shooting left 5 people dead and 6 others hurt.",
        [("killed", 5, "exact"), ("injured", 6, "exact")],
    ),
    (
        "The fire killed 72 people, making it the deadliest since the war.",
        [("killed", 72, "exact")],
    ),
    (
        "Police said two officers were among the 12 people wounded.",
        [("injured", 2, "exact"), ("injured", 12, "exact")],
    ),
    (
        "More than 130 people were killed in the attacks, and 413 were injured.",
        [("killed", 131, "more_than"), ("injured", 413, "exact")],
    ),
    ("Nine people, including the attacker, died.", [("killed", 9, "exact")]),
    (
        "Of the 14 people wounded, 3 are in serious condition.",
        [("injured", 14, "exact"), ("injured", 3, "exact")],
    ),
    (
        "The attack killed three Israelis and wounded 10.",
        [("killed", 3, "exact"), ("injured", 10, "exact")],
    ),
    ("Authorities confirmed 16 deaths on Sunday.", [("killed", 16, "exact")]),
    ("The agency reported 1,200 fatalities in the quake.", [("killed", 1200, "exact")]),
    (
        "The raid killed at least 121 people, among them four police officers.",
        [("killed", 121, "at_least"), ("killed", 4, "exact")],
    ),
    ("In all, 37 people were killed.", [("killed", 37, "exact")]),
    ("The total number of deaths is now 64.", [("killed", 64, "exact")]),
    ("Five migrants died and 40 were rescued.", [("killed", 5, "exact")]),
    ("Nine hostages were beheaded by the militants.", [("killed", 9, "exact")]),
    ("Two others were taken to a hospital in critical condition.", [("injured", 2, "exact")]),
    ("Three people were fatally shot outside the bar.", [("killed", 3, "exact")]),
    ("Four people were stabbed to death.", [("killed", 4, "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), WORDINGS)
def test_each_wording_gives_its_figures(sentence, expected):
    got = readings("Talks met.\n\n" + sentence)
    assert [(metric, low, qualifier) for _, metric, low, _, qualifier in got] == expected
