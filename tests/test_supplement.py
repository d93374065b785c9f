"""Every curated supplement row is well-formed, in its stated country, and not a duplicate."""

from __future__ import annotations

import math
from functools import cache

import pytest

from gazetteer import sources
from gazetteer.kinds import kind_of
from routes.names import fold

FILES = sources.supplement_files()
ROWS = [(path.name, entry) for path in FILES for entry in sources.supplement(path)]
# A point must be near a GeoNames place of its stated country: no farther than MAX_KM, and no
# more than SLACK_KM farther than the nearest place of any country. Border crossings sit closer
# to the neighbour's towns than their own, remote spaceports and Arctic bases far from any town
# of 500 people, so both bounds are generous; a wrong country or swapped lat/lon fails by far more.
MAX_KM = 400
SLACK_KM = 75


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


@cache
def _places():
    import numpy as np

    cities = list(sources.geonames_cities())
    coords = np.radians(np.array([(c.lat, c.lon) for c in cities]))
    return coords, np.array([c.country for c in cities])


def _nearest(lat, lon, country):
    """Distances to the nearest GeoNames place of any country, and of ``country``."""
    import numpy as np

    coords, countries = _places()
    la, lo = math.radians(lat), math.radians(lon)
    a = (np.sin((coords[:, 0] - la) / 2) ** 2
         + np.cos(la) * np.cos(coords[:, 0]) * np.sin((coords[:, 1] - lo) / 2) ** 2)
    dist = 12742 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    same = dist[countries == country]
    return float(dist.min()), float(same.min()) if len(same) else math.inf


def test_supplement_is_not_empty():
    counts = {}
    for _name, entry in ROWS:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    assert counts.get("river", 0) >= 100
    assert counts.get("spaceport", 0) >= 20
    assert counts.get("crossing", 0) + counts.get("station", 0) >= 100


@pytest.mark.parametrize(("file", "entry"), ROWS, ids=[f"{f}:{e.name}" for f, e in ROWS])
def test_row_lies_in_its_country(file, entry):
    assert entry.kind == kind_of(entry.feature_class, entry.feature_code, entry.population)
    if not entry.country:
        assert entry.kind in ("sea", "strait", "water"), "only open water may lack a country"
        return
    any_km, same_km = _nearest(entry.lat, entry.lon, entry.country)
    assert same_km <= MAX_KM and same_km <= any_km + SLACK_KM, (
        f"nearest place in {entry.country} is {same_km:.0f} km away, "
        f"nearest of any country {any_km:.0f} km"
    )
    if entry.line:
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in entry.line)
        closest = min(_km(entry.lat, entry.lon, lat, lon) for lon, lat in entry.line)
        assert closest <= 300, "the representative point is far from the river's line"


def test_no_two_rows_duplicate_each_other():
    seen: dict[tuple[str, str], tuple[str, object]] = {}
    problems = []
    for file, entry in ROWS:
        for name in {entry.name, *entry.names}:
            key = (fold(name), entry.kind)
            if key in seen:
                other_file, other = seen[key]
                if other is not entry and _km(entry.lat, entry.lon, other.lat, other.lon) < 50:
                    problems.append(f"{file}:{entry.name} ~ {other_file}:{other.name} ({name})")
            seen[key] = (file, entry)
    for i, (file, a) in enumerate(ROWS):
        for other_file, b in ROWS[i + 1:]:
            if a.feature_code == b.feature_code and _km(a.lat, a.lon, b.lat, b.lon) < 0.2:
                problems.append(f"{file}:{a.name} and {other_file}:{b.name} share a point")
    assert not problems, "\n".join(problems)
