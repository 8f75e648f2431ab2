"""The words right after a figure (context.py reads them; before.py holds the words before it):
the victims a number counts ("regime soldiers", "protesters, bystanders and worshippers"), the
metric that follows them after any auxiliaries and asides ("were later pronounced dead"), and
the shapes that show a number counts no one ("three witnesses said").

Patterns and word lists only, so a reviewer can extend them without touching the rules.
"""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx
from claims.extraction.victims import PERSON_HEADS

_MOD = lx.MODIFIER
_HEAD_ALT = lx.alternation(
    PERSON_HEADS
    | {
        "staff members",
        "family members",
        "crew members",
        "aid workers",
        "police officers",
        "health workers",
        "security personnel",
    }
)
_VICTIMS_RE = re.compile(
    r"\s+(?:(?:more|other|further|additional)\s+)?(?P<of>of\s+(?:(?:the|those|these|its|their|his|her|our)\s+|(?:them|whom)\s+"
    r"(?:were\s+|being\s+|are\s+)?)?)?"
    # Greedy modifiers: the longest phrase ending in a person noun ("police recruits").
    rf"(?P<np>(?:{_MOD}\s+){{0,3}}(?:{_HEAD_ALT})\b"
    # ("18 protesters, bystanders and worshippers": a list of the kinds of people counted)
    rf"(?:(?:\s*,\s*(?:{_MOD}\s+){{0,2}}(?:{_HEAD_ALT})\b){{1,3}}(?=\s*,?\s+(?:and|or)\s))?"
    rf"(?:\s*,?\s+(?:and|or)\s+(?:{_MOD}\s+){{0,2}}(?:{_HEAD_ALT})\b)?"
    r"(?:\s+of\s+(?:the\s+|a\s+)?(?:[A-Za-z][\w'.-]*\s+){0,4}?(?:forces|army|police|military|"
    r"militia|group|family|guard|units?|brigade|battalion|movement|front|services|staff|crew|"
    r"team|force|corps|organi[sz]ation|crews|teams)\b)?)",
    re.I,
)
# What a subset of the dead or wounded underwent ("had been flown to the capital").
_SUBSET_PREDICATE_RE = re.compile(
    r"\s+(?:had|have|has|were|was|are|is)\s+(?:(?:since|also|already|now)\s+)?(?:been\s+)?"
    r"(?:[a-z]+ed|flown|taken|undergone|brought|being|its|their|our|lost|suffered)\b"
    # "three of the wounded required surgery", "two of them remain in hospital"
    r"|\s+(?:still\s+)?(?:required|require|needed|need|underwent|received|remain|remained|"
    r"suffered|sustained|lost)\b",
    re.I,
)
_PUT_METRICS = (
    ("injur", "injured"),
    ("wound", "injured"),
    ("missing", "missing"),
    ("displaced", "displaced"),
)
_OF_HARMED_RE = re.compile(
    rf"\s+of\s+(?P<w>dead|wounded|injured)\b(?:\s+(?P<np>(?:{_MOD}\s+){{0,2}}(?:{_HEAD_ALT}))\b)?",
    re.I,
)
_PATIENTS_VERB_RE = re.compile(
    r"\b(?:received|receiving|admitted|admitting|treated|treating|taken|took|brought|rushed|"
    r"(?:took|taken|take|takes)\s+in)"
    r"(?:\s+(?:a\s+total\s+of|another|some|about|around|more\s+than|at\s+least))?\s*$"
)
_OF_OWN_RE = re.compile(r"\s+of\s+(?:their|its|our|his|her)\s+own\b", re.I)
_OF_PEOPLE_RE = re.compile(rf"\s+of\s+the\s+(?P<np>(?:{_MOD}\s+){{0,1}}(?:{_HEAD_ALT}))\b", re.I)
_OF_PRONOUN_RE = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_AUX = (
    r"(?:were|was|are|is|have|has|had|been|being|be|reportedly|also|later|all|now|feared|believed|"
    r"thought|reported|confirmed|said|to|may|might|could|would|will|likely|possibly|probably|"
    r"potentially|apparently|allegedly|subsequently|initially|either|so|far|already|since|then|"
    r"found|listed|counted|presumed|declared|pronounced|left|who|were\s+also|people|others|"
    r"recorded|transported|airlifted|brought|estimated|there|"
    r"alone|in\s+total|in\s+all|each|ultimately|eventually|seriously|critically|badly|severely|"
    r"slightly|lightly|fatally|mortally|gravely|recently|still|remain|remained|remains|being|"
    r"more|among\s+the|among\s+those|received|sustained|suffered|light|minor|serious|severe|"
    r"gunshot|shrapnel|burn|blast|head|multiple|officially|brought\s+in|admitted|taken|rushed|with|known|"
    r"non-life-threatening|combat|conflict-related|war-related|survived|possible|probable|"
    r"additional|further|new|violent|"
    r"understood|presumed|expected|likely|feared|thought|summarily|as|life-threatening|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|[a-z]+ly)"  # "were Sunday killed"
)
_METRIC_AFTER_ALT = lx.alternation(lx.METRIC_AFTER)
_POST_METRIC_RE = re.compile(
    r"(?:\s*,\s*(?:including|among\s+them|among\s+whom|most\s+of\s+them|mostly|many\s+of\s+them|"
    # ... or a list in apposition: "Two people, a man and a woman, were killed"
    r"all\s+of\s+them|both|aged\s+(?:between\s+)?\d+|an?\s|"
    # ... or counted in apposition: "Five others, three boys and two men, were hurt"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s(?=[^,;.]{0,60}\sand\s))"
    r"\b[^,;.]{0,80},"
    # "Three bystanders including a schoolboy were killed"; "48 men caught in the raid were held"
    r"|\s+including\s+[^,;.]{1,60}?(?=\s+(?:were|was)\b))?"
    r"(?:\s+(?:involved|caught|trapped|living|working|staying|travelling|traveling))?"
    r"(?:(?:\s+(?:in|at|on|near|inside|from|around|outside|of)\s+(?:the\s+|a\s+)?[\w'-]+"
    r"(?:\s+[\w'-]+){0,2}){1,2}(?=\s+(?:were|was|are|is|have|had|died|lost|perished|dead)\b))?"
    r"(?:\s*,(?=\s+(?:were|was|had|have|are|who|sustained|suffered)\b))?"
    rf"(?:\s+{_AUX}\b){{0,6}}\s*(?P<metric>{_METRIC_AFTER_ALT})\b",
    re.I,
)
# A noun phrase of unknown words that a metric follows ("12 Orlanian pilgrims were killed").
_GENERIC_METRIC_RE = re.compile(
    rf"\s+(?P<np>(?:{_MOD}\s+){{0,2}}(?P<head>{_MOD}))(?={_POST_METRIC_RE.pattern})", re.I
)
_NO_HEAD_RE = re.compile(
    r"\s*(?:[,.;:!?)\"'\u2014\u2013]|$)|\s+-\s|"
    r"\s+more(?=\s*(?:[,.;:!?)]|$)|\s+(?:since|in|on|during|over|across|last|this)\b)|\s+(?:-|in|on|at|near|after|during|when|while|as|and|or|but|"
    r"including|across|since|from|with|by|inside|outside|overnight|yesterday|today|last|this|so|"
    r"according|were|was|are|have|had|had|of\s+them|of\s+whom|among|because|before|amid|late|"
    r"early|by|on|until|as\s+of)\b",
    re.I,
)
_SPEAKER_NEXT_RE = re.compile(
    r"^\s+(?:[a-z][\w'-]*\s+)?(?:witnesses|sources|officials|residents|medics|doctors|survivors|"
    r"diplomats|analysts|activists|eyewitnesses|officers|men|women|farmers|villagers|traders|"
    r"fishermen|herders|teachers|nurses|relatives|elders|leaders|neighbours|neighbors)"
    # ("two farmers from Oss told us")
    r"(?:\s+(?:of|from|in|at)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?"
    r"\s+(?:said|says|told|reported)\b",
    re.I,
)
PREDICATE_VICTIMS_RE = re.compile(
    rf"\s+(?:were|was|are|is)\s+(?P<np>(?:{_MOD}\s+){{0,2}}(?:{_HEAD_ALT}))\b", re.I
)
