"""Geoparsing as one call: text in, resolved place mentions out.

>>> result = places("Kim's train crossed into Russia at Khasan.")    # doctest: +SKIP
>>> [(p.mention.surface, p.place.name) for p in result]             # doctest: +SKIP
[('Russia', 'Russia'), ('Khasan', 'Khasan')]
>>> result.to_frame()                                                # doctest: +SKIP
   start  end surface ... geometry

The pipeline is :func:`routes.news.read_structure` (dateline, captions), then
:func:`routes.mentions.find_mentions` (spans and candidates), then
:func:`routes.resolve.resolve` (one place per mention).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .mentions import find_mentions
from .model import Document, Resolved
from .news import NewsStructure, read_structure
from .resolve import resolve

__all__ = ["Geoparse", "places"]


@dataclass(frozen=True)
class Geoparse:
    """The resolved mentions of one document, in text order (relative phrases last)."""

    document: Document
    structure: NewsStructure
    mentions: tuple[Resolved, ...]

    def __iter__(self) -> Iterator[Resolved]:
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict:
        """One JSONL record of ``routes places``."""
        return {"id": self.document.id, "places": [m.to_dict() for m in self.mentions]}

    def to_frame(self):
        """The mentions as a GeoDataFrame (EPSG:4326); unresolved mentions have no geometry."""
        import geopandas
        from shapely.geometry import Point

        rows = [m.to_dict() for m in self.mentions]
        for row in rows:
            row.pop("alternatives")
        geometry = [Point(r["lon"], r["lat"]) if r["lat"] is not None else None for r in rows]
        return geopandas.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")

    def to_features(self) -> dict:
        """GeoJSON FeatureCollection of the resolved mentions."""
        features = []
        for m in self.mentions:
            props = m.to_dict()
            geometry = ({"type": "Point", "coordinates": [props["lon"], props["lat"]]}
                        if props["lat"] is not None else None)
            features.append({"type": "Feature", "geometry": geometry, "properties": props})
        return {"type": "FeatureCollection", "features": features}


def places(text: str | Document, *, gazetteer: Gazetteer | None = None) -> Geoparse:
    """Find and resolve every place mention in a text."""
    document = text if isinstance(text, Document) else Document(id="text", text=text)
    gazetteer = gazetteer or Gazetteer()
    structure = read_structure(document.text)
    if structure.published and document.published is None:
        document = Document(document.id, document.text, structure.published)
    mentions, candidates = find_mentions(document.text, gazetteer, structure)
    return Geoparse(document, structure, tuple(resolve(mentions, candidates, gazetteer)))
