"""What the words around a number say: victims, metric, and whether it counts people at all.

``analyse`` reads one figure phrase in its sentence (figures.py coordinates the results):
1. The words after it: a victim noun phrase ("regime soldiers"), then a metric word ("were
   killed", "wounded"); "twelve of the dead were children"; "14 bodies" (killed).
2. The words before it (before.py): a verb taking it as object ("killing 12"), a toll noun
   ("the death toll rose to 26"), "put the toll at".
3. Numbers that count things (a non-person head noun), ages, money, shares, years, speakers
   ("three witnesses said") or that have no metric at all are dropped.
4. Harm that is not split ("30 casualties", "killed or wounded 30", "the casualty toll"): the
   number mixes the dead and the injured, so it is no killed or injured figure and is dropped
   (precision first; a breakdown in the same sentence, "30 casualties, including 12 dead",
   is still read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.extraction import lexicon as lx
from claims.extraction.after import (
    _GENERIC_METRIC_RE,
    _HEAD_ALT,
    _METRIC_AFTER_ALT,
    _MOD,
    _NO_HEAD_RE,
    _OF_HARMED_RE,
    _OF_OWN_RE,
    _OF_PEOPLE_RE,
    _OF_PRONOUN_RE,
    _PATIENTS_VERB_RE,
    _POST_METRIC_RE,
    _PUT_METRICS,
    _SPEAKER_NEXT_RE,
    _SUBSET_PREDICATE_RE,
    _VICTIMS_RE,
    PREDICATE_VICTIMS_RE,
)
from claims.extraction.before import _MIXED_AFTER_RE, _before, _not_figure_before, _two_metrics
from claims.extraction.numbers import NUMBER
from claims.extraction.qualifiers import FigurePhrase
from claims.extraction.victims import _people_after, _plural_person

# "forced some 2,000 villagers to flee": only a verb of force makes "to flee" displacement.
_FORCED_RE = re.compile(
    r"\b(?:forc(?:ed|ing|es|e)|compell(?:ed|ing)|caus(?:ed|ing)|driv(?:en|ing)|drove)\b[^.;]*$"
)


# Substring gates: a regex below runs only when one of its words can be in the text at all
# (substring tests are C-fast; most figures have no hedge, revision or cumulative wording).

_CLAUSE_VERB_RE = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|remain|remained)\b")


@dataclass(slots=True)
class RawFigure:
    """A casualty figure found in one sentence, before attribution."""

    start: int
    end: int
    stated: str
    qualifier: str
    low: int
    high: int | None
    vague_word: str | None
    metric: str = ""
    victims: str = ""
    hedged: bool = False
    revised_from_earlier: bool = False
    revised: bool = False
    cumulative: bool = False
    extent: int = 0  # end of victims/metric words, for coordination checks
    own_metric: bool = False
    coordinated: bool = False  # joined to the previous figure ("83 killed and 120 injured")
    own_clause: bool = False  # followed by its own non-casualty verb ("one of them was charged")
    bodies: bool = False  # a count of bodies ("14 bodies", "the bodies of 9 men")
    phrase: FigurePhrase | None = field(default=None, repr=False)


_OF_ANY_RE = re.compile(
    rf"\s+of\s+(?:the|its|their|his|her|our)\s+(?P<np>(?:{_MOD}\s+){{0,2}}{_MOD})"
)
_OF_BARE_RE = re.compile(rf"\s+of\s+(?P<np>(?:{_MOD}\s+){{0,2}}{_MOD}s)\b")
# "Armed groups were responsible for 121 of the deaths": a share of a toll, stated as a fact.
_RESPONSIBLE_RE = re.compile(r"\b(?:responsible\s+for|accounted\s+for|account\s+for|caused)\s*$")
_LAST_METRIC_RE = re.compile(
    r"\b(deaths|dead|killed|fatalities|arrests|arrested|detained|detentions|injuries|injured|"
    r"wounded|displaced|missing)\b"
)
_BROUGHT_IN = ("children", "adults", "people", "victims", "persons", "women", "men")
_FEARED_RE = re.compile(r"\b(?:feared|believed|presumed|thought)\s+(?:to\s+be\s+)?$")
_HARMED_ADJECTIVES = {
    "displaced": "displaced",
    "injured": "injured",
    "wounded": "injured",
    "missing": "missing",
    "detained": "detained",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "deceased": "killed",  # "a morgue took in nine deceased persons"
}
_LIVES_VERB_RE = re.compile(
    r"\b(?:claimed|claiming|claims|cost|costing|costs|took|taking|takes)"
    r"(?:\s+(?:at\s+least|more\s+than|over|nearly|almost|about|some|an\s+estimated))?\s*$"
)
_LIST_OF_RE = re.compile(r"\ba\s+list\s+of\s+$")
_OF_DEAD_RE = re.compile(
    rf"\s+of\s+(?:the|those)\s+(?P<w>dead|killed|wounded|injured|victims|deaths|fatalities)\b"
    rf"(?:\s+(?:{_MOD}\s+){{0,1}}(?:{_HEAD_ALT})\b)?",  # "three of the injured students"
    re.I,
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d$")
_YEAR_BEFORE_RE = re.compile(
    r"\b(?:in|since|of|by|until|from|before|after)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+)?$"
)
# "up from the 9,500 recorded in September": an earlier count, which takes the metric of the
# figure before it (figures._inherit) whatever noun follows.
_UP_FROM_RE = re.compile(r"\b(?:up|down)\s+from(?:\s+(?:the|a|an))?\s*$")
_SCALED_M_RE = re.compile(r"\d(?:m|mn)\b", re.I)
# "9 out of 70 passengers were killed", "15 of the 40 wounded were children": a share of a
# group counted after it, whose words say what the share suffered.
_SHARE_OF_RE = re.compile(
    rf" (?:out of(?: a total of| the)?|of the) (?:{NUMBER})(?![\w,.-]*\d)", re.I
)
# "injured" as an adjective before a person noun, then their death ("two injured people died")
_THEN_DIED_RE = re.compile(
    rf"\s+(?:{_MOD}\s+){{0,1}}(?:{_HEAD_ALT})\s+(?:later\s+|subsequently\s+|have\s+|had\s+|since\s+)*"
    r"(?:died|succumbed)\b"
)
# The sentence's own verb after a relative clause on the victims ("who had been abducted
# were shot dead"), within the clause
_MAIN_AFTER_RELATIVE_RE = re.compile(
    r"[^,.;:]{0,60}?\s(?:were|was|have\s+been|had\s+been|are|is|later|then|subsequently)"
    rf"(?:\s+(?:later|then|subsequently|also|all|found))?\s+(?P<m>{_METRIC_AFTER_ALT})\b",
    re.I,
)
_RELATIVE_NEXT_RE = re.compile(r"\s+(?:who|that|which)\b")
# The group a share is drawn from ("out of 70 passengers"): no count of victims itself.
_SHARE_GROUP_ENDS = ("out of ", "out of a total of ")


def analyse(s: str, ph: FigurePhrase) -> RawFigure | None:
    rc = s[ph.end : ph.end + 200]
    lc = s[max(0, ph.start - 190) : ph.start]
    lc_low = lc.lower()
    share = rc[:8] in (" out of ", " of the ") and (sm := _SHARE_OF_RE.match(rc)) is not None
    if share:
        rc = " " * sm.end() + rc[sm.end() :]  # read the share as its group (same length)
    bm = _before(lc, lc_low)
    if not bm and _not_figure_before(lc):
        return None
    if _SPEAKER_NEXT_RE.match(rc):
        return None  # "three witnesses said": a count of speakers
    if rc[:1] == " " and lx.EVENT_NEXT_RE.match(rc):
        return None  # "the toll from three separate blasts": a count of events
    f = RawFigure(
        ph.start,
        ph.end,
        ph.stated,
        ph.qualifier,
        ph.low,
        ph.high,
        ph.vague_word,
        phrase=ph,
        extent=ph.end,
    )
    pos = 0
    if rc.startswith(" lives") and _LIVES_VERB_RE.search(lc_low, max(0, len(lc_low) - 24)):
        # "the strike claimed six lives", "the fighting has cost some 2,400 lives"
        f.metric, f.own_metric, f.extent = "killed", True, ph.end + 6
        return f
    if rc.startswith(" names") and _LIST_OF_RE.search(lc_low, max(0, len(lc_low) - 16)):
        # "The association maintains a list of 163 names": a roll of the dead
        f.metric, f.own_metric, f.extent = "killed", True, ph.end + 6
        return f
    if od := _OF_DEAD_RE.match(rc):
        # "twelve of the dead were children", "two of the wounded were in critical condition",
        # "26 of the wounded had been flown to the capital": a subset, whose metric is in the
        # noun; "five of the wounded died" moves it to the dead.
        f.metric, f.own_metric = lx.metric_of(od.group("w"), lx.METRIC_AFTER) or "killed", True
        f.extent = ph.end + od.end()
        if pm := PREDICATE_VICTIMS_RE.match(rc, od.end()):
            f.victims = pm.group("np")
            f.extent = ph.end + pm.end()
        elif mm := _POST_METRIC_RE.match(rc, od.end()):
            if lx.metric_of(mm.group("metric"), lx.METRIC_AFTER) == "killed":
                f.metric = "killed"
            f.extent = ph.end + mm.end()
        elif not _SUBSET_PREDICATE_RE.match(rc, od.end()) and not _RESPONSIBLE_RE.search(
            lc_low, max(0, len(lc_low) - 32)
        ):
            return None  # "at least five of the wounded will not survive": a prediction
        return f
    if hm := _OF_HARMED_RE.match(rc):
        # "dozens of wounded civilians", "hundreds of dead": the harm is in the adjective.
        f.metric, f.own_metric = lx.metric_of(hm.group("w"), lx.METRIC_AFTER) or "killed", True
        f.victims = hm.group("np") or ""
        f.extent = ph.end + hm.end()
        return f
    vm = _VICTIMS_RE.match(rc)
    if share and vm and _RELATIVE_NEXT_RE.match(rc, vm.end()):
        # "Three of the nine guards who were taken hostage later escaped": the clause
        # describes the group; what the share went through comes after it, too far to read.
        return None
    if vm:
        f.victims = "" if vm.group("np").lower() in ("them", "whom") else vm.group("np")
        if ph.low == 1 and f.victims and f.victims.split()[-1].lower() in lx.ONE_GROUP:
            return None  # "four members of one family were among those killed": a group
        pos = vm.end()
        vl = f.victims.lower()
        # "8,000 displaced people", "the 12 injured workers", "900 internally displaced people"
        skip = 1 if " " in vl and vl.split(None, 1)[0].endswith("ly") else 0
        if (
            vl.count(" ") > skip
            and (adj := vl.split(None, skip + 1)[skip]) in _HARMED_ADJECTIVES
            and not _POST_METRIC_RE.match(rc, pos)
        ):
            f.metric, f.own_metric = _HARMED_ADJECTIVES[adj], True
            f.victims = f.victims.split(None, skip + 1)[skip + 1]
            f.extent = ph.end + pos
            return f
        if vl.endswith(("bodies", "body", "corpses", "corpse")) or (
            vl.endswith("graves") and "mass" not in vl
        ):
            # "14 bodies", "64 fresh graves" (one each; a mass grave holds any number)
            f.metric, f.own_metric, f.extent = "killed", True, ph.end + pos
            f.victims, f.bodies = "", True
            return f
        if vl.endswith(("martyrs", "martyr")):
            # "the clinic took in 30 martyrs": the dead, in the words of their own side
            f.metric, f.own_metric, f.extent = "killed", True, ph.end + pos
            return f
    elif m := _OF_PRONOUN_RE.match(rc):
        pos = m.end()
    elif (
        rc.startswith(" of the ")
        and (m := _OF_PEOPLE_RE.match(rc))
        and _POST_METRIC_RE.match(rc, m.end()) is not None
    ):
        # "Nine of the survivors were taken to hospital": a subset with its own metric
        f.victims, pos = m.group("np"), m.end()
    mm = _POST_METRIC_RE.match(rc, pos)
    if not vm and not mm and not _NO_HEAD_RE.match(rc):
        # Some other noun follows: a count of people only with a metric or a verb taking it.
        gm = _GENERIC_METRIC_RE.match(rc)  # "12 Orlanian pilgrims were killed"
        if gm and _plural_person(gm.group("head"), ph.low == 1 and ph.high == 1):
            f.victims = gm.group("np")
            mm = _POST_METRIC_RE.match(rc, gm.end())
        elif bm and (bm.verb or bm.dead) and (np_end := _people_after(rc, ph.low == 1)):
            # "strikes killed 27 Orlanians", "arrested 17 suspected accomplices"
            f.victims, pos = np_end
        if not mm and not f.victims:
            om = _OF_ANY_RE.match(rc) if bm and bm.verb else None
            if om is None and bm and bm.verb and ph.vague_word:
                om = _OF_BARE_RE.match(rc)  # 'killed "dozens of crusaders"'
            if om is not None:
                f.victims = om.group("np").rstrip(".")  # "abducted two of its organisers"
                pos = om.end()
            elif not (bm and (bm.toll or bm.put or bm.tollref or bm.label)) and not (
                "from" in lc_low[-12:] and _UP_FROM_RE.search(lc_low[-16:])
            ):
                # A toll is followed by anything ("put the number of dead at 15 late on
                # Monday"); any other number followed by a noun counts something else.
                return None
    if (
        ph.vague_word
        and not vm
        and not mm
        and not (bm and bm.verb)
        and not rc.lstrip().startswith(("were ", "was ", "have ", "had "))
    ):
        return None  # "dozens of alleged violations": a vague word needs people or a metric
    if (
        not f.victims
        and ph.qualifier == "exact"
        and _YEAR_RE.match(ph.stated)
        and (not mm or _YEAR_BEFORE_RE.search(lc_low, max(0, len(lc_low) - 24)))
    ):
        return None  # "in 2015", "a bombing in 2021 killed 57"
    if mm and (xm := _MIXED_AFTER_RE.match(rc, mm.end())) and _two_metrics(xm, mm.group("metric")):
        return None  # "30 people were killed or wounded": no killed and no injured figure
    if bm and bm.mixed and not (bm.toll and mm):
        # "killed or wounded 30", "the casualty toll rose to 30"; but "had raised the
        # casualty toll to 7 dead and 19 wounded" names each figure's harm.
        return None
    if _SCALED_M_RE.search(ph.stated) and not vm:
        return None  # "1.2m" is a count of people only with people named ("1.2m people")
    if (
        mm
        and (
            mm.group("metric").lower() in ("to flee", "to escape")
            or (mm.group("metric").lower() == "flee" and rc[: mm.start("metric")].endswith("to "))
        )
        and not _FORCED_RE.search(lc_low[-40:])
    ):
        mm = None  # "urged 300 residents to flee" is no count of the displaced
    if mm and vm and lc_low.endswith(_SHARE_GROUP_ENDS):
        return None  # "9 out of 70 passengers were killed": 70 were not
    if mm:
        metric = lx.metric_of(mm.group("metric"), lx.METRIC_AFTER)
        if (
            metric == "killed"
            and mm.group("metric").lower() == "buried"
            and _FEARED_RE.search(rc, 0, mm.start("metric"))
        ):
            metric = "missing"  # "six are feared buried beneath a collapsed wall"
        elif metric == "injured" and _THEN_DIED_RE.match(rc, mm.end()):
            metric = "killed"  # "Two injured people died in hospital": the wounded who died
        if " who " in rc[: mm.start("metric")] and (
            wm := _MAIN_AFTER_RELATIVE_RE.match(rc, mm.end())
        ):
            # "six traders who had been abducted were shot dead": the clause describes them,
            # the verb after it says what the count is of
            metric = lx.metric_of(wm.group("m"), lx.METRIC_AFTER) or metric
            mm = wm
        if metric:
            f.metric, f.own_metric = metric, True
            f.extent = ph.end + mm.end()
    if (
        not f.metric
        and vm
        and (
            f.victims.lower().endswith("patients")
            # "the hospital had received 13 children": people a hospital takes in
            or ("hospital" in lc_low and f.victims.lower().endswith(_BROUGHT_IN))
        )
        and _PATIENTS_VERB_RE.search(lc_low, max(0, len(lc_low) - 40))
    ):
        # "the hospital received a total of 37 patients", "crews had taken four patients to
        # the infirmary": patients brought in are injured (not "evacuated 300 patients").
        f.metric, f.own_metric = "injured", True
    if not f.metric and bm:
        if bm.verb:
            verb = bm.verb.lower()
            if verb in ("lost", "losing") and not vm and not _OF_OWN_RE.match(rc):
                return None  # "lost 6 of their own" is a toll; "lost 40 tanks" is not
            if verb == "loss of" and not vm and not rc.lstrip().startswith("lives"):
                return None  # "the loss of 19 lives", not "the loss of 300 jobs"
            f.metric = lx.metric_of(verb, lx.METRIC_BEFORE) or ""
            f.bodies = verb.startswith(("bodies", "remains"))  # found, not told
        elif bm.label:
            label = bm.label.lower()
            f.metric = (
                "killed"
                if label in ("fatalities", "deaths", "dead")
                else lx.metric_of(label, lx.METRIC_AFTER) or ""
            )
        elif bm.tollref and (lm := _LAST_METRIC_RE.findall(lc_low)) and "bring" in lc_low[-40:]:
            # "45 additional arrests, bringing the number to 610": the kind counted before
            f.metric = lx.metric_of(lm[-1], lx.METRIC_AFTER) or "killed"
        elif bm.dead or bm.tollref:
            if bm.dead.lower() == "detainees":
                f.metric = "detained"  # "among the detainees are 18 journalists"
            else:
                f.metric = lx.metric_of(bm.dead, lx.METRIC_AFTER) if bm.dead[:1] in "adiw" else ""
            f.metric = f.metric or "killed"  # "the dead", "the deceased", "victims", "the toll"
        elif bm.toll:
            # "the number of confirmed deaths": the metric is the noun's last word
            f.metric = (
                lx.metric_of(bm.toll, lx.TOLL_NOUNS)
                or lx.metric_of(bm.toll.split()[-1], lx.METRIC_AFTER)
                or "killed"
            )
            if bm.over and f.qualifier == "exact" and f.high is not None:
                # "the toll could exceed 60": more than the number, whatever the tense.
                f.qualifier, f.low, f.high = "more_than", f.low + 1, None
        else:
            put = bm.put.lower()
            f.metric = next(
                (m for w, m in _PUT_METRICS if w in put),
                "killed",
            )
        f.own_metric = bool(f.metric)
    if not f.metric and _CLAUSE_VERB_RE.match(rc, vm.end() if vm else pos):
        if not vm and (pm := PREDICATE_VICTIMS_RE.match(rc, pos)):
            f.victims = pm.group("np")  # "of whom 1,104 were children": a subset, not a clause
        else:
            f.own_clause = True
    if not f.own_metric or not mm:
        f.extent = ph.end + (vm.end() if vm else pos)
    return f
