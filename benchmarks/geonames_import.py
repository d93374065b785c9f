"""Time ``routes gazetteer add`` on a generated allCountries-sized GeoNames dump.

Run: ``python benchmarks/geonames_import.py [ROWS]`` (default 13,000,000, the size of
allCountries). It writes a zip in GeoNames' 19-column format with made-up places (random
syllable names, alternate names, coordinates, feature codes in realistic proportions) to a
temporary folder, imports it into a copy of the current index with the real CLI, and prints the
time, rows per second and the importer's peak memory. Target: 13 M rows in under 15 minutes.
Needs about 2 GB of free disk for the dump and the grown index.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)  # this folder's gazetteer.py would shadow the gazetteer package

SYLLABLES = ("ka", "lo", "mi", "ran", "dor", "vel", "su", "tan", "bri", "och", "zel", "ust",
             "ny", "pol", "gra", "ev", "ski", "ra", "ben", "to")
CODES = [("P", "PPL")] * 30 + [("H", "STM")] * 20 + [("T", "HLL")] * 15 + [("S", "HTL")] * 10 + [
    ("L", "LCTY")] * 10 + [("A", "ADM4")] * 5 + [("V", "FRST")] * 5 + [("R", "RD")] * 5


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def generate(path: Path, rows: int) -> None:
    rng = random.Random(1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("allCountries.txt", "w", force_zip64=True) as raw:
        buffer = []
        for i in range(rows):
            name = _name(rng)
            alternates = ",".join(_name(rng) for _ in range(rng.choice((0, 0, 1, 2, 4))))
            fclass, fcode = rng.choice(CODES)
            buffer.append("\t".join((
                str(50_000_000 + i), name, name, alternates, f"{rng.uniform(-60, 70):.5f}",
                f"{rng.uniform(-180, 180):.5f}", fclass, fcode, "ZZ", "", "01", "", "", "",
                str(rng.choice((0, 0, 0, 120, 5000))), "", "100", "Etc/UTC", "2024-01-01",
            )) + "\n")
            if len(buffer) == 50_000:
                raw.write("".join(buffer).encode())
                buffer = []
        raw.write("".join(buffer).encode())


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 13_000_000
    from routes.gazetteer import Gazetteer

    source = Gazetteer()
    source.ensure()
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "allCountries.zip"
        started = time.perf_counter()
        generate(dump, rows)
        print(f"generated {rows:,} rows in {time.perf_counter() - started:.0f} s "
              f"({dump.stat().st_size / 1e6:,.0f} MB zipped)")
        shutil.copy2(source.path, Path(folder) / source.path.name)
        env = {**os.environ, "ROUTES_CACHE_DIR": folder}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "routes", "gazetteer", "add", str(dump)],
                       env=env, check=True)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size = (Path(folder) / source.path.name).stat().st_size / 1e6
    print(f"import:        {seconds:8.0f} s  ({rows / seconds:,.0f} rows/s; "
          "target: 13 M rows in < 900 s)")
    print(f"projected 13M: {seconds * 13_000_000 / rows:8.0f} s")
    print(f"peak memory:   {peak:8.0f} MB (importer process)")
    print(f"index after:   {size:8.0f} MB")


if __name__ == "__main__":
    main()
