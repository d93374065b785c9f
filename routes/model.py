"""Plain data that travels between the stages of the pipeline.

Each stage takes and returns these frozen dataclasses, never another stage's internals, so a stage
can be tested, replaced or serialised on its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["Place"]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer candidate for a name, with what later stages need to choose between candidates.

    ``extent`` is a GeoJSON Polygon ring of ``[lon, lat]`` pairs for areas (regions, countries),
    ``line`` a ``[lon, lat]`` path for rivers and canals; both are ``None`` for points. ``score``
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
    extent: list | None = field(default=None, compare=False)
    line: list | None = field(default=None, compare=False)
    source: str = ""
    score: float = 0.0
    match: str = "exact"

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        """(min lon, min lat, max lon, max lat) of the extent or line, if the place has one."""
        coords = self.extent or self.line
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
