"""Victim nouns: the words that name people a figure counts, which side each is on, and the
nouns after a number that show it counts something else.

``victim_group`` files the victims as written under civilians, state forces, non-state fighters
or unspecified; ``_people_after`` and ``_plural_person`` tell context.py whether the words after
a number name people at all. Kept apart from lexicon.py so the lists of people and the rule that
sorts them into sides are read and extended in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extraction.numbers import words

CIVILIAN_HEADS = words(
    """civilians civilian children child kids women woman girls girl boys boy babies baby infants
    toddlers teenagers teens youths minors students student pupils schoolchildren schoolgirls
    schoolboys teachers residents villagers inhabitants locals patients staff staffers doctors
    nurses medics paramedics rescuers volunteers workers labourers laborers farmers fishermen
    shepherds journalists reporters photographers worshippers worshipers pilgrims mourners
    guests shoppers passengers commuters pedestrians bystanders spectators fans protesters
    protestors demonstrators refugees migrants detainees prisoners inmates hostages relatives
    family families elderly employees diplomats humanitarians contractors miners dockworkers
    drivers motorists cyclists tourists visitors customers traders vendors merchants clerics
    imams priests monks nuns engineers technicians firefighters lawyers judges activists
    volunteer worker teacher resident villager patient doctor nurse medic paramedic journalist
    reporter photographer farmer fisherman shepherd passenger driver miner pilgrim worshipper
    refugee migrant detainee prisoner hostage relative employee tourist trader cleric
    firefighter passers-by passersby passer-by instructors instructor lecturers professors
    churchgoers congregants parishioners devotees revellers partygoers diners clients herders
    herdsmen loggers porters tenants neighbours neighbors occupants truckers citizens nationals
    foreigners expatriates voters athletes players teenager toddler infant youth minor pupil
    schoolboy schoolgirl bystander pedestrian shopper commuter protester demonstrator inmate
    guest spectator visitor vendor merchant"""
)
STATE_HEADS = words(
    """soldiers soldier troops servicemen servicemembers serviceman personnel policemen policeman
    policewomen police officers officer guards guardsmen conscripts recruits marines sailors
    airmen pilots gendarmes peacekeepers trooper troopers sergeant lieutenant captain colonel
    general commander commanders policewoman guard guardsman conscript recruit marine sailor
    airman pilot gendarme peacekeeper paratroopers paratrooper commandos commando rangers ranger
    jawans jawan sergeants lieutenants captains colonels corporals"""
)
NON_STATE_HEADS = words(
    """fighters fighter militants militant rebels rebel insurgents insurgent jihadists jihadist
    gunmen gunman attackers attacker assailants extremists terrorists bombers militiamen
    combatants assailant extremist terrorist bomber militiaman combatant"""
)
NEUTRAL_HEADS = words(
    """people persons person individuals victims others adults men man members crew casualties
    bodies them member body corpses corpse suspects suspect graves supporters followers loyalists
    martyrs martyr survivors survivor brothers sisters sons daughters husbands wives fathers
    mothers cousins nephews nieces grandchildren brother sister son daughter husband wife father
    mother officials"""
)
PERSON_HEADS = CIVILIAN_HEADS | STATE_HEADS | NON_STATE_HEADS | NEUTRAL_HEADS

# Modifiers that put "forces", "members", "fighters" on one side or the other.
_STATE_MOD_RE = re.compile(
    r"\b(?:government|regime|army|state\s+(?:security|forces)|security|military|police|"
    r"pro-government|pro-regime|loyalist|national\s+guard|border\s+guard|soldiers?|troops)\b",
    re.I,
)
_NON_STATE_MOD_RE = re.compile(
    r"\b(?:rebel|opposition|insurgent|militant|jihadist|islamist|militia|armed\s+group|"
    r"separatist|guerrilla|anti-government)\b",
    re.I,
)
_CIVILIAN_MOD_RE = re.compile(r"\bcivilian|\bunarmed\b|\bfamily\b", re.I)

# Nouns after a number that show it counts something other than people.
NON_PERSON_HEADS = words(
    """years year months month weeks week days day hours hour minutes minute seconds second km
    kilometres kilometers miles metres meters feet percent per cent dollars euros pounds
    aircraft jets planes helicopters drones missiles rockets shells bombs mortars trucks lorries
    vehicles cars tanks buses boats ships houses homes buildings villages towns sites targets
    positions times rounds violations attacks strikes airstrikes raids incidents cases sorties
    flights tonnes tons kilograms kg litres liters sheep cattle horses goats cows dogs"""
)


@lru_cache(maxsize=20_000)  # pure, and victims are written the same ways again and again
def victim_group(victims: str) -> str:
    """Civilians / state forces / non-state fighters / unspecified from the victims as written.

    The head noun decides first ("regime soldiers" -> state forces); for heads that can be
    either side ("forces", "members", "men") the modifiers decide ("rebel forces").
    """
    words = victims.lower().replace("-", " ").split()
    if not words:
        return "unspecified"
    if "-" in victims and victims.lower().split()[-1] in CIVILIAN_HEADS:
        return "civilians"  # "passers-by"
    if "service" in words and words[-1].startswith("member"):
        return "state_forces"  # "service members"
    head = words[-1]
    if "of" in words:  # "members of the security forces": the modifier after "of" counts
        head = words[words.index("of") - 1] if words.index("of") > 0 else head
    if _CIVILIAN_MOD_RE.search(victims) and head not in STATE_HEADS | NON_STATE_HEADS:
        return "civilians"
    if head in CIVILIAN_HEADS:
        return "civilians"
    if head in STATE_HEADS:
        if _NON_STATE_MOD_RE.search(victims):
            return "non_state"
        return "state_forces"
    if head in NON_STATE_HEADS:
        if re.search(r"\bpro-(?:government|regime)\b", victims, re.I):
            return "state_forces"
        return "non_state"
    if _NON_STATE_MOD_RE.search(victims):
        return "non_state"
    if _STATE_MOD_RE.search(victims):
        return "state_forces"
    return "unspecified"


# --- people after a number -----------------------------------------------------------------

_WORDS_AFTER_RE = re.compile(r"\s+([a-z][\w'-]*)(?:\s+([a-z][\w'-]*))?(?:\s+([a-z][\w'-]*))?", re.I)


def _people_after(rc: str, one: bool = False) -> tuple[str, int] | None:
    """(noun phrase, end) of up to three words right after a number that end in a plural
    noun naming people ("27 Orlanians", "18 suspected accomplices"), else None."""
    m = _WORDS_AFTER_RE.match(rc)
    if m is None:
        return None
    for k in (1, 2, 3):
        head = m.group(k)
        if head is None or (k > 1 and head.lower() in _NOT_MODIFIED):
            return None
        if _plural_person(head, one):
            return rc[m.start(1) : m.end(k)].strip(), m.end(k)
        if k < 3 and (head[:1].isupper() or head.lower() in _NOT_MODIFIED):
            return None  # a modifier is a lower-case word: "18 suspected accomplices"
    return None


# Words ending in "s" that name no one ("The killing of 1982 is remembered": no count).
_ENDS_IN_S = frozenset(
    ("is", "was", "has", "as", "his", "its", "this", "thus", "us", "less", "unless", "plus")
)
_NOT_MODIFIED = frozenset(("and", "or", "of", "in", "at", "on", "to", "from", "with", "by"))


def _plural_person(head: str, one: bool = False) -> bool:
    """Whether ``head`` can name the people a count counts: a plural noun, or any noun after
    "one" ("killed one ranger")."""
    low = head.lower().rstrip(".")  # a sentence's last word keeps its stop in _MOD
    return (
        low not in NON_PERSON_HEADS
        and low not in _ENDS_IN_S
        and (low.endswith("s") or low in PERSON_HEADS or (one and low.isalpha()))
    )
