"""Toponym resolution: choose one gazetteer place for each mention, with the text as evidence.

A name alone rarely decides ("Alexandria", "Paris", "Georgia"). The choice adds up, per
candidate:

- the gazetteer's own score (how well the name matched, importance, type words);
- the mention's hints: a descriptor's kind and country ("the Russian border city of"), an
  alias's country ("Russian" -> RU);
- its container ("Alexandria, La.", "in the Amur region"): inside it or not;
- the document's other places, in two passes: the countries and first-order regions that the
  confident mentions point to, and the distance to their centre (stories stay local);
- the story's home: the first-order region where most of its surely read places lie, which
  the ambiguous names lean to.

Each result keeps its runners-up and a confidence from the margin between the best two, so a
map can show where the text is ambiguous.
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, distance_km
from .model import Mention, Place, Resolved
from .names import fold

if TYPE_CHECKING:
    import numpy as np

__all__ = ["resolve"]


_SPREAD_KM = 150.0
_WEIGHT = 7.0
_ROUNDS = 3
_DAMPING = 0.5
_SURE = 1.0  # score margin of a reading that can speak for its list
_LISTED = 3.0  # "Texas, Oklahoma and Georgia": a listed name's reading of its peers' kind
_STRAY_POP = 100_000  # a town smaller than this stands for a story only inside it
_ABROAD_KM = 300.0  # a foreign town this near the story's places may well be its own
_TIE = 0.05  # a confidence below this is a coin toss between the two best readings
_HOME_SHARE = 0.75  # share of the sure places in one first-order region that makes it home
_HOME = 1.5  # at most this much for an ambiguous name's reading in the home region


def _kernels(places: list[Place]) -> tuple[np.ndarray, np.ndarray]:
    """Matrix of how much each candidate makes each other one likely (see ``_support``), and
    which candidates lie ``beyond`` the story's locality (``_beyond_locality``).

    Countries support and are supported by anything inside them (a town the less, the smaller
    it is); first-order regions by what lies in them; other places by nearness
    (``exp(-km / 150)``) or a shared region. Readings beyond the locality neither give nor get
    support, and no place supports itself as another name's reading.
    """
    import numpy as np

    codes: dict[str | None, int] = {}
    table = np.fromiter(chain.from_iterable(_features(p, codes) for p in places), float,
                        len(places) * 8).reshape(len(places), 8)
    xyz, country, region, flags, share, ids = (
        table[:, :3], table[:, 3], table[:, 4], table[:, 5], table[:, 6], table[:, 7])
    # Great-circle distances from unit vectors: half the squared chord is the haversine term,
    # and one matrix product gives every pair at once.
    half_chord = np.clip((1.0 - xyz @ xyz.T) * 0.5, 0.0, 1.0)
    km = 12742.0 * np.arcsin(np.sqrt(half_chord, out=half_chord), out=half_chord)
    # A place with no first-order region shares none, not even with another such place.
    region = np.where(region < 0.0, -1.0 - np.arange(len(places)), region)
    same_country = country[:, None] == country[None, :]
    same_region = region[:, None] == region[None, :]  # a region code includes its country
    is_country = flags == _COUNTRY
    is_adm1 = flags == _ADM1
    beyond = flags == _BEYOND
    nearby = np.exp(km * (-1.0 / _SPREAD_KM), out=km)
    np.maximum(nearby, 0.3 * same_region, out=nearby)
    kernel = np.where(is_adm1[:, None] | is_adm1[None, :],
                      np.where(same_region, 1.0, 0.15 * same_country), nearby)
    # A country speaks for its big cities more than for any one of its villages: "U.S." in a
    # story makes Cambridge, Massachusetts likelier than Cambridge, England, but says little
    # for Cambridge, Ohio.
    by_country = 0.6 * np.where(is_country[None, :], share[:, None], share[None, :])
    kernel = np.where(is_country[:, None] | is_country[None, :], by_country * same_country,
                      kernel)
    kernel[beyond, :] = 0.0
    kernel[:, beyond] = 0.0
    # Two names read as one place are one piece of evidence, not two: "Dublin City Council"
    # must not vote for Dublin, Ireland, as the reading of the story's "Dublin".
    kernel[ids[:, None] == ids[None, :]] = 0.0
    return kernel, beyond


# A place's class in the kernels' table; a place beyond the locality gets no support at all,
# whatever else it is.
_COUNTRY, _ADM1, _BEYOND = 1.0, 2.0, 3.0


def _features(place: Place, codes: dict[str | None, int]) -> tuple[float, ...]:
    """What the kernels need of a place, as numbers; ``codes`` numbers the country and region
    codes and place ids (numbers compare far faster than strings)."""
    lat, lon = math.radians(place.lat), math.radians(place.lon)
    region = codes.setdefault(f"{place.country}.{place.admin1}", len(codes)) \
        if place.admin1 else -1
    if _beyond_locality(place):
        flag = _BEYOND
    elif place.kind == "country":
        flag = _COUNTRY
    else:
        flag = _ADM1 if place.feature_code == "ADM1" else 0.0
    share = 1.0
    if place.feature_class == "P":
        share = min(max((math.log10(place.population + 1.0) - 3.0) / 3.0, 0.3), 1.0)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat),
            codes.setdefault(place.country, len(codes)), region, flag, share,
            codes.setdefault(place.id, len(codes)))


def _beyond_locality(place: Place) -> bool:
    """Oceans, continents and groups of countries: no story is local to them."""
    return place.kind in ("continent", "sea") or place.feature_code == "RGN"


def _coherent(groups: list[list[Place]], base: list[list[float]]) -> list[list[float]]:
    """Scores after ``_ROUNDS`` rounds of support from the other names' likely readings.

    The scores of all candidates are kept in one flat array, ``starts`` and ``group_of``
    saying where each name's candidates are, so a round is a few array operations.

    A reading beyond the story's locality neither gives nor gets support, so it takes the
    support of its name's best local reading: without that a hurricane story's "Atlantic"
    would be the town in Iowa that its US places support, not the ocean; with it, the name's
    own evidence (the ocean is the famous Atlantic) decides.
    """
    import numpy as np

    kernel, beyond = _kernels([p for group in groups for p in group])
    sizes = [len(g) for g in groups]
    starts = np.cumsum([0, *sizes[:-1]])
    group_of = np.repeat(np.arange(len(groups)), sizes)
    flat_base = np.array([score for row in base for score in row])
    scores = flat_base
    for _round in range(_ROUNDS):
        support = _support(scores, starts, group_of, kernel)
        if beyond.any():
            support = np.where(beyond, np.maximum.reduceat(support, starts)[group_of], support)
        scores = flat_base + _WEIGHT * support
    return [scores[start:start + size].tolist() for start, size in zip(starts, sizes,
                                                                         strict=True)]


def _support(scores: np.ndarray, starts: np.ndarray, group_of: np.ndarray,
             kernel: np.ndarray) -> np.ndarray:
    """For every candidate, how well it fits the most likely readings of the other names.

    Each other name votes with its candidates weighted by their current probability; a
    candidate near (or inside, or containing) the other names' likely places gets support.
    This is the spatial coherence of a story: the Gainesville next to Hall County is the one
    in Georgia. Saturating: two good neighbours are strong evidence, twenty weak ones no more.
    """
    import numpy as np

    top = np.maximum.reduceat(scores, starts)
    weights = np.exp((scores - top[group_of]) / 2.0)
    weights /= np.add.reduceat(weights, starts)[group_of]
    # Unlikely readings still vote, damped: "Athens" and "Henderson County" together are in
    # Texas although neither alone would be read that way first.
    votes = np.maximum.reduceat(kernel * weights[None, :] ** _DAMPING, starts, axis=1)
    votes[np.arange(len(scores)), group_of] = 0.0
    return 1.0 - np.exp(-votes.sum(axis=1))


def _home_region(groups: list[list[Place]], scores: list[list[float]]) -> list[list[float]]:
    """Favour the ambiguous names' readings in the region where the story's sure places are.

    A local story's places mostly lie in one state or province, and its ambiguous names are
    likely there too: "Lebanon" in an obituary whose other place is Myerstown, Pennsylvania is
    the town in Pennsylvania, not the country. Nearness alone says too little for that, since
    the town may lie far from the other places while the country's fame is worth several
    points. When at least three quarters of the sure readings (well ahead of their names'
    next, see ``_SURE``) of places below a first-order region lie in one such region, every
    name without a sure reading gains up to ``_HOME`` points for its readings there, in
    proportion to that share. The regions themselves do not vote: a state named in a story is
    as often a comparison ("above the rates of Illinois and Ohio") as its home, and it already
    supports its own places through the coherence. The capital of a country that the story
    names keeps its lead: "WASHINGTON" over a story about Iowa is the datelined capital.
    """
    votes: dict[tuple[str, str], int] = {}
    named_countries = set()
    tops: list[Place] = []
    sure: list[bool] = []
    for group, row in zip(groups, scores, strict=True):
        place, is_sure = _top(group, row)
        tops.append(place)
        sure.append(is_sure)
        if place.kind == "country":
            named_countries.add(place.country)
        elif is_sure and place.feature_code != "ADM1" and not _beyond_locality(place):
            region = (place.country, place.admin1)
            votes[region] = votes.get(region, 0) + 1
    if not votes:
        return scores
    home = max(votes, key=votes.__getitem__)
    share = votes[home] / sum(votes.values())
    if share < _HOME_SHARE or not home[1]:
        return scores
    bonus = _HOME * share
    return [row if is_sure or (top.feature_code == "PPLC" and top.country in named_countries)
            else [score + bonus if (p.country, p.admin1) == home else score
                  for score, p in zip(row, group, strict=True)]
            for group, row, top, is_sure in zip(groups, scores, tops, sure, strict=True)]


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
        country = mention.hint_country or ""  # "African", "Middle Eastern": no country
        fitting = [p for p in places if p.country == country and p.kind in mention.hint_kinds]
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
    # One vote per distinct name: repeating "Paris" ten times does not make it more French.
    # A group's candidates and hints come from the first mention of that name.
    firsts: dict[tuple[str, str | None], tuple[Mention, list[Place]]] = {}
    for mention, places in zip(mentions, options, strict=True):
        if places:
            firsts.setdefault(_key(mention), (mention, places))
    keys = sorted(firsts, key=lambda key: (key[0], key[1] or ""))
    group_of = {key: g for g, key in enumerate(keys)}
    groups = [firsts[key][1] for key in keys]
    first = {key: mention for key, (mention, _places) in firsts.items()}
    base = [[p.score + _hinted(first[key], p) for p in groups[g]] for g, key in enumerate(keys)]
    scores = _home_region(groups, _coherent(groups, base)) if len(groups) > 1 else base
    results: list[Resolved] = []
    # A name repeated with nothing of its own (no container, list or other hints) is ranked
    # as its group is: once per name, not once per mention.
    plain: dict[int, tuple[Place, tuple[Place, ...], float]] = {}
    for k, mention in enumerate(mentions):
        if mention.kind == "relative" or not options[k]:
            results.append(Resolved(mention, None))
            continue
        g = group_of[_key(mention)]
        # The container follows its mention ("Alexandria, La."): take its group's best reading.
        container = (_best(mentions[mention.container], groups, group_of, scores)
                     if mention.container is not None else None)
        like = _peer_class([_best(mentions[j], groups, group_of, scores, sure=True)
                            for j in mention.peers
                            if j != mention.container and mentions[j].container != k])
        own = first[_key(mention)]  # the group's key includes the hinted country
        alone = container is None and like is None and own.hint_kinds == mention.hint_kinds
        chosen = plain.get(g) if alone else None
        if chosen is None:
            ranked = sorted(((s + _contained(p, container) + _hinted(mention, p)
                              - _hinted(own, p)
                              + (_LISTED if like and _class(p) == like else 0.0), p)
                             for s, p in zip(scores[g], groups[g], strict=True)),
                            key=lambda x: -x[0])
            chosen = (ranked[0][1], tuple(p for _s, p in ranked[1:4]),
                      _confidence([s for s, _p in ranked]))
            if alone:
                plain[g] = chosen
        best, runners_up, confidence = chosen
        if confidence < _TIE and _toss(best, runners_up[0] if runners_up else None):
            # Two places of one name score all but the same and lie far apart: a pin on either
            # would be a coin toss, so the mention offers both as alternatives and is left
            # unplaced.
            results.append(Resolved(mention, None, (best, *runners_up), confidence,
                                    unplaced="tie"))
            continue
        results.append(Resolved(mention, best, runners_up, confidence, best.lat, best.lon))
    results = [_unplace_stray(r, results) if r.mention.kind == "embedded" else
               _unplace_abroad(r, results) if r.mention.kind == "place" and _doubtful(r, opts)
               else r for r, opts in zip(results, options, strict=True)]
    return [_relative(r, results) if r.mention.kind == "relative" else r for r in results]


def _toss(best: Place, second: Place | None) -> bool:
    """Whether two near-equal readings are a real choice: places far apart that both bear
    the name. Tartus the city and Tartus the province are one answer; the White House and
    Casablanca (whose name means "white house") are not equals in a text that wrote "White
    House"."""
    return second is not None and fold(second.name) == fold(best.name) and \
        distance_km(best.lat, best.lon, second.lat, second.lon) > _SPREAD_KM


def _unplace_stray(result: Resolved, results: list[Resolved]) -> Resolved:
    """Leave unplaced a name's place word whose town has nothing to do with the story.

    In "Carnegie Library", "Glenrock Lagoon" or "Meydan Racecourse" the place word is part of
    a longer name that the gazetteer does not know; alone it finds some small town, which is
    right only if the story is there ("Shakopee Police"). A town of under 100,000 people
    with no other place of the story within 150 km, in its first-order region or its country,
    is kept as the mention's first alternative; the mention itself gets no coordinates, since
    a pin in the wrong country is worse than an honest "not placed".
    """
    place = result.place
    if not _small_town(place):
        return result
    for near in _other_places(result, results):
        if near.country != place.country:
            continue
        if near.kind == "country" or (place.admin1 and near.admin1 == place.admin1) or \
                distance_km(near.lat, near.lon, place.lat, place.lon) <= _SPREAD_KM:
            return result
    return _withheld(result)


def _doubtful(result: Resolved, readings: list[Place]) -> bool:
    """Whether a name may well mean something else than its place: it has readings in other
    countries too ("Wagner": Brazil and the United States), or it is not the place's own name
    ("Nissan" for Nissan-lez-Enserune). "left Severomorsk", a name found only in Russia, is
    the Russian town wherever the story goes next."""
    place = result.place
    return place is not None and (
        any(p.country != place.country for p in readings)
        or fold(place.name) != fold(result.mention.surface))


def _unplace_abroad(result: Resolved, results: list[Resolved]) -> Resolved:
    """Leave unplaced a small town alone in a country that the story's other places are not in.

    A story whose places all lie in other countries rarely means a village of under 100,000
    people far from all of them: "Wagner fighters" in a Russian story is no town in Brazil,
    "Titan" no village in Afghanistan. With at least two other places read, none in the
    town's country and none within ``_ABROAD_KM`` of it across any border (Ramallah beside Tel
    Aviv stays), the town is kept as the mention's first alternative, as for ``embedded``.
    """
    place = result.place
    if not _small_town(place):
        return result
    others = _other_places(result, results)
    if len(others) < 2 or any(
            p.country == place.country or
            distance_km(p.lat, p.lon, place.lat, place.lon) <= _ABROAD_KM for p in others):
        return result
    return _withheld(result)


def _small_town(place: Place | None) -> bool:
    return place is not None and place.kind in ("city", "town") and place.population < _STRAY_POP


def _other_places(result: Resolved, results: list[Resolved]) -> list[Place]:
    """The places of the story's other names, not counting names inside organisations'."""
    return [r.place for r in results if r.place is not None and r.mention.kind != "embedded"
            and r.mention.query != result.mention.query]


def _withheld(result: Resolved) -> Resolved:
    """The result unplaced, its place kept as the first alternative (see ``_unplace_stray``)."""
    return replace(result, place=None, alternatives=(result.place, *result.alternatives[:2]),
                   confidence=0.0, lat=None, lon=None, unplaced="far")


def _class(place: Place) -> str | None:
    if place.kind == "country":
        return "country"
    if place.feature_code in ("ADM1", "ADM2"):
        return place.feature_code
    return "settlement" if place.kind in ("city", "town") else None


def _peer_class(peers: list[Place | None]) -> str | None:
    """The one kind of place a list's other names are, if they agree on one."""
    classes = {_class(p) for p in peers if p is not None}
    return classes.pop() if len(classes) == 1 else None


def _key(mention: Mention) -> tuple[str, str | None]:
    return mention.query, mention.hint_country


def _best(mention: Mention, groups, group_of, scores, sure: bool = False) -> Place | None:
    """The best reading of a mention's name; with ``sure``, only one well ahead of the next."""
    g = group_of.get(_key(mention))
    if g is None:
        return None
    place, is_sure = _top(groups[g], scores[g])
    return None if sure and not is_sure else place


def _top(group: list[Place], row: list[float]) -> tuple[Place, bool]:
    """A name's best reading, and whether it is sure: more than ``_SURE`` ahead of the next."""
    top = max(row)
    return group[row.index(top)], sum(s > top - _SURE for s in row) == 1


def _relative(result: Resolved, resolved: list[Resolved]) -> Resolved:
    """Place a relative mention by its anchor, offset by direction and distance."""
    anchor = resolved[result.mention.anchor]
    if anchor.place is None:
        return result
    lat, lon = anchor.place.lat, anchor.place.lon
    mention = result.mention
    if mention.anchor2 is not None:
        other = resolved[mention.anchor2].place
        if other is None:
            return result
        from geographiclib.geodesic import Geodesic  # geopy's own geodesic engine

        # Half-way along the geodesic, not the average of the coordinates.
        line = Geodesic.WGS84.InverseLine(lat, lon, other.lat, other.lon)
        middle = line.Position(line.s13 / 2)
        lat, lon = middle["lat2"], middle["lon2"]
    elif mention.direction is not None:
        from geographiclib.geodesic import Geodesic

        # geopy's geodesic destination (WGS-84 in kilometres) without importing geopy, whose
        # geocoders take a fifth of a second to load.
        distance = mention.distance_km or 50.0
        point = Geodesic(6378.137, 1 / 298.257223563).Direct(
            lat, lon, mention.direction, distance, Geodesic.LATITUDE | Geodesic.LONGITUDE)
        lat, lon = point["lat2"], point["lon2"]
    return replace(result, place=anchor.place, confidence=anchor.confidence * 0.8,
                   lat=lat, lon=lon)
