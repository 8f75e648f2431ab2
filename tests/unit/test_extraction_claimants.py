"""Who gives a figure, in the ways wire copy, local papers, live blogs and encyclopedia
prose name their sources, one sentence each (all invented): a regression net for claimants,
as (claimant, metric, low) per figure."""

# ruff: noqa: E501 - one sentence per row reads better than wrapped strings

from __future__ import annotations

import pytest

from tests.unit.test_extraction_reading import readings

SOURCES = [
    # a ministry keeps the place that says whose it is; a hospital's name needs none
    (
        "The Health Ministry in Vell said 27 people were killed overnight.",
        [("Health Ministry in Vell", "killed", 27)],
    ),
    (
        "The sheriff's office said in a news release that a deputy was killed.",
        [("sheriff's office", "killed", 1)],
    ),
    (
        "Another camp leader, Rosa Benn, said more than 30 people lost their lives.",
        [("Rosa Benn", "killed", 31)],
    ),
    (
        "Initial reports said 10 people had died, but officials later put the figure at 14.",
        [("Initial reports", "killed", 10), ("officials", "killed", 14)],
    ),
    (
        "Sheriff Tom Reyes said three deputies were wounded in the ambush.",
        [("Tom Reyes", "injured", 3)],
    ),
    (
        '"We have four people deceased," Police Chief Ana Ruiz told reporters at a news conference.',
        [("Ana Ruiz", "killed", 4)],
    ),
    (
        "According to a statement from the Kessa Police Department, five people were killed.",
        [("Kessa Police Department", "killed", 5)],
    ),
    (
        "The Kessa County Sheriff's Office said in a Facebook post that two people died.",
        [("Kessa County Sheriff's Office", "killed", 2)],
    ),
    (
        "Fire officials said 12 residents were taken to hospitals.",
        [("Fire officials", "injured", 12)],
    ),
    (
        "The shooting killed six people, Mayor John Hale said on Twitter.",
        [("John Hale", "killed", 6)],
    ),
    ("Prosecutors said the attacks killed 32 people.", [("Prosecutors", "killed", 32)]),
    (
        "The regional prosecutor's office said 41 inmates died.",
        [("regional prosecutor's office", "killed", 41)],
    ),
    (
        "Gaza's Health Ministry said 30 people were killed in the strikes.",
        [("Gaza's Health Ministry", "killed", 30)],
    ),
    (
        "The Palestinian Health Ministry in Gaza said at least 30 people were killed.",
        [("Palestinian Health Ministry in Gaza", "killed", 30)],
    ),
    (
        "The civil defence agency said its teams had recovered 14 bodies.",
        [("civil defence agency", "killed", 14)],
    ),
    (
        "The Lowland Observatory for Human Rights, a Britain-based war monitor, said 12 civilians died.",
        [("Lowland Observatory for Human Rights", "killed", 12)],
    ),
    ("The Observatory said the strikes killed 12 civilians.", [("Observatory", "killed", 12)]),
    (
        "Ukraine's State Emergency Service said seven people were killed in the strike.",
        [("Ukraine's State Emergency Service", "killed", 7)],
    ),
    (
        "Regional Governor Oleh Kiper said on Telegram that four people had died.",
        [("Oleh Kiper", "killed", 4)],
    ),
    (
        "Israel's military said 11 soldiers were killed in the fighting.",
        [("Israel's military", "killed", 11)],
    ),
    ("The Israeli military said it killed 20 militants.", [("Israeli military", "killed", 20)]),
    (
        "Hamas-run health authorities said 40 people died.",
        [("Hamas-run health authorities", "killed", 40)],
    ),
    (
        "The ombudsman's office said it had received reports of 42 deaths.",
        [("ombudsman's office", "killed", 42)],
    ),
    (
        "Colombia's human rights ombudsman reported 26 deaths during the protests.",
        [("Colombia's human rights ombudsman", "killed", 26)],
    ),
    (
        "The coast guard said 41 migrants were missing after the sinking.",
        [("coast guard", "missing", 41)],
    ),
    ("Malta's navy has recovered nine bodies.", [("Malta's navy", "killed", 9)]),
    (
        "UN human rights office spokesperson Liz Throne said at least 60 people were killed.",
        [("UN human rights office", "killed", 60)],
    ),
    ("The U.N. said in a statement that 14 aid workers had been killed.", [("U.N.", "killed", 14)]),
    ("The WHO said 9 health workers were among the dead.", [("WHO", "killed", 9)]),
    (
        "Amnesty International said security forces killed at least 40 protesters.",
        [("Amnesty International", "killed", 40)],
    ),
    ("In a statement, the army said 17 soldiers were killed.", [("army", "killed", 17)]),
    ("Local media reported that at least 15 people had died.", [("Local media", "killed", 15)]),
    ("State news agency SANA said 8 people were killed.", [("SANA", "killed", 8)]),
    (
        "The Interior Ministry said in a statement that 64 people were arrested.",
        [("Interior Ministry", "detained", 64)],
    ),
    (
        "Police spokesman Mark Doe told the Associated Press that 4 people were killed.",
        [("Police", "killed", 4)],
    ),
    (
        "At a news conference, Chief Mark Doe said 3 officers were injured.",
        [("Mark Doe", "injured", 3)],
    ),
    (
        '"Nine people lost their lives," said Ana Ruiz, the county coroner.',
        [("Ana Ruiz", "killed", 9)],
    ),
    (
        "Officials with the fire department said 4 firefighters were hurt.",
        [("fire department", "injured", 4)],
    ),
    ("A hospital spokeswoman said 11 patients were being treated.", [("hospital", "injured", 11)]),
    (
        "Three people were killed, police said Sunday, and 11 were injured.",
        [("police", "killed", 3), ("police", "injured", 11)],
    ),
    (
        "The attack killed 86 people and injured 458 others.[3]",
        [(None, "killed", 86), (None, "injured", 458)],
    ),
    (
        "According to the Kessa Health Ministry, the death toll stands at 44.[12][13]",
        [("Kessa Health Ministry", "killed", 44)],
    ),
    (
        "14:32 The health ministry says 12 people have been killed in the latest strikes.",
        [("health ministry", "killed", 12)],
    ),
    ("Update: Officials now say 19 people died.", [("Officials", "killed", 19)]),
    (
        "The ministry later revised the toll down to 31, saying some bodies had been counted twice.",
        [("ministry", "killed", 31)],
    ),
    (
        "The regional governor, Ana Ruiz, wrote on Telegram that 5 people were killed and 12 wounded.",
        [("Ana Ruiz", "killed", 5), ("Ana Ruiz", "injured", 12)],
    ),
    (
        '"Eleven of our officers were injured," the police union said in a statement.',
        [("police union", "injured", 11)],
    ),
    (
        "Citing the local health department, the broadcaster reported 16 deaths.",
        [("local health department", "killed", 16)],
    ),
    (
        "The interior minister told parliament that 48 people had been detained.",
        [("interior minister", "detained", 48)],
    ),
    (
        "Two police officers were killed and three injured, the ministry said in a statement on Sunday.",
        [("ministry", "killed", 2), ("ministry", "injured", 3)],
    ),
    (
        "The official death toll is 23, but residents say the real number is closer to 50.",
        [(None, "killed", 23), ("residents", "killed", 45)],
    ),
    (
        "Medics at the scene said at least 12 bodies had been brought in.",
        [("Medics", "killed", 12)],
    ),
    (
        "The national disaster agency, known by its acronym BNPB, said 120 people were missing.",
        [("national disaster agency", "missing", 120)],
    ),
    ("Witnesses told Reuters they saw at least 20 bodies.", [("Witnesses", "killed", 20)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SOURCES)
def test_each_source_is_credited(sentence, expected):
    got = readings("Talks met.\n\n" + sentence)
    assert [(claimant, metric, low) for claimant, metric, low, _, _ in got] == expected
