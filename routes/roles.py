"""Roles: is each place mention a place the traveller went, and if so, how sure is the text?

A geoparser says "Vladivostok is mentioned"; a reader says "the train is north of Vladivostok
now, and Vladivostok itself was only an early guess". This stage reads the words around each
resolved mention, one clause at a time, and gives it either a route role (origin, stop,
waypoint, destination, venue, current) with a status (visited, current, planned, speculated),
or a reason it is not on the route (dateline, actor, context, past trip, rejected plan, caption
about another time, reference point). The cue words that decided are kept as evidence.

The rules are about English, not about any one article: a place is on the route when a travel
word governs it ("arrived in", "crossed", "left for", "is now moving north of") and the clause
is about the traveller; hedges ("likely", "reportedly") make it speculated, plan words ("will",
"scheduled") planned, "now" and present progressives current, and finite past verbs visited.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from . import cues
from .gazetteer import Gazetteer
from .geoparse import Geoparse
from .lexicon import PERSON_TITLES
from .model import Place, Resolved
from .names import fold
from .text import sentences
from .timex import TimeExpr, clause_tense, find_times, resolve_relative

__all__ = ["Reading", "read_roles", "traveler"]

# Words that may stand between a travel word and the place it governs: "arrived in the Russian
# border city of Khasan", "crossed the railway bridge over the Razdolnaya".
_DESCRIPTOR = frozenset({
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "city", "town", "village",
    "capital", "port", "island", "islands", "border", "railway", "rail", "bridge", "station",
    "region", "province", "state", "county", "area", "river", "district", "outskirts",
    "southern", "northern", "eastern", "western", "central", "remote", "coastal",
    "embattled", "far", "east", "west", "north", "south", "small", "big", "main", "major",
    "historic", "ancient", "old", "new", "nearby", "neighbouring", "neighboring", "seaside",
    "mountain", "mountainous", "industrial", "resort", "holy", "cruise", "terminal",
    "airport", "airbase", "base", "military", "space", "spaceport", "cosmodrome", "frontier",
    "crossing", "checkpoint", "sea", "lake", "bay", "gulf", "strait", "coast", "shore", "of",
    "international", "provincial", "regional", "federal", "autonomous", "breakaway",
    "occupied", "besieged", "war", "torn", "war-torn", "desert", "jungle", "northeastern",
    "northwestern", "southeastern", "southwestern", "far-eastern", "key", "strategic",
    "second", "third", "largest", "biggest", "home", "hometown", "native", "ancestral",
    "site", "ruins", "shrine", "monastery", "church", "cathedral", "mosque", "temple",
    "square", "stadium", "camp", "harbour", "harbor", "naval", "air",
})
_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
# "Moscow, in return, may agree": the place is the subject of a verb, so it acts.
_SUBJECT_OF = re.compile(r"\s*(?:,[^,.]{1,30},)?\s*(?:has|have|had|is|are|was|were|may|might|"
                         r"will|would|could|can|should|must|said|says|say|warned|warns|agreed|"
                         r"agrees|wants|wanted|[a-z]+ed|[a-z]+s)\b")
_ACTOR_VERBS = frozenset({
    "supply", "supplies", "supplied", "supplying", "alerting", "alert", "alerted", "warn",
    "warned", "warning", "urge", "urged", "accuse", "accused", "sanction", "sanctioned",
    "support", "supported", "backed", "help", "helped", "provide", "provided", "against",
    "with", "and", "between", "by", "than", "like",
})
_SAYING = re.compile(r"\b(?:said|say|says|reported|reports|report|told|believe\w*|predict\w*|"
                     r"expect\w*|speculat\w*)\b", re.IGNORECASE)
_TRAVELLER_WORD = re.compile(r"\b(?:he|him|his|she|her|they|them|their)\b", re.IGNORECASE)
_PAST_PROGRESSIVE = re.compile(r"\b(?:was|were)\s+(?:still\s+|now\s+|(?:seen|spotted|reported)\s+)?"
                               r"\w+ing\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+(?:\w+ly\s+)?(?:transit|visit|reach|cross|travel|sail|fly|go|"
                         r"enter|pass|land|dock|return|move|head|tour|stop|disembark|berth|"
                         r"anchor)\b", re.IGNORECASE)
_REALISED = re.compile(r"\b(?:took|takes|take|managed|went on|decided|used|needed)\b",
                       re.IGNORECASE)
_NEARNESS = frozenset({"close", "next", "adjacent", "near"})
_EN_ROUTE = re.compile(r"\b(?:stop-?over|layover|en route|via|with an?\s+(?:\w+\s+)?stop)\b"
                       r"[^,.;]{0,25}$", re.IGNORECASE)
# "Beijing's main railway station", "Kabul's airport": the town's own facility, reached by
# reaching the town; not another place that it owns ("Calcutta's Dum Dum Airport").
_OWN_FACILITY = re.compile(
    r"['’]s\s+(?:(?:main|central|international|old|new|busiest|biggest|largest|only|"
    r"northern|southern|eastern|western)\s+)*(?:(?:railway|railroad|train|bus|ferry)\s+)?"
    r"(?:station|terminal|airport|airfield|port|harbou?r|docks?|outskirts|suburbs?|"
    r"cent(?:re|er)|downtown)\b", re.IGNORECASE)
_BACKSHIFTED = frozenset({"was due to", "were due to", "was scheduled to", "were scheduled to"})
_EARLIER_TRIP = re.compile(r"\b(?:last year|the previous year|a year (?:ago|earlier)|"
                           r"years? ago|in the past)\b", re.IGNORECASE)
_TRIP_DAYS = 40  # a dated visit further back than this is an earlier trip, not this one
_COORDINATION = frozenset({",", "and", "or", "then", "&", "and/or"})
_FILE_PHOTO = re.compile(r"\b(?:file|archive|undated|handout)\s+(?:photo|image|picture)\b",
                         re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.!?\"”]\s*$")


@dataclass(frozen=True, slots=True)
class Reading:
    """One mention as the trip stage reads it: its route role and status, or why it is off it.

    ``weak`` marks a heading in past tense ("left for Hanoi", "headed to X"): the traveller
    set off for the place, which the text does not say was reached. ``earlier`` marks a clause
    in the past perfect ("the dog they had left behind in Venezuela"): it happened before the
    narrative's time.
    """

    index: int
    resolved: Resolved
    role: str | None
    status: str | None
    reason: str | None
    cues: tuple[str, ...]
    sentence: str
    sentence_start: int
    time: TimeExpr | None
    weak: bool = False
    earlier: bool = False
    returning: bool = False
    before_main: bool = False
    after_main: bool = False
    on_the_way: bool = False
    clause_start: int = 0

    @property
    def on_route(self) -> bool:
        return self.role is not None

    @property
    def mention(self):
        return self.resolved.mention


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int


def read_roles(parse: Geoparse, anchor: date | None, who: str | None
               ) -> tuple[list[Reading], list[TimeExpr]]:
    """Read every resolved mention of a document; the time expressions come back too.

    ``who`` is the traveller (see :func:`traveler`): movements of other named people are
    left out. When every place the traveller went lies before the report's window ("The
    family fled Khartoum in April last year, ..."), that journey is the story, not an
    earlier trip, and it is read as the route.
    """
    times = _chain(find_times(parse.document.text, anchor))
    readings = _read_all(parse, anchor, who, times, allow_past=False)
    if anchor is not None and any(r.reason == "past trip" for r in readings) and not any(
            r.on_route and r.time is not None and r.time.start_dt is not None and
            (anchor - r.time.start_dt.date()).days <= _TRIP_DAYS for r in readings):
        # Nothing on the route is dated in the report's own window: the dated past is the
        # story's own journey, not an earlier trip.
        readings = _read_all(parse, anchor, who, times, allow_past=True)
    return readings, times


def _read_all(parse: Geoparse, anchor: date | None, who: str | None, times: list[TimeExpr],
              *, allow_past: bool) -> list[Reading]:
    text = parse.document.text
    spans = [(s.start, s.end) for s in sentences(text)]
    others = _someone_else(who)
    anchors = {m.mention.anchor for m in parse.mentions if m.mention.kind == "relative"}
    anchors |= {m.mention.anchor2 for m in parse.mentions if m.mention.kind == "relative"}
    relative_spans = [(m.mention.start, m.mention.end) for m in parse.mentions
                      if m.mention.kind == "relative"]
    plain = sorted((m.mention.start, m.mention.end) for m in parse.mentions
                   if m.mention.kind == "place")
    pairs = [(a, c) for (a, b), (c, _) in itertools.pairwise(plain) if text[b:c] == " "]
    joined = {a for a, _ in pairs} | {c for _, c in pairs}
    readings = []
    mentions = list(parse.mentions)
    here = _here(parse)
    if here is not None:
        mentions.append(here)
    for index, resolved in enumerate(mentions):
        m = resolved.mention
        s_start, s_end = next(((a, b) for a, b in spans if a <= m.start < b),
                              (m.start, m.end))
        reader = _MentionReader(text, resolved, s_start, s_end, times, anchor, parse, others,
                                allow_past)
        (role, status, reason, found, weak, earlier, returning, before_main, after_main,
         on_the_way) = reader.read(
            index in anchors, m.start in joined and m.kind == "place",
            any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                for a, b in relative_spans))
        readings.append(Reading(
            index=index, resolved=reader.resolved, role=role, status=status, reason=reason,
            cues=tuple(dict.fromkeys(found)), sentence=text[s_start:s_end].strip(),
            sentence_start=s_start, time=reader.time, weak=weak, earlier=earlier,
            returning=returning, before_main=before_main, after_main=after_main,
            on_the_way=on_the_way,
            clause_start=reader.clause.start,
        ))
    _place_described(readings, parse)
    return readings


def _place_described(readings: list[Reading], parse: Geoparse) -> None:
    """"Pingxiang, close to the border with Vietnam": of the towns called Pingxiang, take the
    one near Vietnam. The phrase that describes a name chooses between its candidates."""
    for r in readings:
        if r.reason != "describes where another place is" or r.mention.anchor is None:
            continue
        anchor = parse.mentions[r.mention.anchor].place
        before = [x for x in readings if x.mention.kind == "place" and
                  x.mention.end <= r.mention.start and x.resolved.place is not None]
        if anchor is None or not before:
            continue
        named = max(before, key=lambda x: x.mention.end)
        options = [named.resolved.place, *named.resolved.alternatives]
        best = min(options, key=lambda p: _distance_to(p, anchor))
        if best is not named.resolved.place and _distance_to(best, anchor) < 1.5 < \
                _distance_to(named.resolved.place, anchor):
            readings[named.index] = replace(named, resolved=replace(
                named.resolved, place=best, lat=best.lat, lon=best.lon))


def _distance_to(place, area) -> float:
    """Degrees from a place to an area's outline (or point): a rough nearness, enough to rank."""
    from shapely.geometry import Point, shape

    point = Point(place.lon, place.lat)
    if area.extent:
        return shape(area.extent).distance(point)
    return point.distance(Point(area.lon, area.lat))


class _MentionReader:
    """The reading of one mention: clause, governor, cues, time."""

    def __init__(self, text: str, resolved: Resolved, s_start: int, s_end: int,
                 times: list[TimeExpr], anchor: date | None, parse: Geoparse,
                 others, allow_past: bool = False) -> None:
        self.text = text
        self.resolved = resolved
        self.m = resolved.mention
        self.s_start, self.s_end = s_start, s_end
        self.clause = _clause_of(text, s_start, s_end, self.m.start, self.m.end)
        self.times = times
        self.anchor = anchor
        self.trip_year = anchor.year if anchor else None
        self.allow_past = allow_past
        self.parse = parse
        self.others = others
        self.found: list[str] = []
        self.time = self._time()
        self.reported_plan = ""  # "was due to", told of a plan dated after the report

    def read(self, is_anchor: bool, joined: bool, inside_relative: bool):
        """(role, status, reason, cues, weak, earlier, returning, before_main, after_main,
        on_the_way) for the mention: ``before_main`` and ``after_main`` place it before or
        after the main event of its sentence ("after a stop in X", "before flying to X"),
        ``on_the_way`` between its origin and destination ("with a stopover in X")."""
        role, status, reason, found, weak, earlier, returning = self._read(
            is_anchor, joined, inside_relative)
        city = self._city_named_like_its_region() if role is not None else None
        if city is not None:
            # "arrived in New York": a traveller reaches the city, not the state's centre.
            self._read_as(city)
        # The place must be inside the "after ..." or "before ..." phrase, not in the clause it
        # introduces; the nearer word decides.
        lead = self.text[max(self.clause.start, self.m.start - 45):self.m.start]
        after, before = list(cues.AFTER.finditer(lead)), list(cues.BEFORE.finditer(lead))
        after_end = after[-1].end() if after else -1
        before_end = before[-1].end() if before else -1
        before_main = after_end > before_end and "," not in lead[after_end:]
        after_main = before_end > after_end and "," not in lead[before_end:]
        # "for Lima, with a stopover in Los Angeles": on the way there.
        on_the_way = role == "waypoint" and bool(_EN_ROUTE.search(lead)) and not after_main
        if (before_main or on_the_way) and status == "current":
            role, status = "stop", "visited"  # "is in Nairobi after two days in Kampala"
        return (role, status, reason, found, weak, earlier, returning, before_main, after_main,
                on_the_way)

    def _read(self, is_anchor: bool, joined: bool, inside_relative: bool):
        m, structure = self.m, self.parse.structure
        if m.kind in ("adjectival", "demonym"):
            return None, None, "adjective or demonym, not a place visited", [], False, False, \
                False
        if m.kind == "embedded":
            return None, None, "part of an organisation's name", [], False, False, False
        if m.kind == "dateline":
            return None, None, "dateline (where the report was filed)", [], False, False, False
        if structure.in_furniture(m.start):
            return None, None, "header or byline", [], False, False, False
        if self.resolved.lat is None:
            readings = self.resolved.alternatives[:2]
            if self.resolved.unplaced == "tie":
                # resolve leaves a name unplaced when its two best readings tie far apart...
                names = " or ".join(f"{p.name} ({p.country})" if p.country else p.name
                                    for p in readings)
                return None, None, f"ambiguous: {names}", [], False, False, False
            if self.resolved.unplaced == "far":
                # ... and when its reading is a small town far from all the story's places.
                place = readings[0]
                return None, None, f"unplaced: {place.name} ({place.country}) is far from the " \
                    "story's places", [], False, False, False
            return None, None, "not found in the gazetteer", [], False, False, False
        if is_anchor or inside_relative:
            return None, None, "reference point of a relative location", [], False, False, \
                False
        if joined:
            return None, None, "part of a longer name (two place names side by side)", [], \
                False, False, False
        if m.kind == "place" and m.surface[:1].islower() and \
                self.text[m.start:m.end].lower() != "here":
            return None, None, "a common noun, not a name", [], False, False, False
        if re.search(r"\bthe\s+$", self.text[max(0, m.start - 5):m.start]) and \
                self.resolved.place.feature_class == "P":
            # "the Rotterdam", "the White House": with an article, a town's name is a ship, a
            # firm or a building; prefer a reading that is not a town.
            other = next((a for a in self.resolved.alternatives if a.feature_class != "P"),
                         None)
            if other is None:
                return None, None, "a name after 'the': not the town of that name", [], \
                    False, False, False
            self._read_as(other)
        after = self.text[m.end:m.end + 30]
        if re.match(r"['’]s\b", after) and not _OWN_FACILITY.match(after):
            return None, None, "context (names the owner of another place)", [], False, \
                False, False
        if re.match(r"\s+(?:\w+\s+)?(?:port|city|town|village|region|province|state|island|"
                    r"capital|coast|district|republic)\s+of\s+[A-Z]", after):
            # "the Arctic port of Severomorsk": an adjective for the place that follows.
            return None, None, "context (describes the place that follows)", [], False, \
                False, False
        follower = re.match(r"\s*([-–]|[A-Za-z]+)", after)
        if follower and (follower.group(1) in "-–" or
                         follower.group(1).lower() in cues.MODIFIER_NOUNS):
            word = follower.group(1).lower()
            actor = word in {"regime", "government", "authorities", "administration",
                             "leadership", "military", "army", "forces", "officials"}
            return None, None, ("political actor" if actor else "context (modifies a noun)"), \
                [], False, False, False
        caption = structure.in_caption(m.start)
        if caption and self._in_brackets():
            return None, None, "photo credit or usage note", [], False, False, False
        if m.kind == "relative" and self._describes_previous():
            return None, None, "describes where another place is", [], False, False, False
        if caption and self._caption_of_other_time():
            return None, None, "photo caption about another time", [], False, False, False
        role, governor = self._governor()
        clause_text = self.text[self.clause.start:self.clause.end]
        if role is None:
            return None, None, self._ungoverned_reason(), [], False, False, False
        travel = cues.TRAVEL.search(clause_text) or cues.TRAVEL_NOUN.search(clause_text)
        if travel is None:
            return None, None, "context (no travel in its clause)", [], False, False, False
        self.found += [governor, travel.group(0)]
        subject = self.text[self.clause.start:m.start]
        other = self.others(subject)
        if other:
            self.found.append(other)
            return None, None, "movement of someone else", list(self.found), False, False, \
                False
        sentence = self.text[self.s_start:self.s_end]
        before = self.text[max(self.clause.start, m.start - 60):m.start]
        negation = cues.NEGATION.search(before)
        if negation and not re.search(r"\b(?:apart from|except|but)\b",
                                      before[negation.end():]):
            self.found.append(negation.group(0))
            return None, None, "rejected or not reached", list(self.found), False, False, False
        superseded = cues.SUPERSEDED.search(sentence)
        if superseded and self._reported_plan(superseded.group(0)):
            self.reported_plan = superseded.group(0)
        elif superseded:
            self.found.append(superseded.group(0))
            return None, None, "rejected or superseded plan", list(self.found), False, False, \
                False
        if not self.allow_past and self._past():
            return None, None, "past trip", list(self.found), False, False, False
        status, weak = self._status(role, caption)
        earlier = bool(cues.PAST_PERFECT.search(
            self.text[max(self.clause.start, m.start - 50):m.start]))
        returning = bool(cues.RETURN.search(self.text[self.clause.start:m.start]))
        if status == "current":
            role = "current"
        elif _EN_ROUTE.search(self.text[self.clause.start:m.start]):
            role = "waypoint"  # "with a stopover in Los Angeles"
        elif role == "stop" and re.search(r"\b(?:meet\w*|summit|talks|ceremon\w*|mass|"
                                          r"welcom\w*|celebrat\w*|pray\w*)\b", clause_text,
                                          re.IGNORECASE):
            role = "venue"
        return role, status, None, list(self.found), weak, earlier, returning

    def _in_brackets(self) -> bool:
        before = self.text[self.s_start:self.m.start]
        return before.count("(") > before.count(")")

    def _describes_previous(self) -> bool:
        """"Pingxiang, close to the border with Vietnam": the phrase places the name before."""
        before = self.text[max(self.s_start, self.m.start - 60):self.m.start]
        return bool(re.search(r"[A-Z][\w’'-]+,\s*(?:(?:close|next|adjacent)\s+to|near|not far "
                              r"from|just|on|along|by)?\s*(?:the\s+)?$", before))

    def _caption_of_other_time(self) -> bool:
        span = next(c for c in self.parse.structure.captions if c.start <= self.m.start < c.end)
        caption = self.text[span.start:span.end]
        if _FILE_PHOTO.search(caption):
            self.found.append(_FILE_PHOTO.search(caption).group(0))
            return True
        years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", caption)]
        return bool(self.trip_year and years and max(years) < self.trip_year)

    def _governor(self) -> tuple[str | None, str]:
        """The travel word that governs the mention, skipping descriptors, and its role."""
        m = self.m
        if m.kind == "relative":
            # "is now moving north of X", "arrived near X": the word before the phrase is a
            # travel word; "on the northern border with X" only says where something else is.
            words = [w for w in _WORD.findall(self.text[self.clause.start:m.start])
                     if w.lower() not in ("now", "still", "currently", "slowly", "about",
                                          "some", "just", "the", "a")]
            last = words[-1].lower() if words else ""
            if last in cues.PREPOSITIONS and last not in ("on", "in", "of", "over"):
                return cues.PREPOSITIONS[last], last
            if last and cues.TRAVEL.fullmatch(last):
                return "stop", last
            clause_before = self.text[self.clause.start:m.start]
            if m.relation == "direction" and last not in ("on", "in", "of", "over") and \
                    cues.TRAVEL.search(clause_before):
                # "were rescued by a charity ship south of Lampedusa": the event's place.
                return "stop", m.surface.split()[0]
            if m.relation == "near" and last in (",", "") and cues.TRAVEL.search(
                    self.text[self.clause.start:self.clause.end]):
                return "stop", m.surface.split()[0]
            if m.relation == "near" and words and words[-1][:1].isupper():
                # "flown to Sheba Medical Center near Tel Aviv": a venue the gazetteer does
                # not know, placed by the phrase after it; its own governor decides.
                j = len(words) - 1
                while j >= 0 and (words[j][:1].isupper() or words[j].lower() in _DESCRIPTOR):
                    j -= 1
                low = words[j].lower() if j >= 0 else ""
                if low in cues.PREPOSITIONS and low not in ("on", "of", "over"):
                    return cues.PREPOSITIONS[low], low
            return None, ""
        if self.text[m.start:m.end].lower() == "here":
            # "arrived here", "left here": the dateline's place, in the role of the verb.
            words = _WORD.findall(self.text[self.clause.start:m.start])
            verb = words[-1].lower() if words else ""
            return _HERE_ROLES.get(verb, "stop"), verb
        words = _WORD.findall(self.text[self.clause.start:m.start])
        steps = 0
        for i in range(len(words) - 1, -1, -1):
            word, low = words[i], words[i].lower()
            steps += 1
            if steps > 10:
                break
            if low == "of" and i > 0 and words[i - 1].lower() == "out":
                return "origin", "out of"  # "flew out of Buenos Aires"
            if low in cues.PREPOSITIONS:
                if low in ("on", "around") and steps > 3:
                    break
                if low == "to" and i > 0 and words[i - 1].lower() in _NEARNESS:
                    return "stop", f"{words[i - 1]} to"
                return cues.PREPOSITIONS[low], low
            if low in _DESCRIPTOR or (word[:1].isupper() and low != "i") or \
                    re.fullmatch(r"[\w.-]+['’]s", word) or re.fullmatch(r"[\d,.-]+", word):
                continue
            # "crossed the Red Sea, then the Arabian Sea": coordination carries the verb on.
            if low in _COORDINATION and _after_name(words, i):
                continue
            break
        return None, ""

    def _ungoverned_reason(self) -> str:
        place = self.resolved.place
        words = _WORD.findall(self.text[self.clause.start:self.m.start])
        previous = words[-1].lower() if words else ""
        big = place is not None and (place.kind in ("country", "region") or
                                     place.feature_code in ("PPLC", "PPLA"))
        if big and (previous in _ACTOR_VERBS or _SUBJECT_OF.match(self.text, self.m.end)):
            return "political actor"
        return "context (not governed by a travel word)"

    def _time(self) -> TimeExpr | None:
        """The time expression of the mention's clause, else of its sentence."""
        in_clause = [t for t in self.times
                     if self.clause.start <= t.start and t.end <= self.clause.end]
        after = [t for t in in_clause if t.start >= self.m.end]
        near = [t for t in after if "," not in self.text[self.m.end:t.start]]
        before = [t for t in in_clause if t.end <= self.m.start]
        # A time leading the sentence ("On Sunday morning, ...") covers all of it; a time in
        # another clause does not.
        lead = self.text[self.s_start:self.s_end].split(",", 1)[0]
        fronted = [t for t in self.times if self.s_start <= t.start and
                   t.end <= min(self.m.start, self.s_start + len(lead)) and
                   re.fullmatch(r"\W*(?:\w+\W+)?", self.text[self.s_start:t.start])]
        pool = near or before or fronted
        if not pool:
            return None
        return min(pool, key=lambda t: abs(t.start - self.m.start))

    def _past(self) -> bool:
        """An earlier trip: a year before the report's ("as he did in 2019"), "last year", or
        a time more than 40 days before the report ("visited Beirut earlier this year")."""
        clause = self.text[self.clause.start:self.clause.end]
        earlier = _EARLIER_TRIP.search(clause)
        if earlier:
            self.found.append(earlier.group(0))
            return True
        t = self.time
        if t is None or self.trip_year is None:
            # "Xi last visited Russia in 2019, when the two leaders met in St Petersburg": an
            # older year earlier in the sentence dates an undated clause too. A later one dates
            # something else: "flying to Beirut, where he will pray at the site of the 2020
            # port explosion".
            years = [y for y in (_year_of(x) for x in self.times
                                 if self.s_start <= x.start < self.m.start) if y]
            if self.trip_year and years and max(years) < self.trip_year:
                self.found.append(str(max(years)))
                return True
            return False
        year = _year_of(t)
        if year is not None and year < self.trip_year:
            self.found.append(t.text)
            return True
        if self.anchor and t.start_dt and t.end_dt and not t.relative:
            middle = t.start_dt + (t.end_dt - t.start_dt) / 2
            if (self.anchor - middle.date()).days > _TRIP_DAYS:
                self.found.append(t.text)
                return True
        return False

    def _read_as(self, place: Place) -> None:
        """Read the mention as another of its readings, pinned there."""
        self.resolved = replace(self.resolved, place=place, lat=place.lat, lon=place.lon)

    def _city_named_like_its_region(self) -> Place | None:
        """A city of a million or more that the mention's first-order region is named after
        ("New York" the state, New York City), among the mention's readings."""
        place, surface = self.resolved.place, fold(self.m.surface)
        if place is None or place.feature_code != "ADM1":
            return None
        return next((a for a in self.resolved.alternatives
                     if a.feature_class == "P" and a.population >= 1_000_000
                     and a.country == place.country and a.admin1 == place.admin1
                     and fold(a.name).startswith(surface)), None)

    def _reported_plan(self, cue: str) -> bool:
        """"He was due to fly back on Sunday" in Saturday's report: a plan told in the past
        tense of reported speech, dated after the report, not a plan that was dropped."""
        t = self.time
        sentence = self.text[self.s_start:self.s_end]
        return (cue.lower() in _BACKSHIFTED and t is not None and t.start_dt is not None
                and self.anchor is not None and t.start_dt.date() > self.anchor
                and not cues.NEGATION.search(sentence))  # "..., but the trip was called off"

    def _status(self, role: str, caption: bool) -> tuple[str, bool]:
        m = self.m
        sentence_before = self.text[self.s_start:m.start]
        clause_before = self.text[self.clause.start:m.start]
        clause_text = self.text[self.clause.start:self.clause.end]
        follow = _following_clause(self.text, self.clause.end, self.s_end)
        ends_clause = not re.search(r"\w", self.text[m.end:self.clause.end]) or \
            re.fullmatch(r"(?:,\s*(?:in\s+|near\s+|on\s+)?[A-Z][\w.’' -]*)+,?\s*",
                         self.text[m.end:self.clause.end])
        if follow and ends_clause and not (
                re.match(r",?\s*where\b", follow, re.IGNORECASE)
                and (cues.HEDGE.search(clause_before) or cues.PLAN.search(clause_before))):
            # ", which she reached on Monday" / ", where it plays on June 2": the relative
            # clause says when, and with a travel word also what happened at the place. A
            # "where" clause tells of something else at the place when the place's own clause
            # has a plan or a guess: "is expected to end the tour in Cairo, where he met
            # Egypt's foreign minister in June".
            start = self.text.find(follow, self.clause.end)
            told = [t for t in self.times if start <= t.start < start + len(follow)]
            if told and (self.time is None or self.time.start < self.clause.start):
                self.time = told[0]
            if cues.TRAVEL.search(follow):
                sentence_before = clause_before = clause_text = follow
        if caption:
            self.found.append("photo caption")
            return "visited", False
        if self.text[self.s_start:self.s_end].rstrip(" \"”'’").endswith("?"):
            self.found.append("?")
            return "speculated", False
        scope = clause_text
        joined = re.search(r"\b(?:and|but)\b", self.text[m.end:self.clause.end])
        if clause_text is not follow and joined:
            # "reached Guatemala City on Tuesday and hope to be at ...": the hedge is the
            # second verb's.
            scope = self.text[self.clause.start:m.end + joined.start()]
        hedge = _last(cues.HEDGE, sentence_before) or _last(cues.HEDGE, scope)
        if hedge:
            self.found.append(hedge)
            return "speculated", False
        if self.reported_plan:
            self.found.append(self.reported_plan)
            return "planned", False
        headline = self._headline()
        # The verb that governs a fronted place comes after it ("From Mosul he will continue
        # to ..."); a relative clause further on ("a town whose church was burned") does not.
        tail = re.split(r"[,;:]|\b(?:whose|which|who|where)\b",
                        self.text[m.end:self.clause.end], maxsplit=1)[0]
        if cues.TRAVEL.search(clause_before) or cues.PAST_VERB.search(clause_before):
            tail = ""  # the verb is already before the place
        if clause_text is not follow:
            clause_text = clause_before + self.text[m.start:m.end] + tail
        current = _last(cues.CURRENT, clause_text)
        if current and _TOLD_PAST.search(clause_text[:clause_text.rfind(current)]):
            current = None  # "where they were stranded for a week": then, not now
        if current and not headline:
            self.found.append(current)
            # "is continuing on its journey to X": heading there, not there yet.
            return ("planned", False) if role == "destination" else ("current", False)
        bound = re.search(r"\bbound\s+(?:for|to)\s+(?:the\s+)?$",
                          self.text[max(self.s_start, m.start - 20):m.start], re.IGNORECASE)
        if bound:  # "a ship bound for Rotterdam": where it is going, not where it has been
            self.found.append(bound.group(0).strip())
            return "planned", False
        plan = _last(cues.PLAN, clause_before) or _last(cues.PLAN, tail)
        if plan:
            self.found.append(plan)
            return "planned", False
        unrealised = _INFINITIVE.search(self.text[max(self.clause.start, m.start - 45):m.start])
        if unrealised and not _REALISED.search(clause_before[:clause_before.rfind(
                unrealised.group(0))] if unrealised.group(0) in clause_before else ""):
            # "permission to transit X", "hopes to reach X": a movement not yet made.
            self.found.append(unrealised.group(0))
            return "speculated", False
        if role == "destination" and _PAST_PROGRESSIVE.search(clause_before):
            # "was heading toward X": under way, not arrived.
            self.found.append(_PAST_PROGRESSIVE.search(clause_before).group(0))
            return "planned", False
        moving = _PAST_PROGRESSIVE.search(clause_before)
        if moving and self.anchor and self.time is not None and self.time.start_dt and \
                self.time.start_dt.date() <= self.anchor < (self.time.end_dt or
                                                             self.time.start_dt).date():
            # "was sailing off Portugal on Wednesday" in Wednesday's report: where it is now.
            self.found.append(moving.group(0))
            return "current", False
        past = cues.PAST_VERB.search(clause_text)
        if past or headline:
            if past:
                self.found.append(past.group(0))
            return "visited", role == "destination"
        timetable = cues.TIMETABLE.search(clause_before)
        if timetable:
            self.found.append(timetable.group(0))
            return "planned", False
        tense = clause_tense(self.text, m.start)
        if tense == "past":
            return "visited", role == "destination"
        if tense == "future":
            return "planned", False
        if self.time is not None and self.time.kind in ("date", "weekday", "part", "time"):
            # Present simple with a date is a timetable: "departs Rome on Friday".
            self.found.append(self.time.text)
            return "planned", False
        if cues.PRESENT_MOVE.search(clause_text):
            return ("planned", False) if role == "destination" else ("current", False)
        return "visited", role == "destination"

    def _headline(self) -> bool:
        """A first line with no final full stop is a headline, written in the present."""
        line_end = self.text.find("\n")
        return self.s_start == 0 and line_end > 0 and self.m.start < line_end and \
            not _HEADLINE_END.search(self.text[:line_end])


_HERE = re.compile(r"\b(arrived|arrives|arriving|came|comes|landed|lands|left|leaves|leaving|"
                   r"departed|departs|stayed|stays|is|was|are|were|remains|remained)\s+here\b",
                   re.IGNORECASE)
_HERE_ROLES = {"left": "origin", "leaves": "origin", "leaving": "origin", "departed": "origin",
               "departs": "origin"}


def _here(parse: Geoparse) -> Resolved | None:
    """"The envoy arrived here on Wednesday", under a "NAIROBI --" dateline: the dateline's
    place, read at the word "here"."""
    dateline = next((r for r in parse.mentions if r.mention.kind == "dateline" and
                     r.place is not None), None)
    if dateline is None:
        return None
    found = _HERE.search(parse.document.text, dateline.mention.end)
    if found is None:
        return None
    start = found.start() + found.group(0).lower().rindex("here")
    mention = replace(dateline.mention, start=start, end=start + 4, kind="place")
    return replace(dateline, mention=mention)


def _chain(times: list[TimeExpr]) -> list[TimeExpr]:
    """"The next day", "in the afternoon": resolved against the time told just before."""
    out, previous = [], None
    for t in times:
        if t.relative and previous is not None:
            t = resolve_relative(t, previous)
        if t.start_dt is not None or t.month is not None:
            previous = t
        out.append(t)
    return out


def _someone_else(who: str | None):
    """Subjects that are not the traveller: "reporters are flocking to", "President Putin flew
    to". Returns a function from the words before the place to the cue that shows it."""
    titles = "|".join(sorted(PERSON_TITLES, key=len, reverse=True))
    mine = {w.lower() for w in (who or "").split()}
    person = re.compile(rf"\b(?i:{titles})\.?\s+((?:[A-Z][\w’'-]+\s*){{1,3}})")

    def _name(word: str) -> str:
        return re.sub(r"['’]s?$", "", word).lower()

    def find(subject: str) -> str | None:
        words = {_name(w) for w in re.findall(r"[\w’'-]+", subject)}
        if mine & words:
            return None  # the traveller is in the clause: a joint movement or event
        for crowd in cues.OTHERS.finditer(subject):
            tail = subject[crowd.end():crowd.end() + 60]
            if cues.TRAVEL.search(tail) and not _SAYING.search(tail) and \
                    not _TRAVELLER_WORD.search(tail):
                return crowd.group(0)
        for found in person.finditer(subject):
            names = {_name(w) for w in found.group(1).split()}
            before = subject[:found.start()].split()
            if before and before[-1].lower() in _OBJECT_OF:
                continue  # "after talks with President Xi he was due to fly": not Xi
            if _PRONOUN_SUBJECT.search(subject[:found.start()]) or (
                    before and before[-1].lower() in _MEETING_VERBS):
                continue  # "where he met President Yoon in Seoul": Yoon is met, not moving
            if mine and not names & mine:
                return found.group(0).strip()
        return None

    return find


def _after_name(words: list[str], i: int) -> bool:
    """Whether the coordination at ``words[i]`` follows a name: "the Red Sea, then the ..."."""
    j = i - 1
    while j >= 0 and words[j].lower() in _COORDINATION:
        j -= 1
    return j >= 0 and words[j][:1].isupper()


def _year_of(t: TimeExpr) -> int | None:
    if t.kind not in ("year", "date"):
        return None
    if t.start_dt is not None and re.search(r"\b\d{4}\b", t.text):
        return t.start_dt.year
    found = re.search(r"\b(1[89]\d\d|20\d\d)\b", t.text)
    return int(found.group(1)) if found else None


def _last(pattern: re.Pattern[str], text: str) -> str | None:
    """The cue nearest the place: the last match before it."""
    matches = list(pattern.finditer(text))
    return matches[-1].group(0) if matches else None


def _clause_of(text: str, s_start: int, s_end: int, start: int, end: int) -> _Clause:
    """The clause around [start, end): from the last clause break before to the next after."""
    begin = s_start
    for found in cues.CLAUSE_BREAK.finditer(text, s_start, start):
        begin = found.end()
    after = cues.CLAUSE_BREAK.search(text, end, s_end)
    return _Clause(begin, after.start() if after else s_end)


def _following_clause(text: str, clause_end: int, s_end: int) -> str:
    """", where he is expected to arrive" / ", which she made": a relative clause after."""
    rest = text[clause_end:s_end]
    found = re.match(r",?\s*(?:where|which|when)\b[^,;:]*", rest, re.IGNORECASE)
    return found.group(0) if found else ""


def traveler(parse: Geoparse, gazetteer: Gazetteer | None = None) -> str | None:
    """The person or group whose movement the text follows: the name most often the subject of
    a travel word ("Kim's train arrived", "the Pope will depart"). With a gazetteer, English
    dictionary words ("Four", "Officials") are not taken for names."""
    text = parse.document.text
    place_spans = [(r.mention.start, r.mention.end) for r in parse.mentions]
    counts: Counter[str] = Counter()
    full: dict[str, Counter[str]] = {}
    for s in sentences(text):
        chunk = text[s.start:s.end]
        for travel in cues.TRAVEL.finditer(chunk):
            begin = max(0, travel.start() - 80)
            for found in cues.CLAUSE_BREAK.finditer(chunk, begin, travel.start()):
                begin = found.end()
            subject = chunk[begin:travel.start()]
            base = s.start + begin
            names: list[list[str]] = [[]]
            previous, skipping = "", False
            for word in re.finditer(r"[A-Z][\w’'-]+|\S+", subject):
                raw = word.group(0)
                token = re.sub(r"['’]s?$", "", raw)
                capital = raw[:1].isupper()
                # A name after a preposition ("through the Kerem Shalom crossing") is an
                # object, not who travels.
                skipping = capital and (skipping or previous in _OBJECT_OF)
                inside = any(a <= base + word.start() < b for a, b in place_spans)
                acronym = token.isupper() and len(token) <= 4  # "the UN envoy"
                if capital and not skipping and not inside and not acronym and \
                        token.lower() not in _NOT_NAMES and len(token) > 1:
                    names[-1].append(token)
                elif names[-1]:
                    names.append([])
                if not capital and raw.lower() not in ("the", "a", "an"):
                    previous = raw.lower()
            for words in names:
                for word in words:
                    counts[word] += 1
                    full.setdefault(word, Counter())[" ".join(words)] += 1
    if gazetteer is not None and counts:
        # A dictionary word that is capitalised only where it starts a sentence ("Four
        # passengers", "Officials said") is no name; "Kim" is also a given name.
        words = [w.lower() for w in counts]
        words += [w[:-1] for w in words if w.endswith("s")]  # "Officials"
        common = gazetteer.dictionary_words(words) - gazetteer.given_names(words)
        common |= {w + "s" for w in common}
        counts = Counter({w: n for w, n in counts.items() if w.lower() not in common or
                          re.search(rf"[\w,;] {re.escape(w)}\b", text)})
    if not counts:
        return None
    # Ties go to the name the text uses most, then to the one it names first.
    key = max(counts, key=lambda w: (counts[w], len(re.findall(rf"\b{re.escape(w)}\b", text)),
                                     -text.find(w)))
    # The fullest form of the name the text uses most: "Kim Jong-un" for "Kim", and "Pope
    # Francis" rather than another pope named once.
    names = full[key]
    longer = [n for n in names if len(n.split()) <= 3] or list(names)
    return max(longer, key=lambda n: (sum(c for m, c in names.items()
                                          if set(m.split()) <= set(n.split())), len(n)))


# A past auxiliary right before a cue of presence ("were stranded", "was still"): then, not now.
_TOLD_PAST = re.compile(r"\b(?:was|were|had been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Verbs whose object a named person after them is: "and met Prime Minister Netanyahu in".
_MEETING_VERBS = frozenset({"met", "meet", "meets", "meeting", "greeted", "greets", "joined",
                            "joins", "hosted", "hosts", "welcomed", "welcomes", "visited",
                            "visits", "thanked", "briefed", "accompanied", "accompanying"})
# A pronoun before a named person is the clause's subject, and the person its object.
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|we)\b", re.IGNORECASE)
# Words after which a name is an object, not who travels: "through the Kerem Shalom
# crossing", "after talks with President Xi Jinping he was due to fly back".
_OBJECT_OF = frozenset(cues.PREPOSITIONS) - {"left", "leaving", "visited", "reached"} | {"with"}
_NOT_NAMES = frozenset({
    "the", "a", "an", "he", "she", "they", "it", "his", "her", "their", "its", "in", "on", "at",
    "after", "before", "then", "when", "while", "but", "and", "initially", "however", "there",
    "this", "that", "these", "those", "some", "according", "following", "president", "leader",
    "minister", "chairman", "north", "south", "east", "west", "korean", "russian", "chinese",
    "american", "russia's", "local", "state", "news", "agency", "central", "official", "also",
    "word", "here", "if", "as", "with", "from", "to", "for", "of", "by", "since", "until",
    "during", "finally", "earlier", "later", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "among", "just", "three",
    "two", "one", "ten", "reporters", "people", "many", "passengers", "instead", "more",
    "we", "i", "you", "our", "my", "your", "what", "nobody", "even", "around", "per", "said",
    "would", "will", "could",
    "might",
})
