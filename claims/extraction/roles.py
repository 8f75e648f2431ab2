"""How news text writes a claimant's role: spokespersons ("the ministry's spokesman", "a
spokeswoman for the army", "its spokesman"), documents that speak for their issuer ("the
ministry's statement"), jobs, ranks and offices before a person's name ("regional governor
Oleh Synehubov"), descriptions before an organisation's name ("Human rights group Civic
Shield") and the collective nouns that are never grown into a fuller name. Patterns and word
lists only, for entities.Registry, so its rules read apart from the wording they match.
"""

from __future__ import annotations

import re

from claims.extraction.numbers import words

# Who speaks for an institution: its spokesperson, press or information officer.
_SPOKES_WORDS = (
    r"(?:spokesman|spokeswoman|spokesperson|press\s+officer|press\s+secretary|"
    r"(?:information|communications?|media|public\s+relations)\s+(?:officer|coordinator))"
)
_SPOKES_RE = re.compile(
    rf"^(?:(?:[Dd]eputy|[Cc]hief|[Ss]enior|[Aa]cting|[Tt]op)\s+)?(?P<org>.+?)(?:'s)?\s+"
    rf"(?:chief\s+)?{_SPOKES_WORDS}\s+(?P<person>[A-Z].+)$"
)

# A role written before a person's name: the name is the claimant, the role describes it.
# Heads that make a phrase one speaker of a body, not the body: "the government" is not the
# "Yemeni government official" named before.
_SPEAKER_ROLES = frozenset(
    ("official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources")
)
# A document speaks for whoever issued it: "the statement", "according to the bulletin".
_DOCUMENT_WORDS = frozenset(("statement", "report", "bulletin", "communique", "update"))
_ORG_DOCUMENT_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<org>.+?)\s+(?:statement|report|bulletin|communique|update)$", re.I
)
_OF_BODY_RE = re.compile(r"of\s+(?:the\s+)?[A-Z][\w'-]*\s+(?=[A-Z])")
_ROLE_BEFORE_NAME_RE = re.compile(
    r"^(?:[\w.'-]+\s+){0,4}?(?:(?:Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Brig|Insp|Supt|Gov|Sen|Rep|Cmdr)\.?"
    r"(?:-(?:Gen|Col|Cdr)\.?)?|[Oo]mbudsman|[Cc]oroner|[Cc]ouncil(?:or|man|woman)|"
    r"[Cc]ongress(?:man|woman)|"
    r"[Ss]pecialist|[Dd]efender|[Rr]apporteur|[Rr]esident|[Ww]itness|[Jj]ournalist|[Rr]eporter|"
    r"[Aa]ctivist|[Ss]urvivor|[Vv]illager|[Ll]awyer|[Aa]nalyst|[Ff]armer|[Tt]eacher|[Nn]urse|"
    r"[Dd]octor|[Gg]overnor|[Oo]fficial|[Oo]fficer|[Cc]ommander|[Cc]hief|"
    r"[Aa]dministrator|[Cc]ommissioner|[Mm]inister|[Mm]ayor|[Dd]irector|[Ss]ecretary|"
    r"[Cc]ouncillor|[Ll]awmaker|[Ll]egislator|[Ss]enator|[Ll]eader|[Ee]lder|[Cc]hairman|"
    r"[Cc]hairwoman|[Cc]oordinator|[Cc]onstable|[Ss]uperintendent|[Ss]uper|[Ii]nspector|[Ss]heriff|[Pp]rosecutor|"
    r"[Aa]mbassador|[Ee]nvoy|[Pp]hysician|[Ss]urgeon|[Hh]ead|[Pp]resident|[Pp]remier|[Cc]hancellor|"
    # ranks written out ("police Colonel Ana Vell", "army Captain ...")
    r"[Cc]olonel|[Cc]aptain|[Ll]ieutenant|[Ss]ergeant|[Cc]orporal|[Bb]rigadier|[Aa]dmiral|"
    r"[Gg]eneral|Major|Private)"
    # "Director General of Police"
    r"(?:\s+[Gg]eneral)?(?:\s+of\s+(?:Police|Prisons|Customs|Health|Defen[cs]e|Security))?\s+"
    r"(?P<name>(?:[B-HJ-Z]\s+)?[A-Z][\w'.-]+(?:\s+(?:[A-Z][\w'.-]+|al-\w+|bin|ibn|de|van|von|el-\w+)){1,4})$"
)
_SPOKES_TITLE_RE = re.compile(r"Spokes(?:man|woman|person)\s+[A-Z]")
_SPOKES_APPOS_RE = re.compile(
    rf"^(?:a|an|the|its|their|chief)?\s*(?:chief\s+)?(?:{_SPOKES_WORDS}|representative)\s+"
    r"(?:for|of|at|with)\s+(?P<org>.+)$",
    re.I,
)

_ORG_SPOKES_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<org>.+?)(?:'s)?\s+(?:chief\s+|senior\s+|deputy\s+)?"
    rf"{_SPOKES_WORDS}(?:\s+(?:in|for)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){{0,2}})?$",
    re.I,
)
_JOB_RE = re.compile(
    r"(?:local\s+|freelance\s+|independent\s+|senior\s+|assistant\s+)?(?:journalist|reporter|"
    r"photographer|activist|resident|witness|lawyer|farmer|teacher|researcher|analyst|blogger|"
    r"coroner|pathologist|fire\s+chief|police\s+chief)\s+(?=[A-Z])",
    re.I,
)
_ORG_DESC_RE = re.compile(
    r"(?:[a-z-]+\s+){0,3}?(?:(?:group|organi[sz]ation|charity|watchdog|NGO|network|outlet|"
    r"newspaper|broadcaster|daily|website)\s+(?=[A-Z])|"
    r"agency\s+(?=(?-i:[A-Z]{2,})\b))",  # "refugee agency UNHCR"
    re.I,
)
# Adjectives that stand for the body whose spokesperson speaks.
_OFFICE_ADJECTIVES = {"presidential": "presidency", "ministerial": "ministry"}
# A statement named by its issuer: "a statement from the naval command".
_STATEMENT_OF_RE = re.compile(r"(?:a|the)\s+statement\s+(?:from|by|of)\s+(?P<org>.+)$", re.I)
_ITS_SPOKES_RE = re.compile(
    rf"^(?:its|their)\s+(?:chief\s+|senior\s+|deputy\s+)?{_SPOKES_WORDS}$",
    re.I,
)
_DOCUMENT_RE = re.compile(
    r"^(?P<org>.+?)'s?\s+(?:latest\s+|own\s+|new\s+|official\s+)?(?:statement|report|tally|count|"
    r"figures|data|website|account|channel|post|bulletin|communique|toll)$",
    re.I,
)
# Roles that make a named person "the official" of a later sentence.
_OFFICES = words(
    """commissioner governor minister mayor director chief administrator secretary spokesman
    spokeswoman spokesperson officer commander head superintendent prefect chairman
    chairwoman"""
)


def holds_office(descriptors) -> bool:
    """Whether a person's descriptors name an office ("commissioner", "officer-in-charge")."""
    return any(d.split("-", 1)[0] in _OFFICES for d in descriptors)


_COLLECTIVE = words(
    """officials sources witnesses residents activists medics doctors rescuers relatives survivors
    people authorities police locals villagers paramedics""".replace("\n", " ")
)
_NOT_ORGS = frozenset({"a", "an", "the", "its", "their", "his", "her", "chief", "senior", "deputy"})

# Names of one body that sits to establish facts: "the panel" is the inquiry named before.
_INQUIRY_WORDS = frozenset(("inquiry", "panel", "tribunal", "commission", "investigation"))

# Heads of a person's office: a body's name never grows into one ("Lanmore Police chief").
_OFFICE_HEADS = words(
    """chief spokesman spokeswoman spokesperson commander director head official officer
    commissioner minister secretary governor mayor"""
)
_ROLE_OF_RE = re.compile(r"\s*of\s+(?:the\s+)?[A-Z][a-z]+$")
