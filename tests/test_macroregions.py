"""Groups of countries ("the Middle East", "West Africa") come from a curated table."""

from __future__ import annotations

import csv

from gazetteer import sources
from routes.names import fold


def test_every_group_has_known_member_countries():
    known = {entry.country for entry in sources.countries()}
    groups = sources.macroregions()
    assert len(groups) >= 25
    for entry, members in groups:
        assert members, entry.name
        assert set(members) <= known, (entry.name, set(members) - known)
        assert len(members) == len(set(members)), entry.name


def test_un_subregions_take_their_members_from_m49():
    members = {entry.name: set(m) for entry, m in sources.macroregions()}
    assert {"NG", "GH", "SN"} <= members["Western Africa"]
    assert "EG" not in members["Sub-Saharan Africa"] and "KE" in members["Sub-Saharan Africa"]
    assert {"SA", "IR", "IL", "EG"} <= members["Middle East"]


def test_names_are_unique_and_no_continent_is_repeated():
    path = sources.package_file("gazetteer", "macroregions.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    names = [fold(n) for r in rows for n in [r["name"], *r["alternatenames"].split("|")] if n]
    assert len(names) == len(set(names))
    continents = {fold(c.name) for c in sources.continents()}
    assert not continents & set(names)


def test_groups_are_placed_inside_their_extent(gazetteer):
    import shapely
    from shapely.geometry import shape

    for name in ("Middle East", "West Africa", "Southeast Asia", "the Balkans", "Caribbean"):
        place = gazetteer.lookup(name)[0]
        assert place.feature_code == "RGN", name
        assert shape(place.extent).buffer(0.5).contains(shapely.Point(place.lon, place.lat)), name


def test_no_group_is_also_a_curated_region():
    """One feature, one entry: "the Middle East" is not a supplement row as well. (A sea may
    share a name with a group: "Caribbean".)"""
    groups = {fold(n) for entry, _members in sources.macroregions()
              for n in (entry.name, *entry.names)}
    curated = {fold(n) for path in sources.supplement_files()
               for entry in sources.supplement(path) if entry.feature_class in ("A", "L")
               for n in (entry.name, *entry.names)}
    assert not groups & curated


def test_a_former_state_is_the_group_of_its_successors(gazetteer):
    place = gazetteer.lookup("USSR")[0]
    assert place.name == "Soviet Union" and place.feature_code == "RGN"
    assert place.country == "" and place.lat > 40
