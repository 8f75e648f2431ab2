"""Word lists the extractor reads reports with: metrics, claimants, hedges (victims.py holds
the victim nouns).

Kept apart from the patterns so a reviewer can extend a list without touching a regex. Every list
is generic English news vocabulary; nothing names a particular incident, place or source.
"""

from __future__ import annotations

import re

from claims.extraction.numbers import anchored_gate, trie_regex, words

# --- metrics -------------------------------------------------------------------------------

# Words that follow a figure ("12 were killed", "12 dead"), longest first in the pattern.
METRIC_AFTER: dict[str, str] = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "die": "killed",
    "dying": "killed",
    "deaths": "killed",
    "death": "killed",
    "fatalities": "killed",
    "slain": "killed",
    "perished": "killed",
    "murdered": "killed",
    "massacred": "killed",
    "executed": "killed",
    "eliminated": "killed",
    "liquidated": "killed",
    "buried": "killed",
    "succumbed": "killed",
    "wounds": "injured",
    "maimed": "injured",
    "lost their lives": "killed",
    "lost his life": "killed",
    "lost her life": "killed",
    "shot dead": "killed",
    "fatally shot": "killed",
    "fatally stabbed": "killed",
    "fatally wounded": "killed",
    "beheaded": "killed",
    "decapitated": "killed",
    "lynched": "killed",
    "burned to death": "killed",
    "burnt to death": "killed",
    "suffocated": "killed",
    "drowned": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "treated": "injured",
    "hospitalised": "injured",
    "hospitalized": "injured",
    # Condition and whereabouts of the injured ("14 of whom are in critical condition",
    # "four more are in hospital", "were taken to hospital").
    "in critical condition": "injured",
    "in a critical condition": "injured",
    "in serious condition": "injured",
    "in a serious condition": "injured",
    "in critical but stable condition": "injured",
    "in a critical but stable condition": "injured",
    "in hospital": "injured",
    "to hospital": "injured",
    "to a hospital": "injured",
    "to a local hospital": "injured",
    "to hospitals": "injured",
    "in intensive care": "injured",
    "to intensive care": "injured",
    "to the intensive care unit": "injured",
    "in the intensive care unit": "injured",
    "for treatment": "injured",  # "were transported there for treatment"
    "shot and wounded": "injured",
    "shot and injured": "injured",
    "tortured to death": "killed",
    "undergoing treatment": "injured",  # "another 14 still undergoing treatment"
    "sustained injuries": "injured",
    "sustained bullet injuries": "injured",
    "sustained gunshot wounds": "injured",
    "sustained serious injuries": "injured",
    "sustained minor injuries": "injured",
    "sustained wounds": "injured",
    "sustained stab wounds": "injured",
    "sustained burns": "injured",
    "suffered injuries": "injured",
    "suffered wounds": "injured",
    "suffered gunshot wounds": "injured",
    "suffered stab wounds": "injured",
    "suffered burns": "injured",
    "suffered serious injuries": "injured",
    "receiving treatment": "injured",
    "under treatment": "injured",
    "missing": "missing",
    "unaccounted for": "missing",
    "not been accounted for": "missing",
    # Under rubble or underground: not known to be dead, so missing ("7 miners are trapped").
    "trapped": "missing",
    "never found": "missing",
    "detained": "detained",
    "arrested": "detained",
    "arrests": "detained",
    "detentions": "detained",
    "taken into custody": "detained",
    "received medical treatment": "injured",
    "received treatment": "injured",
    "captured": "detained",
    "apprehended": "detained",
    "nabbed": "detained",
    "held hostage": "abducted",
    "hostages": "abducted",  # "the number of hostages stands at 126" (a toll noun's word)
    "taken hostage": "abducted",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "displaced": "displaced",
    "fled": "displaced",
    "made homeless": "displaced",
    "uprooted": "displaced",
    "in surgery": "injured",
    "undergoing surgery": "injured",
    "under the rubble": "missing",
    "whose whereabouts remain unknown": "missing",
    "whose whereabouts are unknown": "missing",
    "in captivity": "abducted",
    "died of his injuries": "killed",
    "died of her injuries": "killed",
    "died of their injuries": "killed",
    "shot and killed": "killed",
    "stabbed and killed": "killed",
    "shot to death": "killed",
    "stabbed to death": "killed",
    "beaten to death": "killed",
    "hacked to death": "killed",
    "crushed to death": "killed",
    "trampled to death": "killed",
    "burned alive": "killed",
    "burnt alive": "killed",
    "gunned down": "killed",
    "martyred": "killed",
    "neutralised": "killed",
    "neutralized": "killed",
    "disappeared": "missing",
    "abductions": "abducted",
    "kidnappings": "abducted",
    "to flee": "displaced",
    "to escape": "displaced",  # "forced 900 families to escape the valley"
    "forced to flee": "displaced",
    "forced from their homes": "displaced",
    "driven from their homes": "displaced",
    "from their homes": "displaced",  # "chased 48,000 herders from their homes"
    "deceased": "killed",
    "killings": "killed",
    "laid down their lives": "killed",
    "laid their lives": "killed",
    "to the hospital": "injured",
    "to the hospitals": "injured",
    "martyrs": "killed",
}

# Verbs that take the figure as object ("the blast killed 12", "wounding 30").
METRIC_BEFORE: dict[str, str] = {
    "killed": "killed",
    "killing": "killed",
    "kills": "killed",
    "captured": "detained",
    "capturing": "detained",
    "murdered": "killed",
    "murdering": "killed",
    "slaughtered": "killed",
    "slaughtering": "killed",
    "gunned down": "killed",
    "shot dead": "killed",  # "Raiders shot dead 23 herders"
    "neutralised": "killed",
    "neutralized": "killed",
    "kill": "killed",
    "slew": "killed",
    "massacred": "killed",
    "massacring": "killed",
    "executed": "killed",
    "executing": "killed",  # "accuses guards of executing 30 migrants"
    "beheaded": "killed",
    "lynched": "killed",
    "apprehended": "detained",
    "apprehending": "detained",
    "nabbed": "detained",
    "claimed the lives of": "killed",
    "claiming the lives of": "killed",
    "took the lives of": "killed",
    "taking the lives of": "killed",
    "deaths of": "killed",
    "execution of": "killed",
    "killing of": "killed",
    "killings of": "killed",
    "arrest of": "detained",
    "arrests of": "detained",
    "detention of": "detained",
    "abduction of": "abducted",
    "kidnapping of": "abducted",
    "executions of": "killed",
    "remains of": "killed",
    "death of": "killed",
    "bodies of": "killed",
    "corpses of": "killed",
    "burial of": "killed",
    "funerals of": "killed",
    "loss of": "killed",  # "caused the loss of 19 lives" (needs people or lives after it)
    "funeral of": "killed",
    "burials of": "killed",
    "martyred": "killed",
    "martyring": "killed",
    "displacement of": "displaced",
    "lost": "killed",
    "losing": "killed",
    "buried": "killed",
    "burying": "killed",
    "wounded": "injured",
    "wounding": "injured",
    "wounds": "injured",
    "maimed": "injured",
    "injured": "injured",
    "injuring": "injured",
    "injures": "injured",
    "injure": "injured",
    "hurting": "injured",
    "treated": "injured",
    "treating": "injured",
    "detained": "detained",
    "detaining": "detained",
    "arrested": "detained",
    "arresting": "detained",
    "abducted": "abducted",
    "abducting": "abducted",
    "kidnapped": "abducted",
    "kidnapping": "abducted",
    "displaced": "displaced",
    "displacing": "displaced",
    "displace": "displaced",  # a headline's verb ("Storm Kills 9, Displaces 4,000")
    "displaces": "displaced",
}

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
    representative representatives junta"""
)

# Ranks and honorifics dropped from a person's name ("Maj. Gen. Ana Ruiz" -> "Ana Ruiz").
TITLES_RE = re.compile(
    r"^(?:(?:Maj|Gen|Lt|Col|Capt|Sgt|Cpl|Adm|Brig|Cmdr|Gov|Sen|Rep|Dr|Prof|Mr|Mrs|Ms|Rev|Insp|"
    r"Supt|Pte|Det)\.?|General|Major|Colonel|Lieutenant|Captain|Sergeant|Admiral|Brigadier|"
    r"Commander|Governor|President|Minister|Mayor|Doctor|Professor|Sheikh|Imam|Father|Judge|"
    r"Spokesman|Spokeswoman|Chief|Deputy|Senator|Colonel-General|Lieutenant-General|"
    r"Major-General|Brigadier-General|Superintendent|Inspector|Constable|Detective|Sheriff|"
    r"Marshal|Coroner|Commissioner|Councillor|Councilman|Councilwoman|"
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
MODIFIER = rf"(?!{STOP_WORDS}\b)[A-Za-z][\w'.-]*"


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
        """kill dead die wound injur hurt death fatalit victim casualt bodies body
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
