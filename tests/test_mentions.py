"""Mention finding and resolution on our own snippets (real index)."""

from __future__ import annotations

import pytest

from routes.geoparse import places
from tests import cases


@pytest.fixture(scope="module")
def parse(gazetteer):
    def run(text):
        return {m.mention.surface: m for m in places(text, gazetteer=gazetteer)}
    return run


def test_no_places(parse):
    assert parse(cases.NO_PLACES) == {}


def test_people_are_not_places(parse):
    found = parse(cases.PEOPLE)
    assert "Vladimir" not in found and "Kim" not in found and "Miller" not in found
    assert found["U.S."].place.country == "US"


def test_embedded_places_are_marked(parse):
    found = parse(cases.EMBEDDED)
    assert found["Paris"].mention.kind == "embedded"
    assert found["Ohio"].mention.kind == "embedded"
    assert found["Dayton"].mention.kind == "place"
    assert found["Dayton"].place.admin1 == "OH"  # Ohio in the text picks Dayton, Ohio


def test_descriptor_and_type_heads(parse):
    found = parse(cases.DESCRIPTOR)
    assert found["Khasan"].place.country == "RU"
    assert found["Russian"].mention.kind == "adjectival"
    assert found["Amur region"].place.kind == "region"
    heads = parse(cases.HEADS)
    assert heads["Razdolnaya River"].place.kind == "river"
    assert heads["Primorsky Krai"].place.feature_code == "ADM1"


def test_container_decides(parse):
    found = parse(cases.CONTAINER)
    assert found["Alexandria"].place.admin1 == "LA"


def test_relative_mentions(parse):
    found = parse(cases.RELATIVE)
    relative = found["40 km north of Kharkiv"]
    assert relative.mention.kind == "relative"
    assert relative.lat > found["Kharkiv"].lat


def test_dateline(parse):
    found = parse(cases.DATELINE)
    assert found["TOKYO"].mention.kind == "dateline"
    assert found["Osaka"].place.country == "JP"


def test_any_text_parses_and_offsets_hold(gazetteer):
    """Random word salad in many scripts never crashes, and every span points into the text."""
    import random

    rng = random.Random(11)
    words = ["Paris", "Texas", "North", "of", "Kim", "Jong-un", "St.", "W.Va.", "U.S.", "the",
             "River", "Krai", "between", "and", "near", "40 km", "said", "Mr.", "--", "SEOUL,",
             "(Yonhap)", "\n\n", "view larger image", "Far", "East", "A.", ",", "'s", "Đồng",
             "Łódź", "Уссурийск", "中文", "\t", "ALL CAPS", "I've"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 50)))
        for m in places(text, gazetteer=gazetteer):
            assert text[m.mention.start:m.mention.end] == m.mention.surface


def test_word_lists_are_asked_once_per_word():
    """Dictionary and given-name answers are remembered, so a corpus asks about a word once."""
    from routes.mentions import _WordSets

    class Index:
        def __init__(self):
            self.asked: list[set[str]] = []

        def dictionary_words(self, words):
            self.asked.append(set(words))
            return {w for w in words if w in {"police", "march"}}

    index = Index()
    words = _WordSets(index)
    assert words.dictionary(["Police", "Putin", "MARCH"]) == {"police", "march"}
    assert words.dictionary(["Putin", "police", "Lions"]) == {"police"}
    assert index.asked == [{"police", "putin", "march"}, {"lions"}]
