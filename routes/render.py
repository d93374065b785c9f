"""Draw a route as an interactive Leaflet map: the last stage of the pipeline.

The input is the route GeoJSON FeatureCollection (features with ``properties.role`` ``stop``,
``leg``, ``area`` or ``mention`` and a ``route`` member with the metadata), so a map can be
drawn from a saved file as well as from a fresh :class:`Route`.

What the map says:

- known legs are solid with an arrowhead at the midpoint; uncertain legs are dashed and lighter;
  a physically implausible leg is red and dotted. Each leg's tooltip gives its reason;
- stops are numbered circles coloured by status (visited, current, planned, speculated); the
  current position has a pulsing ring. Popups show the gazetteer entry, the time (interval and
  the original phrase), status, certainty and the evidence with the cue words marked;
- uncertainty areas lie under the route in their own pane; places mentioned but not on the route
  are a grey layer, off by default, in the layer control;
- a title block, a legend, a timeline stepper (Routes' own JS, ``routes/mapjs/routes.js``) and
  GeoNames attribution.

Every string that came from the article is HTML-escaped here, before it reaches a template; the
templates pass data to JavaScript only through ``tojson``. folium's ``Popup`` and ``Tooltip`` are
not used: ``Popup`` needs jQuery and both paste their text into a JavaScript template literal,
where ``${...}`` in article text would run.

>>> import json
>>> from routes.render import route_map, to_html
>>> route = json.load(open("tests/data/sample_route.geojson"))       # doctest: +SKIP
>>> page = to_html(route_map(route, tiles="none"), self_contained=True)  # doctest: +SKIP
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.template import Template

from .assets import inline_tag, link_tag, own_file
from .errors import InputError

__all__ = ["STATUS_COLOURS", "highlight", "route_map", "to_html", "write_map"]

STATUS_COLOURS = {
    "visited": "#1c5fb8",
    "current": "#d9480f",
    "planned": "#2b8a3e",
    "speculated": "#8e44ad",
}
_STATUS_LABEL = {
    "visited": "visited",
    "current": "current position",
    "planned": "planned",
    "speculated": "speculated",
}
_KNOWN = "#1c5fb8"
_UNCERTAIN = "#6f8fbf"
_IMPLAUSIBLE = "#d62728"
_MENTION = "#6c757d"
_AREA_PANE = "routes-areas"
_BASEMAP_PANE = "routes-basemap"
_GEONAMES = (
    'Places: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a>'
    " (CC BY 4.0)"
)


def _esc(value: Any) -> str:
    """Escape anything for HTML text or a quoted attribute; ``None`` becomes ''."""
    return "" if value is None else html.escape(str(value), quote=True)


def _latlon(coords: Sequence[float]) -> list[float]:
    """GeoJSON ``[lon, lat]`` → Leaflet ``[lat, lon]``; the one place the axis order flips."""
    return [float(coords[1]), float(coords[0])]


def _latlons(rings: Any) -> Any:
    """Flip every coordinate pair in a nested GeoJSON coordinate array."""
    if rings and isinstance(rings[0], (int, float)):
        return _latlon(rings)
    return [_latlons(r) for r in rings]


def _pairs(coords: Any) -> Iterator[Sequence[float]]:
    if coords and isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords or ():
            yield from _pairs(c)


# ---------------------------------------------------------------------------------------------
# Highlighting evidence


def highlight(text: str, cues: Iterable[str]) -> str:
    """Escape ``text`` for HTML and wrap each cue word in ``<mark>``, ignoring case.

    Matches are found in the original text and every piece is escaped on output, so a cue
    never lands inside an entity (a cue ``"lt"`` cannot split ``&lt;``) and no article text is
    emitted unescaped. Cues match whole words only where they begin or end with a letter.

    >>> highlight("He <b>arrived</b> & left", ["arrived"])
    'He &lt;b&gt;<mark>arrived</mark>&lt;/b&gt; &amp; left'
    """
    text = "" if text is None else str(text)
    patterns = []
    for cue in sorted({c for c in cues or () if c and str(c).strip()}, key=len, reverse=True):
        cue = str(cue).strip()
        left = r"(?<!\w)" if cue[0].isalnum() else ""
        right = r"(?!\w)" if cue[-1].isalnum() else ""
        patterns.append(left + re.escape(cue) + right)
    if not patterns:
        return _esc(text)
    out, last = [], 0
    for match in re.finditer("|".join(patterns), text, flags=re.IGNORECASE):
        out.append(_esc(text[last : match.start()]))
        out.append(f"<mark>{_esc(match.group(0))}</mark>")
        last = match.end()
    out.append(_esc(text[last:]))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Map elements


class _RouteMap(folium.Map):
    """A folium Map whose page needs only Leaflet, and whose header suits an embedded fragment.

    folium's own template styles ``html, body`` and uses jQuery for ``keep_in_front``; neither
    belongs in a fragment pasted into someone else's page.
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        {%- if not kwargs.get("routes_embed") %}
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <style>html, body { width: 100%; height: 100%; margin: 0; padding: 0; }</style>
        {%- endif %}
        <style>
        #{{ this.get_name() }} {
            position: relative;
            width: {{ this.width[0] }}{{ this.width[1] }};
            height: {{ this.routes_height(kwargs) }};
            font-size: {{ this.font_size }};
        }
        </style>
        {% endmacro %}

        {% macro html(this, kwargs) %}
        <div class="folium-map routes-map{% if this.routes_no_tiles %} routes-notiles{% endif %}"
             id={{ this.get_name()|tojson }}></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
            center: {{ this.location|tojson }},
            crs: L.CRS.{{ this.crs }},
            ...{{ this.options|tojavascript }}
        });
        {% endmacro %}
        """
    )

    def __init__(self, *, embed_height: str, no_tiles: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.routes_embed_height = embed_height
        self.routes_no_tiles = no_tiles
        # Only Leaflet: no jQuery, Bootstrap or font icons (every marker is a DivIcon).
        self.default_js = [(n, u) for n, u in folium.Map.default_js if n == "leaflet"]
        self.default_css = [(n, u) for n, u in folium.Map.default_css if n == "leaflet_css"]

    def routes_height(self, kwargs: dict) -> str:
        """CSS height: a percentage means nothing inside an unsized host element, so an
        embedded map with a relative height gets ``embed_height`` instead."""
        value, unit = self.height
        if kwargs.get("routes_embed") and unit == "%":
            return self.routes_embed_height
        return f"{value}{unit}"


class _Layer(MacroElement):
    """One Leaflet vector or marker, with an HTML tooltip/popup bound through ``tojson``."""

    _FACTORIES = frozenset({"marker", "polyline", "polygon", "circleMarker"})
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.{{ this.factory }}(
            {{ this.latlngs|tojson }},
            {%- if this.icon %}
            { ...{{ this.options|tojson }}, icon: L.divIcon({{ this.icon|tojson }}) }
            {%- else %}
            {{ this.options|tojson }}
            {%- endif %}
        );
        {%- if this.tooltip %}
        {{ this.get_name() }}.bindTooltip(
            {{ this.tooltip|tojson }}, {{ this.tooltip_options|tojson }});
        {%- endif %}
        {%- if this.popup %}
        {{ this.get_name() }}.bindPopup({{ this.popup|tojson }}, {maxWidth: 340, minWidth: 220});
        {%- endif %}
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        factory: str,
        latlngs: Any,
        options: dict,
        *,
        icon: dict | None = None,
        tooltip: str | None = None,
        popup: str | None = None,
        sticky: bool = True,
    ) -> None:
        super().__init__()
        if factory not in self._FACTORIES:
            raise ValueError(f"unknown Leaflet factory {factory!r}")
        self._name = "RoutesLayer"
        self.factory = factory
        self.latlngs = latlngs
        self.options = options
        self.icon = icon
        self.tooltip = tooltip  # escaped HTML
        self.tooltip_options = {"sticky": sticky}
        self.popup = popup  # escaped HTML


class _Controls(MacroElement):
    """Routes' own CSS/JS, the title block, legend, attribution and the empty-route message."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        {% endmacro %}

        {% macro script(this, kwargs) %}
        RoutesMap.attribution({{ this._parent.get_name() }}, {{ this.attribution|tojson }});
        {%- if this.title %}
        RoutesMap.title({{ this._parent.get_name() }}, {{ this.title|tojson }});
        {%- endif %}
        {%- if this.legend %}
        RoutesMap.legend({{ this._parent.get_name() }}, {{ this.legend|tojson }});
        {%- endif %}
        {%- if this.message %}
        RoutesMap.message({{ this._parent.get_name() }}, {{ this.message|tojson }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self, *, title: str, page_title: str, legend: str, message: str, attribution: str
    ) -> None:
        super().__init__()
        self._name = "RoutesControls"
        self.css = own_file("routes.css")
        self.js = own_file("routes.js")
        self.title = title
        self.page_title = page_title  # escaped, for the page's <title>
        self.legend = legend
        self.message = message
        self.attribution = attribution


class _Timeline(MacroElement):
    """The timeline stepper; must be added after the stops and legs it refers to."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        RoutesMap.timeline({{ this._parent.get_name() }}, [
        {%- for step in this.steps %}
            {
                seq: {{ step.seq|tojson }},
                label: {{ step.label|tojson }},
                latlng: {{ step.latlng|tojson }},
                marker: {{ step.marker.get_name() }},
                legs: [{% for leg in step.legs %}{{ leg.get_name() }}, {% endfor %}]
            },
        {%- endfor %}
        ], {overview: {{ this.overview|tojson }}});
        {% endmacro %}
        """
    )

    def __init__(self, steps: list[dict], overview: str) -> None:
        super().__init__()
        self._name = "RoutesTimeline"
        self.steps = steps
        self.overview = overview


# ---------------------------------------------------------------------------------------------
# Reading the collection


def _features(collection: dict) -> tuple[dict, dict[str, list[dict]]]:
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise InputError("route map: expected a GeoJSON FeatureCollection (a dict)")
    features = collection.get("features")
    if not isinstance(features, list):
        raise InputError("route map: the FeatureCollection has no 'features' list")
    by_role: dict[str, list[dict]] = {"stop": [], "leg": [], "area": [], "mention": []}
    for feature in features:
        if not isinstance(feature, dict):
            continue
        props = feature.get("properties") or {}
        role = props.get("role")
        if role in by_role:
            by_role[role].append(feature)
    by_role["stop"].sort(key=lambda f: _int(f["properties"].get("seq")))
    meta = collection.get("route") if isinstance(collection.get("route"), dict) else {}
    return meta, by_role


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _geometry(feature: dict, *types: str) -> dict | None:
    geom = feature.get("geometry")
    if isinstance(geom, dict) and geom.get("type") in types and geom.get("coordinates"):
        return geom
    return None


def _status(props: dict) -> str:
    status = props.get("status")
    # Only known values reach class names and colours.
    return status if status in STATUS_COLOURS else "unknown"


def _certainty(props: dict) -> str:
    return "known" if props.get("certainty") == "known" else "uncertain"


# ---------------------------------------------------------------------------------------------
# Text builders (all return escaped HTML)


def _interval(start: Any, end: Any) -> str:
    """A readable interval: a single day as a date, a span within one day as times."""
    try:
        s = datetime.fromisoformat(str(start))
        e = datetime.fromisoformat(str(end))
    except ValueError:
        return " – ".join(_esc(v) for v in (start, end) if v)
    if s.time() == e.time() == time(0):
        last = e - timedelta(days=1)
        if last.date() <= s.date():
            return s.date().isoformat()
        return f"{s.date().isoformat()} – {last.date().isoformat()}"
    if s.date() == e.date():
        return f"{s:%Y-%m-%d %H:%M}–{e:%H:%M}"
    return f"{s:%Y-%m-%d %H:%M} – {e:%Y-%m-%d %H:%M}"


def _when(props: dict) -> str:
    when = props.get("when")
    if not isinstance(when, dict):
        return ""
    phrase = f"“{_esc(when['text'])}”" if when.get("text") else ""
    span = _interval(when.get("start"), when.get("end")) if when.get("start") else ""
    if phrase and span:
        return f"{phrase} ({_esc(span)})"
    return phrase or _esc(span)


def _row(label: str, value: str) -> str:
    return f"<tr><th>{label}</th><td>{value}</td></tr>" if value else ""


def _stop_popup(props: dict) -> str:
    seq = _int(props.get("seq"))
    place = props.get("place") if isinstance(props.get("place"), dict) else None
    if place:
        where = ", ".join(_esc(place.get(k)) for k in ("name", "admin1", "country") if place.get(k))
        extra = " · ".join(
            _esc(v) for v in (place.get("feature_code"), props.get("gazetteer_id")) if v
        )
        gazetteer = f"{where}<br><small>{extra}</small>" if extra else where
    else:
        gazetteer = "<i>not in the gazetteer</i>"
    certainty = _certainty(props)
    confidence = props.get("confidence")
    status = f"{_esc(props.get('status'))} ({certainty})"
    if isinstance(confidence, (int, float)):
        status += f", confidence {confidence:.2f}"
    cues = [str(c) for c in props.get("cues") or () if c]
    evidence = "".join(
        f"<blockquote>{highlight(s, cues)}</blockquote>" for s in props.get("evidence") or () if s
    )
    rows = "".join(
        (
            _row("Place", gazetteer),
            _row("Kind", _esc(props.get("kind"))),
            _row("Context", _esc(props.get("context"))),
            _row("Time", _when(props)),
            _row("Status", status),
            _row("Role", _esc(props.get("stop_role"))),
            _row("Cues", ", ".join(_esc(c) for c in cues)),
            _row("Implausible", _esc(props.get("implausible"))),
        )
    )
    return (
        f'<div class="routes-popup"><h4>{seq}. {_esc(props.get("name"))}</h4>'
        f"<table>{rows}</table>{evidence}</div>"
    )


def _leg_tooltip(props: dict) -> str:
    certainty = _certainty(props)
    head = f"{'Known' if certainty == 'known' else 'Uncertain'} leg "
    head += f"{_int(props.get('from_seq'))} → {_int(props.get('to_seq'))}"
    distance = props.get("distance_km")
    if isinstance(distance, (int, float)):
        head += f", {distance:,.0f} km"
    text = f"<b>{head}</b><br>{_esc(props.get('reason'))}"
    if props.get("implausible"):
        text += f"<br><b>Implausible:</b> {_esc(props['implausible'])}"
    return f'<div class="routes-tip">{text}</div>'


def _title(meta: dict) -> str:
    head = _esc(meta.get("title")) or "Route"
    lines = []
    if meta.get("traveler"):
        lines.append(f"Traveler: {_esc(meta['traveler'])}")
    if meta.get("published"):
        origin = {"argument": "as given", "text": "from the text",
                  "dateline": "from the dateline"}.get(str(meta.get("date_source")))
        source = f" ({_esc(origin)})" if origin else ""
        lines.append(f"Report of {_esc(meta['published'])}{source}")
    if meta.get("source"):
        lines.append(f"Source: {_esc(meta['source'])}")
    meta_html = "".join(f'<div class="routes-meta">{line}</div>' for line in lines)
    summary = meta.get("summary")
    summary_html = f'<div class="routes-summary">{_esc(summary)}</div>' if summary else ""
    return f'<div class="routes-headline">{head}</div>{meta_html}{summary_html}'


def _legend(statuses: set[str], implausible: bool, areas: bool, mentions: bool) -> str:
    rows = []
    for status, colour in STATUS_COLOURS.items():
        if status not in statuses:
            continue
        if status in ("planned", "speculated"):
            style = f"background:#fff;border:2px {'dashed' if status == 'planned' else 'dotted'}"
            style += f" {colour}"
        else:
            style = f"background:{colour}"
        rows.append(
            f'<div><span class="routes-key" style="{style}"></span>{_STATUS_LABEL[status]}</div>'
        )
    rows.append(
        f'<div><span class="routes-key-line" style="border-top:3px solid {_KNOWN}"></span>'
        "known leg</div>"
    )
    rows.append(
        f'<div><span class="routes-key-line" style="border-top:3px dashed {_UNCERTAIN}"></span>'
        "uncertain leg</div>"
    )
    if implausible:
        rows.append(
            '<div><span class="routes-key-line" '
            f'style="border-top:3px dotted {_IMPLAUSIBLE}"></span>implausible leg</div>'
        )
    if areas:
        rows.append(
            '<div><span class="routes-key" style="border-radius:2px;'
            f'background:{_KNOWN}33;border:1px solid {_KNOWN}"></span>uncertainty area</div>'
        )
    if mentions:
        rows.append(
            f'<div><span class="routes-key" style="background:{_MENTION};width:10px;'
            'height:10px"></span>other mention</div>'
        )
    return "".join(rows)


# ---------------------------------------------------------------------------------------------
# Geometry helpers


def _mercator(lat: float, lon: float) -> tuple[float, float]:
    lat = max(min(lat, 85.0), -85.0)
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _mid_and_angle(latlngs: list[list[float]]) -> tuple[list[float], float] | None:
    """Midpoint and on-screen direction (degrees clockwise from east) of a polyline.

    Measured in Web Mercator, the projection Leaflet draws in, so the arrow lies on the drawn
    line and points along it at every zoom.
    """
    pts = [_mercator(lat, lon) for lat, lon in latlngs]
    segments = [(a, b, math.dist(a, b)) for a, b in itertools.pairwise(pts)]
    total = sum(length for _, _, length in segments)
    if total <= 0:
        return None
    walked = 0.0
    for (ax, ay), (bx, by), length in segments:
        if length and walked + length >= total / 2:
            t = (total / 2 - walked) / length
            x, y = ax + t * (bx - ax), ay + t * (by - ay)
            lat = math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)
            angle = math.degrees(math.atan2(-(by - ay), bx - ax))  # screen y points down
            return [lat, math.degrees(x)], angle
        walked += length
    return None


def _draw_basemap(m: folium.Map, basemap: dict) -> None:
    """Outlines and names of the countries around the route, in the lowest pane."""
    folium.map.CustomPane(_BASEMAP_PANE, z_index=150, pointer_events=False).add_to(m)
    group = folium.FeatureGroup(name="Country outlines", control=False).add_to(m)
    for feature in basemap["features"]:
        geom = _geometry(feature, "Polygon", "MultiPolygon")
        if not geom:
            continue
        options = {"pane": _BASEMAP_PANE, "className": "routes-basemap", "color": "#a39e93",
                   "weight": 0.8, "fillColor": "#f3f0e8", "fillOpacity": 1.0,
                   "interactive": False}
        group.add_child(_Layer("polygon", _latlons(geom["coordinates"]), options))
        label = (feature.get("properties") or {}).get("label_at")
        name = (feature.get("properties") or {}).get("name")
        if label and name:
            icon = {"html": f"<span>{_esc(name)}</span>", "className": "routes-basemap-label",
                    "iconSize": [120, 16], "iconAnchor": [60, 8]}
            group.add_child(_Layer("marker", _latlon(label),
                                   {"pane": _BASEMAP_PANE, "interactive": False,
                                    "keyboard": False}, icon=icon))


def _arrow_icon(angle: float, colour: str, certainty: str) -> dict:
    svg = (
        '<svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true" '
        f'style="transform:rotate({angle:.1f}deg)">'
        f'<path d="M-7,-7 L8,0 L-7,7 L-3,0 Z" fill="{colour}" stroke="#fff" '
        'stroke-width="1.5" stroke-linejoin="round"/></svg>'
    )
    return {
        "html": svg,
        "className": f"routes-arrow routes-arrow-{certainty}",
        "iconSize": [20, 20],
        "iconAnchor": [10, 10],
    }


def _bounds(points: Iterable[Sequence[float]]) -> list[list[float]] | None:
    lats, lons = [], []
    for lat, lon in points:
        lats.append(lat)
        lons.append(lon)
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# ---------------------------------------------------------------------------------------------
# Public API


def route_map(
    collection: dict,
    *,
    tiles: str | None = "OpenStreetMap",
    width: str = "100%",
    height: str = "100%",
    embed_height: str = "480px",
    max_zoom: int = 10,
    show_mentions: bool | None = None,
    timeline: bool = True,
    basemap: dict | None = None,
) -> folium.Map:
    """Build the map of one route GeoJSON collection.

    Parameters
    ----------
    collection : dict
        A route FeatureCollection as ``Route.to_geojson()`` writes it (see the contract in the
        module docstring). Article strings in it are treated as untrusted and escaped.
    tiles : str or None, default "OpenStreetMap"
        Any tile name folium knows; ``"none"`` (or ``None``) draws no tile layer at all, so
        the page makes no network request once its assets are inlined.
    width, height : str
        CSS size of the map on a full page.
    embed_height : str, default "480px"
        Height used when the map is embedded and ``height`` is a percentage: a percentage of
        an unsized host element would be zero.
    max_zoom : int, default 10
        The closest zoom used to fit the route; a single stop is shown at this zoom.
    show_mentions : bool, optional
        Whether the grey "Other mentions" layer starts switched on. Default: only when the
        route has no stops, so an empty map still shows what the text named.
    timeline : bool, default True
        Add the timeline stepper (previous / play / next through the stops).
    basemap : dict, optional
        A FeatureCollection of outlines with a ``name`` property (countries), drawn faintly
        under everything with their names: without tiles, it is what tells a reader where the
        route is. :meth:`routes.route.Route.map` supplies it from the gazetteer.

    Returns
    -------
    folium.Map
        Render it with :func:`to_html`.
    """
    meta, by_role = _features(collection)
    no_tiles = tiles is None or str(tiles).lower() == "none"

    stops = [(f, _geometry(f, "Point")) for f in by_role["stop"]]
    stops = [(f, g) for f, g in stops if g]
    areas = [(f, _geometry(f, "Polygon", "MultiPolygon")) for f in by_role["area"]]
    areas = [(f, g) for f, g in areas if g]
    legs = [(f, _geometry(f, "LineString")) for f in by_role["leg"]]
    legs = [(f, g) for f, g in legs if g]
    mentions = [(f, _geometry(f, "Point")) for f in by_role["mention"]]
    mentions = [(f, g) for f, g in mentions if g]

    frame_points = [_latlon(g["coordinates"]) for _, g in stops]
    for _, g in areas:
        frame_points.extend(_latlon(p) for p in _pairs(g["coordinates"]))
    bounds = _bounds(frame_points)

    m = _RouteMap(
        embed_height=embed_height,
        no_tiles=no_tiles,
        location=None if bounds is None else [
            (bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2
        ],
        zoom_start=2 if bounds is None else 5,
        tiles=None if no_tiles else tiles,
        width=width,
        height=height,
        world_copy_jump=True,
    )
    if bounds is None:
        m.options["zoom"] = 2

    if basemap and basemap.get("features"):
        _draw_basemap(m, basemap)

    # Areas sit in their own pane under the legs (overlayPane is 400) and markers.
    if areas:
        folium.map.CustomPane(_AREA_PANE, z_index=350, pointer_events=True).add_to(m)
        group = folium.FeatureGroup(name="Uncertainty areas").add_to(m)
        for feature, geom in areas:
            props = feature["properties"]
            certainty = _certainty(props)
            colour = STATUS_COLOURS.get(_status(props), _MENTION)
            coords = geom["coordinates"]
            latlngs = _latlons(coords)
            options = {
                "pane": _AREA_PANE,
                "className": f"routes-area routes-area-{certainty}",
                "color": colour,
                "weight": 1.5,
                "opacity": 0.8 if certainty == "known" else 0.6,
                "fillColor": colour,
                "fillOpacity": 0.18 if certainty == "known" else 0.1,
                "dashArray": None if certainty == "known" else "4 4",
            }
            tip = (
                f"Where {_esc(props.get('name'))} may be "
                f"({_esc(props.get('area_kind'))}, {certainty})"
            )
            group.add_child(_Layer("polygon", latlngs, options, tooltip=tip))

    leg_layers: dict[int, list[MacroElement]] = {}
    implausible_any = False
    if legs:
        group = folium.FeatureGroup(name="Legs").add_to(m)
        for feature, geom in legs:
            props = feature["properties"]
            certainty = _certainty(props)
            implausible = bool(props.get("implausible"))
            implausible_any |= implausible
            latlngs = _latlons(geom["coordinates"])
            classes = f"routes-leg routes-leg-{certainty}"
            if implausible:
                colour, dash, classes = _IMPLAUSIBLE, "1 7", classes + " routes-leg-implausible"
            elif certainty == "known":
                colour, dash = _KNOWN, None
            else:
                colour, dash = _UNCERTAIN, "8 8"
            options = {
                "className": classes,
                "color": colour,
                "weight": 4 if certainty == "known" else 3,
                "opacity": 0.9 if certainty == "known" else 0.7,
                "dashArray": dash,
                "lineCap": "round",
            }
            tip = _leg_tooltip(props)
            line = _Layer("polyline", latlngs, options, tooltip=tip)
            group.add_child(line)
            drawn = [line]
            cue = _mid_and_angle(latlngs)
            if cue:
                mid, angle = cue
                arrow = _Layer(
                    "marker", mid, {"interactive": False, "keyboard": False, "zIndexOffset": -1000},
                    icon=_arrow_icon(angle, colour, certainty),
                )
                group.add_child(arrow)
                drawn.append(arrow)
            leg_layers.setdefault(_int(props.get("to_seq")), []).extend(drawn)

    steps = []
    if stops:
        group = folium.FeatureGroup(name="Stops").add_to(m)
        for feature, geom in stops:
            props = feature["properties"]
            status = _status(props)
            seq = _int(props.get("seq"))
            size = 28 if status == "current" else 22
            ring = '<span class="routes-pulse"></span>' if status == "current" else ""
            icon = {
                "html": f'<div class="routes-pin">{seq}{ring}</div>',
                "className": f"routes-stop routes-stop-{status} routes-{_certainty(props)}",
                "iconSize": [size, size],
                "iconAnchor": [size // 2, size // 2],
                "popupAnchor": [0, -size // 2],
                "tooltipAnchor": [size // 2, 0],
            }
            latlng = _latlon(geom["coordinates"])
            name = _esc(props.get("name"))
            tip = f"{seq}. {name} ({_esc(props.get('status'))})"
            marker = _Layer(
                "marker", latlng,
                {"zIndexOffset": 1000 if status == "current" else 0, "riseOnHover": True},
                icon=icon, tooltip=tip, popup=_stop_popup(props), sticky=False,
            )
            group.add_child(marker)
            when = _when(props)
            label = f"<b>{seq}/{len(stops)}</b> {name}" + (f" · {when}" if when else "")
            steps.append(
                {"seq": seq, "label": label, "latlng": latlng, "marker": marker,
                 "legs": leg_layers.get(seq, [])}
            )

    if mentions:
        show = (not stops) if show_mentions is None else show_mentions
        group = folium.FeatureGroup(name="Other mentions", show=show).add_to(m)
        for feature, geom in mentions:
            props = feature["properties"]
            reason = _esc(props.get("reason")) or "not on the route"
            name = _esc(props.get("name") or props.get("surface"))
            surface = props.get("surface")
            popup = (
                f'<div class="routes-popup"><h4>{name}</h4><table>'
                + _row("In the text", _esc(surface))
                + _row("Why not a stop", reason)
                + "</table>"
                + (
                    f"<blockquote>{highlight(props['evidence'], [surface] if surface else [])}"
                    "</blockquote>"
                    if props.get("evidence") else ""
                )
                + "</div>"
            )
            options = {
                "className": "routes-mention",
                "radius": 5,
                "color": "#fff",
                "weight": 1,
                "fillColor": _MENTION,
                "fillOpacity": 0.85,
            }
            group.add_child(
                _Layer("circleMarker", _latlon(geom["coordinates"]), options,
                       tooltip=f"{name}: {reason}", popup=popup)
            )

    message = meta.get("message")
    if not stops and not message:
        message = "No route: the text gives no stops."
    _Controls(
        title=_title(meta),
        page_title=_esc(meta.get("title")) or "Route map",
        legend=_legend(
            {_status(f["properties"]) for f, _ in stops}, implausible_any, bool(areas),
            bool(mentions),
        ) if stops else "",
        message=_esc(message) if not stops else "",
        attribution=_GEONAMES,
    ).add_to(m)

    if bounds is not None:
        folium.FitBounds(
            bounds, padding_top_left=(40, 40), padding_bottom_right=(40, 40), max_zoom=max_zoom
        ).add_to(m)
    if any(isinstance(c, folium.FeatureGroup) for c in m._children.values()):
        folium.LayerControl(collapsed=True).add_to(m)
    if timeline and steps:
        _Timeline(steps, overview=_esc(meta.get("summary")) or "Whole route").add_to(m)
    return m


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)
    if isinstance(element, Figure):
        for part in (element.header, element.html, element.script):
            yield from _walk(part)


def _fresh_ids(ids: Iterable[str], text: str) -> str:
    """Give every element id in ``text`` a new random value.

    folium names the map div and its JavaScript variables after each element's random id, so
    two different maps never clash, but the same Map rendered twice would. Ids are 32 random
    hex digits; replacing them as text cannot hit anything else.
    """
    for old in ids:
        text = text.replace(old, Element._generate_id())
    return text


def to_html(m: folium.Map, *, embed: bool = False, self_contained: bool = False) -> str:
    """Render a map as a full HTML page or as a fragment for a static site.

    Parameters
    ----------
    m : folium.Map
        Usually from :func:`route_map`; any folium Map works if its elements need only the
        assets named in :data:`routes.assets.ASSETS` when ``self_contained``.
    embed : bool, default False
        Return a fragment (no ``<html>``, ``<head>`` or ``<body>``): assets, the map's div and
        its script, wrapped in one ``<div class="routes-embed">``. Every id and JavaScript name
        is fresh on each call and the script runs in its own function scope, so several
        fragments, even of the same map, can share a page.
    self_contained : bool, default False
        Inline every script and stylesheet (Leaflet from the installed
        ``django-js-lib-leaflet``), so the page loads with no network except map tiles.

    Returns
    -------
    str
        The HTML.
    """
    figure = m.get_root()
    if not isinstance(figure, Figure):
        figure = Figure()
        figure.add_child(m)
    # folium's render adds children as it goes (an ``AddTo`` per layer, each part of the page
    # to the figure), so a second render would repeat them; put the tree back afterwards.
    before = {id(el): (el, list(el._children)) for el in _walk(figure)}
    try:
        header, body, script = _render_parts(figure, embed, self_contained)
        ids = {el._id for el in _walk(figure)}
    finally:
        for el, keys in before.values():
            for key in [k for k in el._children if k not in keys]:
                del el._children[key]

    if embed:
        text = (
            '<div class="routes-embed">\n'
            f"{header}\n{body}\n"
            f"<script>\n(function () {{\n{script}\n}})();\n</script>\n"
            "</div>\n"
        )
        return _fresh_ids(ids, text)

    title = next(
        (c.page_title for c in m._children.values() if isinstance(c, _Controls)), ""
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        f"<title>{title or 'Route map'}</title>\n{header}\n</head>\n<body>\n{body}\n"
        f"<script>\n{script}\n</script>\n</body>\n</html>\n"
    )


def _render_parts(figure: Figure, embed: bool, self_contained: bool) -> tuple[str, str, str]:
    """Render the figure; return its header (links swapped as asked), body and script."""
    figure.render(routes_embed=embed)  # fills figure.header, .html and .script
    head = []
    for name, child in figure.header._children.items():
        if isinstance(child, (JavascriptLink, CssLink)):
            kind = "js" if isinstance(child, JavascriptLink) else "css"
            head.append(inline_tag(name) if self_contained else link_tag(kind, child.url))
        elif embed and name == "meta_http":
            continue  # a fragment lives inside someone else's <head>
        else:
            head.append(child.render())
    return "\n".join(head), figure.html.render(), figure.script.render()


def write_map(
    collection: dict,
    path: Path | str,
    *,
    embed: bool = False,
    self_contained: bool = False,
    tiles: str | None = "OpenStreetMap",
) -> Path:
    """Draw ``collection`` and write the HTML to ``path`` atomically (temp file, then rename).

    Returns the path written.
    """
    from .io import atomic_write

    path = Path(path)
    text = to_html(route_map(collection, tiles=tiles), embed=embed, self_contained=self_contained)
    with atomic_write(path) as handle:
        handle.write(text)
    return path
