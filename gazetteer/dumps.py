"""Stream full GeoNames dumps into the index, in constant memory and one transaction.

Accepted: country files (``XX.zip`` / ``XX.txt``), ``allCountries.zip``, ``cities*.zip`` (all in
GeoNames' 19-column "geoname" format) and ``alternateNamesV2.zip`` (10 columns; the older
8-column ``alternateNames.txt`` too). The format is recognised from the first row, not the file
name. Rows are read in chunks and upserted by GeoNames id, so importing a file twice changes
nothing and an imported city replaces its bundled copy with richer data (feature codes,
admin codes). Any bad row aborts the import and rolls it back, leaving the index as it was.
``Gazetteer.add`` hands this module a copy of the index and renames it over the original only when
the import succeeds: the index file is never changed in place (readers open it immutable).

A large dump is parsed by a second process while this one writes to SQLite: parsing and name
folding cost about as much as the inserts, so two cores import allCountries (13 M rows) in
about half the time. At most a few chunks are in flight, so memory stays constant.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .build import (
    INDEXES,
    PLACE_COLUMNS,
    entry_keys,
    place_row,
    select_in,
    upsert_clause,
    write_name_keys,
)
from .sources import Entry, SourceError

__all__ = ["import_dump"]

CHUNK = 20_000
# Above this size, name indexes are dropped during the import and rebuilt once at the end (one
# sorted build beats millions of random B-tree inserts), and a second process parses.
BULK_BYTES = 64_000_000
IN_FLIGHT = 4
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


def _alternate(fields: list[str]) -> Entry | None:
    """Alternate-names row as an entry holding just that name (or code), or None."""
    language = fields[2]
    if language in _NOT_NAMES or not fields[3]:
        return None
    is_code = language in _CODES
    return Entry(gid=f"gn:{int(fields[1])}", name="" if is_code else fields[3], lat=0.0, lon=0.0,
                 feature_class="", feature_code="", codes=[fields[3]] if is_code else [])


Parsed = list[tuple[str, tuple | None, list[tuple[str, str, int]]]]


def parse_chunk(kind: str, source: str, name: str, first: int, lines: list[str]) -> Parsed:
    """(gid, places row or None, name keys) for each row of a chunk; runs in a worker process."""
    parsed: Parsed = []
    for number, line in enumerate(lines, first):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        try:
            if kind == "geoname":
                if len(fields) != _GEONAME_COLUMNS:
                    raise ValueError(f"{len(fields)} columns instead of {_GEONAME_COLUMNS}")
                entry = _geoname(fields, source)
                parsed.append((entry.gid, place_row(entry), list(entry_keys(entry))))
            else:
                if len(fields) not in _ALTERNATE_COLUMNS:
                    raise ValueError(f"{len(fields)} columns instead of 10")
                entry = _alternate(fields)
                if entry is not None:
                    parsed.append((entry.gid, None, list(entry_keys(entry))))
        except ValueError as exc:
            if not line.endswith("\n"):
                raise SourceError(f"{name}:{number}: file ends mid-row (truncated?); "
                                  "nothing was imported") from None
            raise SourceError(f"{name}:{number}: not a GeoNames row ({exc}); "
                              "nothing was imported") from None
    return parsed


def _chunks(stream: IO[str]) -> Iterator[tuple[int, list[str], int]]:
    """(first line number, lines, characters read so far) for CHUNK lines at a time."""
    lines: list[str] = []
    first, done = 1, 0
    for number, line in enumerate(stream, 1):
        lines.append(line)
        done += len(line)
        if len(lines) == CHUNK:
            yield first, lines, done
            lines, first = [], number + 1
    if lines:
        yield first, lines, done


def _recognise(path: Path, line: str) -> str:
    fields = line.rstrip("\n").split("\t")
    if len(fields) == _GEONAME_COLUMNS and fields[0].isdigit():
        return "geoname"
    if len(fields) in _ALTERNATE_COLUMNS and fields[0].isdigit() and fields[1].isdigit():
        return "alternate"
    raise SourceError(f"{path}: not a GeoNames dump (first row has {len(fields)} columns; "
                      "expected 19 for geonames or 10 for alternate names)")


class _Inline(Executor):
    """Runs each task at once in this process: small dumps are not worth a second process."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller through future.result()
            future.set_exception(exc)
        return future


def import_dump(
    con: sqlite3.Connection, path: Path, *, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Import one dump into the open index; returns rows read, places and names written."""
    counts = {"rows": 0, "places": 0, "names": 0}
    con.execute("PRAGMA cache_size=-131072")
    con.execute("BEGIN")
    try:
        with _open_text(path) as (stream, size):
            bulk = size > BULK_BYTES
            writer = _Writer(con, bulk=bulk)
            with ProcessPoolExecutor(2) if bulk else _Inline() as pool:
                _pipeline(path, stream, size, pool, writer, counts, progress)
            writer.finish()
        counts["names"] = writer.names_written
        write_name_keys(con)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return counts


def _pipeline(
    path: Path,
    stream: IO[str],
    size: int,
    pool: Executor,
    writer: _Writer,
    counts: dict[str, int],
    progress: Callable[[int, int], None] | None,
) -> None:
    """Parse chunks in ``pool`` (a few ahead) and write them here, in file order."""
    kind = None
    pending: deque[tuple[Future, int]] = deque()
    last = ""
    for first, lines, done in _chunks(stream):
        last = lines[-1]
        if kind is None:
            content = next((x for x in lines if x.strip() and not x.startswith("#")), None)
            if content is None:
                continue
            kind = _recognise(path, content)
        pending.append((pool.submit(parse_chunk, kind, f"dump:{path.name}", path.name, first,
                                    lines), done))
        counts["rows"] += sum(1 for x in lines if x.strip() and not x.startswith("#"))
        while len(pending) > IN_FLIGHT:
            _drain(pending, writer, kind, counts, size, progress)
    if kind is None:
        raise SourceError(f"{path}: empty file, nothing to import")
    while pending:
        _drain(pending, writer, kind, counts, size, progress)
    if not last.endswith("\n"):
        raise SourceError(f"{path.name}: file ends mid-row (truncated?); nothing was imported")


def _drain(pending, writer, kind, counts, size, progress) -> None:
    future, done = pending.popleft()
    parsed = future.result()
    if kind == "geoname":
        counts["places"] += writer.places(parsed)
    else:
        writer.names(parsed)
    if progress:
        progress(done, size)


class _Writer:
    """Writes parsed chunks into the index inside the caller's transaction.

    Ids are assigned here, so names are inserted directly with their place id. A place that was
    already indexed keeps its id; its old names are deleted once, at the end, by row number.
    """

    def __init__(self, con: sqlite3.Connection, *, bulk: bool) -> None:
        self.con = con
        self.bulk = bulk
        self.next_id = (con.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
        self.names_before = con.execute("SELECT max(rowid) FROM names").fetchone()[0] or 0
        self.names_written = 0
        con.execute("CREATE TEMP TABLE IF NOT EXISTS replaced (id INTEGER PRIMARY KEY)")
        con.execute("DELETE FROM replaced")
        if bulk:
            con.execute("DROP INDEX IF EXISTS names_key")
            con.execute("DROP INDEX IF EXISTS names_place")
        self._insert_place = (f"INSERT INTO places (id, {PLACE_COLUMNS}) "
                              f"VALUES (?{', ?' * 15})" + upsert_clause("id"))

    def _ids(self, gids: list[str]) -> dict[str, int]:
        rows = select_in(self.con, "SELECT gid, id FROM places WHERE gid IN ({marks})", gids)
        return dict(rows)

    def places(self, parsed: Parsed) -> int:
        ids = self._ids([gid for gid, _row, _keys in parsed])
        self.con.executemany("INSERT OR IGNORE INTO replaced VALUES (?)",
                             ((pid,) for pid in ids.values()))
        for gid, _row, _keys in parsed:
            if gid not in ids:
                ids[gid] = self.next_id
                self.next_id += 1
        self.con.executemany(self._insert_place,
                             ((ids[gid], *row) for gid, row, _keys in parsed))
        self._insert_names((ids[gid], keys) for gid, _row, keys in parsed)
        return len(parsed)

    def names(self, parsed: Parsed) -> None:
        ids = self._ids(sorted({gid for gid, _row, _keys in parsed}))
        self._insert_names((ids[gid], keys) for gid, _row, keys in parsed if gid in ids)

    def _insert_names(self, pairs: Iterable[tuple[int, list[tuple[str, str, int]]]]) -> None:
        before = self.con.total_changes
        self.con.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?)",
            ((lkey, pid, fkey, flag) for pid, keys in pairs for lkey, fkey, flag in keys),
        )
        self.names_written += self.con.total_changes - before

    def finish(self) -> None:
        """Drop the replaced places' old names, and rebuild indexes dropped for a bulk import."""
        self.con.execute(
            "DELETE FROM names WHERE rowid <= ? AND place IN (SELECT id FROM replaced)",
            (self.names_before,),
        )
        if self.bulk:
            for statement in INDEXES.split(";"):
                if statement.strip():
                    self.con.execute(statement)
