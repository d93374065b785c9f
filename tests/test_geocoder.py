"""GazetteerGeocoder honours geopy's geocoder contract, so it plugs in where geopy's go."""

from __future__ import annotations

import pytest
from geopy.location import Location

from routes.geocoder import GazetteerGeocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    return GazetteerGeocoder(gazetteer=gazetteer)


@pytest.mark.parametrize(
    ("query", "lat", "lon"),
    [("Ussuriysk", 43.80, 131.96), ("Pyongyang", 39.03, 125.75), ("Dandong", 40.13, 124.39)],
)
def test_geocode_returns_a_location(geocoder, query, lat, lon):
    location = geocoder.geocode(query)
    assert isinstance(location, Location)
    assert location.latitude == pytest.approx(lat, abs=0.05)
    assert location.longitude == pytest.approx(lon, abs=0.05)
    address, (la, _lon) = location  # iterable as (address, (lat, lon)), like every geopy result
    assert query.lower() in address.lower() and la == location.latitude
    assert location.raw["feature_class"] == "P" and location.raw["id"].startswith("gn:")


def test_geocode_all_candidates_and_no_result(geocoder):
    many = geocoder.geocode("Springfield", exactly_one=False, limit=5)
    assert isinstance(many, list) and len(many) == 5
    assert geocoder.geocode("Qwzxplotville") is None
    assert geocoder.geocode("Moscow", country="US").raw["country"] == "US"


def test_reverse(geocoder):
    assert geocoder.reverse("43.80, 131.95").raw["name"] == "Ussuriysk"
    assert geocoder.reverse((40.13, 124.39), exactly_one=False, limit=3)[0].raw["country"] == "CN"


def test_works_behind_rate_limiter(geocoder):
    from geopy.extra.rate_limiter import RateLimiter

    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert geocode("Khasan").raw["country"] == "RU"


def test_works_with_geopandas(gazetteer, monkeypatch):
    import geopandas

    monkeypatch.setenv("ROUTES_CACHE_DIR", str(gazetteer.path.parent))
    frame = geopandas.tools.geocode(["Ussuriysk", "Khasan", "Qwzxplotville"],
                                    provider=GazetteerGeocoder)
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].y == pytest.approx(43.80, abs=0.05)
    assert frame.geometry.iloc[2] is None or frame.geometry.iloc[2].is_empty
