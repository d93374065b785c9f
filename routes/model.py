"""Plain data that travels between the stages of the pipeline.

Each stage takes and returns these frozen dataclasses, never another stage's internals, so a stage
can be tested, replaced or serialised on its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

__all__ = ["Document", "Mention", "Place", "Resolved"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input text: a news article as read from a file or a JSONL record."""

    id: str
    text: str
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer candidate for a name, with what later stages need to choose between candidates.

    ``extent`` is a GeoJSON geometry (Polygon or MultiPolygon) for areas (regions, countries,
    continents), ``line`` a ``[lon, lat]`` path for rivers and canals; both are ``None`` for
    points. ``score``
    ranks candidates of one query (higher is better) and ``match`` says which key matched:
    ``exact``, ``stem`` (feature-type word removed), ``loose`` (transliteration) or ``code``.
    """

    id: str
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    kind: str
    country: str
    admin1: str
    population: int
    names: tuple[str, ...] = ()
    extent: dict | None = field(default=None, compare=False)
    line: list | None = field(default=None, compare=False)
    source: str = ""
    score: float = 0.0
    match: str = "exact"

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(min lon, min lat, max lon, max lat) of the extent or line, if the place has one."""
        coords = _flatten(self.extent["coordinates"]) if self.extent else self.line
        if not coords:
            return None
        lons = [c[0] for c in coords]
        lats = [c[1] for c in coords]
        return min(lons), min(lats), max(lons), max(lats)

    def to_dict(self) -> dict:
        """JSON-ready form, as ``routes gazetteer lookup --json`` prints it."""
        data = asdict(self)
        data["names"] = list(self.names)
        data["bbox"] = list(self.bbox) if self.bbox else None
        return data


def _flatten(coords: list) -> list:
    if coords and isinstance(coords[0], (int, float)):
        return [coords]
    return [point for part in coords for point in _flatten(part)]


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or points at a place, before it is resolved.

    ``kind`` says how the text refers to the place: ``place`` (its name), ``adjectival``
    ("Russian"), ``demonym`` ("Russians"), ``dateline`` (the reporter's location),
    ``embedded`` (inside the name of an organisation: "Paris Police"), or ``relative``
    ("north of Vladivostok": ``anchor`` is the index of the mention it is relative to, and
    ``relation`` says how: ``direction``, ``near``, ``border`` or ``between``, whose second
    anchor is ``anchor2``). ``peers`` are the mentions listed with it ("Texas, Oklahoma and
    Georgia"), which name places of one kind.
    ``query`` is what to look up; the hints come from the words around the mention.
    """

    start: int
    end: int
    surface: str
    query: str
    kind: str = "place"
    hint_kinds: tuple[str, ...] = ()
    hint_country: str | None = None
    container: int | None = None
    anchor: int | None = None
    anchor2: int | None = None
    relation: str | None = None
    direction: float | None = None
    distance_km: float | None = None
    sentence: int = 0
    in_caption: bool = False
    peers: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the place chosen for it, the runners-up, and how sure the choice is."""

    mention: Mention
    place: Place | None
    alternatives: tuple[Place, ...] = ()
    confidence: float = 0.0
    lat: float | None = None
    lon: float | None = None
    # Why a name with readings has no place: "tie" (two far apart score all but the same) or
    # "far" (a small town far from all of the story's places). Empty when placed or unknown.
    unplaced: str = ""

    def to_dict(self) -> dict:
        """The JSONL record of ``routes places``."""
        m, p = self.mention, self.place
        return {
            "start": m.start, "end": m.end, "surface": m.surface,
            "name": p.name if p else None,
            "lat": None if self.lat is None else round(self.lat, 5),
            "lon": None if self.lon is None else round(self.lon, 5),
            "geonameid": int(p.id[3:]) if p and p.id.startswith("gn:") else None,
            "gazetteer_id": p.id if p else None,
            "feature_class": p.feature_class if p else None,
            "feature_code": p.feature_code if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "place_kind": p.kind if p else None,
            "kind": m.kind,
            "relation": m.relation,
            "confidence": round(self.confidence, 3),
            "alternatives": [{"name": a.name, "id": a.id, "lat": a.lat, "lon": a.lon,
                              "country": a.country} for a in self.alternatives],
        }
