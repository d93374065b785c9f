"""Writing a route to a file: HTML map, GeoJSON, JSON, GeoPackage or CSV.

Every format goes through a temporary file in the target folder and a rename, so a failure
never leaves a half-written map behind and an existing file is replaced in one step.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .io import atomic_write

if TYPE_CHECKING:
    from .route import Route

__all__ = ["FORMATS", "format_for", "write_route"]

FORMATS = ("html", "geojson", "json", "gpkg", "csv")
_SUFFIXES = {".html": "html", ".htm": "html", ".geojson": "geojson", ".json": "json",
             ".gpkg": "gpkg", ".csv": "csv"}


def format_for(path: Path | None, chosen: str | None) -> str:
    """The output format: the one asked for, else the file's extension, else html."""
    if chosen:
        return chosen
    if path is not None:
        return _SUFFIXES.get(path.suffix.lower(), "html")
    return "html"


def write_route(route: Route, path: Path, *, format: str | None = None, embed: bool = False,
                self_contained: bool = False, tiles: str = "OpenStreetMap") -> Path:
    """Write ``route`` to ``path``; returns the path written."""
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
        with atomic_write(path) as handle:
            handle.write(page)
    elif chosen in ("geojson", "json"):
        data = route.to_geojson()
        if chosen == "json":
            data = _plain(data)
        with atomic_write(path) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
    elif chosen == "gpkg":
        _write_gpkg(route, path)
    else:
        _write_csv(route, path)
    return path


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
