"""The words a trip report uses to say who moved where, when, and how sure the writer is.

These are closed-class English cues, not facts about any article: prepositions of motion,
verbs of travel, hedges, plan words, supersession and negation. Each list is a compiled
pattern so the trip stage can ask "is there a travel verb in this clause?" in one call.
"""

from __future__ import annotations

import re

__all__ = [
    "AFTER",
    "BEFORE",
    "CLAUSE_BREAK",
    "CURRENT",
    "HEDGE",
    "MODIFIER_NOUNS",
    "NEGATION",
    "OTHERS",
    "PAST_PERFECT",
    "PAST_VERB",
    "PLAN",
    "PREPOSITIONS",
    "PRESENT_MOVE",
    "RETURN",
    "SUPERSEDED",
    "TIMETABLE",
    "TRAVEL",
]


def _words(*phrases: str) -> re.Pattern[str]:
    body = "|".join(sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


# Where a clause ends inside a sentence: the cue words of one clause ("likely", "now") do not
# reach into the next.
CLAUSE_BREAK = re.compile(
    r"[;:]|\s[-–—]{1,2}\s|—"
    r"|,\s+(?=(?:and|but|while|though|although|whereas|where|which|who|raising|before|after"
    r"|when|so|according|taking|settling|having|sending|making|followed|as)\b)"
    r"|\s(?=(?:but|and is|and was|and has|and had|and will|and would|and crossed"
    r"|and headed|and arrived|and left)\b)"
    r"|\b(?:that)\s|\b(?:said|says|told|reported|added|stated)\b\s+"
    r"|,\s+(?=(?:then\s+)?(?:[a-z]+ed|left|went|came|flew|drove|rode|took|made|met|spent)\s)"
    r"|,\s+(?=[a-z]+ing\s)|\s(?=(?:before|after)\s+[a-z]+ing\s)",
    re.IGNORECASE,
)

# The word right before a place (after descriptors are skipped) that makes it a location of the
# trip, and the role it gives: where the traveller came from, passed, went or was.
PREPOSITIONS = {
    "from": "origin", "leaving": "origin", "left": "origin", "leave": "origin",
    "leaves": "origin", "departed": "origin", "depart": "origin", "departs": "origin",
    "departing": "origin", "quit": "origin", "fled": "origin", "flee": "origin",
    "fleeing": "origin", "escaped": "origin",
    "through": "waypoint", "via": "waypoint", "across": "waypoint", "over": "waypoint",
    "past": "waypoint", "up": "waypoint", "down": "waypoint", "cross": "waypoint",
    "crossed": "waypoint", "crossing": "waypoint",
    "crosses": "waypoint", "transit": "waypoint", "transited": "waypoint", "pass": "waypoint",
    "passed": "waypoint", "passing": "waypoint", "passes": "waypoint", "along": "waypoint",
    "to": "destination", "for": "destination", "toward": "destination",
    "towards": "destination", "into": "destination", "onto": "destination",
    "at": "stop", "in": "stop", "on": "stop", "off": "stop", "inside": "stop", "reach": "stop",
    "reached": "stop", "reaching": "stop", "reaches": "stop", "visit": "stop",
    "visited": "stop", "visiting": "stop", "visits": "stop", "made": "stop", "entered": "stop",
    "enter": "stop", "entering": "stop", "enters": "stop", "toured": "stop", "tour": "stop",
    "near": "stop", "outside": "stop", "around": "stop",
}

# A travel or presence verb somewhere in the clause: without one, "in X" is context ("the war
# in X"), not a place the traveller was.
TRAVEL = _words(
    r"arriv\w*", r"depart\w*", "leave", "leaves", "leaving", "left", r"travel\w*", "fly",
    "flies", "flew", "flown", "flying", "drive", "drove", "driven", "driving",
    r"sail\w*", r"cross\w*", "pass", "passed", "passes", "passing", r"head\w*", "move",
    "moved", "moves", "moving", r"reach\w*", "visited", "visiting", "visits", r"land\w*",
    "took off", "take off", "takes off", "taking off", r"board\w*", "stopped", "stopping",
    "stay", "stayed", "stays", "staying", r"(?<!in )return\w*", r"go(?! ahead)",
    r"goes(?! ahead)", r"went(?! ahead)", "gone", r"going(?! ahead)", r"come(?! under)",
    r"comes(?! under)", r"came(?! under)", "coming", r"enter\w*", r"transit\w*", r"approach\w*",
    r"continu\w*", r"proceed\w*", "tour", "toured", "touring", r"halt\w*", "anchored",
    "at anchor", r"dock\w*", r"trek\w*", "bound", r"ride", "rode", "spent", "spend", "spends",
    r"welcom\w*", "meet", "meets", "met", "take place", "took place", "takes place",
    "will be held", "be held", "was held", "seated", r"detour\w*", "settling", "make it",
    "made it", "made", "picked up", r"migrated", r"fled", r"flee\w*", r"escap\w*", "walked",
    "walk", "hike", "hiked", r"pray\w*", "en route", r"calls? at", "called at", "port call",
    r"take up positions?", r"took up positions?", "on the way", r"descend\w*",
    r"disembark\w*", "stepped off", "stepping off", "touched down", "spotted", "seen",
    r"attend\w*", "took in", "take in", r"explor\w*", "visit", "stop", "stops", r"flock\w*",
    r"converg\w*", "rushed", "rushing", "poured", "set out", "sets out", "setting out",
    "set off", "sets off", "setting off", "set sail", "sets sail", "setting sail",
    r"(?:is|are|was|were|be|been|remains?|remained) (?:now |still |currently |already )?"
    r"(?:in|at)",
    r"(?:days?|nights?|hours?|weeks?) (?:in|at)", "due in", "due at", "intercepted",
    "rescued", "taken to", "brought to", "transferred", "flown", "driven", "evacuated",
    "back in", "back to", "back at", "back home", r"stop-?overs?", "layover", "greeted",
    "diverted", r"(?:taken|takes|take|taking|took) (?:him|her|them|it|us) to",
    r"operat(?:ing|es|ed)", r"deploy\w*", r"patrol\w*", "stationed",
    r"(?:hold|holds|held|holding) (?:talks|a summit|a meeting|meetings)",
    r"(?:took|take|takes|taking) (?:a |the )?(?:bus(?:es)?|trains?|flights?|boats?|"
    r"ferr(?:y|ies)|planes?|taxis?)",
)

# Travel nouns count only when the trip is the traveller's: "his trip to Russia", "Kim's visit
# to Hanoi"; "the migration route to the United States" is not a movement.
TRAVEL_NOUN = re.compile(
    r"\b(?:his|her|their|its|the\s+\w+['’]s?|[A-Z][\w-]*['’]s?)\s+(?:\w+\s+){0,2}"
    r"(?:trip|trips|journey|visit|voyage|flight|tour|route|way|itinerary|stop|stopover|"
    r"dinner|lunch|breakfast|meeting|summit|talks|convoy|motorcade|train|plane|ship)\b"
    # "a flight from London to Singapore": a vehicle's own route.
    r"|\b(?:a|an|the)\s+(?:\w+\s+)?(?:flight|train|ship|convoy|bus|boat|ferry|plane|vessel|"
    r"motorcade|caravan)\s+(?:from|to|bound)\b",
    re.IGNORECASE,
)

# Hedges and attributions that make what follows them speculation.
HEDGE = _words(
    "likely", "unlikely", "probably", "possibly", "possible", "possibility", "expected",
    "expect", "expects", "reportedly", "reports said", "reports say", "it was reported",
    "according to reports", "according to the reports", r"speculat\w*", r"rumou?r\w*",
    r"predict\w*", "(?-i:may)", "might", "could", "believed", "believe", "apparently", "appears",
    "appear to", "unconfirmed", "remains unknown", "unclear", "uncertain", "hopeful",
    "hope", "hopes", "hoped", "would", "mystery", "if", "some experts", "analysts",
    "suggest", "suggests", "suggested", "perhaps",
)

# Words of an announced plan: what the traveller will do, with nobody hedging.
PLAN = _words(
    "will", "shall", "'ll", "is to", "are to", "is set to", "are set to", "set to",
    "scheduled", "schedule", "plans to", "planned", "plan to", "is due to", "are due to",
    "itinerary", "is going to", "are going to", "to visit", "announced", "will be",
    "is continuing", "continues", "on its way", "on his way", "on her way", "on their way",
    "en route", "allowed to", "permitted to", "is due", "are due", "due in", "due at",
)

# A travel verb in the present simple tells a timetable: "From there he flies to Dili".
TIMETABLE = _words(
    "flies", "travels", "heads", "arrives", "departs", "leaves", "goes", "moves", "continues",
    "returns", "visits", "sails", "drives", "lands", "begins", "ends", "proceeds", "tours",
)

# The traveller is there now.
CURRENT = _words(
    "now", "currently", "at present", "at anchor", r"is (?:\w+ly )?(?:\w+ing)",
    r"are (?:\w+ly )?(?:\w+ing)", "remains", "remain", "is in", "are in", "is at", "are at",
    "seated", "stuck", "stranded", "waiting", "still",
)

# Present movement in progress ("is heading", "are moving").
PRESENT_MOVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?(?:now\s+)?\w+ing\b", re.IGNORECASE)

# Cues that the sentence tells a plan or guess that did not happen.
SUPERSEDED = _words(
    "initially", "originally", "at first", "original intention", "original plan",
    "was due to", "were due to", "was supposed to", "were supposed to", "was scheduled to",
    "were scheduled to", "had been expected", "had been scheduled", "had been planned",
    "was initially", "instead of", "rather than", "was meant to", "had planned",
    "was to have", "previously",
)

# Negation right before the place: "not going to X", "didn't make it to X".
NEGATION = re.compile(r"n['’]t\b|" + _words(
    "not", "never", "no longer", "given up", "gave up", "giving up", "denied",
    "refused", "refuse", "refuses", "refusing", "deny", "denies", "denying", "barred",
    "without reaching", "failed to", "instead of", "rather than", "cancel\\w*",
    "called off", "skipped", "skip", "avoid\\w*", "bypass\\w*",
).pattern, re.IGNORECASE)

# A return to a place already on the route is a new stop.
RETURN = re.compile(r"(?<!\bin )" + _words(
    r"return\w*", "back to", "back in", "back at", "again", "come back", "went back").pattern,
    re.IGNORECASE)

# The clause is past perfect: the event comes before the narrative's time.
PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|ft|wn|ne|ght|ng)\b"
                          r"|\bha(?:s|ve)\s+already\b", re.IGNORECASE)

# "after a stop in X", "after leaving X": the place comes before the clause's main event.
AFTER = re.compile(r"\b(?:after|following|having)\b", re.IGNORECASE)

# "before flying to Beirut", "before heading back via Almaty": the place comes after it.
BEFORE = re.compile(r"\bbefore\b", re.IGNORECASE)

# A finite past verb makes a clause a report of what happened.
PAST_VERB = re.compile(
    r"\bha(?:s|ve)\s+(?:already\s+|just\s+|now\s+)?\w+(?:ed|en)\b"
    r"|\b(?:was|were|had|did|left|went|came|met|held|took|made|flew|drove|rode|spent|saw|"
    r"said|told|reached|arrived|crossed|passed|headed|moved|stayed|visited|landed|departed|"
    r"returned|stopped|continued|traveled|travelled|boarded|entered|halted|sailed|arrived|"
    r"anchored|docked|trekked|settled|resumed|approached|transited|picked|stepped|"
    r"set (?:off|out|sail)|"
    r"\w+ed)\b",
    re.IGNORECASE,
)

# Movement whose subject is somebody else: "reporters are flocking to X".
OTHERS = _words(
    "reporters", "journalists", "media", "analysts", "officials", "crowds", "tourists",
    "residents", "protesters", "troops", "soldiers", "diplomats", "delegates", "others",
    "rescuers", "police", "fans", "typhoon", "hurricane", "cyclone", "tornado", "wildfire",
    "ash cloud", "refugees", "army", "rebels", "militants",
)

# A place name followed by one of these nouns modifies it ("the Pyongyang regime", "a Vietnam
# border town"): the place is not where the traveller was.
MODIFIER_NOUNS = frozenset({
    "regime", "government", "authorities", "authority", "officials", "official", "leader",
    "leaders", "leadership", "side", "army", "forces", "military", "police", "embassy",
    "summit", "talks", "team", "media", "press", "border", "administration", "ministry",
    "office", "court", "parliament", "council", "company", "firm", "club", "university",
    "newspaper", "agency", "news", "times", "post", "war", "conflict", "crisis", "deal",
    "accord", "agreement", "policy", "people", "citizens", "nationals", "residents",
    "counterpart", "counterparts", "relations", "ties", "issue", "question", "problem",
})
