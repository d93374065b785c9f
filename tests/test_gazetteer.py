"""Lookups against the real bundled index: the places trips need resolve to the right entries."""

from __future__ import annotations

import math

import pytest

from routes.errors import InputError
from routes.gazetteer import Gazetteer


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


# (query, expected lat, lon, country, kind, tolerance in km)
EXPECTED = [
    ("Ussuriysk", 43.80, 131.96, "RU", "city", 5),
    ("Ussuriisk", 43.80, 131.96, "RU", "city", 5),
    ("Khasan", 42.43, 130.645, "RU", "town", 5),
    ("Razdolnaya River", 43.7, 131.9, "RU", "river", 150),
    ("the Razdol'naya River", 43.7, 131.9, "RU", "river", 150),
    ("Vostochny Cosmodrome", 51.884, 128.334, "RU", "spaceport", 10),
    ("Amur Oblast", 52.8, 128.0, "RU", "region", 300),
    ("the Amur region", 52.8, 128.0, "RU", "region", 300),
    ("Primorsky Krai", 44.8, 134.0, "RU", "region", 300),
    ("Pyongyang", 39.04, 125.76, "KP", "city", 10),
    ("Dandong", 40.13, 124.39, "CN", "city", 10),
    ("Đồng Đăng", 21.95, 106.70, "VN", "town", 10),
    ("Dong Dang", 21.95, 106.70, "VN", "town", 10),
    ("Przemyśl", 49.78, 22.77, "PL", "town", 10),
    ("St. Petersburg", 59.94, 30.31, "RU", "city", 10),
    ("Russia", 60.0, 90.0, "RU", "country", 2500),
    # Islands, straits and summits a trip crosses or climbs, which GeoNames' lists lack; an
    # island's English name before a small town's own ("Crete", Illinois).
    ("Timor", -9.2, 124.9, "ID", "island", 150),
    ("Crete", 35.2, 24.9, "GR", "island", 100),
    ("the Torres Strait", -10.3, 142.3, "", "sea", 100),
    ("Mount Everest", 27.99, 86.93, "NP", "mountain", 5),
    ("Lake Victoria", -1.0, 33.0, "UG", "lake", 150),
]


@pytest.mark.parametrize(("query", "lat", "lon", "country", "kind", "tolerance"), EXPECTED)
def test_must_show_places(gazetteer, query, lat, lon, country, kind, tolerance):
    best = gazetteer.lookup(query)[0]
    assert best.country == country, best
    assert best.kind == kind, best
    assert km(best.lat, best.lon, lat, lon) <= tolerance, best


def test_candidates_are_ranked_and_complete(gazetteer):
    places = gazetteer.lookup("Springfield")
    assert len(places) > 3
    assert [p.score for p in places] == sorted((p.score for p in places), reverse=True)
    record = places[0].to_dict()
    for field in ("id", "name", "lat", "lon", "feature_class", "feature_code", "kind",
                  "country", "admin1", "population", "names", "extent"):
        assert field in record


def test_regions_carry_an_extent_containing_their_centre(gazetteer):
    from shapely.geometry import Point, shape

    amur = gazetteer.lookup("Amur Oblast")[0]
    assert amur.extent and amur.feature_code == "ADM1"
    polygon = shape(amur.extent)
    assert polygon.contains(Point(amur.lon, amur.lat))
    assert polygon.contains(Point(128.334, 51.884))  # Vostochny lies in Amur Oblast


def test_a_region_reaches_past_its_towns(gazetteer):
    # Ontario's towns line the Great Lakes; its airstrips reach Hudson Bay. Atlases (and
    # GeoNames) put its centre near 49.25 N, 84.5 W, which the towns alone miss by 175 km.
    from routes.gazetteer import distance_km

    ontario = gazetteer.lookup("Ontario", kind="region")[0]
    assert ontario.feature_code == "ADM1"
    assert distance_km(ontario.lat, ontario.lon, 49.25, -84.5) < 161


def test_a_misfiled_member_does_not_drag_its_region():
    import numpy as np
    from shapely.geometry import Point, shape

    from gazetteer.build import _place_areas
    from gazetteer.sources import Entry

    rng = np.random.default_rng(7)
    members = np.column_stack([rng.uniform(30, 34, 40), rng.uniform(118, 121, 40),
                               np.full(40, 1000)])
    members[0] = (32.0, 105.0, 1000)  # one town filed a thousand kilometres west
    members[1:3] = [(45.0, 120.0, 1000), (45.5, 120.2, 1000)]  # a real far north, in company
    region = Entry("test:1", "Test", 0.0, 0.0, "A", "ADM1")
    _place_areas([region], {0: members})
    assert 118 < region.lon < 121
    assert shape(region.extent).contains(Point(120.1, 45.2))
    assert region.population == 40_000  # every member still counts


def test_countries_have_atlas_centres_and_outlines(gazetteer):
    from shapely.geometry import Point, shape

    russia = gazetteer.lookup("Russia")[0]
    assert (round(russia.lat), round(russia.lon)) == (60, 100)
    assert shape(russia.extent).buffer(0.5).contains(Point(131.95, 43.8))  # Ussuriysk
    assert not shape(russia.extent).contains(Point(125.75, 39.03))  # Pyongyang


def test_rivers_carry_a_line(gazetteer):
    amur = gazetteer.lookup("Amur River")[0]
    assert amur.kind == "river" and amur.line and len(amur.line) >= 3


def test_filters(gazetteer):
    assert all(p.country == "US" for p in gazetteer.lookup("Moscow", country="us"))
    assert all(p.kind == "airport" for p in gazetteer.lookup("Vladivostok", kind="airport"))
    near = gazetteer.lookup("Springfield", near=(39.8, -89.65))[0]
    assert near.admin1 == "IL"


def test_feature_type_word_picks_the_kind(gazetteer):
    assert gazetteer.lookup("Khasan station")[0].kind == "station"
    assert gazetteer.lookup("Amur")[0].kind == "river"
    assert gazetteer.lookup("Amur region")[0].kind == "region"


def test_type_word_counts_only_on_the_name_that_matched(gazetteer):
    # New Britain, Connecticut lists both "Quebec" and "Hardware City" among its names: the
    # two together do not make it "Quebec City".
    assert gazetteer.lookup("Quebec City")[0].country == "CA"
    assert gazetteer.lookup("Primorsky Krai")[0].feature_code == "ADM1"  # "Primorskiy kray"


def test_airport_codes(gazetteer):
    assert gazetteer.lookup("VVO", kind="airport")[0].country == "RU"


def test_unknown_name_gives_no_candidates(gazetteer):
    assert gazetteer.lookup("Qwzxplotville") == []


@pytest.mark.parametrize("name", ["", "   ", "--"])
def test_empty_name_is_an_input_error(gazetteer, name):
    with pytest.raises(InputError):
        gazetteer.lookup(name)


def test_reverse_finds_the_nearest_town(gazetteer):
    (place,) = gazetteer.reverse(43.80, 131.95)
    assert place.name == "Ussuriysk"


def test_user_files_are_searched_alongside_the_index(gazetteer, tmp_path):
    from tests.conftest import FIXTURES

    gaz = Gazetteer(gazetteer.path, extra=[FIXTURES / "extra_places.tsv",
                                           FIXTURES / "extra_places.geojson"])
    assert gaz.lookup("Zulu Camp")[0].name == "Camp Zulu Outpost"
    assert gaz.lookup("Watch Point")[0].country == "IS"
    bad = tmp_path / "bad.tsv"
    bad.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a Routes gazetteer table"):
        Gazetteer(gazetteer.path, extra=[bad])


def test_name_keys_tell_which_spans_can_be_names(gazetteer, tmp_path):
    from tests.conftest import FIXTURES

    keys = gazetteer.name_keys()
    assert keys.may_find("Vladivostok") and keys.may_find("Razdolnaya River")  # a stem
    assert keys.may_find("SierraLeone") and keys.may_find("LAX")  # a tag, a code
    assert not keys.may_find("Qwertzuiop") and not keys.may_find("Police Chief")
    assert keys.may_start("St.") and keys.may_start("Martha's") and keys.may_start("Rostov on")
    assert not keys.may_start("Police Chief") and not keys.may_start("Qwertz")
    # A user's own places are names too, though the index does not hold them.
    assert not keys.may_find("Zulu Camp")
    own = Gazetteer(gazetteer.path, extra=[FIXTURES / "extra_places.tsv"]).name_keys()
    assert own.may_find("Zulu Camp") and own.may_start("Camp Zulu")


def test_a_gazetteer_forgets_what_it_remembered_when_its_index_changes(index_copy, tmp_path):
    # A corpus run remembers every name's candidates; importing a dump into the same
    # Gazetteer must not leave the old answers (or outlines keyed by old row ids) behind.
    import shutil

    from tests.conftest import FIXTURES

    gazetteer = Gazetteer(index_copy / "gazetteer.sqlite")
    assert gazetteer.lookup_many(["Herdubreid"]) == {"Herdubreid": []}
    assert not gazetteer.name_keys().may_find("Herdubreid")
    assert gazetteer.lookup_many(["Amur Oblast"])["Amur Oblast"][0].extent
    dump = tmp_path / "IS.txt"
    shutil.copy(FIXTURES / "XX.txt", dump)
    gazetteer.add(dump)
    assert gazetteer.lookup_many(["Herdubreid"])["Herdubreid"][0].country == "IS"
    assert gazetteer.name_keys().may_find("Herdubreid")  # the import rewrote the name keys
    amur = gazetteer.lookup_many(["Amur Oblast"])["Amur Oblast"][0]
    assert amur.extent == gazetteer.lookup("Amur Oblast")[0].extent
    gazetteer.close()


def test_outlines_are_read_when_first_asked_for(gazetteer):
    # A lookup's candidates carry no outline until one is read: most are never drawn.
    import dataclasses
    import pickle

    from shapely.geometry import Point, shape

    gaz = Gazetteer(gazetteer.path)
    amur = gaz.lookup_many(["Amur Oblast"])["Amur Oblast"][0]
    river = gaz.lookup("Amur River")[0]
    town = gaz.lookup("Khasan")[0]
    assert not gaz._shapes
    assert shape(amur.extent).contains(Point(amur.lon, amur.lat))
    assert list(gaz._shapes) == [amur.id]  # that one outline, and no other
    gaz.close()  # a place outlives its gazetteer's connection: it reopens the index
    assert river.line and river.extent is None and town.extent is None and town.line is None
    for copy in (dataclasses.replace(amur, score=0.0), pickle.loads(pickle.dumps(river))):
        original = amur if copy.id == amur.id else river
        assert (copy.extent, copy.line) == (original.extent, original.line)
    assert amur == gaz.lookup("Amur Oblast")[0] and "extent=" in repr(amur)
    assert gaz.lookup("Amur Oblast")[0].to_dict()["bbox"] == list(amur.bbox)
    gaz.close()


def test_word_lists_are_read_once_per_process(gazetteer):
    """Each word list is read whole once; later documents ask the index nothing."""
    from routes.gazetteer import Gazetteer

    gaz = Gazetteer(gazetteer.path)
    asked: list[str] = []
    gaz._connection().set_trace_callback(asked.append)
    assert gaz.dictionary_words(["Police", "Putin", "MARCH"]) == {"police", "march"}
    assert len(asked) == 1
    assert gaz.dictionary_words(["Putin", "police", "Lion"]) == {"police", "lion"}
    assert len(asked) == 1  # no query: the list is in memory
    assert gaz.given_names(["John", "Police"]) == {"john"}  # a list of its own
    assert len(asked) == 2
    gaz.close()  # a rebuilt index may hold newer lists
    assert gaz.dictionary_words(["Police"]) == {"police"} and not gaz._lists.keys() - {"words"}


def test_a_type_word_is_recognised_however_a_name_spells_it():
    from routes.gazetteer import _has_type_word

    assert _has_type_word("mount", "hood", "Mt Hood", None)  # "Mt" is folded to "mount"
    assert _has_type_word("krai", "primorsky", "Primorye", "Primorskiy Kray|Primorskij kraj")
    assert _has_type_word("river", "amur", "Heilong Jiang", "Amur-River")
    assert not _has_type_word("city", "quebec", "Levis", "Quebec|Hardware City")
    assert _has_type_word("oblast", "amurskaia", "Amur", "Амурская область")  # transliterated


@pytest.mark.parametrize("word", ["Москва", "Αθήνα", "北京市", "القاهرة", "ירושלים", "თბილისი",
                                  "Zürich", "Łódź", "ﬂorence", "Ǉubljana", "İstanbul", "ʻOhana"])
def test_a_single_word_of_letters_folds_to_one_word(word):
    # _has_type_word skips such names unfolded: they leave no room for a type word.
    from routes.names import fold_once

    assert word.isalpha() and " " not in fold_once(word)


def test_a_country_has_one_capital_however_many_towns_share_its_name():
    from collections import Counter

    from gazetteer import sources

    capitals = [e for e in sources.geonames_cities() if e.feature_code == "PPLC"]
    assert max(Counter(e.country for e in capitals).values()) == 1
    assert [e.admin1 for e in capitals if e.country == "US"] == ["DC"]  # not Washington, Iowa
