"""What generated data is made of: countries, places, events, source kinds and wordings, and the
pool of synthetic sources with their aliases."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

PREFIX = "synthetic-"
AFFILIATION = "Synthetic data (generate_scale)"
BIG_SLUG = "synthetic-big-incident"
EPOCH = datetime(2012, 1, 1, tzinfo=UTC)
SPAN_MINUTES = int((datetime(2026, 6, 30, tzinfo=UTC) - EPOCH).total_seconds() // 60)


def _words(text: str) -> list[str]:
    return text.split()


# (country, IANA zone, latitude range, longitude range, weight): a few countries dominate, as in
# real conflict data, so that the country filter is tried at different selectivities.
COUNTRIES = [
    ("Syria", "Asia/Damascus", (32.5, 37.0), (35.8, 42.0), 30),
    ("Iraq", "Asia/Baghdad", (29.5, 37.0), (39.0, 48.0), 15),
    ("Yemen", "Asia/Aden", (12.8, 17.5), (43.0, 52.0), 12),
    ("Afghanistan", "Asia/Kabul", (30.0, 38.0), (61.0, 71.0), 10),
    ("Ukraine", "Europe/Kyiv", (45.0, 52.0), (23.0, 40.0), 10),
    ("Somalia", "Africa/Mogadishu", (-1.5, 11.5), (41.0, 51.0), 6),
    ("Sudan", "Africa/Khartoum", (9.0, 22.0), (22.0, 38.0), 6),
    ("Nigeria", "Africa/Lagos", (4.5, 13.8), (3.0, 14.5), 5),
    ("Mali", "Africa/Bamako", (10.5, 24.5), (-12.0, 4.0), 4),
    ("Myanmar", "Asia/Yangon", (10.0, 28.0), (92.5, 101.0), 4),
    ("Libya", "Africa/Tripoli", (20.0, 33.0), (10.0, 25.0), 3),
    ("Burkina Faso", "Africa/Ouagadougou", (9.5, 15.0), (-5.5, 2.3), 3),
    ("Democratic Republic of the Congo", "Africa/Lubumbashi", (-13.0, 5.0), (12.5, 31.0), 3),
    ("Ethiopia", "Africa/Addis_Ababa", (3.5, 14.8), (33.0, 47.9), 2),
    ("Pakistan", "Asia/Karachi", (24.0, 37.0), (61.0, 77.0), 2),
    ("Lebanon", "Asia/Beirut", (33.1, 34.6), (35.1, 36.6), 1),
    ("Mozambique", "Africa/Maputo", (-26.8, -10.5), (30.2, 40.8), 1),
    ("Colombia", "America/Bogota", (-4.0, 12.0), (-79.0, -67.0), 1),
]
PLACE_HEADS = _words(
    "Tal Kafr Deir Ain Jebel Bir Wadi Khan Ras Umm Beit Qasr Nahr Hayy Souk Mazraat"
)
PLACE_ROOTS = _words(
    "Hamra Nasra Zahir Tharda Salam Karim Jadid Abyad Aswad Sharqi Gharbi Kabir Saghir Rumman "
    "Zeitoun Tina Hadid Nour Qamar Shams Ward Fajr Bahr Sahel Jisr Marj Naml Ghazal Asal Milh"
)
PLACE_TAILS = ["", "", "", " district", " village", " market", " camp", " outskirts"]
EVENTS = [
    "air strike on",
    "shelling of",
    "car bombing in",
    "drone strike near",
    "massacre in",
    "suicide bombing in",
    "artillery attack on",
    "raid on",
    "market bombing in",
]
REGIONS = _words(
    "Kestrel Harran Sarn Amber Valley Northern Coastal Eastern Highland Delta Lakeside Orontes "
    "Cedar Basalt Meridian Saffron Granite Riverside Border Plains Desert Mountain Southern"
)
# Source kind -> (weight, name patterns, how its figures lean against the truth).
KINDS = {
    "monitor": (20, ["Observatory for Human Rights", "Monitoring Network", "Documentation Centre",
                     "Casualty Monitor", "Violations Documentation Group"], 1.08),
    "government": (14, ["health directorate", "interior ministry", "governor's office",
                        "civil defence"], 0.85),
    "military": (14, ["defence ministry", "army command", "coalition command",
                      "military spokesperson"], 0.7),
    "armed_group": (10, ["Liberation Front", "Brigades", "Resistance Council", "Movement"], 1.3),
    "media": (25, ["News Agency", "Daily", "Broadcasting", "Post", "Television"], 1.0),
    "official": (10, ["governor", "health official", "police chief", "mayor"], 0.9),
    "anonymous": (7, ["security official (anonymous)", "medical source (anonymous)",
                      "military official (anonymous)"], 0.95),
}  # fmt: skip
QUALIFIERS = [
    ("exact", 34),
    ("at_least", 20),
    ("more_than", 10),
    ("about", 12),
    ("between", 8),
    ("vague", 6),
    ("nearly", 5),
    ("up_to", 5),
]
CITED = [
    "a source at the hospital",
    "local activists",
    "medical sources",
    "regime sources",
    "a local official",
    "witnesses",
    "civil defence workers",
]
VICTIMS = {
    "unspecified": ["people", "", "persons"],
    "civilians": ["civilians", "residents", "civilians, including children"],
    "state_forces": ["soldiers", "regime soldiers", "troops", "police officers"],
    "non_state": ["fighters", "militants", "insurgents"],
}
OTHER_METRICS = ["missing", "detained", "displaced", "abducted"]
VERBS = {
    "killed": "killed",
    "injured": "wounded",
    "missing": "missing",
    "detained": "detained",
    "displaced": "displaced",
    "abducted": "abducted",
}


# --- sources ------------------------------------------------------------------------------------


@dataclass(eq=False)
class SourceSpec:
    number: int
    name: str
    slug: str
    kind: str
    lean: float
    aliases: list[str]
    id: int | None = None


def source_catalogue(seed: int, count: int) -> list[SourceSpec]:
    """`count` synthetic sources of every kind, each with two or three aliases."""
    rng = random.Random(f"{seed}:sources")
    kinds = list(KINDS)
    specs = []
    for n in range(1, count + 1):
        kind = rng.choices(kinds, weights=[KINDS[k][0] for k in kinds])[0]
        region = rng.choice(REGIONS)
        noun = rng.choice(KINDS[kind][1])
        name = f"{region} {noun} {n:03d}"
        acronym = "".join(w[0] for w in f"{region} {noun}".split() if w[0].isalpha()).upper()
        aliases = [f"{acronym} {n:03d}", f"the {region} {noun.split()[-1]} {n:03d}"]
        if rng.random() < 0.4:
            aliases.append(f"{region} {noun.lower()} #{n}")
        specs.append(
            SourceSpec(
                n, name, f"{PREFIX}source-{n:03d}", kind, rng.lognormvariate(0, 0.15), aliases
            )
        )
        specs[-1].lean *= KINDS[kind][2]
    return specs
