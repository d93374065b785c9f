"""The Route's own map: basemap outlines when there are no tiles, and the Jupyter hooks."""

from __future__ import annotations

import pytest

from routes.render import to_html
from routes.route import track

pytestmark = pytest.mark.slow

TEXT = ("The envoy flew from Tashkent to Almaty on Monday and will travel to Bishkek on "
        "Thursday, officials said.")


def test_map_without_tiles_draws_country_outlines(gazetteer):
    route = track(TEXT, published="2024-04-10", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Tashkent", "Almaty", "Bishkek"]
    names = {f["properties"]["name"] for f in route.outlines()["features"]}
    assert {"Kazakhstan", "Uzbekistan", "Kyrgyzstan"} <= names
    page = to_html(route.map(tiles="none"), self_contained=True)
    assert "routes-basemap" in page and "KAZAKHSTAN".lower() in page.lower()
    assert "tile.openstreetmap" not in page


def test_jupyter_hooks(gazetteer):
    route = track(TEXT, published="2024-04-10", gazetteer=gazetteer)
    assert "leaflet" in route._repr_html_().lower()
    geo = route.__geo_interface__
    assert geo["type"] == "FeatureCollection" and geo["route"]["summary"] == route.summary
    assert len(route.legs) == 2 and set(route.legs["certainty"]) == {"known", "uncertain"}
    assert route.summary.startswith("2 known stops, 1 uncertain")
