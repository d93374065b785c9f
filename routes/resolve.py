"""Toponym resolution: choose one gazetteer place for each mention, with the text as evidence.

A name alone rarely decides ("Alexandria", "Paris", "Georgia"). The choice adds up, per
candidate:

- the gazetteer's own score (how well the name matched, importance, type words);
- the mention's hints: a descriptor's kind and country ("the Russian border city of"), an
  alias's country ("Russian" -> RU);
- its container ("Alexandria, La.", "in the Amur region"): inside it or not;
- the document's other places, in two passes: the countries and first-order regions that the
  confident mentions point to, and the distance to their centre (stories stay local).

Each result keeps its runners-up and a confidence from the margin between the best two, so a
map can show where the text is ambiguous.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from .gazetteer import Gazetteer
from .model import Mention, Place, Resolved

__all__ = ["resolve"]

_LOCAL_KINDS = frozenset({"city", "town", "landmark", "station", "bridge", "crossing", "airport",
                          "airbase", "base", "port", "palace", "spaceport", "island", "mountain"})


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


class _Context:
    """What the document's resolved places say about where the story is."""

    def __init__(self, chosen: list[tuple[Mention, Place, float]]) -> None:
        self.countries: Counter[str] = Counter()
        self.regions: Counter[tuple[str, str]] = Counter()
        weights = lats = lons = 0.0
        for mention, place, confidence in chosen:
            weight = 0.5 + confidence
            if mention.kind in ("embedded",):
                weight *= 0.5
            self.countries[place.country] += weight
            if place.admin1:
                self.regions[(place.country, place.admin1)] += weight * (
                    2.0 if place.feature_code == "ADM1" else 1.0)
            if place.kind in _LOCAL_KINDS or place.feature_code.startswith("ADM2"):
                weights += weight
                lats += weight * place.lat
                lons += weight * place.lon
        self.total = sum(self.countries.values()) or 1.0
        self.centre = (lats / weights, lons / weights) if weights else None

    def bonus(self, place: Place, own: Counter | None = None) -> float:
        share = self.countries.get(place.country, 0.0)
        region = self.regions.get((place.country, place.admin1), 0.0) if place.admin1 else 0.0
        if own:
            share -= own.get(place.country, 0.0)
            region -= own.get((place.country, place.admin1), 0.0)
        score = 3.0 * max(0.0, share) / self.total + (2.0 if region > 0 else 0.0)
        if self.centre and place.kind not in ("country", "continent", "sea"):
            km = _distance_km(place.lat, place.lon, *self.centre)
            score -= 1.0 * math.log10(1.0 + km / 100.0)
        return score


def _hinted(mention: Mention, place: Place) -> float:
    score = 0.0
    if mention.hint_country:
        score += 4.0 if place.country == mention.hint_country else -4.0
    if mention.hint_kinds:
        score += 2.0 if place.kind in mention.hint_kinds else -1.0
    return score


def _contained(place: Place, container: Place | None) -> float:
    if container is None:
        return 0.0
    if place.country != container.country:
        return -4.0
    if container.feature_code == "ADM1":
        return 6.0 if place.admin1 == container.admin1 else -2.0
    return 3.0


def _confidence(scores: list[float]) -> float:
    if not scores:
        return 0.0
    if len(scores) == 1:
        return 0.95
    return round(1.0 - math.exp(-(scores[0] - scores[1]) / 2.0), 3)


def _candidates(mention: Mention, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    if mention.kind in ("adjectival", "demonym") or (
        mention.hint_country and mention.hint_kinds and mention.query != mention.surface
    ):
        # An alias names its target by country and kind; match on those, not the spelling.
        fitting = [p for p in places if p.country == mention.hint_country
                   and p.kind in mention.hint_kinds]
        if fitting:
            return fitting
        if "country" in mention.hint_kinds and mention.hint_country:
            country = gazetteer.country(mention.hint_country)
            return [country] if country else []
        return []
    return places


def resolve(
    mentions: list[Mention], candidates: dict[str, list[Place]], gazetteer: Gazetteer
) -> list[Resolved]:
    """Choose a place for every mention (relative mentions follow their anchor)."""
    options = [_candidates(m, candidates.get(m.query, []), gazetteer)
               if m.kind != "relative" else [] for m in mentions]

    def choose(context: _Context | None, previous: list[Place | None]) -> list[Resolved]:
        chosen: list[Resolved] = []
        for k, mention in enumerate(mentions):
            places = options[k]
            if mention.kind == "relative" or not places:
                chosen.append(Resolved(mention, None))
                continue
            container = previous[mention.container] if mention.container is not None else None
            own: Counter = Counter()
            if previous[k] is not None:
                own[previous[k].country] += 1.0
                own[(previous[k].country, previous[k].admin1)] += 1.0
            scored = sorted(
                ((p.score + _hinted(mention, p) + _contained(p, container)
                  + (context.bonus(p, own) if context else 0.0), p) for p in places),
                key=lambda item: -item[0],
            )
            best = scored[0][1]
            chosen.append(Resolved(mention, best, tuple(p for _s, p in scored[1:4]),
                                   _confidence([s for s, _p in scored]), best.lat, best.lon))
        return chosen

    first = choose(None, [None] * len(mentions))
    previous = [r.place for r in first]
    context = _Context([(r.mention, r.place, r.confidence) for r in first if r.place])
    second = choose(context, previous)
    return [_relative(r, second) if r.mention.kind == "relative" else r for r in second]


def _relative(result: Resolved, resolved: list[Resolved]) -> Resolved:
    """Place a relative mention by its anchor, offset by direction and distance."""
    anchor = resolved[result.mention.anchor]
    if anchor.place is None:
        return result
    lat, lon = anchor.place.lat, anchor.place.lon
    mention = result.mention
    if mention.direction is not None:
        from geopy.distance import geodesic

        distance = mention.distance_km or 50.0
        point = geodesic(kilometers=distance).destination((lat, lon), mention.direction)
        lat, lon = point.latitude, point.longitude
    return replace(result, place=anchor.place, confidence=anchor.confidence * 0.8,
                   lat=lat, lon=lon)
