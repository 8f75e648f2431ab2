"""The demo's data: the Deir ez-Zor air strike of 17 September 2016 (facts from the report the
project started from; the three short articles are the team's own wording) and one invented
incident, marked as sample data. Loaded by claims.demo.demo_load()."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from claims.discrepancy import Qualifier
from claims.models import Source


def _utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


SOURCES = [
    {
        "name": "Syrian Observatory for Human Rights",
        "kind": Source.Kind.MONITOR,
        "affiliation": "Britain-based monitoring group",
        "country": "United Kingdom",
        "aliases": ["SOHR", "the Observatory", "Syrian Observatory"],
    },
    {
        "name": "Russian defence ministry",
        "kind": Source.Kind.MILITARY,
        "affiliation": "Government of Russia",
        "country": "Russia",
        "aliases": [
            "Russian Ministry of Defence",
            "Russian defense ministry",
            "Igor Konashenkov",
            "Maj. Gen. Igor Konashenkov",
        ],
    },
    {
        "name": "US military official (anonymous)",
        "kind": Source.Kind.ANONYMOUS,
        "affiliation": "United States military",
        "country": "United States",
        "aliases": ["a U.S. military official", "US military official"],
    },
    {
        "name": "Kestrel Monitoring Network",
        "kind": Source.Kind.MONITOR,
        "affiliation": "Invented for the demo",
        "aliases": ["the Network", "KMN"],
    },
    {
        "name": "Marvi health directorate",
        "kind": Source.Kind.GOVERNMENT,
        "affiliation": "Invented for the demo",
        "aliases": ["the health directorate"],
    },
]


@dataclass
class DemoArticle:
    key: str
    outlet: str
    title: str
    published_at: datetime
    text: str


@dataclass
class DemoFigure:
    claimant: str
    metric: str
    victims: str
    group: str
    stated: str
    qualifier: Qualifier
    value: int
    reported_at: datetime
    article: str
    evidence: str
    cited: str = ""
    value_high: int | None = None
    marked_earlier: bool = False


@dataclass
class DemoTiming:
    claimant: str
    stated: str
    zone: str
    reported_at: datetime
    article: str
    evidence: str
    start: datetime | None = None
    end: datetime | None = None
    duration: tuple[int, int | None] | None = None
    cited: str = ""


@dataclass
class DemoIncident:
    fields: dict
    articles: list[DemoArticle] = field(default_factory=list)
    figures: list[DemoFigure] = field(default_factory=list)
    timings: list[DemoTiming] = field(default_factory=list)


DEIR_EZ_ZOR = DemoIncident(
    fields={
        "title": "Coalition air strike on Syrian army positions near Deir ez-Zor airport",
        "slug": "deir-ez-zor-airport-strike-2016",
        "place": "Jebel Tharda, near Deir ez-Zor airport",
        "country": "Syria",
        "latitude": "35.28500",
        "longitude": "40.17500",
        "time_zone": "Asia/Damascus",
        "started_at": _utc(2016, 9, 17, 14, 0),
        "summary": (
            "Aircraft of the US-led coalition hit Syrian government troops on a hill next to "
            "Deir ez-Zor airport during the September 2016 ceasefire. The coalition said it "
            "believed it was hitting Islamic State fighters and stopped when Russia warned it."
        ),
        "airwars_code": "",
    },
    articles=[
        DemoArticle(
            key="russia",
            outlet="Tracker demo desk",
            title="Moscow says coalition raid near Deir ez-Zor left 62 Syrian soldiers dead",
            published_at=_utc(2016, 9, 17, 20, 30),
            text=(
                "MOSCOW, Sept 17 (Tracker demo desk) - Russia's defence ministry accused the "
                "US-led coalition on Saturday of bombing a Syrian army base beside Deir ez-Zor "
                "airport.\n\n"
                "Ministry spokesman Igor Konashenkov said Syrian regime sources had reported 62 "
                "soldiers dead and more than 100 wounded in the raid.\n\n"
                "He said four coalition jets took part and had flown in from the Iraqi border.\n\n"
                "According to the ministry, the aircraft struck between 1700 and 1750 local time."
            ),
        ),
        DemoArticle(
            key="us",
            outlet="Tracker demo desk",
            title="US official puts coalition strike in eastern Syria at about 1500 GMT",
            published_at=_utc(2016, 9, 18, 1, 15),
            text=(
                "WASHINGTON, Sept 17 (Tracker demo desk) - The coalition called off a raid in "
                "eastern Syria after Russian officers warned that Syrian troops might be under "
                "its bombs, the U.S. military said.\n\n"
                "A U.S. military official, who asked not to be named, told reporters the strike "
                "began around 11 a.m. EDT (1500 GMT) and went on for about half an hour."
            ),
        ),
        DemoArticle(
            key="sohr",
            outlet="Tracker demo desk",
            title="Monitor raises toll of coalition raid on Syrian troops to at least 90",
            published_at=_utc(2016, 9, 18, 7, 45),
            text=(
                "BEIRUT, Sept 18 (Tracker demo desk) - The Syrian Observatory for Human Rights "
                "said on Sunday that at least 90 Syrian soldiers died when coalition aircraft "
                "bombed army positions beside the Deir ez-Zor airfield the day before, citing a "
                "source at the airport.\n\n"
                "The Britain-based monitor had first counted 83 soldiers killed and 120 "
                "injured.\n\n"
                "According to the Observatory, the bombardment went on for 40 minutes."
            ),
        ),
    ],
    figures=[
        DemoFigure(
            "Syrian Observatory for Human Rights",
            "killed",
            "soldiers",
            "state_forces",
            "83",
            Qualifier.EXACT,
            83,
            _utc(2016, 9, 17, 18, 0),
            "sohr",
            "The Britain-based monitor had first counted 83 soldiers killed and 120 injured.",
            cited="a source at the airport",
            marked_earlier=True,
        ),
        DemoFigure(
            "Syrian Observatory for Human Rights",
            "injured",
            "soldiers",
            "state_forces",
            "120",
            Qualifier.EXACT,
            120,
            _utc(2016, 9, 17, 18, 0),
            "sohr",
            "The Britain-based monitor had first counted 83 soldiers killed and 120 injured.",
            cited="a source at the airport",
            marked_earlier=True,
        ),
        DemoFigure(
            "Syrian Observatory for Human Rights",
            "killed",
            "Syrian soldiers",
            "state_forces",
            "at least 90",
            Qualifier.AT_LEAST,
            90,
            _utc(2016, 9, 18, 7, 0),
            "sohr",
            "The Syrian Observatory for Human Rights said on Sunday that at least 90 Syrian "
            "soldiers died when coalition aircraft bombed army positions beside the Deir ez-Zor "
            "airfield the day before, citing a source at the airport.",
            cited="a source at the airport",
        ),
        DemoFigure(
            "Russian defence ministry",
            "killed",
            "soldiers",
            "state_forces",
            "62",
            Qualifier.EXACT,
            62,
            _utc(2016, 9, 17, 19, 30),
            "russia",
            "Ministry spokesman Igor Konashenkov said Syrian regime sources had reported 62 "
            "soldiers dead and more than 100 wounded in the raid.",
            cited="Syrian regime sources",
        ),
        DemoFigure(
            "Russian defence ministry",
            "injured",
            "soldiers",
            "state_forces",
            "more than 100",
            Qualifier.MORE_THAN,
            100,
            _utc(2016, 9, 17, 19, 30),
            "russia",
            "Ministry spokesman Igor Konashenkov said Syrian regime sources had reported 62 "
            "soldiers dead and more than 100 wounded in the raid.",
            cited="Syrian regime sources",
        ),
    ],
    timings=[
        DemoTiming(
            "Russian defence ministry",
            "between 1700 and 1750 local time",
            "local",
            _utc(2016, 9, 17, 19, 30),
            "russia",
            "According to the ministry, the aircraft struck between 1700 and 1750 local time.",
            start=_utc(2016, 9, 17, 14, 0),
            end=_utc(2016, 9, 17, 14, 50),
        ),
        DemoTiming(
            "US military official (anonymous)",
            "around 11 a.m. EDT (1500 GMT), about half an hour",
            "EDT",
            _utc(2016, 9, 18, 0, 30),
            "us",
            "A U.S. military official, who asked not to be named, told reporters the strike "
            "began around 11 a.m. EDT (1500 GMT) and went on for about half an hour.",
            start=_utc(2016, 9, 17, 15, 0),
            duration=(30, 30),
        ),
        DemoTiming(
            "Syrian Observatory for Human Rights",
            "lasted 40 minutes",
            "",
            _utc(2016, 9, 18, 7, 0),
            "sohr",
            "According to the Observatory, the bombardment went on for 40 minutes.",
            duration=(40, 40),
            cited="a source at the airport",
        ),
    ],
)

SAMPLE_MARVI = DemoIncident(
    fields={
        "title": "Sample: shelling of Marvi market",
        "slug": "sample-marvi-market-shelling",
        "place": "Marvi (invented town)",
        "country": "Sample data",
        "time_zone": "Asia/Baghdad",
        "started_at": _utc(2024, 3, 9, 6, 40),
        "summary": "An invented incident for the demo: not a real event.",
        "is_sample": True,
    },
    articles=[
        DemoArticle(
            key="marvi",
            outlet="Sample desk (invented)",
            title="Sample: monitors and officials differ on Marvi market toll",
            published_at=_utc(2024, 3, 10, 9, 0),
            text=(
                "MARVI, March 10 (Sample desk) - At least 31 civilians were killed when shells "
                "hit the Marvi market on Saturday morning, the Kestrel Monitoring Network said, "
                "citing medics at the town's clinic.\n\n"
                "The Marvi health directorate put the toll at 24 dead and 40 wounded, later "
                "raising it to 28 dead.\n\n"
                "The Network said the shelling began at about 9:40 a.m. local time (0640 GMT)."
            ),
        )
    ],
    figures=[
        DemoFigure(
            "Kestrel Monitoring Network",
            "killed",
            "civilians",
            "civilians",
            "at least 31",
            Qualifier.AT_LEAST,
            31,
            _utc(2024, 3, 9, 15, 0),
            "marvi",
            "At least 31 civilians were killed when shells hit the Marvi market on Saturday "
            "morning, the Kestrel Monitoring Network said, citing medics at the town's clinic.",
            cited="medics at the town's clinic",
        ),
        DemoFigure(
            "Marvi health directorate",
            "killed",
            "dead",
            "civilians",
            "24",
            Qualifier.EXACT,
            24,
            _utc(2024, 3, 9, 11, 0),
            "marvi",
            "The Marvi health directorate put the toll at 24 dead and 40 wounded, later raising "
            "it to 28 dead.",
            marked_earlier=True,
        ),
        DemoFigure(
            "Marvi health directorate",
            "injured",
            "wounded",
            "civilians",
            "40",
            Qualifier.EXACT,
            40,
            _utc(2024, 3, 9, 11, 0),
            "marvi",
            "The Marvi health directorate put the toll at 24 dead and 40 wounded, later raising "
            "it to 28 dead.",
        ),
        DemoFigure(
            "Marvi health directorate",
            "killed",
            "dead",
            "civilians",
            "28",
            Qualifier.EXACT,
            28,
            _utc(2024, 3, 9, 18, 0),
            "marvi",
            "The Marvi health directorate put the toll at 24 dead and 40 wounded, later raising "
            "it to 28 dead.",
        ),
    ],
    timings=[
        DemoTiming(
            "Kestrel Monitoring Network",
            "at about 9:40 a.m. local time (0640 GMT)",
            "local",
            _utc(2024, 3, 9, 15, 0),
            "marvi",
            "The Network said the shelling began at about 9:40 a.m. local time (0640 GMT).",
            start=_utc(2024, 3, 9, 6, 40),
        )
    ],
)

DEMO_INCIDENTS = [DEIR_EZ_ZOR, SAMPLE_MARVI]
