"""Writing a route to a file: HTML map, GeoJSON, JSON, GeoPackage or CSV.

Every format goes through a temporary file in the target folder and a rename, so a failure
never leaves a half-written map behind and an existing file is replaced in one step.

The same report always gives the same bytes: a full HTML page names its elements after the file
(:func:`stable_ids`) instead of folium's random ids, so maps can be diffed and the committed
gallery in ``maps/`` reproduced.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import InputError
from .io import atomic_write

if TYPE_CHECKING:
    from .route import Route

__all__ = ["FORMATS", "dump_json", "format_for", "id_prefix", "stable_ids", "write_route"]

FORMATS = ("html", "geojson", "json", "gpkg", "csv")
_SUFFIXES = {".html": "html", ".htm": "html", ".geojson": "geojson", ".json": "json",
             ".gpkg": "gpkg", ".csv": "csv"}
# folium/branca element ids (uuid4().hex, and render.to_html's fresh ones) always follow an
# element-name prefix ("map_", "routes_layer_") and may be followed by "_layers" and the like.
_RANDOM_ID = re.compile(r"(?<=_)[0-9a-f]{32}(?![0-9A-Za-z])")


def stable_ids(text: str, prefix: str) -> str:
    """Replace each distinct random element id in ``text`` with ``<prefix>_<counter>``.

    Ids are numbered in order of first appearance, so the same map always gets the same names
    and rendering it twice gives the same bytes; a distinct ``prefix`` per map (see
    :func:`id_prefix`) keeps several maps on one page apart.
    """
    names: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        return names.setdefault(match.group(0), f"{prefix}_{len(names) + 1:04d}")

    return _RANDOM_ID.sub(rename, text)


def id_prefix(name: str) -> str:
    """A prefix fit for HTML ids and JavaScript names: ``kim-train-2023`` → ``kim_train_2023``."""
    return re.sub(r"\W", "_", name, flags=re.ASCII) or "route"


def format_for(path: Path | None, chosen: str | None) -> str:
    """The output format: the one asked for, else the file's extension, else html."""
    if chosen:
        return chosen
    if path is not None:
        return _SUFFIXES.get(path.suffix.lower(), "html")
    return "html"


def write_route(route: Route, path: Path, *, format: str | None = None, embed: bool = False,
                self_contained: bool = False, tiles: str = "OpenStreetMap") -> Path:
    """Write ``route`` to ``path``; returns the path written.

    A full HTML page holds one map, so its element ids are named after the file rather than
    random. A fragment (``embed``) keeps :func:`routes.render.to_html`'s fresh random ids, since
    several fragments, even of the same map, may share one page.
    """
    chosen = format_for(path, format)
    if chosen not in FORMATS:
        raise InputError(f"unknown format {chosen!r}; use one of {', '.join(FORMATS)}")
    if embed and chosen != "html":
        raise InputError("--embed makes an HTML fragment; it cannot be combined with "
                         f"--format {chosen}")
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder")
    if chosen == "html":
        from .render import to_html

        page = to_html(route.map(tiles=tiles), embed=embed, self_contained=self_contained)
        if not embed:
            page = stable_ids(page, id_prefix(path.stem))
        with atomic_write(path) as handle:
            handle.write(page)
    elif chosen in ("geojson", "json"):
        with atomic_write(path) as handle:
            dump_json(route, handle, plain=chosen == "json")
    elif chosen == "gpkg":
        _write_gpkg(route, path)
    else:
        _write_csv(route, path)
    return path


def dump_json(route: Route, handle: IO[str], *, plain: bool = False) -> None:
    """The route as GeoJSON (or, ``plain``, as lists of stops, legs, areas and mentions)."""
    data = route.to_geojson()
    json.dump(_plain(data) if plain else data, handle, ensure_ascii=False, indent=1)
    handle.write("\n")


def _plain(collection: dict) -> dict:
    """The same data without GeoJSON wrapping: lists of stops, legs, areas and mentions."""
    out: dict = {"route": collection["route"], "stops": [], "legs": [], "areas": [],
                 "mentions": []}
    for feature in collection["features"]:
        props = dict(feature["properties"])
        role = props.pop("role")
        geometry = feature["geometry"]
        if role in ("stop", "mention") and geometry:
            props["lon"], props["lat"] = geometry["coordinates"][:2]
        elif geometry:
            props["geometry"] = geometry
        out[f"{role}s"].append(props)
    return out


def _flat(frame):
    """GeoPackage and CSV hold plain columns: lists and dicts become JSON text."""
    frame = frame.copy()
    for column in frame.columns:
        if column == "geometry":
            continue
        if frame[column].map(lambda v: isinstance(v, (list, dict))).any():
            frame[column] = frame[column].map(
                lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict))
                else v)
    return frame


def _write_gpkg(route: Route, path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = _temp(folder, path)
    os.close(fd)
    Path(tmp).unlink()
    try:
        layers = {"stops": route.stops, "legs": route.legs, "areas": route.areas,
                  "mentions": route.mentions}
        for name, frame in layers.items():
            if len(frame):
                _flat(frame).to_file(tmp, layer=name, driver="GPKG")
        if not Path(tmp).exists():
            raise InputError("the route is empty: nothing to write to a GeoPackage")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_csv(route: Route, path: Path) -> None:
    frame = _flat(route.stops)
    if len(frame):
        frame["lon"] = frame.geometry.x
        frame["lat"] = frame.geometry.y
        frame = frame.drop(columns="geometry")
    with atomic_write(path) as handle:
        frame.to_csv(handle, index=False)


def _temp(folder: Path, path: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=path.suffix)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
