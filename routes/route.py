"""The Route: a trip as tables, GeoJSON and a map, for scripts, notebooks and the CLI.

>>> route = track("The train reached Khasan on Tuesday.", published="2023-09-13")  # doctest: +SKIP
>>> route.stops[["seq", "name", "status"]]                                         # doctest: +SKIP
>>> route.map()                                                                    # doctest: +SKIP

``Route`` wraps the plain :class:`~routes.trip.Trip` and turns it into what each kind of user
needs: GeoDataFrames (``stops``, ``legs``, ``areas``, ``mentions``) for analysis, one GeoJSON
FeatureCollection (the contract the scorer, the map and other tools read), an ``explain()``
table that says why each mention got its role, and a folium map that shows itself in Jupyter.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .errors import InputError
from .gazetteer import Gazetteer
from .geoparse import places
from .model import Document
from .trip import Stop, Trip, build_trip

__all__ = ["Route", "track"]

_MENTION_KINDS = frozenset({"place", "relative", "dateline"})


def track(text: str | Document, published: str | date | None = None, *,
          gazetteer: Gazetteer | None = None, source: str | None = None) -> Route:
    """Read a trip report and return its route: stops, legs, uncertainty areas and the rest.

    ``published`` (a date or ``YYYY-MM-DD``) is the report's date, which turns "on Tuesday"
    into a day; without it the date is taken from the text when it states one.
    """
    if isinstance(published, str):
        published = parse_date(published)
    document = text if isinstance(text, Document) else Document(id=source or "text", text=text)
    gazetteer = gazetteer or Gazetteer()
    trip = build_trip(places(document, gazetteer=gazetteer), published, gazetteer)
    return Route(trip, source=source or document.id, gazetteer=gazetteer)


def parse_date(value: str) -> date:
    """``YYYY-MM-DD``, or a one-line error."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


class Route:
    """One trip report's route. Show it in Jupyter, export it, or ask it why."""

    def __init__(self, trip: Trip, source: str | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.trip = trip
        self.source = source
        self._gazetteer = gazetteer

    def __repr__(self) -> str:
        return f"<Route {self.summary!r}>"

    def __len__(self) -> int:
        return len(self.trip.stops)

    # --- what it says ------------------------------------------------------------------

    @property
    def traveler(self) -> str | None:
        return self.trip.traveler

    @property
    def published(self) -> date | None:
        return self.trip.published

    @property
    def message(self) -> str | None:
        """Why the route is empty, when it is."""
        return self.trip.message

    @property
    def summary(self) -> str:
        """"4 known stops, 2 uncertain; last known: Ussuriysk"."""
        stops = self.trip.stops
        if not stops:
            return self.trip.message or "No trip found."
        known = [s for s in stops if s.certainty == "known"]
        text = (f"{len(known)} known stop{'s' * (len(known) != 1)}, "
                f"{len(stops) - len(known)} uncertain")
        if known:
            text += f"; last known: {known[-1].name}"
        return text

    # --- tables ------------------------------------------------------------------------

    @property
    def stops(self):
        """Stops in route order (GeoDataFrame, EPSG:4326)."""
        return _frame([f for f in self._features() if f["properties"]["role"] == "stop"])

    @property
    def legs(self):
        """Legs between consecutive stops, with their certainty (GeoDataFrame)."""
        return _frame([f for f in self._features() if f["properties"]["role"] == "leg"])

    @property
    def areas(self):
        """Uncertainty areas: sectors, region extents, precision circles (GeoDataFrame)."""
        return _frame([f for f in self._features() if f["properties"]["role"] == "area"])

    @property
    def mentions(self):
        """Places the text names that are not on the route, with the reason (GeoDataFrame)."""
        return _frame([f for f in self._features() if f["properties"]["role"] == "mention"])

    def explain(self):
        """Every mention, the place it resolved to, its role, time, status and deciding cues
        (a DataFrame; :meth:`explain_rows` gives the same as plain dicts)."""
        import pandas

        frame = pandas.DataFrame(self.explain_rows())
        if "seq" in frame:
            frame["seq"] = frame["seq"].astype("Int64")
        return frame

    def explain_rows(self) -> list[dict]:
        """One dict per mention, in text order: why it is, or is not, on the route."""
        on_route = {id(r): s for s in self.trip.stops for r in s.readings}
        rows = []
        for r in sorted(self.trip.readings, key=lambda r: r.mention.start):
            stop = on_route.get(id(r))
            place = r.resolved.place
            rows.append({
                "start": r.mention.start,
                "mention": r.mention.surface,
                "place": place.name if place else None,
                "country": place.country if place else None,
                "role": (stop.role if stop else "not on route"),
                "seq": stop.seq if stop else None,
                "reason": None if stop else (r.reason or "merged"),
                "time": r.time.text if r.time else None,
                "status": stop.status if stop else None,
                "cues": ", ".join(r.cues),
            })
        return rows

    # --- GeoJSON -----------------------------------------------------------------------

    def to_geojson(self) -> dict:
        """The route as one GeoJSON FeatureCollection (see the README's output contract)."""
        trip = self.trip
        return {
            "type": "FeatureCollection",
            "route": {
                "traveler": trip.traveler,
                "published": trip.published.isoformat() if trip.published else None,
                "date_source": trip.date_source,
                "source": self.source,
                "title": trip.title,
                "summary": self.summary,
                "message": trip.message,
            },
            "features": self._features(),
        }

    @property
    def __geo_interface__(self) -> dict:
        return self.to_geojson()

    def _features(self) -> list[dict]:
        trip = self.trip
        features = [_stop_feature(s) for s in trip.stops]
        by_seq = {s.seq: s for s in trip.stops}
        for leg in trip.legs:
            a, b = by_seq[leg.from_seq], by_seq[leg.to_seq]
            features.append(_feature({"type": "LineString",
                                      "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]}, {
                "role": "leg", "from_seq": leg.from_seq, "to_seq": leg.to_seq,
                "certainty": leg.certainty, "reason": leg.reason,
                "distance_km": leg.distance_km, "implausible": leg.implausible,
            }))
        for s in trip.stops:
            if s.area:
                features.append(_feature(s.area, {
                    "role": "area", "seq": s.seq, "name": s.name, "area_kind": s.area_kind,
                    "certainty": s.certainty, "status": s.status,
                }))
        seen: dict[tuple, dict] = {}
        for r in trip.others:
            if r.mention.kind not in _MENTION_KINDS:
                continue
            place = r.resolved.place
            key = (place.id if place else r.mention.surface.lower(), r.reason)
            if key in seen:
                seen[key]["properties"]["count"] += 1
                continue
            geometry = (None if r.resolved.lat is None else
                        {"type": "Point", "coordinates": [round(r.resolved.lon, 5),
                                                          round(r.resolved.lat, 5)]})
            seen[key] = _feature(geometry, {
                "role": "mention", "name": place.name if place else r.mention.surface,
                "surface": r.mention.surface, "reason": r.reason, "evidence": r.sentence,
                "start": r.mention.start, "end": r.mention.end, "count": 1,
            })
        features.extend(seen.values())
        return features

    # --- maps and files ----------------------------------------------------------------

    def map(self, **options):
        """The route as a ``folium.Map``, to show, customise or save.

        Options are those of :func:`routes.render.route_map` (``tiles``, ``max_zoom``,
        ``show_mentions``, ``timeline``, ...). With ``tiles="none"`` the map gets faint country
        outlines from the gazetteer instead, so it still reads with no network.
        """
        from .render import route_map

        tiles = options.get("tiles", "OpenStreetMap")
        if (tiles is None or str(tiles).lower() == "none") and "basemap" not in options:
            options["basemap"] = self.outlines()
        return route_map(self.to_geojson(), **options)

    def outlines(self) -> dict:
        """Country outlines around the route (GeoJSON), clipped and simplified for a map."""
        from shapely.geometry import box, mapping, shape

        points = [(s.lon, s.lat) for s in self.trip.stops]
        if not points:
            return {"type": "FeatureCollection", "features": []}
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        span = max(max(lons) - min(lons), max(lats) - min(lats), 4.0)
        frame = box(min(lons) - 2 * span, max(-85.0, min(lats) - span),
                    max(lons) + 2 * span, min(85.0, max(lats) + span))
        near = box(min(lons) - span / 3, min(lats) - span / 3, max(lons) + span / 3,
                   max(lats) + span / 3)  # labels where the reader will look
        features = []
        for country in (self._gazetteer or Gazetteer()).countries():
            outline = shape(country.extent)
            if not outline.intersects(frame):
                continue
            clipped = outline.intersection(frame).simplify(span / 300.0)
            if clipped.is_empty or clipped.geom_type not in ("Polygon", "MultiPolygon"):
                continue
            seen = clipped.intersection(near)
            label = (seen if not seen.is_empty else clipped).representative_point()
            features.append({"type": "Feature", "geometry": mapping(clipped), "properties": {
                "name": country.name, "label_at": [round(label.x, 3), round(label.y, 3)]}})
        return {"type": "FeatureCollection", "features": features}

    def _repr_html_(self) -> str:
        return self.map()._repr_html_()

    def save(self, path: str | Path, *, format: str | None = None, embed: bool = False,
             self_contained: bool = False, tiles: str = "OpenStreetMap") -> Path:
        """Write the route as html, geojson, json, gpkg or csv; never a half-written file."""
        from .export import write_route

        return write_route(self, Path(path), format=format, embed=embed,
                           self_contained=self_contained, tiles=tiles)


def _feature(geometry: dict | None, properties: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _stop_feature(s: Stop) -> dict:
    place = s.place
    return _feature({"type": "Point", "coordinates": [round(s.lon, 5), round(s.lat, 5)]}, {
        "role": "stop", "seq": s.seq, "name": s.name, "mentions": s.mentions,
        "status": s.status, "certainty": s.certainty, "when": s.when, "kind": s.kind,
        "gazetteer_id": place.id if place else None,
        "place": None if place is None else {
            "name": place.name, "country": place.country, "admin1": place.admin1,
            "feature_code": place.feature_code, "lat": place.lat, "lon": place.lon},
        "evidence": s.evidence, "cues": s.cues, "stop_role": s.role, "context": s.context,
        "implausible": s.implausible, "confidence": round(s.confidence, 3),
    })


def _frame(features: list[dict]):
    """A GeoDataFrame of features; nested values (lists, dicts) stay as Python objects."""
    import geopandas
    from shapely.geometry import shape

    rows = [dict(f["properties"]) for f in features]
    geometry = [shape(f["geometry"]) if f["geometry"] else None for f in features]
    return geopandas.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")
