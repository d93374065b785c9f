"""Offline place lookup: ranked gazetteer candidates for a name, with no network.

The index is one SQLite file in the user cache directory (``ROUTES_CACHE_DIR`` overrides it),
built from the bundled sources on first use and rebuilt when they change. Lookups return every
plausible candidate, best first, so later stages can disambiguate with the text's context:

>>> gaz = Gazetteer()                                  # doctest: +SKIP
>>> [p.name for p in gaz.lookup("Ussuriisk")][:1]      # doctest: +SKIP
['Ussuriysk']
>>> gaz.lookup("the Amur region")[0].kind              # doctest: +SKIP
'region'

Ranking adds up how well the name matched (exact, feature-type stem, transliteration, code),
whether the kind agrees with a type word in the query ("X River", "X Krai"), and the place's
importance (population, capital, country, curated feature).
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import GazetteerError, InputError
from .model import Place
from .names import (
    CODE,
    NAME,
    OWN,
    TYPE_WORDS,
    fold,
    fold_once,
    key_hash,
    key_hashes,
    loose,
    loose_key,
    region_stems,
    split_folded,
    split_type,
    word_key,
)

__all__ = ["Gazetteer", "NameKeys", "default_index_path", "distance_km", "parse_near"]

Progress = Callable[[str, float], None]

_ADM1_WORDS = {"krai", "kray", "oblast", "province", "state", "prefecture", "governorate",
               "republic", "okrug", "autonomous okrug", "autonomous oblast", "territory"}
_ADM2_WORDS = {"county", "district", "parish"}
_MAJOR_CURATED = {"river", "canal", "sea", "lake", "spaceport", "island", "peninsula", "mountain"}
# Outlines are long JSON strings: rows carry only whether a place has one, and the few places
# returned to the caller load theirs (``_place``).
_COLUMNS = ("id, gid, name, feature_class, feature_code, kind, country, admin1, population, "
            "lat, lon, extent IS NOT NULL, line IS NOT NULL, altnames, source")
_CACHE_SIZE = 50_000
_MATCH_SCORE = {"exact": 10.0, "stem": 8.0, "code": 9.0, "loose": 6.5}


def default_index_path() -> Path:
    """Where the compiled index lives: ``$ROUTES_CACHE_DIR`` or the platform's user cache."""
    folder = os.environ.get("ROUTES_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("routes", appauthor=False)
    return Path(folder) / "gazetteer.sqlite"


@dataclass(slots=True)
class _Query:
    """A name as asked for: its keys, and how a stored name row relates to it."""

    folded: str
    full: str
    stem: str
    type_word: str | None
    hints: tuple[str, ...]
    probes: tuple[str, ...]

    @classmethod
    def parse(cls, text: str, folded: str | None = None) -> _Query:
        folded = fold(text) if folded is None else folded
        full = folded.removeprefix("the ")
        stem, type_word = split_folded(folded)
        probe = loose_key(full)
        probes: tuple[str, ...] = (probe,)
        hints: tuple[str, ...] = ()
        if type_word:
            hints = TYPE_WORDS[type_word]
            stem_probe = loose_key(stem)
            if stem_probe != probe:
                probes = (probe, stem_probe)
        stripped = text.strip()
        if _code_like(stripped):
            probes = (*probes, "#" + stripped.lower())
        return cls(folded, full, stem, type_word, hints, probes)

    def match(self, fkey: str, flag: int) -> str:
        """How a stored (fold key, flag) row matches: exact, stem, loose or code."""
        if flag == CODE:
            return "code"
        if fkey == self.stem and self.type_word:
            return "exact"  # "Razdolnaya River" meets "Razdolnaya" or "Razdolnaya River"
        if flag in (OWN, NAME):
            return "exact" if fkey == self.folded or fkey == self.full else "loose"
        return "stem" if fkey == self.full else "loose"  # "Amur" meets "Amur Oblast"


def _code_like(text: str) -> bool:
    """A short capitalised word ("LAX", "UUEE"), which may be an airport's code."""
    return 2 <= len(text) <= 4 and text.isalnum() and text.isupper()


def _importance(kind: str, code: str, population: int, gid: str) -> float:
    score = math.log10(population + 1) * 0.6
    if kind in ("country", "continent"):
        return score + 3.5
    if code == "ADM1":
        return score * 0.8 + 0.2
    if code.startswith("ADM"):
        return score * 0.8 - 1.0
    if code == "PPLC":
        return score + 1.5
    if gid.startswith("sup:"):
        if kind == "sea":
            return score + 5.0  # "the Atlantic" is the ocean before it is a town in Iowa
        return score + (3.5 if kind in _MAJOR_CURATED else 1.0)
    if gid.startswith("icao:"):
        return score + 1.0
    return score


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; exact enough for ranking and far cheaper than a geodesic (and,
    unlike geopy's, it needs no import of geopy's geocoders on the geoparser's start-up)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


class NameKeys:
    """Which word keys (``routes.names.word_key``) the index holds as names, and which as a
    name's first words: what a geoparser may ask about, and how far a span may grow.

    Both sets are sorted arrays of 32-bit hashes, so a test is a binary search. A hash can
    collide (about one test in 6,500 says yes wrongly, which costs one needless question to the
    index) but never says no to a name that is there. Answers are remembered per text, as
    corpora repeat their capitalised words.
    """

    def __init__(self, whole: array, starts: array, extra: Iterable[str] = ()) -> None:
        self._whole = whole
        self._starts = starts
        self._extra_whole: set[int] = set()
        self._extra_starts: set[int] = set()
        for fkey in extra:  # the fold keys of places from user files, which are not indexed
            hashed, first_words = key_hashes(word_key(fkey).split(" "))
            self._extra_whole.add(hashed)
            self._extra_starts.update(first_words)
        self._found: dict[str, bool] = {}
        self._started: dict[str, bool] = {}

    def may_find(self, query: str) -> bool:
        """Whether a lookup of ``query`` can find anything: a name, a typed name's stem
        ("Razdolnaya" of "Razdolnaya River") or, for a short capitalised word, a code ("LAX")."""
        found = self._found.get(query)
        if found is None:
            if len(self._found) >= _CACHE_SIZE:
                self._found.clear()
            found = self._found[query] = self._may_find(query)
        return found

    def _may_find(self, query: str) -> bool:
        folded = fold(query)
        if self._is_name(word_key(folded.removeprefix("the "))):
            return True
        stem, type_word = split_folded(folded)
        if type_word is not None and self._is_name(word_key(stem)):
            return True
        if _CAMEL.search(query):
            # "SierraLeone" (a tag) finds "Sierra Leone": the index's loose keys join words.
            return self._is_name(word_key(fold(_CAMEL.sub(" ", query))))
        return _code_like(query)

    def may_start(self, words: str) -> bool:
        """Whether a name begins with ``words`` ("St." of "St. Louis")."""
        started = self._started.get(words)
        if started is None:
            if len(self._started) >= _CACHE_SIZE:
                self._started.clear()
            # Folded with a word after them, since folding reads "St." as "Saint" only
            # before another word.
            key = word_key(fold_once(words + " x")[:-2])
            started = self._started[words] = _holds(self._starts, self._extra_starts,
                                                    key_hash(key))
        return started

    def _is_name(self, key: str) -> bool:
        return _holds(self._whole, self._extra_whole, key_hash(key))


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _holds(hashes: array, extra: set[int], value: int) -> bool:
    i = bisect_left(hashes, value)
    return (i < len(hashes) and hashes[i] == value) or value in extra


class Gazetteer:
    """The offline gazetteer: the compiled index plus any user files given with ``extra``.

    Parameters
    ----------
    path
        Index file; defaults to :func:`default_index_path`.
    extra
        User gazetteer files (supplement-format TSV or GeoJSON points) searched alongside the
        index, without rebuilding it.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        extra: Sequence[Path] = (),
    ) -> None:
        self.path = Path(path) if path else default_index_path()
        # Corpora repeat their place names ("U.S.", "Ohio"): remember recent candidate lists.
        self._cache: dict[tuple[str, int | None], list[Place]] = {}
        # The word lists ("police", "john"), read whole on first use.
        self._lists: dict[str, dict[str, None]] = {}
        # ... and their areas' outlines (every story's "U.S."): parsed once per place.
        self._shapes: dict[str, tuple[dict | None, list | None]] = {}
        self._con: sqlite3.Connection | None = None
        self._keys: NameKeys | None = None
        self._extra: dict[str, list[list]] = {}
        self._extra_count = 0
        for file in extra:
            self._load_extra(Path(file))

    # -- index life cycle -------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            self.ensure()
            # Nothing changes the index file in place (``gazetteer.build.replacing``), so it is
            # opened immutable: SQLite then skips the file locks and change checks it makes
            # around every statement, seven system calls that cost a lookup a sixth of its time.
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True,
                                        check_same_thread=False)
            # Memory-mapped reads skip a system call per page: lookups take half the time.
            self._con.execute("PRAGMA mmap_size=268435456")
        return self._con

    def _meta(self) -> dict:
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                return {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta")}
            finally:
                con.close()
        except sqlite3.Error:
            return {}

    def is_current(self) -> bool:
        """Whether the index exists and was built from the sources installed now."""
        from gazetteer.build import fingerprint

        return self.path.exists() and self._meta().get("fingerprint") == fingerprint()

    def ensure(self, progress: Progress | None = None) -> None:
        """Build the index if it is missing or its sources changed since it was built."""
        if self.is_current():
            return
        if self.path.exists() and self._meta().get("schema") and not _writable(self.path.parent):
            print(f"routes: warning: the gazetteer index in {self.path.parent} is out of date "
                  "and the folder is not writable; using it as it is", file=sys.stderr)
            return
        self.build(progress)

    def build(self, progress: Progress | None = None) -> dict[str, int]:
        """(Re)build the index from the bundled sources, keeping places added from dumps."""
        from gazetteer.build import build_index

        self.close()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not _writable(self.path.parent):
                raise PermissionError(13, "Permission denied")
            return build_index(self.path, progress=progress, keep_from=self.path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise GazetteerError(
                f"cannot write the gazetteer index in {self.path.parent}: {reason} "
                "(set ROUTES_CACHE_DIR to a writable folder)"
            ) from None

    def close(self) -> None:
        """Close the index; remembered candidates, outlines and word lists go too, since a
        rebuilt or extended index numbers its places afresh (and may hold newer lists)."""
        if self._con is not None:
            self._con.close()
            self._con = None
        self._cache.clear()
        self._shapes.clear()
        self._lists.clear()
        self._keys = None

    def info(self) -> dict:
        """Path, size, build time and per-source counts of the index."""
        self._connection()
        meta = self._meta()
        con = self._connection()
        kinds = dict(con.execute("SELECT kind, count(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
        return {
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size,
            "places": sum(kinds.values()),
            "names": con.execute("SELECT count(*) FROM names").fetchone()[0],
            "sources": meta.get("counts", {}),
            "kinds": kinds,
            "built": meta.get("built"),
            "build_seconds": meta.get("build_seconds"),
            "current": self.is_current(),
            "extra_files": self._extra_count,
        }

    def add(self, path: Path, *, progress: Callable[[int, int], None] | None = None) -> dict:
        """Import a GeoNames dump into the index, all or nothing.

        The import goes into a copy of the index that replaces it when complete (lookups rely on
        the file never changing in place). A write lock on the index is held meanwhile, so two
        imports at once cannot both copy it and lose one another's rows: the second one waits.
        """
        from gazetteer.build import replacing
        from gazetteer.dumps import import_dump

        self.ensure()
        self.close()
        try:
            lock = sqlite3.connect(self.path)
            lock.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer index {self.path}: {exc}") from None
        try:
            with replacing(self.path, copy=True) as copy:
                con = sqlite3.connect(copy)
                try:
                    return import_dump(con, Path(path), progress=progress)
                finally:
                    con.close()
        except OSError as exc:
            raise GazetteerError(
                f"cannot write the gazetteer index in {self.path.parent}: "
                f"{exc.strerror or exc}") from None
        finally:
            lock.close()

    # -- lookups ----------------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        near: tuple[float, float] | None = None,
        kind: str | None = None,
        limit: int | None = 10,
    ) -> list[Place]:
        """Candidates for ``name``, best first; an empty list when nothing matches."""
        folded = fold_once(name) if name else ""
        if not folded:
            raise InputError("empty place name")
        query = _Query.parse(name, folded)
        con = self._con or self._connection()
        rows = con.execute(_lookup_sql(len(query.probes)), query.probes).fetchall()
        if self._extra:
            rows.extend(row for probe in query.probes for row in self._extra.get(probe, ()))
        return self._rank(query, rows, country=country, kind=kind, near=near, limit=limit)

    def lookup_many(
        self, names: Iterable[str], *, limit: int | None = 10
    ) -> dict[str, list[Place]]:
        """Candidates for many names with one index query: the geoparser's per-document call.

        Names that fold to nothing are left out of the result.
        """
        done: dict[str, list[Place]] = {}
        queries: dict[str, _Query] = {}
        for name in set(names):
            cached = self._cache.get((name, limit)) if name else None
            if cached is not None:
                done[name] = cached
            elif name and (folded := fold(name)):
                queries[name] = _Query.parse(name, folded)
        probes = sorted({probe for query in queries.values() for probe in query.probes})
        from gazetteer.build import select_in

        # Rows end with the key they were found under, which ranking ignores.
        found: dict[str, list] = {}
        for row in select_in(self._connection(), _LOOKUP_MANY_SQL, probes):
            found.setdefault(row[-1], []).append(row)
        for probe in probes:
            for row in self._extra.get(probe, ()):
                found.setdefault(probe, []).append(row)
        for name, query in queries.items():
            rows = [r for p in query.probes for r in found.get(p, ())]
            done[name] = self._rank(query, rows, limit=limit) if rows else []
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[(name, limit)] = done[name]
        return done

    def _rank(
        self,
        query: _Query,
        rows: list,
        *,
        country: str | None = None,
        kind: str | None = None,
        near: tuple[float, float] | None = None,
        limit: int | None = 10,
    ) -> list[Place]:
        country = country.upper() if country else None
        if len(rows) == 1 and limit != 0:
            # Most names find one row: nothing to deduplicate, filter or sort.
            row = rows[0]
            if (country and row[8] != country) or (kind and row[7] != kind):
                return []
            match = query.match(row[0], row[1])
            return self._places([(row[2:17], self._score(query, match, row, near), match)])
        score_of = self._score
        # Rows are (fkey, flag, *record): record[1] (row[3]) is the gid, one entry per place.
        best: dict[str, tuple[float, str, Sequence]] = {}
        for row in rows:
            if (country and row[8] != country) or (kind and row[7] != kind):
                continue
            match = query.match(row[0], row[1])
            score = score_of(query, match, row, near)
            held = best.get(row[3])
            if held is None or score > held[0]:
                best[row[3]] = (score, match, row)
        ranked = list(best.values())
        if query.type_word is None and len(ranked) > 1:
            matches = {m for _s, m, _r in ranked}
            if "loose" in matches and len(matches) > 1:
                # A transliteration guess never competes with a name spelled as written (but
                # "Primorsky Krai" may well be "Primorskiy kray": the type word vouches for it).
                ranked = [item for item in ranked if item[1] != "loose"]
        if len(ranked) > 1:
            ranked.sort(key=lambda item: (-item[0], -item[2][10], item[2][3]))
        return self._places([(row[2:17], score, match) for score, match, row in ranked[:limit]])

    def _places(self, found: list[tuple[Sequence, float, str]]) -> list[Place]:
        """Places for (record, score, match) triples.

        Records only say whether a place has an outline or a line (long JSON strings): such a
        place reads its own when first asked (:class:`_IndexPlace`). Most candidates of a
        lookup are never drawn, so they never pay for theirs.
        """
        return [_place(record, score, match, self) for record, score, match in found]

    def _shape(self, gid: str) -> tuple[dict | None, list | None]:
        """A place's (outline, line), by its id: stable while the index is rebuilt."""
        shape = self._shapes.get(gid)
        if shape is None:
            row = self._connection().execute(
                "SELECT extent, line FROM places WHERE gid = ?", (gid,)).fetchone()
            shape = self._keep_shape(gid, *(row or (None, None)))
        return shape

    def _keep_shape(self, gid: str, extent: str | None, line: str | None
                    ) -> tuple[dict | None, list | None]:
        """Parse a place's outline and line as stored, and remember them."""
        if len(self._shapes) >= _CACHE_SIZE:
            self._shapes.clear()
        shape = self._shapes[gid] = (json.loads(extent) if extent else None,
                                     json.loads(line) if line else None)
        return shape

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO code ("RU"), or None."""
        row = self._connection().execute(
            f"SELECT {_COLUMNS} FROM places WHERE kind = 'country' AND country = ? "
            "ORDER BY population DESC LIMIT 1", (code.upper(),)).fetchone()
        return self._places([(row, 20.0, "code")])[0] if row else None

    def countries(self) -> list[Place]:
        """Every country with its outline: the offline basemap of a map drawn with no tiles."""
        rows = self._connection().execute(f"SELECT {_COLUMNS}, extent FROM places WHERE "
                                          "kind = 'country' AND extent IS NOT NULL").fetchall()
        # All the outlines are drawn: read in the one query, not one query per country.
        for row in rows:
            if row[1] not in self._shapes:
                self._keep_shape(row[1], row[-1], None)
        return self._places([(row[:-1], 0.0, "exact") for row in rows])

    def dictionary_words(self, words: Iterable[str]) -> set[str]:
        """The lower-case English dictionary words among ``words`` (common nouns, verbs...)."""
        return self._among("words", words)

    def given_names(self, words: Iterable[str]) -> set[str]:
        """The lower-case English given names among ``words`` ("john", "mary")."""
        return self._among("given_names", words)

    def _among(self, name: str, words: Iterable[str]) -> set[str]:
        table = self._list(name)
        lowered = {w.lower() for w in words}
        found = {w for w in lowered if w in table}
        if not "".join(lowered).isascii():
            # The lists are written without accents: "Noël" is found as "noel".
            found.update(w for w in lowered if not w.isascii() and _unaccented(w) in table)
        return found

    def _list(self, name: str) -> dict[str, None]:
        """A word list of the index, read whole: 210,000 dictionary words load in about 30 ms,
        what a corpus of a few hundred documents would spend asking about their words.

        Held as the keys of a dict, not a set: a dict of strings is one object to the garbage
        collector, where a set is 210,000 that every full collection visits (20 ms each).
        """
        found = self._lists.get(name)
        if found is None:
            row = self._connection().execute(
                "SELECT items FROM lists WHERE name = ?", (name,)).fetchone()
            found = self._lists[name] = dict.fromkeys(row[0].split("\n") if row else ())
        return found

    def name_keys(self) -> NameKeys:
        """The index's names and names' first words (:class:`NameKeys`), read on first use."""
        if self._keys is None:
            rows = dict(self._connection().execute("SELECT name, data FROM name_keys"))
            arrays = []
            for part in ("whole", "starts"):
                hashes = array("I")
                hashes.frombytes(rows[part])
                arrays.append(hashes)
            extra = {row[0] for rows in self._extra.values() for row in rows if row[1] != CODE}
            self._keys = NameKeys(*arrays, extra=extra)
        return self._keys

    @staticmethod
    def _score(
        query: _Query, match: str, row: Sequence, near: tuple[float, float] | None
    ) -> float:
        gid, kind, code = row[3], row[7], row[6]
        score = _MATCH_SCORE[match] + _importance(kind, code, row[10], gid)
        if gid.startswith("user:"):
            score += 1.0  # the user's own places win ties against bundled ones
        if match == "exact" and row[1] == OWN:
            score += 1.0  # the place's own name, not one of its alternates
            if gid.startswith("sup:"):
                score += 2.0  # "White House": the landmark we curated, not a town or Casablanca
        if query.hints:
            type_word = query.type_word
            score += 4.0 if kind in query.hints else -3.0
            if (type_word in _ADM1_WORDS and code == "ADM1") or (
                type_word in _ADM2_WORDS and code == "ADM2"
            ):
                score += 1.5
            if _has_type_word(type_word, query.stem, row[4], row[15]):
                score += 3.0
        if near is not None:
            score -= 2.0 * math.log10(1.0 + distance_km(near[0], near[1], row[11], row[12]) / 50.0)
        return score

    def reverse(
        self, lat: float, lon: float, *, kind: str | None = None, limit: int = 1
    ) -> list[Place]:
        """Nearest places to a point (populated places unless ``kind`` says otherwise)."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"coordinates out of range: {lat}, {lon}")
        from gazetteer.build import cell_of

        con = self._connection()
        where = "kind = ?" if kind else "feature_class = 'P'"
        found: list[tuple[float, tuple]] = []
        for radius in (1, 3, 8):
            cells = {cell_of(max(-89.99, min(89.99, lat + dy)), lon + dx)
                     for dy in range(-radius, radius + 1) for dx in range(-radius, radius + 1)}
            rows = con.execute(
                f"SELECT {_COLUMNS} FROM places WHERE {where} AND cell IN "
                f"({','.join('?' * len(cells))})",
                ([kind] if kind else []) + sorted(cells),
            ).fetchall()
            found = sorted((distance_km(lat, lon, r[9], r[10]), r) for r in rows)
            if len(found) >= limit:
                break
        return self._places([(r, -d, "exact") for d, r in found[:limit]])

    # -- user files ---------------------------------------------------------------------------

    def _load_extra(self, path: Path) -> None:
        from gazetteer.build import entry_keys
        from gazetteer.sources import SourceError, read_user_file

        if not path.is_file():
            raise InputError(f"gazetteer file not found: {path}")
        try:
            entries = read_user_file(path)
        except SourceError as exc:
            raise InputError(str(exc)) from None
        for entry in entries:
            record = [0, entry.gid, entry.name, entry.feature_class, entry.feature_code,
                      entry.kind, entry.country, entry.admin1, entry.population, entry.lat,
                      entry.lon, 0, 0, "|".join(entry.names), entry.source]
            for lkey, fkey, flag in entry_keys(entry):
                self._extra.setdefault(lkey, []).append([fkey, flag, *record, lkey])
        self._extra_count += 1

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@lru_cache(maxsize=4096)
def _has_type_word(type_word: str, stem: str, name: str, altnames: str | None) -> bool:
    """Whether one of a place's own names is the query's stem with its type word.

    "Primorsky Krai" meets "Primorskiy kray" (a region's own name), and "Amur Oblast" meets
    "Amurskaya Oblast'"; but "Quebec City" does not meet a town whose alternate names happen to
    include "Quebec" and, elsewhere, "Hardware City".
    """
    wanted, wanted_stem = loose(type_word), loose_key(stem)
    markers = _type_markers(wanted)
    for candidate in (name, *(altnames.split("|") if altnames else ())):
        if candidate.isalpha():
            continue  # one word of letters folds to one word, with no type word beside it
        if candidate.isascii():
            # Folding an ASCII name only lower-cases it, drops quotes and spells out "Mt": a
            # name with none of the type word's spellings in it cannot carry the type word.
            low = candidate.lower()
            if not any(marker in low for marker in markers):
                continue
        own_stem, own = split_type(candidate)
        if own and loose(own) == wanted and (
            loose_key(own_stem) == wanted_stem
            or wanted_stem in {loose_key(s) for s in region_stems(candidate)}
        ):
            return True
    return False


@lru_cache(maxsize=64)
def _type_markers(wanted: str) -> tuple[str, ...]:
    """Substrings of which a lower-cased ASCII name must contain one to carry a type word
    whose loose key is ``wanted``: the last word of each such type word ("base" of "air
    base"), "mt" for "mount", and the quote marks that folding drops from inside a word."""
    words = [phrase for phrase in TYPE_WORDS if loose(phrase) == wanted]
    markers = {phrase.rsplit(" ", 1)[-1] for phrase in words} | {"'", "`", '"'}
    if "mount" in words:
        markers.add("mt")
    return tuple(sorted(markers))


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


# A lookup row is (fkey, flag, *record); lookup_many's rows add the key they matched at the end.
_SELECTED = f"n.fkey, n.flag, {', '.join('p.' + c for c in _COLUMNS.split(', '))}"
_JOIN = " FROM names n JOIN places p ON p.id = n.place WHERE n.lkey IN "
_LOOKUP_MANY_SQL = f"SELECT {_SELECTED}, n.lkey{_JOIN}({{marks}})"


@lru_cache(maxsize=64)
def _lookup_sql(probes: int) -> str:
    return f"SELECT {_SELECTED}{_JOIN}({','.join('?' * probes)})"


# Place is a frozen dataclass, whose __init__ sets each of its 16 fields through
# object.__setattr__: that cost as much as the rest of ranking a candidate. Candidates are
# made by setting the slots directly; every field must be set (checked here, at import).
_PLACE_FIELDS = ("id", "name", "lat", "lon", "feature_class", "feature_code", "kind", "country",
                 "admin1", "population", "names", "extent", "line", "source", "score", "match")
if set(_PLACE_FIELDS) != {f.name for f in fields(Place)}:
    raise ImportError("routes.gazetteer._PLACE_FIELDS is out of step with Place's fields")
_new_place = object.__new__
(_set_id, _set_name, _set_lat, _set_lon, _set_fclass, _set_fcode, _set_kind, _set_country,
 _set_admin1, _set_population, _set_names, _set_extent, _set_line, _set_source, _set_score,
 _set_match) = (getattr(Place, name).__set__ for name in _PLACE_FIELDS)


_UNREAD = object()  # an outline or line not read from the index yet
_EXTENT, _LINE = Place.__dict__["extent"], Place.__dict__["line"]  # Place's own slots


def _read_on_first_use(slot: Any) -> property:
    """A property over one of Place's slots that reads the place's shape while it is unread."""

    def read(place: _IndexPlace) -> Any:
        value = slot.__get__(place)
        if value is _UNREAD:
            place._read()
            value = slot.__get__(place)
        return value

    return property(read, slot.__set__)


class _IndexPlace(Place):
    """A place of the index with an outline or a line, which it reads when first asked.

    Reading is all it adds: ``extent`` and ``line`` hold what Place's fields would, and a
    copy (``dataclasses.replace``, pickle) reads them first and keeps them.
    """

    __slots__ = ("_index",)

    extent = _read_on_first_use(_EXTENT)
    line = _read_on_first_use(_LINE)

    def _read(self) -> None:
        extent, line = self._index._shape(self.id)
        _EXTENT.__set__(self, extent)
        _LINE.__set__(self, line)


_set_index = _IndexPlace.__dict__["_index"].__set__


def _place(record: Sequence, score: float, match: str, index: Gazetteer) -> Place:
    (_id, gid, name, fclass, fcode, kind, country, admin1, population, lat, lon, has_extent,
     has_line, altnames, source) = record
    if has_extent or has_line:
        place = _new_place(_IndexPlace)
        _set_index(place, index)
        _set_extent(place, _UNREAD)
        _set_line(place, _UNREAD)
    else:
        place = _new_place(Place)
        _set_extent(place, None)
        _set_line(place, None)
    _set_id(place, gid)
    _set_name(place, name)
    _set_lat(place, lat)
    _set_lon(place, lon)
    _set_fclass(place, fclass)
    _set_fcode(place, fcode)
    _set_kind(place, kind)
    _set_country(place, country)
    _set_admin1(place, admin1)
    _set_population(place, population)
    _set_names(place, tuple(altnames.split("|")) if altnames else ())
    _set_source(place, source)
    _set_score(place, round(score, 3))
    _set_match(place, match)
    return place


def parse_near(text: str) -> tuple[float, float]:
    """``"43.8,131.9"`` -> (43.8, 131.9), with a clear error for anything else."""
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise InputError(f"--near expects LAT,LON (for example 43.8,131.9), got {text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"--near coordinates out of range: {text}")
    return lat, lon
