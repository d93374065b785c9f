"""The real ``routes places`` command: formats, corpora, and bad input."""

from __future__ import annotations

import json

import pytest

from tests import cases
from tests.conftest import SHARED, run_cli
from tests.test_cli_gazetteer import assert_one_line_error

SEED = SHARED / "seeds" / "yonhap-2023-09-13-kim-russia.txt"


def test_seed_article_places(gazetteer, tmp_path):
    out = tmp_path / "seed.jsonl"
    result = run_cli("places", str(SEED), "-o", str(out))
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    found = {}
    for place in record["places"]:
        found.setdefault(place["surface"], place)
    expected = {
        "Khasan": "RU", "Ussuriysk": "RU", "Razdolnaya River": "RU", "Primorsky Krai": "RU",
        "Vladivostok": "RU", "Vostochny Cosmodrome": "RU", "Amur region": "RU",
        "Pyongyang": "KP", "SEOUL": "KR", "Moscow": "RU", "Russia": "RU", "North Korea": "KP",
        "Ukraine": "UA", "China": "CN", "Korean Peninsula": None, "United States": "US",
        "Far Eastern Federal University": "RU",
    }
    for surface, country in expected.items():
        assert surface in found, surface
        if country:
            assert found[surface]["country"] == country, (surface, found[surface])
    assert found["north of Vladivostok"]["kind"] == "relative"
    assert found["SEOUL"]["kind"] == "dateline"
    for wrong in ("Vladimir", "Central", "Federal", "University", "Kim", "Miller", "Far", "East"):
        assert wrong not in found, wrong
    text = SEED.read_text(encoding="utf-8")
    for place in record["places"]:
        assert text[place["start"]:place["end"]] == place["surface"]


def test_jsonl_corpus_with_a_bad_line(gazetteer, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": cases.HEADS}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "text": cases.DATELINE}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_cli("places", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "corpus.jsonl:2" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]


def test_geojson_and_html(gazetteer, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>var Moscow = 1;</script><style>p{}</style></head>"
                    f"<body><p>{cases.HEADS}</p></body></html>", encoding="utf-8")
    out = tmp_path / "out.geojson"
    assert run_cli("places", str(page), "-o", str(out)).returncode == 0
    collection = json.loads(out.read_text())
    names = [f["properties"]["surface"] for f in collection["features"]]
    assert "Ussuriysk" in names and "Moscow" not in names


def _huge(path):
    line = cases.HEADS + "\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(line * (50_000_000 // len(line) + 1))


BAD_INPUTS = {
    "empty.txt": (lambda p: p.write_text("", encoding="utf-8"), "empty"),
    "binary.txt": (lambda p: p.write_bytes(bytes(range(256)) * 20), "binary"),
    "huge.txt": (_huge, "MB"),
    "article.pdf": (lambda p: p.write_text("text", encoding="utf-8"), ".pdf"),
    "all-bad.jsonl": (lambda p: p.write_text("{nope\n[1, 2]\n", encoding="utf-8"),
                      "no readable JSONL records"),
    "missing.txt": (lambda p: None, "not found"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_leaves_no_output(gazetteer, tmp_path, name):
    make, words = BAD_INPUTS[name]
    path = tmp_path / name
    make(path)
    out = tmp_path / "out.jsonl"
    result = run_cli("places", str(path), "-o", str(out))
    assert_one_line_error(result, words, warnings=name.endswith(".jsonl"))
    assert not out.exists()
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_unwritable_output(gazetteer, tmp_path):
    result = run_cli("places", str(SEED), "-o", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert_one_line_error(result, "cannot write")
