"""Stream full GeoNames dumps into the index, in constant memory and one transaction.

Accepted: country files (``XX.zip`` / ``XX.txt``), ``allCountries.zip``, ``cities*.zip`` (all in
GeoNames' 19-column "geoname" format) and ``alternateNamesV2.zip`` (10 columns; the older
8-column ``alternateNames.txt`` too). The format is recognised from the first row, not the file
name. Rows are read in batches and upserted by GeoNames id, so importing a file twice changes
nothing and an imported city replaces its bundled copy with richer data (feature codes,
admin codes). Any bad row aborts the import and rolls it back, leaving the index as it was.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .build import insert_keys, upsert_entries
from .sources import Entry, SourceError

__all__ = ["import_dump"]

BATCH = 20_000
_GEONAME_COLUMNS = 19
_ALTERNATE_COLUMNS = (10, 8)
# Alternate-name "languages" that are not names of the place.
_NOT_NAMES = {"link", "wkdt", "post", "unlc", "phon", "piny", "fr_1793", "tcid"}
_CODES = {"iata", "icao", "faac"}


@contextmanager
def _open_text(path: Path) -> Iterator[tuple[IO[str], int]]:
    """The dump's text stream and its size in bytes, whether zipped or not."""
    try:
        if zipfile.is_zipfile(path):
            archive = zipfile.ZipFile(path)
            members = [m for m in archive.infolist()
                       if m.filename.endswith(".txt") and not m.filename.startswith(("readme",
                                                                                      "iso-"))]
            if not members:
                raise SourceError(f"{path}: no GeoNames .txt file inside the zip")
            member = max(members, key=lambda m: m.file_size)
            with archive, archive.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), member.file_size
        else:
            size = path.stat().st_size
            with path.open(encoding="utf-8", newline="\n") as fh:
                yield fh, size
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise SourceError(f"{path}: damaged or truncated zip file ({exc})") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path}: not a GeoNames dump (not UTF-8 text)") from None


def _geoname(fields: list[str], source: str) -> Entry:
    if len(fields[18]) != 10:
        raise ValueError(f"modification date {fields[18]!r} is not YYYY-MM-DD")
    alternates = fields[3].split(",") if fields[3] else []
    return Entry(
        gid=f"gn:{int(fields[0])}", name=fields[1], lat=float(fields[4]), lon=float(fields[5]),
        feature_class=fields[6] or "S", feature_code=fields[7] or "", country=fields[8],
        admin1=fields[10], population=int(fields[14] or 0),
        names=[fields[2], *alternates], source=source,
    )


def _alternate(fields: list[str]) -> tuple[str, str, bool] | None:
    """(place gid, name, is_code) for one alternate-names row, or None for non-names."""
    language = fields[2]
    if language in _NOT_NAMES or not fields[3]:
        return None
    return f"gn:{int(fields[1])}", fields[3], language in _CODES


def import_dump(
    con: sqlite3.Connection, path: Path, *, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Import one dump into the open index; returns rows read, places and names written."""
    source = f"dump:{path.name}"
    counts = {"rows": 0, "places": 0, "names": 0}
    con.execute("PRAGMA cache_size=-262144")
    con.execute("BEGIN")
    try:
        with _open_text(path) as (stream, size):
            _import_stream(con, path, stream, size, source, counts, progress)
        counts["names"] = con.execute("SELECT count(*) FROM names").fetchone()[0] - counts["names"]
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return counts


def _import_stream(
    con: sqlite3.Connection,
    path: Path,
    stream: IO[str],
    size: int,
    source: str,
    counts: dict[str, int],
    progress: Callable[[int, int], None] | None,
) -> None:
    counts["names"] = con.execute("SELECT count(*) FROM names").fetchone()[0]
    batch: list = []
    kind = None
    done = 0
    for number, line in enumerate(stream, 1):
        done += len(line)
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if kind is None:
            kind = _recognise(path, fields)
        try:
            if kind == "geoname":
                if len(fields) != _GEONAME_COLUMNS:
                    raise ValueError(f"{len(fields)} columns instead of {_GEONAME_COLUMNS}")
                batch.append(_geoname(fields, source))
            else:
                if len(fields) not in _ALTERNATE_COLUMNS:
                    raise ValueError(f"{len(fields)} columns instead of 10")
                row = _alternate(fields)
                if row:
                    batch.append(row)
        except ValueError as exc:
            if not line.endswith("\n"):
                raise SourceError(f"{path.name}:{number}: file ends mid-row (truncated?); "
                                  "nothing was imported") from None
            raise SourceError(f"{path.name}:{number}: not a GeoNames row ({exc}); "
                              "nothing was imported") from None
        counts["rows"] += 1
        if len(batch) >= BATCH:
            counts["places"] += _flush(con, kind, batch)
            batch = []
            if progress:
                progress(done, size)
    if kind is None:
        raise SourceError(f"{path}: empty file, nothing to import")
    if not line.endswith("\n"):
        raise SourceError(f"{path.name}: file ends mid-row (truncated?); nothing was imported")
    counts["places"] += _flush(con, kind, batch)
    if progress:
        progress(size, size)


def _recognise(path: Path, fields: list[str]) -> str:
    if len(fields) == _GEONAME_COLUMNS and fields[0].isdigit():
        return "geoname"
    if len(fields) in _ALTERNATE_COLUMNS and fields[0].isdigit() and fields[1].isdigit():
        return "alternate"
    raise SourceError(f"{path}: not a GeoNames dump (first row has {len(fields)} columns; "
                      "expected 19 for geonames or 10 for alternate names)")


def _flush(con: sqlite3.Connection, kind: str | None, batch: list) -> int:
    if not batch:
        return 0
    if kind == "geoname":
        return upsert_entries(con, batch)
    insert_keys(con, [
        Entry(gid=gid, name="" if is_code else name, lat=0.0, lon=0.0, feature_class="",
              feature_code="", codes=[name] if is_code else [])
        for gid, name, is_code in batch
    ])
    return 0
