"""The map renderer, without a browser: escaping, layers, page modes, assets, sizes."""

from __future__ import annotations

import copy
import itertools
import json
import re
from pathlib import Path

import folium
import pytest

from routes.assets import ASSETS, inline_tag, own_file
from routes.errors import InputError
from routes.render import _Layer, highlight, route_map, to_html, write_map

SAMPLE = Path(__file__).parent / "data" / "sample_route.geojson"
ELEMENT_NAME = re.compile(r"\b[a-z][a-z_]*_[0-9a-f]{32}\b")
REMOTE_ASSET = re.compile(
    r"<script[^>]*\bsrc\s*=|<link[^>]*\bhref\s*=\s*[\"']?https?:", re.IGNORECASE
)
MB = 1_000_000


@pytest.fixture
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def make_route(*stops: tuple[str, str, float, float], **meta) -> dict:
    """A small route collection: stops as (name, status, lat, lon), legs between neighbours."""
    features = []
    for seq, (name, status, lat, lon) in enumerate(stops, 1):
        certainty = "known" if status in ("visited", "current") else "uncertain"
        features.append({
            "type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"role": "stop", "seq": seq, "name": name, "status": status,
                           "certainty": certainty, "evidence": [f"They went to {name}."],
                           "cues": ["went to"], "when": None, "place": None},
        })
    for seq, (a, b) in enumerate(itertools.pairwise(stops), 1):
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": [[a[3], a[2]], [b[3], b[2]]]},
            "properties": {"role": "leg", "from_seq": seq, "to_seq": seq + 1,
                           "certainty": "known", "reason": "both visited",
                           "distance_km": 10.0, "implausible": None},
        })
    route = {"traveler": None, "published": None, "source": "t.txt", "title": None,
             "summary": None, "message": None, **meta}
    return {"type": "FeatureCollection", "route": route, "features": features}


def groups(m: folium.Map) -> dict[str, folium.FeatureGroup]:
    return {
        c.layer_name: c for c in m._children.values() if isinstance(c, folium.FeatureGroup)
    }


def layers(group: folium.FeatureGroup, factory: str | None = None) -> list[_Layer]:
    return [
        c for c in group._children.values()
        if isinstance(c, _Layer) and (factory is None or c.factory == factory)
    ]


# --- escaping -----------------------------------------------------------------------------


def test_highlight_escapes_before_marking():
    assert highlight("He <b>Arrived</b> & left", ["arrived"]) == (
        "He &lt;b&gt;<mark>Arrived</mark>&lt;/b&gt; &amp; left"
    )


def test_highlight_never_splits_an_entity_or_a_word():
    assert highlight("a < b, alt", ["lt"]) == "a &lt; b, alt"
    assert highlight("willing; he will go", ["will"]) == "willing; he <mark>will</mark> go"
    assert highlight("on Tuesday morning", ["Tuesday", "on Tuesday morning"]) == (
        "<mark>on Tuesday morning</mark>"
    )
    assert highlight('say "<x>"', []) == "say &quot;&lt;x&gt;&quot;"


@pytest.mark.parametrize(
    "options",
    [{}, {"self_contained": True}, {"embed": True}, {"embed": True, "self_contained": True}],
)
def test_article_markup_appears_only_escaped(sample, options):
    out = to_html(route_map(sample), **options)
    for raw in ("<script>window.__pwned", "<img src=x", "<b>Test</b>"):
        assert raw not in out
    # escaped as HTML, then as JSON for the script
    assert "\\u0026lt;script\\u0026gt;window.__pwned=1" in out
    assert "Ann \\u0026lt;b\\u0026gt;Test" in out


def test_page_title_is_escaped(sample):
    out = to_html(route_map(sample))
    assert "<title>A sample trip &lt;script&gt;window.__pwned=1&lt;/script&gt;</title>" in out


def test_no_js_template_literals_carry_article_text(sample):
    # folium's Popup/Tooltip paste text into `...`, where ${...} would run; ours use JSON.
    sample["features"][0]["properties"]["name"] = "X ${window.__pwned=1} `y`"
    out = to_html(route_map(sample))
    script = out.split("<body>", 1)[1]
    assert "`" not in script.replace("`y`", "")
    assert 'label: "\\u003cb\\u003e1/5\\u003c/b\\u003e X ${window.__pwned=1} `y` \\u00b7' in script


# --- layers -------------------------------------------------------------------------------


def test_layers_match_the_collection(sample):
    m = route_map(sample)
    found = groups(m)
    assert list(found) == ["Uncertainty areas", "Legs", "Stops", "Other mentions"]
    assert len(layers(found["Uncertainty areas"], "polygon")) == 2
    assert len(layers(found["Legs"], "polyline")) == 4
    assert len(layers(found["Legs"], "marker")) == 4  # one arrowhead per leg
    assert len(layers(found["Stops"], "marker")) == 5
    assert len(layers(found["Other mentions"], "circleMarker")) == 2
    assert found["Other mentions"].show is False
    assert sum(isinstance(c, folium.LayerControl) for c in m._children.values()) == 1
    classes = [lay.options["className"] for lay in layers(found["Legs"], "polyline")]
    assert classes.count("routes-leg routes-leg-known") == 2
    assert classes.count("routes-leg routes-leg-uncertain") == 2
    stops = layers(found["Stops"])
    assert [s.icon["className"].split()[1] for s in stops] == [
        "routes-stop-visited", "routes-stop-visited", "routes-stop-current",
        "routes-stop-speculated", "routes-stop-planned",
    ]
    assert "routes-pulse" in stops[2].icon["html"]


def test_areas_sit_in_a_lower_pane(sample):
    m = route_map(sample)
    panes = [c for c in m._children.values() if isinstance(c, folium.map.CustomPane)]
    assert [(p.name, p.z_index) for p in panes] == [("routes-areas", 350)]
    assert all(a.options["pane"] == "routes-areas" for a in layers(groups(m)["Uncertainty areas"]))


def test_stop_popup_has_place_time_and_marked_evidence(sample):
    stops = layers(groups(route_map(sample))["Stops"])
    popup = stops[0].popup
    for part in ("1. Khasan", "Primorskiy", "RU", "PPL", "gn:2039557", "on Tuesday morning",
                 "2024-05-07 06:00–12:00", "visited (known)", "origin", "Primorsky Krai"):
        assert part in popup
    assert "The delegation <mark>reached</mark> Khasan <mark>on Tuesday morning</mark>" in popup
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in popup
    assert "not in the gazetteer" in stops[2].popup  # place is null
    assert "“now” (2024-05-08)" in stops[2].popup


def test_leg_tooltip_gives_reason_and_implausible_note(sample):
    sample["features"][6]["properties"]["implausible"] = "needs 900 km/h <by train>"
    legs = layers(groups(route_map(sample))["Legs"], "polyline")
    assert "Both ends are reported as visited." in legs[0].tooltip
    assert "Known leg 1 → 2, 187 km" in legs[0].tooltip
    assert "Implausible:</b> needs 900 km/h &lt;by train&gt;" in legs[1].tooltip
    assert "routes-leg-implausible" in legs[1].options["className"]
    assert legs[1].options["dashArray"] == "1 7"


def test_arrowheads_point_along_the_leg(sample):
    arrows = layers(groups(route_map(sample))["Legs"], "marker")
    # leg 1 -> 2 runs north-east: on screen up and to the right, a negative CSS rotation
    angle = float(re.search(r"rotate\((-?[\d.]+)deg\)", arrows[0].icon["html"]).group(1))
    assert -90 < angle < 0
    lat, lon = arrows[0].latlngs
    assert 42.43 < lat < 43.80 and 130.64 < lon < 131.96


def test_fit_bounds_cover_stops_and_areas_not_mentions(sample):
    m = route_map(sample)
    (fit,) = [c for c in m._children.values() if isinstance(c, folium.FitBounds)]
    (south, west), (north, east) = fit.bounds
    assert south == pytest.approx(42.4297) and north == pytest.approx(52.05)
    assert west == pytest.approx(127.5) and east == pytest.approx(132.54)  # Seoul is left out
    assert fit.options["maxZoom"] == 10


def test_single_stop_gets_a_sensible_zoom():
    m = route_map(make_route(("Khasan", "visited", 42.43, 130.65)), max_zoom=9)
    (fit,) = [c for c in m._children.values() if isinstance(c, folium.FitBounds)]
    assert fit.bounds == [[42.43, 130.65], [42.43, 130.65]]
    assert fit.options["maxZoom"] == 9


def test_empty_route_shows_its_message_and_no_timeline():
    data = make_route(message="No trip found: <nothing> moved.")
    out = to_html(route_map(data))
    assert "RoutesMap.message(" in out
    assert "No trip found: \\u0026lt;nothing\\u0026gt; moved." in out
    assert "RoutesMap.timeline(" not in out
    assert ".fitBounds(" not in out


def test_multipolygon_area_is_one_layer(sample):
    sample["features"][9]["geometry"] = {
        "type": "MultiPolygon",
        "coordinates": [[[[131, 43], [132, 43], [132, 44], [131, 43]]],
                        [[[133, 43], [134, 43], [134, 44], [133, 43]]]],
    }
    areas = layers(groups(route_map(sample))["Uncertainty areas"])
    assert len(areas) == 2
    assert areas[0].latlngs[1][0][0] == [43.0, 133.0]


def test_bad_input_is_an_input_error():
    with pytest.raises(InputError):
        route_map({"type": "Feature"})
    with pytest.raises(InputError):
        route_map({"type": "FeatureCollection"})


# --- page modes ---------------------------------------------------------------------------


def test_full_page_references_leaflet_only(sample):
    out = to_html(route_map(sample))
    assert out.startswith("<!DOCTYPE html>")
    srcs = re.findall(r'<script src="([^"]+)"', out) + re.findall(r'<link[^>]*href="([^"]+)"', out)
    assert len(srcs) == 2 and all("leaflet" in s for s in srcs)
    for other in ("jquery", "bootstrap", "awesome", "fontawesome", "$("):
        assert other not in out.lower()


def test_embed_is_a_fragment(sample):
    out = to_html(route_map(sample), embed=True)
    assert out.startswith('<div class="routes-embed">')
    for tag in ("<html", "<head", "<body", "<!doctype", "<meta", "html, body"):
        assert tag not in out.lower()
    assert re.search(r'<div class="folium-map routes-map"\s+id="map_[0-9a-f]{32}"', out)
    assert "(function () {" in out  # the map's variables stay out of the host page's globals


def test_embeds_never_share_ids_or_names(sample):
    m = route_map(sample)
    outputs = [
        to_html(m, embed=True),
        to_html(m, embed=True),  # the same Map rendered again
        to_html(route_map(sample), embed=True),  # the same route drawn again
    ]
    names = [set(ELEMENT_NAME.findall(out)) for out in outputs]
    assert all(len(n) > 20 for n in names)
    assert not names[0] & names[1] and not names[0] & names[2] and not names[1] & names[2]
    ids = [re.findall(r'id="([^"]+)"', out) for out in outputs]
    assert len({i for group in ids for i in group}) == sum(len(group) for group in ids)


def test_rendering_again_does_not_grow_the_page(sample):
    m = route_map(sample)
    first = to_html(m)
    assert abs(len(to_html(m)) - len(first)) < 100


@pytest.mark.parametrize("embed", [False, True])
def test_self_contained_has_no_remote_assets(sample, embed):
    out = to_html(route_map(sample), embed=embed, self_contained=True)
    assert not REMOTE_ASSET.search(out)
    assert "cdn.jsdelivr" not in out and "url(images/" not in out
    assert "sourceMappingURL" not in out
    assert out.count("Leaflet 1.9.4") == 1
    assert 'if (typeof window.L === "undefined")' in out
    assert "L.tileLayer(" in out  # tiles are the one thing still fetched


def test_tiles_none_draws_no_tile_layer(sample):
    out = to_html(route_map(sample, tiles="none"), self_contained=True)
    assert "L.tileLayer(" not in out and "openstreetmap" not in out.lower()
    assert "routes-notiles" in out
    assert "GeoNames" in out
    assert not [c for c in route_map(sample, tiles=None)._children.values()
                if isinstance(c, folium.TileLayer)]


def test_tile_attribution_is_kept(sample):
    out = to_html(route_map(sample, tiles="OpenTopoMap"))
    assert "tile.opentopomap.org" in out and "OpenTopoMap" in out


@pytest.mark.parametrize(
    "options",
    [{}, {"self_contained": True}, {"embed": True}, {"embed": True, "self_contained": True}],
)
def test_output_is_under_one_megabyte(sample, options):
    assert len(to_html(route_map(sample), **options).encode("utf-8")) < MB


def test_write_map_is_atomic(sample, tmp_path):
    path = write_map(sample, tmp_path / "map.html", self_contained=True, tiles="none")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    with pytest.raises(InputError):
        write_map({"type": "nope"}, tmp_path / "bad.html")
    assert not (tmp_path / "bad.html").exists()


# --- assets -------------------------------------------------------------------------------


def test_assets_are_recorded_and_inlinable():
    for name, asset in ASSETS.items():
        assert asset.version and asset.licence and asset.source
        tag = inline_tag(name)
        assert tag.startswith("<style>" if asset.kind == "css" else "<script>")
        assert "</script" not in tag[8:-9].lower()
    assert "data:image/png;base64," in inline_tag("leaflet_css")
    assert "RoutesMap" in own_file("routes.js") and ".routes-stop" in own_file("routes.css")


def test_unknown_assets_cannot_be_inlined(sample):
    m = route_map(sample)
    m.add_js_link("someplugin", "https://example.org/plugin.js")
    with pytest.raises(Exception, match="someplugin"):
        to_html(m, self_contained=True)


def test_sample_fixture_is_untouched(sample):
    # The fixture is shared with the browser tests; keep its hostile strings in place.
    text = json.dumps(copy.deepcopy(sample))
    assert "<script>window.__pwned=1</script>" in text
    assert "<img src=x onerror=window.__pwned=1>" in text
