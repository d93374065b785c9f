"""The trip: readings merged into stops, put in travel order, joined by legs, checked.

Roles say which mentions are places the traveller went; this stage turns them into a route a
map can draw. Repeated mentions of one place become one stop with all their evidence, unless the
text returns to it; a region or country that holds another stop is that stop's context, not a
stop of its own. Order comes from what is known before what is now before what is planned,
then from the times the text gives (an undated stop keeps the time of the story around it),
then from text order. Legs between consecutive stops are known only when both ends are; a leg
faster than any airliner is flagged, never silently drawn as fact.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from .gazetteer import Gazetteer
from .geoparse import Geoparse
from .model import Place
from .names import fold
from .roles import Reading, read_roles, traveler
from .timex import TimeExpr, find_times

__all__ = ["Leg", "Stop", "Trip", "build_trip", "document_date", "headline"]

KNOWN = frozenset({"visited", "current"})
_AREA_KINDS = frozenset({"country", "region", "continent"})
_MAX_KMH = 1000.0  # faster than an airliner between two dated stops is not a real sequence
# How far apart two mentions may be and still name one stop (km): a town and its station.
_SAME_PLACE_KM = 5.0
_SAME_RELATIVE_KM = 40.0
_SAME_POSITION_KM = 50.0
# At one stated time, where the traveller set out comes first; the rest keep text order ("to
# Rio and wintered at San Julian").
_ROLE_RANK = {"origin": 0}
# Words that put a sentence's movement after the one told before it: "He then drove from Lyon".
_SEQUENCE = re.compile(r"\b(?:then|later|afterwards?|next|subsequently|after that)\b",
                       re.IGNORECASE)
_GENERIC = frozenset({"the", "of", "station", "railway", "airport", "international", "port",
                      "city", "bridge", "river", "near"})
_WATER = frozenset({"sea", "ocean", "gulf", "bay", "strait"})
_CROSSING_KM = 1200.0  # a crossing point farther than this from the sea's centre is not in it
# Radius (km) of the circle that shows where an imprecise or uncertain place may be.
_PRECISION_KM = {"city": 12.0, "town": 6.0, "village": 4.0, "river": 40.0, "landmark": 4.0,
                 "station": 3.0, "airport": 4.0, "port": 5.0, "bridge": 3.0, "border": 5.0,
                 "island": 15.0, "sea": 150.0, "lake": 30.0, "mountain": 15.0,
                 "relative": 60.0}


@dataclass(frozen=True, slots=True)
class Stop:
    """A place on the route, with every mention that put it there."""

    seq: int
    name: str
    lat: float
    lon: float
    kind: str
    status: str
    role: str
    readings: tuple[Reading, ...]
    place: Place | None
    when: dict | None
    context: str | None = None
    implausible: str | None = None
    area: dict | None = None
    area_kind: str | None = None
    confidence: float = 0.0

    @property
    def certainty(self) -> str:
        return "known" if self.status in KNOWN else "uncertain"

    @property
    def mentions(self) -> list[str]:
        return list(dict.fromkeys(r.mention.surface for r in self.readings))

    @property
    def evidence(self) -> list[str]:
        return list(dict.fromkeys(r.sentence for r in self.readings))

    @property
    def cues(self) -> list[str]:
        return list(dict.fromkeys(c for r in self.readings for c in r.cues if c))


@dataclass(frozen=True, slots=True)
class Leg:
    """The way between two consecutive stops."""

    from_seq: int
    to_seq: int
    certainty: str
    reason: str
    distance_km: float
    implausible: str | None = None


@dataclass(frozen=True, slots=True)
class Trip:
    """Everything the trip stage knows about one document."""

    parse: Geoparse
    published: date | None
    date_source: str | None
    traveler: str | None
    title: str | None
    stops: tuple[Stop, ...]
    legs: tuple[Leg, ...]
    readings: tuple[Reading, ...]
    times: tuple[TimeExpr, ...] = field(default=())
    message: str | None = None

    @property
    def others(self) -> list[Reading]:
        """Mentions that are not on the route, each with its reason."""
        on = {id(r) for s in self.stops for r in s.readings}
        return [r for r in self.readings if id(r) not in on]


_TOP_DATE = re.compile(r"\b(?:19|20)\d\d\b")
_STATED_DATE = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d{4}-\d\d-\d\d|\b\d{1,2}/\d{1,2}/\d{2,4}")


def document_date(parse: Geoparse, published: date | None = None
                  ) -> tuple[date | None, str | None]:
    """The date the text's times are relative to, and where it came from.

    Order of trust: the caller's ``--published``; a header date or a dated dateline found by
    the news reader; a full date (with a year) in the first lines, as web copies print it.
    """
    if published:
        return published, "argument"
    structure = parse.structure
    if structure.published:
        dated_line = structure.dateline and structure.dateline.year
        return structure.published, "dateline" if dated_line else "text"
    head = parse.document.text[:400]
    if _TOP_DATE.search(head):
        for t in find_times(head, None):
            if t.kind == "date" and t.start_dt is not None and _TOP_DATE.search(t.text) and \
                    not structure.in_caption(t.start):
                return t.start_dt.date(), "text"
    return None, None


def build_trip(parse: Geoparse, published: date | None = None,
               gazetteer: Gazetteer | None = None) -> Trip:
    """Stops, order, legs and checks for one geoparsed document."""
    anchor, source = document_date(parse, published)
    who = traveler(parse, gazetteer)
    readings, times = read_roles(parse, anchor, who)
    on_route, dropped = _drop_containers([r for r in readings if r.on_route])
    areas = list({r.resolved.place.id: r.resolved.place for r in dropped}.values())
    for r in dropped:
        readings[r.index] = replace(r, role=None, status=None,
                                    reason="region or country that holds a stop")
    groups = _group(on_route)
    for r in dropped:
        # "arrived in North Korea early Wednesday", the only stop there being Pyongyang: the
        # country's time is the stop's time.
        inside = [g for g in groups if _inside(g.first, r.resolved.place)]
        if r.time is not None and len(inside) == 1 and inside[0].inherited is None and \
                all(x.time is None for x in inside[0].readings):
            inside[0].inherited = r.time
    ordered = _one_position(_order(groups, source in ("argument", "text"), headline(parse)))
    stops = _crossings([_stop(seq, group, areas) for seq, group in enumerate(ordered, 1)])
    stops, legs = _legs(stops)
    message = None
    if not stops:
        named = [r for r in readings if r.resolved.lat is not None and
                 r.mention.kind in ("place", "relative", "dateline")]
        message = ("No trip found: the text names no place." if not named else
                   f"No trip found: the text names {len({r.mention.surface for r in named})} "
                   "place(s) but never as somewhere the traveller went.")
    return Trip(parse=parse, published=anchor, date_source=source, traveler=who,
                title=headline(parse), stops=tuple(stops), legs=tuple(legs),
                readings=tuple(readings), times=tuple(times), message=message)


def headline(parse: Geoparse) -> str | None:
    """The report's headline: a short first line that is not a slug, byline or dateline."""
    text, structure = parse.document.text, parse.structure
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].strip()
    if not line or end < 0 or len(line) > 160 or line.endswith(".") or \
            structure.in_furniture(start) or \
            (structure.dateline and structure.dateline.start <= start < structure.dateline.end):
        return None  # a headline is a short line of its own, with no full stop
    return line


# --- grouping ---------------------------------------------------------------------------


@dataclass
class _Group:
    readings: list[Reading]
    inherited: TimeExpr | None = None  # the time of a region or country that holds the stop

    @property
    def first(self) -> Reading:
        return self.readings[0]

    @property
    def lead(self) -> Reading:
        """The mention that places the stop in the story: the first that is not a mere
        heading, else the last heading ("a flight to Singapore was diverted ... and later
        continued to Singapore")."""
        return next((r for r in self.readings if not r.weak), self.readings[-1])

    @property
    def point(self) -> tuple[float, float]:
        return self.first.resolved.lat, self.first.resolved.lon

    @property
    def status(self) -> str:
        statuses = [r.status for r in self.readings if not r.weak]
        if "current" in statuses:
            return "current"
        if "visited" in statuses:
            return "visited"
        if "planned" in statuses:
            return "planned"
        if "speculated" in statuses:
            return "speculated"
        return "visited"

    @property
    def phase(self) -> int:
        return {"visited": 0, "current": 1}.get(self.status, 2)


def _phase(reading: Reading) -> str:
    return "known" if reading.status in KNOWN and not reading.weak else "uncertain"


def _same_place(a: Reading, b: Reading) -> bool:
    """One place: the same entry, a town and its station, "near X" and X, two phrases for
    one area ("south of the canal", "10 miles south of the city")."""
    pa, pb = a.resolved.place, b.resolved.place
    loose = [r for r in (a, b) if r.mention.kind == "relative" and r.mention.relation != "near"]
    if len(loose) == 1:
        return False
    if pa and pb and pa.id == pb.id and not loose:
        return True
    if loose:
        return _km(a.resolved.lat, a.resolved.lon, b.resolved.lat, b.resolved.lon) <= \
            _SAME_RELATIVE_KM
    # A town and its station share a word; the White House and Washington do not.
    words_a = set(fold(a.mention.surface).split()) - _GENERIC
    words_b = set(fold(b.mention.surface).split()) - _GENERIC
    return bool(words_a & words_b) and \
        _km(a.resolved.lat, a.resolved.lon, b.resolved.lat, b.resolved.lon) <= _SAME_PLACE_KM


def _group(readings: list[Reading]) -> list[_Group]:
    """Mentions of one place become one stop; a return to it after other stops, a new one."""
    groups: list[_Group] = []
    for r in readings:
        match = next((g for g in reversed(groups) if _same_place(g.first, r)), None)
        if match is not None:
            later = groups[groups.index(match) + 1:]
            same_phase = [g for g in later if _phase(g.first) == _phase(r) == _phase(match.first)]
            # Only a place reached before can be returned to: "a flight to Singapore was
            # diverted to Baku and later continued to Singapore" is one stop at Singapore.
            reached = any(not x.weak for x in match.readings)
            if reached and ((r.returning and later) or (r.role == "destination" and same_phase)):
                match = None
        if match is None:
            groups.append(_Group([r]))
        else:
            match.readings.append(r)
    return groups


def _drop_containers(readings: list[Reading]) -> tuple[list[Reading], list[Reading]]:
    """A country or region that holds another stop is context, not a stop; so is any place
    the text names as a stop's container ("Bandoeng, Java")."""
    named = {r.mention.container for r in readings}
    kept, dropped = [], []
    for r in readings:
        place = r.resolved.place
        # Only a region told like the stop inside it is that stop's context: "expected to be
        # transferred to Sicily" after a landing on Lampedusa is a next stop of its own.
        if r.mention.kind != "relative" and place is not None and (r.index in named or (
                place.kind in _AREA_KINDS and any(
                    other is not r and _inside(other, place) and
                    (other.status in KNOWN) == (r.status in KNOWN) for other in readings))):
            dropped.append(r)
        else:
            kept.append(r)
    return kept, dropped


def _inside(reading: Reading, area: Place) -> bool:
    place = reading.resolved.place
    if place is None or place.kind == "continent":
        return False
    relative = reading.mention.kind == "relative"
    if not relative and (place.id == area.id or (place.kind in _AREA_KINDS and
                         area.kind != "continent" and place.kind == area.kind)):
        return False
    if area.kind == "country":
        return place.country == area.country and (relative or place.kind != "country")
    if area.kind == "continent":
        return place.kind != "continent"
    if area.extent:
        return _holds(area, reading.resolved.lat, reading.resolved.lon)
    return bool(area.admin1) and place.admin1 == area.admin1 and place.country == area.country


def _holds(area: Place, lat: float, lon: float) -> bool:
    """Whether an area's extent (with a small margin for coarse outlines) holds a point."""
    from shapely.geometry import Point

    return _outline(area).contains(Point(lon, lat))


@lru_cache(maxsize=256)
def _outline(area: Place):
    """One buffered shape per area: every stop of a trip is tested against the same few."""
    from shapely.geometry import shape

    return shape(area.extent).buffer(0.05)


def _context(group_point: tuple[float, float], place: Place | None,
             areas: list[Place]) -> str | None:
    """The smallest area mentioned on the route's readings that holds the stop."""
    for area in sorted(areas, key=lambda a: {"region": 0, "country": 1}.get(a.kind, 2)):
        if place is not None and area.id == place.id:
            continue
        if area.kind == "country":
            if place is not None and place.country == area.country:
                return area.name
            continue
        if area.extent and _holds(area, *group_point):
            return area.name
    return None


# --- order -------------------------------------------------------------------------------


def _moment(t: TimeExpr, departure: bool) -> float:
    """A time's place in the sort, in days: a day or part of one counts from its middle, so
    "early in the morning" comes before a plain "on Wednesday" of the same day (an arrival
    told first: "arrived here on Wednesday ... crossed the border at Khasan early in the
    morning"). A departure's day, and a longer span, count from their start ("left Pyongyang
    on Sept. 12" comes before "reached Khasan on Tuesday morning")."""
    start = t.start_dt.timestamp() / 86400.0
    if t.end_dt is None or departure:
        return start
    end = t.end_dt.timestamp() / 86400.0
    return (start + end) / 2.0 if end - start <= 1.0 else start


def _key_of(t: TimeExpr | None, trusted: bool, departure: bool = False) -> float | None:
    """A sortable time for a stop.

    Stated calendar dates ("June 17", "5 March") always count. A weekday resolved by tense
    ("on Monday") counts only against a date the caller gave or the text's header states: a
    dateline inside stitched wire copy is too weak, and would send Monday's stop back a week.
    """
    if t is None:
        return None
    if t.month is not None and t.day is not None and _STATED_DATE.search(t.text):
        if t.start_dt is not None:
            return _moment(t, departure)
        return float(t.month * 31 + t.day + (t.hour or 0) / 24.0)
    if trusted and t.start_dt is not None and t.kind != "year":
        return _moment(t, departure)
    return None


def _order(groups: list[_Group], trusted: bool, headline_text: str | None = None
           ) -> list[_Group]:
    """Known before now before planned; then time; then text order."""
    by_text = sorted(groups, key=lambda g: g.lead.mention.start)
    keys: dict[int, float | None] = {}
    dated: set[int] = set()  # groups with a time of their own
    story: float | None = None
    line_end = len(headline_text) if headline_text else 0
    for g in by_text:
        times = [r.time for r in g.readings] + [g.inherited]
        departure = g.lead.role == "origin"
        own = [k for k in (_key_of(t, trusted, departure) for t in times) if k is not None]
        if not own and line_end and all(r.mention.start < line_end for r in g.readings):
            # Only in the headline, which tells the latest news: last of its kind.
            keys[id(g)] = math.inf
            continue
        if own:
            story = own[0]
            keys[id(g)] = story
            dated.add(id(g))
        else:
            keys[id(g)] = story
    future = [g for g in by_text if g.phase == 2]
    done = [g for g in by_text if g.phase == 0]
    goal = None
    if future and future[0].first.role == "destination" and len(future) > 1 and \
            _key_of(future[0].first.time, trusted) is None and \
            future[0].first.sentence_start < future[1].first.sentence_start:
        # The trip's goal, named in an earlier sentence than the stops on the way to it
        # ("left for Hanoi" ... "expected to pass Nanning"), is reached last.
        goal = future[0]
    elif done and done[0].first.role == "destination" and any(
            g.first.role == "origin" and id(g) not in dated and g.point != done[0].point
            and g.first.sentence_start > done[0].first.sentence_start
            and not _SEQUENCE.search(g.first.sentence[:g.first.mention.start
                                                       - g.first.sentence_start])
            for g in done[1:]):
        # So is a visit told first and then how it was reached, from somewhere else and on
        # the same day: "made a surprise visit to Washington on Wednesday. He traveled by
        # train from Kyiv to Przemysl, then flew from Rzeszow ..."
        goal = done[0]
    position = {id(g): i for i, g in enumerate(by_text)}

    def sort_key(g: _Group):
        # Past perfect ("they had crossed into Italy") and "after crossing X" come before the
        # events of the same time, "before flying to X" after them; then an origin before the
        # places on the way ("with a stopover in X") before the rest.
        key = keys[id(g)]
        lead = g.lead
        return (g.phase, g is goal, -math.inf if key is None else key,
                lead.after_main, not (lead.before_main or lead.earlier), lead.clause_start,
                1 if key is None else _ROLE_RANK.get(lead.role, 1), not lead.on_the_way,
                position[id(g)])

    return sorted(groups, key=sort_key)


def _one_position(groups: list[_Group]) -> list[_Group]:
    """Two current positions side by side, a few dozen km apart, are one position told twice
    ("at anchor south of the canal", "close to Taboga"): keep the named place, add the rest.
    A sea beside a place is the same position told at two scales ("in the eastern
    Mediterranean off Cyprus"), however far the sea's own point lies: keep the place."""
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and prev.status == g.status == "current" and (
                _km(*prev.point, *g.point) <= _SAME_POSITION_KM
                or _is_sea(prev) != _is_sea(g)):
            keep, add = (g, prev) if (prev.first.mention.kind == "relative" and
                                      g.first.mention.kind != "relative") or _is_sea(prev) \
                else (prev, g)
            out[-1] = _Group(keep.readings + add.readings, keep.inherited or add.inherited)
            continue
        out.append(g)
    return out


def _is_sea(group: _Group) -> bool:
    place = group.first.resolved.place
    return place is not None and place.kind == "sea"


# --- stops and legs ----------------------------------------------------------------------


def _stop(seq: int, group: _Group, areas: list[Place]) -> Stop:
    first = group.first
    place = first.resolved.place
    relative = first.mention.kind == "relative"
    kind = "relative" if relative else (place.kind if place else "place")
    status = group.status
    role = first.role or "stop"
    if status == "current":
        role = "current"
    times = [r.time for r in group.readings if r.time is not None]
    if group.inherited is not None:
        times.append(group.inherited)
    timed = next((t for t in times if t.start_dt is not None), None)
    any_time = timed or (times[0] if times else None)
    when = None
    if any_time is not None:
        when = {"start": any_time.start_dt.isoformat() if any_time.start_dt else None,
                "end": any_time.end_dt.isoformat() if any_time.end_dt else None,
                "text": any_time.text}
    area, area_kind = _area(first, place, kind, status)
    return Stop(
        seq=seq, name=first.mention.surface if relative else (place.name if place else
                                                               first.mention.surface),
        lat=first.resolved.lat, lon=first.resolved.lon, kind=kind, status=status, role=role,
        readings=tuple(group.readings), place=place, when=when, area=area, area_kind=area_kind,
        context=_context(group.point, place, areas),
        confidence=max(r.resolved.confidence for r in group.readings),
    )


def _crossings(stops: list[Stop]) -> list[Stop]:
    """A sea or river crossed between two stops is drawn where the leg crosses it, not at its
    representative point.

    "Crossed the Bay of Bengal to Rangoon" from Calcutta says the traveller was on the water
    between the two; the sea's representative point may be a thousand kilometres off that line.
    The point nearest the sea's centre on the segment between the neighbours is where the
    crossing most likely was; it stays only if it is plausibly still in that sea. A river with
    a course is crossed where the course comes nearest the leg.
    """
    out = list(stops)
    for i, stop in enumerate(stops):
        if not 0 < i < len(stops) - 1 or stop.role != "waypoint":
            continue
        before, after = stops[i - 1], stops[i + 1]
        if {before.kind, after.kind} & (_WATER | {"river"}):
            continue
        if stop.kind == "river" and stop.place is not None and stop.place.line:
            # A river crossed between two stops: where its course comes nearest the leg.
            from shapely.geometry import LineString
            from shapely.ops import nearest_points

            leg = LineString([(before.lon, before.lat), (after.lon, after.lat)])
            point = nearest_points(LineString(stop.place.line), leg)[0]
            if point.distance(leg) < 1.0:  # degrees: the leg does pass near the river
                out[i] = replace(stop, lat=point.y, lon=point.x,
                                 area=_circle(point.y, point.x, _PRECISION_KM["bridge"]),
                                 area_kind="circle")
            continue
        if stop.kind not in _WATER:
            continue
        lat, lon = _nearest_on_segment((before.lat, before.lon), (after.lat, after.lon),
                                       (stop.lat, stop.lon))
        if _km(lat, lon, stop.lat, stop.lon) <= _CROSSING_KM:
            out[i] = replace(stop, lat=lat, lon=lon,
                             area=_circle(lat, lon, _PRECISION_KM["sea"]), area_kind="circle")
    return out


def _nearest_on_segment(a: tuple[float, float], b: tuple[float, float],
                        p: tuple[float, float]) -> tuple[float, float]:
    """Nearest point to ``p`` on segment a-b, in degrees (fine at the scale of one leg)."""
    (ay, ax), (by, bx), (py, px) = a, b, p
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return ay + t * dy, ax + t * dx


def _legs(stops: list[Stop]) -> tuple[list[Stop], list[Leg]]:
    legs = []
    out = list(stops)
    for a, b in itertools.pairwise(stops):
        km = _km(a.lat, a.lon, b.lat, b.lon)
        implausible = _implausible(a, b, km)
        known = a.certainty == "known" and b.certainty == "known"
        if known:
            reason = f"Both ends are reported as {a.status} and {b.status}."
        else:
            unsure = [s for s in (a, b) if s.certainty == "uncertain"]
            reason = "; ".join(f"{s.name} is {s.status}" + (f" ({s.cues[-1]})" if s.cues else "")
                               for s in unsure) + "."
        legs.append(Leg(a.seq, b.seq, "known" if known else "uncertain", reason, round(km, 1),
                        implausible))
        if implausible:
            out[b.seq - 1] = replace(out[b.seq - 1], implausible=implausible)
    return out, legs


def _implausible(a: Stop, b: Stop, km: float) -> str | None:
    ta, tb = _instant(a.when, "end"), _instant(b.when, "start")
    if ta is None or tb is None:
        return None
    hours = (tb - ta).total_seconds() / 3600.0
    if hours < -24:
        return f"{b.name} is dated before {a.name}, which comes earlier in the route"
    if hours > 0 and km / hours > _MAX_KMH:
        return (f"{km:.0f} km in {hours:.1f} h ({km / hours:.0f} km/h) is faster than any "
                "airliner")
    return None


def _instant(when: dict | None, end: str) -> datetime | None:
    if not when or not when.get(end):
        return None
    return datetime.fromisoformat(when[end])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from geopy.distance import great_circle

    return great_circle((lat1, lon1), (lat2, lon2)).km


# --- uncertainty areas -------------------------------------------------------------------


def _area(first: Reading, place: Place | None, kind: str, status: str
          ) -> tuple[dict | None, str | None]:
    """Where the stop may be: a sector for "north of X", a region's extent, or a circle."""
    m = first.mention
    lat, lon = first.resolved.lat, first.resolved.lon
    if m.kind == "relative" and m.direction is not None and place is not None:
        # "north of X" says nothing of how far: a sector wide and deep enough to be honest.
        reach = max(2.0 * m.distance_km, 60.0) if m.distance_km else 220.0
        return _sector(place.lat, place.lon, m.direction, reach), "sector"
    if m.kind == "relative":
        return _circle(lat, lon, 30.0 if m.relation != "between" else 80.0), "circle"
    if place is not None and place.extent and kind in _AREA_KINDS:
        return place.extent, "region"
    if status not in KNOWN or kind in ("river", "sea", "lake", "region", "country") or \
            first.resolved.confidence < 0.5:
        return _circle(lat, lon, _PRECISION_KM.get(kind, 10.0)), "circle"
    return None, None


def _circle(lat: float, lon: float, km: float, points: int = 48) -> dict:
    from geopy.distance import geodesic

    ring = []
    for i in range(points):
        p = geodesic(kilometers=km).destination((lat, lon), 360.0 * i / points)
        ring.append([round(p.longitude, 5), round(p.latitude, 5)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def _sector(lat: float, lon: float, bearing: float, km: float, spread: float = 45.0) -> dict:
    from geopy.distance import geodesic

    ring = [[round(lon, 5), round(lat, 5)]]
    steps = 16
    for i in range(steps + 1):
        angle = bearing - spread + 2 * spread * i / steps
        p = geodesic(kilometers=km).destination((lat, lon), angle)
        ring.append([round(p.longitude, 5), round(p.latitude, 5)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}
