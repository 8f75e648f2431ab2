"""How a report marks who speaks: the reporting verbs and phrases ("said", "put the toll at",
"maintains a list"), and the patterns for the other forms a speaker takes ("according to",
"citing", '"...," said X', "quoted X as saying", "confirmed by", "provided by", a source in
brackets), with those that bound a speaker's noun phrase or a reporting chain. Patterns and
word lists only: attribution.py holds the rules that apply them.
"""

from __future__ import annotations

import re

from claims.extraction.numbers import anchored_gate, trie_regex, words
from claims.extraction.roles import _SPOKES_WORDS

# A flat prefix tree of lower-case verbs, so the engine scans for first letters in C; the word
# boundary before the verb is checked in find_attributions.
_VERBS = words(
    """said says say told tells added adds reported reports stated announced claimed
    confirmed estimated estimates wrote writes tweeted posted noted insisted explained warned
    counted recorded documented established tallied shows show acknowledged admitted disclosed
    revealed indicated gave quoted concluded suggest suggests suggested informed informs
    verified accused accuses clarified stressed asserted alleged alleges declared mentioned
    indicate indicates registered
    continued"""
)
_VERB_PHRASES = (
    "spoke of",  # 'The imam spoke of "more than 30 martyrs"'
    "report that",  # "Local authorities report that ..."; the bare word is mostly the noun
    "found that",  # "The inquiry found that ..."; "found 14 bodies" is no speech
    "put their losses",  # "Ferrow sources put their own losses at about 400 dead"
    "put their own losses",
    "put its losses",
    "put its own losses",
    "are saying",
    "is saying",
    "is now saying",
    "are now saying",
    "claims that",  # "The group claims that troops killed 40" (the bare word is mostly the noun)
    "recalled that",
    "put the preliminary death toll",
    "put the provisional death toll",
    "put the preliminary toll",
    "put the provisional toll",
    "maintains a list",  # "... maintains a list of 163 names" (context.py: a roll of the dead)
    "keeps a list",
    "compiled a list",
    "published a list",
    "issued a statement",  # "The commissioner issued a statement confirming 14 deaths"
    "released a statement",
    "released a list",  # "The garrison has released a list of 52 missing sailors"
    "issued a list",
    "finds that",
    "put the toll",
    "put the death toll",
    "put the number",
    "put the figure",
    "puts the toll",
    "placed the toll",  # "A navy officer placed the toll at nine"
    "placed the death toll",
    "places the death toll",
    "puts the death toll",
    "gave a toll",
    "gave a death toll",
    "updated its toll",
    "updated its death toll",
    "revised its toll",
    "raised its toll",
)
# "The ministry later raised the death toll to 18", "police revised their toll": read apart
# from the verb list (and only where a toll word is), so the common first letters of these
# verbs do not slow the scan for every other sentence.
_TOLL_VERB_RE = re.compile(
    r"\b(?:raised|raises|revised|revises|updated|updates|lowered|upgraded|increased)\s+"
    r"(?:its|the|their|those|these|that|this)\s+"
    r"(?:death\s+|casualty\s+)?(?:toll|tally|count|figure|number)s?\b"
)
_REPORT_NUMBER_RE = re.compile(
    r"(?<![\w-])reports?(?=\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?\d)"
)
_VERB_RE = re.compile("(?P<verb>" + trie_regex([*_VERBS, *_VERB_PHRASES]) + r")\b")
# Passes every sentence in which _VERB_RE can match (and a few more): most sentences have no
# reporting verb, and this scan is ten times cheaper than the verb pattern's.
_VERB_GATE_RE = anchored_gate([*_VERBS, *_VERB_PHRASES])
# How far before the gate's match a verb may start: the longest verb phrase.
_VERB_REACH = max(len(v) for v in (*_VERBS, *_VERB_PHRASES)) + 1
# A character of a noun phrase: a period only inside abbreviations ("Dr.", "U.S.", "St.").
_NP_CHAR = (
    r"[^,.;:\"()]|\.(?=[A-Za-z])|(?<=\b[A-Z])\.|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bSt)\."
    r"|(?<=\bMrs)\.|(?<=\bGen)\.|(?<=\bCol)\.|(?<=\bLt)\.|(?<=\bMaj)\.|(?<=\bProf)\."
)
_TITLE_END_RE = re.compile(r"\b(?:Dr|Mr|Ms|Mrs|Gen|Col|Lt|Maj|Prof|St|Sgt|Capt|Brig|Adm)$")
_ACCORDING_RE = re.compile(
    r"\b(?:[Aa]ccording\s+to|[Aa]s\s+per|[Ii]n\s+a\s+(?:press\s+)?(?:statement|release)\s+"
    r"(?:from|by|issued\s+by))\s+(?:(?:(?:the|a|an)\s+)?(?:latest\s+|new\s+|official\s+|updated\s+)?"
    r"(?:figures|data|statistics|estimates?|toll|tally|count|statement|reports?|records|numbers|"
    r"information)\s+"
    r"(?:from|by|(?:compiled|released|issued|provided|kept|published|gathered)\s+by|of)\s+)?"
    rf"(?P<np>(?:{_NP_CHAR}){{1,90}}?)(?=\s*(?:[,;:()\"]|(?<!\b[A-Z])\.(?![A-Za-z])|$|\s+(?:which|who|that|on\s+\w+day|in\s+a|"
    r"citing|and\s+(?:the|a)\s+\w+\s+said|published|released|issued|compiled)\b))"
)
_CITING_RE = re.compile(
    r"\b(?:[Cc]iting|[Qq]uoting)\s+(?P<np>[^,.;:\"()]{1,100}?)(?=\s*(?:[,.;:)\"]|$|\s+(?:who|which|"
    r"as\s+saying|and\s+said)\b))"
)
_INVERSION_RE = re.compile(
    rf"\s+(?P<np>(?:the\s+|a\s+|an\s+)?[A-Za-z](?:{_NP_CHAR}){{0,80}}?)(?=\s*(?:[,.;:)\"]|$|\s+(?:in\s+"
    r"a|on\s+\w+|told|who|which|citing|released|issued|published|early|late|earlier|later|"
    r"overnight)\b))(?:\s*,\s*(?P<app>(?:a|an|the|its|their)\s[^,.;:\"()]{1,80}|"
    r"(?:[a-z-]+\s+){1,3}(?:for|of|at|with)\s[^,.;:\"()]{1,80}))?"
)
# '... were found at dawn said Pia Lund, a spokeswoman for the coastguard.': an inverted speaker
# after a missing comma, told apart from "said Ali Khan died" by the description closing it.
_INVERTED_DESCRIBED_RE = re.compile(
    r"\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3},\s+(?:a|an|the)\s[^,.;:\"()]{1,80}\.$"
)
# '... by the river said one villager.': an unnamed speaker closing the sentence after a
# missing comma.
_INVERTED_END_RE = re.compile(r"\s+(?:one|a|an|the|another)\s+[a-z]+(?:\s+[a-z]+)?\.$")
# Verbs a speaker may follow ('"...," said the ministry'); "told" never inverts.
_INVERSION_VERBS = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "reported",
        "stated",
        "noted",
        "warned",
        "confirmed",
        "explained",
        "announced",
    }
)
# An inverted speaker whose role follows without a comma ("said Ana Ruiz the district mayor").
_NAME_THEN_ROLE_RE = re.compile(r"([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\s+(?:the|a|an)\s+[a-z]")
# ... or a role, then the name closing the sentence ("said Oss's mayor, Ravi Tomba.").
_ROLE_THEN_NAME_RE = re.compile(
    r",\s+(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\s*(?:[.;]|$|,\s+(?:adding|saying)\b)"
)
_AS_SAYING_RE = re.compile(r"\s+as\s+(?:saying|telling)\b")  # "X was quoted as saying"
_QUOTED_AS_RE = re.compile(rf"\s+(?P<np>(?:{_NP_CHAR}){{1,80}}?)\s+as\s+saying\b")
_SOURCE_NOUN_RE = re.compile(
    # lower-case only: "Centre for Conflict Records" keeps its name
    r"(?:'s)?(?:\s+own)?\s+(?:figures|data|statistics|estimates|tally|tallies|count|records|numbers)$"
)


_POSSESSIVE_END_RE = re.compile(r"'s?$")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+$")
_PASSIVE_AFTER_RE = re.compile(r"\s+(?:by|to\s+be|to\s+have)\b")
_CLAUSE_AFTER_RE = re.compile(r"(?:\s+\S+){0,6}?\s+(?:that|\d)")
# A new statement, or a subordinate clause with a speaker of its own ("the administration said
# on Friday, after residents counted 64 fresh graves"): no relayed chain runs across it.
# (", and 12 people in Tevi": a list of counts goes on, no new statement starts)
_CHAIN_BREAK_RE = re.compile(
    r";|,\s*(?:and(?!\s+(?:\d|another\s|a\s+further\s))|while|but|whereas|after|when|before|"
    r"because)\b|\.\s|\sbut\s"
)
_NP_END_RE = re.compile(r"[,;:()\"]")
# Agencies that are not news agencies: they count for themselves.
_NOT_MEDIA_AGENCY_RE = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations|[Rr]efugee|[Hh]umanitarian|[Aa]id|[Rr]elief|[Dd]isaster|"
    r"[Ee]mergenc\w+|[Hh]ealth|[Cc]hildren's|[Mm]igration|[Ss]ecurity|[Ii]ntelligence)\b"
)
_INNER_ACRONYM_RE = re.compile(r"\s\([A-Z][A-Za-z.]{1,9}\)(?=\s+[A-Za-z])")
# Words that end a subject but name no part of the speaker.
# ... and "the bulletin issued on Friday night": the bulletin
_NP_TAIL_RE = re.compile(
    r"\s+(?:who|which|in\s+a\s+(?:statement|post|tweet|briefing|news\s+conference|video|report)|"
    r"overnight|late|early|(?:released|issued|published)\s.*)$"
)
# A speaker in a "with" clause: ", with the port authority confirming a toll of 31".
# (The boundary is checked after the word, so the engine scans for "with" in C.)
_WITH_SPEAKER_RE = re.compile(
    r"with(?<=\bwith)\s+(?P<np>(?:the\s+)?[A-Za-z][\w' -]{1,60}?)\s+(?:confirming|saying|reporting|"
    r"putting|estimating|giving)\b"
)
# What a group claims when it claims an attack, not a count.
_CLAIMED_ATTACK_RE = re.compile(
    r"\s+(?:responsibility|credit|to\s+have\s+(?:carried\s+out|staged|launched|conducted|"
    r"mounted|attacked)|(?:the|an|a)\s+(?:deadly\s+)?(?:attack|bombing|blast|assault|raid|ambush))\b"
)
# "The army accused rebels of killing 15": the accuser's figure (not "were accused of").
_ACCUSED_OF_RE = re.compile(r"\s+[^,.;:\"]{1,60}?\s+of\s")
_OWN_VERB_AFTER_RE = re.compile(
    r"\s+(?:was|were|is|are|had|has|have|would|could|might|may|will)\b(?!\s+(?:told|said)\b)"
)


_SOURCE_NOUNS = tuple(
    words("figures data statistics estimates tally tallies count records numbers")
)
_ACRONYM_APPOS_RE = re.compile(r",\s+(?P<acr>[A-Z]{2,8})\s*(?:[.;]|$)")
_NAME_APPOS_RE = re.compile(r",\s+(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}),")
_GAVE_NOT_RE = re.compile(r"\s+(?:his|her|their|only|no|up|way|birth|chase)\b")
_SAYING_RE = re.compile(r",\s+(?:saying\b|telling\s[^,.;\"]{1,60}?\bthat\b)")
# The subject of a sentence: the words before its first past-tense verb, after any dateline.
_PARTICIPLE_SUBJECT_RE = re.compile(
    r"(?:[A-Z][A-Z .'-]+,[^-\u2013\u2014]{0,40}[-\u2013\u2014]\s+)?"
    r"(?P<np>[A-Z][\w'-]*(?:\s+(?![a-z]+ed\b)[\w'.-]+){0,8}?)\s+(?:also\s+)?[a-z]+ed\b"
)
# (Each word's first letter is a literal and its boundary is checked after it, so the engine
# scans for "w" and "h" in C.)
_CONFIRMED_BY_RE = re.compile(
    r"(?:w(?<=\bw)(?:as|ere)|h(?<=\bh)(?:as|ave|ad)\s+been)\s+(?:confirmed|reported|given|announced|"
    rf"released|verified)\s+by\s+(?P<np>(?:{_NP_CHAR}){{2,80}}?)"
    r"(?=\s*(?:[,.;:()\"]|$|\s+(?:on|in|at|late|early|who|which)\b))"
    r"(?:\s*,\s*(?P<app>(?:a|an|the)\s[^,.;:\"()]{1,80}))?"
)
_PROVIDED_BY_RE = re.compile(
    r"\b(?:toll|figure|figures|tally|count|number|estimate)s?,\s+(?:provided|given|compiled|"
    r"released|supplied|issued|published)\s+by\s+(?P<np>[^,;:\"()]{2,80}?),"
)


# Verb forms that are also plural nouns, read as nouns before a preposition.
_NOUN_TOO = frozenset({"reports", "estimates", "shows", "counts", "tallies"})
# "Initial reports by the agency", "New reports suggest that ...": nouns
_NOUN_AFTER_RE = re.compile(
    r"\s+(?:by|from|of|suggest(?:s|ed)?|indicate[sd]?|put|show(?:s|ed)?|claim(?:s|ed)?|say|"
    r"have|had|were|are|released|issued|published|compiled|stated|state)\b"
)
_PAREN_SOURCE_RE = re.compile(
    r"\((?P<np>[A-Z][\w'&.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'&.-]*)){0,7})\)\.?$"
)


# What is left of "official figures" without the noun: a description of the figures.
_NOT_A_SOURCE = frozenset(
    ("official", "unofficial", "preliminary", "initial", "latest", "final", "provisional", "new")
)


# A document or count "by" its author, after "according to": the author is the source.
_WORK_BY_RE = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:estimate|report|count|tally|assessment|survey|"
    r"analysis|study|investigation|review|statement)\s+(?:by|from)\s+(?P<np>\S.*)$",
    re.I,
)
_ON_DATE_RE = re.compile(
    r"\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d|$)|\d{1,2}\s+[A-Z][a-z]+)"
)
# An opening phrase before a sentence's subject: "In a statement on Saturday, ".
_OPENER_RE = re.compile(r"(?:In|On|Late|Earlier|Later)\b[^,]{0,40},\s+")
# A document "released by" its author, as a sentence's subject: the author speaks.
_ISSUED_BY_RE = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:reports?|figures|data|statistics|statements?|bulletin|tally|count)\s+"
    r"(?:released|issued|published|compiled|provided)\s+by\s+(.+)$",
    re.I,
)
# A role after a name, between commas: "Ana Ruiz, media coordinator of the health department,".
# (the roles that speak for a body, as roles.py lists them)
_ROLE_APPOS_RE = re.compile(
    rf",\s+(?P<app>(?:[A-Za-z][\w'-]*\s+){{0,4}}?(?i:{_SPOKES_WORDS})\s+(?:for|of|at|with)\s+"
    r"[^,;:\"()]{3,80}),"
)
