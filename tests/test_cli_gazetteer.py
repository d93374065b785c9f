"""The real ``routes gazetteer`` command: output contract, imports, and bad input."""

from __future__ import annotations

import json
import os
import shutil
import zipfile

import pytest

from tests.conftest import FIXTURES, run_cli


def env_for(cache) -> dict:
    return {**os.environ, "ROUTES_CACHE_DIR": str(cache)}


def lookup_json(*args, env=None) -> list[dict]:
    result = run_cli("gazetteer", "lookup", *args, "--json", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(result, *words, warnings=False):
    """One error line on stderr (after per-line warnings, where a corpus had some)."""
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    if warnings:
        assert all(line.startswith("routes: ") for line in lines), result.stderr
        lines = lines[-1:]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("routes: error:"), lines[0]
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_lookup_json_contract(gazetteer):
    places = lookup_json("Ussuriysk")
    best = places[0]
    assert (round(best["lat"], 2), round(best["lon"], 2), best["country"]) == (43.80, 131.96, "RU")
    for field in ("id", "name", "lat", "lon", "feature_class", "feature_code", "kind", "country",
                  "admin1", "population"):
        assert field in best


def test_lookup_table_and_filters(gazetteer):
    result = run_cli("gazetteer", "lookup", "Khasan", "--country", "RU", "--limit", "2")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(" 1. Khasan")
    near = lookup_json("Springfield", "--near", "39.8,-89.65", "--limit", "1")
    assert near[0]["admin1"] == "IL"


def test_info(gazetteer):
    result = run_cli("gazetteer", "info", "--json")
    info = json.loads(result.stdout)
    assert info["current"] and info["places"] > 250_000 and info["size_bytes"] > 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["gazetteer", "lookup", ""], ["empty place name"]),
        (["gazetteer", "lookup", "Kyiv", "--near", "north"], ["--near"]),
        (["gazetteer", "lookup", "Kyiv", "--gazetteer", "/no/such/file.tsv"], ["not found"]),
    ],
)
def test_bad_arguments(gazetteer, args, words):
    assert_one_line_error(run_cli(*args), *words)


def test_unreadable_gazetteer_files(gazetteer, tmp_path):
    binary = tmp_path / "places.tsv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    assert_one_line_error(run_cli("gazetteer", "lookup", "Kyiv", "-g", str(binary)), "UTF-8")
    folder = tmp_path / "folder.tsv"
    folder.mkdir()
    assert_one_line_error(run_cli("gazetteer", "lookup", "Kyiv", "-g", str(folder)), "not found")
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    assert_one_line_error(run_cli("gazetteer", "lookup", "Kyiv", "-g", str(broken)), "GeoJSON")


def test_unwritable_cache_directory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    result = run_cli("gazetteer", "lookup", "Kyiv", env=env_for(blocker / "cache"))
    assert_one_line_error(result, "cannot write the gazetteer index")


def _broken_inputs(tmp_path):
    truncated = tmp_path / "RU.txt"
    text = (FIXTURES / "XX.txt").read_text(encoding="utf-8")
    truncated.write_text(text[: len(text) - 40], encoding="utf-8")
    csv = tmp_path / "cities.txt"
    csv.write_text("name,lat,lon\nKyiv,50.45,30.52\n", encoding="utf-8")
    good_zip = tmp_path / "IS.zip"
    with zipfile.ZipFile(good_zip, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(FIXTURES / "XX.txt", "IS.txt")
    cut_zip = tmp_path / "allCountries.zip"
    cut_zip.write_bytes(good_zip.read_bytes()[:-60])
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return [(truncated, "truncated"), (csv, "not a GeoNames dump"), (cut_zip, "allCountries.zip"),
            (empty, "empty"), (tmp_path / "missing.zip", "missing.zip")]


def test_bad_dumps_leave_the_index_working(index_copy, tmp_path):
    env = env_for(index_copy)
    before = lookup_json("Ussuriysk", env=env)[0]
    for path, words in _broken_inputs(tmp_path):
        assert_one_line_error(run_cli("gazetteer", "add", str(path), env=env), words)
        assert lookup_json("Ussuriysk", env=env)[0] == before
        assert lookup_json("Herdubreid", env=env) == []


def test_add_geonames_dump_and_alternate_names(index_copy, tmp_path):
    env = env_for(index_copy)
    archive = tmp_path / "IS.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(FIXTURES / "XX.txt", "IS.txt")
    result = run_cli("gazetteer", "add", str(archive), env=env)
    assert result.returncode == 0, result.stderr
    assert "imported 5 rows" in result.stdout
    mountain = lookup_json("Herðubreið", env=env)[0]
    assert (mountain["kind"], mountain["country"]) == ("mountain", "IS")
    ussuriysk = lookup_json("Ussuriysk", env=env)[0]
    assert ussuriysk["feature_code"] == "PPLA2"  # the dump's richer row replaced the bundled one
    assert ussuriysk["source"] == "dump:IS.zip"
    again = run_cli("gazetteer", "add", str(archive), env=env)
    assert again.returncode == 0
    assert len([p for p in lookup_json("Herdubreid", env=env) if p["country"] == "IS"]) == 1

    result = run_cli("gazetteer", "add", str(FIXTURES / "alternateNamesV2.txt"), env=env)
    assert result.returncode == 0, result.stderr
    assert lookup_json("Herdubreid Tuya", env=env)[0]["name"] == "Herðubreið"
    assert lookup_json("VKX", env=env)[0]["name"] == "Vík í Mýrdal"


@pytest.mark.slow
def test_rebuild_keeps_imported_places(index_copy):
    env = env_for(index_copy)
    shutil.copy(FIXTURES / "XX.txt", index_copy / "IS.txt")
    assert run_cli("gazetteer", "add", str(index_copy / "IS.txt"), env=env).returncode == 0
    result = run_cli("gazetteer", "build", env=env)
    assert result.returncode == 0, result.stderr
    assert lookup_json("Herðubreið", env=env)[0]["country"] == "IS"
    assert lookup_json("Ussuriysk", env=env)[0]["source"] == "dump:IS.txt"
