"""The real ``routes map`` and ``routes explain`` commands: the seed article, formats, bad input."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import SHARED, run_cli
from tests.test_cli_gazetteer import assert_one_line_error

SEED = SHARED / "seeds" / "yonhap-2023-09-13-kim-russia.txt"


@pytest.fixture(scope="module")
def seed_route(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("seed") / "seed.geojson"
    result = run_cli("map", str(SEED), "--published", "2023-09-13", "--format", "geojson",
                     "-o", str(out))
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _stops(collection: dict) -> list[dict]:
    stops = [f["properties"] for f in collection["features"]
             if f["properties"]["role"] == "stop"]
    return sorted(stops, key=lambda p: p["seq"])


def test_seed_route_is_the_reported_trip(gazetteer, seed_route):
    stops = _stops(seed_route)
    names = [s["name"] for s in stops]
    # Pyongyang (origin, from a caption) first; then the known path; then the guess.
    expected = ["Pyongyang", "Khasan", "Ussuriysk", "Razdolnaya River", "north of Vladivostok",
                "Vostochny Cosmodrome"]
    assert names == expected
    status = {s["name"]: s["status"] for s in stops}
    assert status["Khasan"] == status["Ussuriysk"] == status["Razdolnaya River"] == "visited"
    assert status["north of Vladivostok"] == "current"
    assert status["Vostochny Cosmodrome"] == "speculated"
    khasan = stops[1]
    assert khasan["when"]["start"].startswith("2023-09-12T06")
    assert "Tuesday morning" in khasan["when"]["text"]
    assert stops[-1]["when"]["start"].startswith("2023-09-13")
    assert stops[-1]["context"] and "Amur" in stops[-1]["context"]
    assert all(s["evidence"] for s in stops)


def test_seed_route_areas_legs_and_mentions(gazetteer, seed_route):
    features = seed_route["features"]
    areas = {f["properties"]["name"]: f for f in features if f["properties"]["role"] == "area"}
    assert areas["north of Vladivostok"]["properties"]["area_kind"] == "sector"
    legs = [f["properties"] for f in features if f["properties"]["role"] == "leg"]
    assert [leg["certainty"] for leg in legs] == ["known"] * 4 + ["uncertain"]
    reasons = {}
    for f in features:
        if f["properties"]["role"] == "mention":
            reasons.setdefault(f["properties"]["surface"], f["properties"]["reason"])
    for name in ("SEOUL", "Vladivostok", "Moscow", "Ukraine", "China", "United States",
                 "Far Eastern Federal University"):
        assert name in reasons, name
    assert reasons["SEOUL"].startswith("dateline")
    assert "caption" in reasons["Far Eastern Federal University"]
    assert seed_route["route"]["traveler"] == "Kim Jong-un"
    assert seed_route["route"]["published"] == "2023-09-13"


def test_json_format_and_stdout(gazetteer, tmp_path):
    result = run_cli("map", str(SEED), "--published", "2023-09-13", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"route", "stops", "legs", "areas", "mentions"} <= set(data)
    assert data["stops"][0]["lat"] and data["stops"][0]["lon"]


def test_explain_prints_a_table(gazetteer):
    result = run_cli("explain", str(SEED), "--published", "2023-09-13")
    assert result.returncode == 0, result.stderr
    for word in ("Khasan", "visited", "dateline", "speculated", "likely"):
        assert word in result.stdout, word


@pytest.mark.parametrize("fmt", ["gpkg", "csv"])
def test_exports_through_geopandas(gazetteer, tmp_path, fmt):
    out = tmp_path / f"route.{fmt}"
    result = run_cli("map", str(SEED), "--published", "2023-09-13", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    if fmt == "csv":
        assert "Vostochny Cosmodrome" in out.read_text(encoding="utf-8")
    else:
        import geopandas

        assert len(geopandas.read_file(out, layer="stops")) == 6


def test_html_page_embed_and_overwrite(gazetteer, tmp_path):
    page = tmp_path / "seed.html"
    page.write_text("old", encoding="utf-8")
    result = run_cli("map", str(SEED), "--published", "2023-09-13", "-o", str(page))
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html>") and len(text) < 1_000_000
    fragment = tmp_path / "seed-embed.html"
    result = run_cli("map", str(SEED), "--embed", "-o", str(fragment))
    assert result.returncode == 0, result.stderr
    body = fragment.read_text(encoding="utf-8").lower()
    assert "<html" not in body and "<body" not in body
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_no_trip_gives_an_empty_route_and_a_message(gazetteer, tmp_path):
    article = tmp_path / "notrip.txt"
    article.write_text("Inflation eased in the spring, the central bank said on Tuesday.\n",
                       encoding="utf-8")
    out = tmp_path / "notrip.geojson"
    result = run_cli("map", str(article), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "No trip found" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["route"]["message"].startswith("No trip found")
    assert not [f for f in data["features"] if f["properties"]["role"] == "stop"]


def test_bad_input(gazetteer, tmp_path):
    assert_one_line_error(run_cli("map", str(SEED), str(SEED), "--format", "geojson"))
    assert_one_line_error(run_cli("map", str(SEED), "--embed", "--format", "geojson"))
    assert_one_line_error(run_cli("map", str(SEED), "--published", "13/09/2023"))
    assert_one_line_error(run_cli("map", str(tmp_path / "missing.txt")))
    assert_one_line_error(run_cli("map", str(SEED), "-o", str(tmp_path)))
    plain_file = tmp_path / "plain.txt"
    plain_file.write_text("x", encoding="utf-8")
    assert_one_line_error(run_cli("map", str(SEED), "-o", str(plain_file / "x.html")))
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if not os.access(locked, os.W_OK):  # root may write anywhere
            assert_one_line_error(run_cli("map", str(SEED), "-o", str(locked / "x.html")))
            assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o700)
