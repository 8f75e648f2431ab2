"""Word lists the extractor reads reports with: metrics, claimants, hedges (victims.py holds
the victim nouns).

Kept apart from the patterns so a reviewer can extend a list without touching a regex. Every list
is generic English news vocabulary; nothing names a particular incident, place or source.
"""

from __future__ import annotations

import re

from claims.extraction.harm_words import METRIC_AFTER, METRIC_BEFORE
from claims.extraction.numbers import anchored_gate, trie_regex, words

# --- metrics -------------------------------------------------------------------------------

# Nouns naming a running count ("the death toll rose to 26", "the number of wounded at 40").
TOLL_NOUNS: dict[str, str] = {
    "death toll": "killed",
    "toll": "killed",
    "number of dead": "killed",
    "number of deaths": "killed",
    "number of people killed": "killed",
    "number of those killed": "killed",
    "number killed": "killed",
    "number of fatalities": "killed",
    "number of victims": "killed",
    "number of injured": "injured",
    "number of wounded": "injured",
    "number of people injured": "injured",
    "number of people wounded": "injured",
    "number injured": "injured",
    "number wounded": "injured",
    "number of missing": "missing",
    "number of displaced": "displaced",
}


def alternation(words: object) -> str:
    """A regex alternation of phrases as a prefix tree (fast to fail; see numbers.trie_regex)."""
    return "(?:" + trie_regex(words) + ")"


def metric_of(word: str, table: dict[str, str]) -> str | None:
    return table.get(" ".join(word.lower().split()))


# --- claimants -----------------------------------------------------------------------------

# Nouns that head a claimant noun phrase ("the health ministry", "a military official").
CLAIMANT_HEADS = words(
    """coastguard navy brigade brigades firefighters ambulance emergency prosecutor's
    ministry ministries
    minister official officials spokesman spokeswoman spokesperson spokesmen police army
    military monitor monitors group groups organisations organizations agencies observatory
    network agency media commission commissions association residents witnesses witness
    activists activist medics doctors doctor rescuers sources source authorities authority
    government governor commander commanders statement command coalition hospital hospitals
    paramedics volunteers organisation organization committee council office department service
    services forces force officer officers mayor chief head director president prime leader leaders
    relatives survivors villagers locals people tv television radio outlet newspaper daily
    channel broadcaster team unit staff workers crescent cross mission nations un ngo charity
    union body watchdog inspectors investigators prosecutors prosecutor court coroner morgue
    medic nurse nurses resident journalist journalists correspondent correspondents reporter
    reporters analysts militants rebels fighters insurgents secretary envoy ambassador embassy
    administration cabinet presidency parliament society movement alliance forum centre center
    directorate guard guards operator company firm lawmaker legislator employee employees
    inspector governorate municipality prefecture sheriff marshal observers observer worker
    rescuer volunteer paramedic surgeon member survivor villager shopkeeper elder councillor
    councilor detective superintendent constable inquiry panel tribunal bulletin communique
    representative representatives junta lawmakers legislators senators senator mps deputies
    elders councillors councilors clinic infirmary imam priest pastor cleric board bureau"""
)

# Ranks and honorifics dropped from a person's name ("Maj. Gen. Ana Ruiz" -> "Ana Ruiz").
TITLES_RE = re.compile(
    r"^(?:(?:Maj|Gen|Lt|Col|Capt|Sgt|Cpl|Adm|Brig|Cmdr|Gov|Sen|Rep|Dr|Prof|Mr|Mrs|Ms|Rev|Insp|"
    r"Supt|Pte|Det)\.?(?:-(?:Gen|Col|Cdr)\.?)?|"
    r"General|Major|Colonel|Lieutenant|Captain|Sergeant|Admiral|Brigadier|Corporal|Private|"
    r"Lance\s+(?:Corporal|Cpl\.?|Sergeant|Sgt\.?)|Officer|"
    r"Commander|Governor|President|Minister|Mayor|Doctor|Professor|Sheikh|Imam|Father|Judge|"
    r"Alhaji|Alhaja|Hajiya|Mallam|"
    r"Spokesman|Spokeswoman|Chief|Deputy|Senator|Colonel-General|Lieutenant-General|"
    r"Major-General|Brigadier-General|Superintendent|Inspector|Constable|Detective|Sheriff|"
    r"Marshal|Coroner|Commissioner|Councillor|Councilor|Councilman|Councilwoman|"
    r"(?:Interior|Foreign|Defen[cs]e|Health|Home|Justice|Finance|Prime|Information|Police)\s+"
    r"(?:Minister|Secretary|[Cc]hief))\s+"
)

# Wire services and broadcasters that relay a claim; the claimant is whoever they quote.
OUTLET_RE = re.compile(
    r"^(?:the\s+)?(?:Reuters|AFP|AP|Associated\s+Press|Agence\s+France[- ]Presse|dpa|EFE|ANSA|"
    r"Bloomberg|BBC|CNN)(?:\s+news\s+agency)?$",
    re.I,
)

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_THING = frozenset({"it", "they"})

# Words that say a figure is hedged rather than asserted.
HEDGE_RE = re.compile(
    r"\b(?:(?:may|might|could)\s+(?:have|also)|possibly|potentially|feared|fears?|believed\s+to|"
    r"thought\s+to|likely|probably|perhaps|unconfirmed|suspected|presumed|it\s+is\s+feared)\b",
    re.I,
)

# A word that may modify a victim noun ("regime" in "regime soldiers"): not a function word,
# verb of the sentence, or number word.
STOP_WORDS = (
    r"(?:were|was|is|are|have|has|had|be|been|being|and|or|but|in|on|at|of|from|by|with|to|the|a|"
    r"an|who|which|that|including|among|as|for|after|during|when|while|said|says|told|reported|"
    r"according|killed|died|dead|wounded|injured|more|than|least|about|around|since|into|near|"
    r"them|whom|those|these|this|its|their|it|they|he|she|we|i|you|per|each|all|both|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|scores|several|many)"
)
# An age is a modifier too ("two 17-year-old boys").
MODIFIER = rf"(?:(?!{STOP_WORDS}\b)[A-Za-z][\w'.-]*|\d{{1,3}}-year-old)"


# --- the cheap gate ------------------------------------------------------------------------

# Every way a figure gets its metric goes through one of these words (the tables above, a toll
# or its reference "that number", bodies, "of the dead", stated zeros, one-person figures), so a
# lower-cased sentence without any of them holds no figure and skips the figure analysis: one
# C-level scan instead of reading each number's context. Substrings, so "kill" covers "killing";
# the scan may pass a few more sentences than the words (see numbers.anchored_gate), never fewer.
# Phrases whose longest word is common in prose ("hospital"): tested as plain substrings
# (``metric_gate``), so that the anchored scan keeps only rare stems and most sentences about a
# hospital still skip the figure analysis.
GATE_PHRASES = (
    "in hospital",
    "to hospital",
    "to the hospital",
    "condition",
    "never found",
    "intensive care",
    "treatment",
    "custody",
    "patients",  # "the hospital received 37 patients" (context.py reads who brought them in)
    "list of",  # "a list of 163 names"
)
METRIC_GATE_WORDS = (
    *(
        w
        for w in (*METRIC_AFTER, *METRIC_BEFORE, *TOLL_NOUNS)
        if not any(p in w for p in GATE_PHRASES)
    ),
    *words(
        """kill dead die wound injur hurt death fatalit victim casualt bodies body corpse
        toll number figure tally count lives missing abduct kidnap arrest detain shot
        graves"""
    ),
)
METRIC_GATE_RE = anchored_gate(METRIC_GATE_WORDS)


def metric_gate(low: str) -> bool:
    """Whether a lower-cased sentence holds a metric word at all (see METRIC_GATE_RE)."""
    if METRIC_GATE_RE.search(low) is not None:
        return True
    return gate_phrases(low)


def gate_phrases(low: str) -> bool:
    """Whether a lower-cased sentence holds one of GATE_PHRASES (spelled out: a generator over
    them costs more than the scan)."""
    return (
        (
            "hospital" in low
            and ("in hospital" in low or "to hospital" in low or "to the hospital" in low)
        )
        or "condition" in low
        or "never found" in low
        or "intensive care" in low
        or "treatment" in low
        or "custody" in low
        or "patients" in low
        or "list of" in low
    )


# A count of events, not of people ("the toll from three separate blasts").
EVENT_NEXT_RE = re.compile(
    r"\s+(?:(?:separate|violent|deadly|coordinated|suicide|bomb|car|air|rocket|drone|similar|"
    r"other|more|further|major)\s+){0,2}(?:attacks?|explosions?|blasts?|bombings?|incidents?|"
    r"raids?|air\s?strikes?|earthquakes?|shootings?|ambushes|landslides?)\b",
    re.I,
)
# "one" before these counts a group, not a person ("four members of one family").
ONE_GROUP = frozenset(("family", "household", "clan", "tribe", "group", "village"))
