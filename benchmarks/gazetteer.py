"""Gazetteer figures: first build, index size, cold CLI lookup, lookup latency, peak memory.

Run: ``python benchmarks/gazetteer.py`` (builds a fresh index in a temporary folder; about
two minutes). Targets: build <= 60 s, cold lookup <= 0.5 s, median lookup <= 50 us, peak
memory during lookups <= 300 MB. The lookup pass runs in five fresh processes; the best median
is the figure and all five are printed, since this shared machine's speed drifts a lot.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = 10_000
RUNS = 5
# Run as a script, this file's folder comes first on sys.path and its name would shadow the
# ``gazetteer`` package that routes imports.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)


def _lookups(index: Path) -> None:
    """Child process: time SAMPLE lookups of distinct names and report peak memory."""
    from routes.gazetteer import Gazetteer

    con = sqlite3.connect(index)
    names = [row[0] for row in con.execute("SELECT DISTINCT name FROM places")]
    con.close()
    random.Random(7).shuffle(names)
    warm_up, names = names[SAMPLE:2 * SAMPLE], names[:SAMPLE]
    gazetteer = Gazetteer(index)
    first = _timed(gazetteer, names[: SAMPLE // 2])
    # Steady state, as in a long geoparsing run: the index pages are mapped by other lookups
    # first; the names timed are still ones never asked before (no result is cached).
    _timed(gazetteer, warm_up)
    steady = _timed(gazetteer, names[SAMPLE // 2:])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_us": statistics.median(first) * 1e6,
                      "median_us": statistics.median(steady) * 1e6,
                      "p90_us": statistics.quantiles(steady, n=10)[-1] * 1e6,
                      "peak_mb": peak_mb, "names": len(names)}))


def _timed(gazetteer, names: list[str]) -> list[float]:
    times = []
    for name in names:
        started = time.perf_counter()
        gazetteer.lookup(name)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "ROUTES_CACHE_DIR": folder}
        cli = [sys.executable, "-m", "routes", "gazetteer"]
        started = time.perf_counter()
        subprocess.run([*cli, "build"], env=env, check=True, capture_output=True)
        build_s = time.perf_counter() - started
        index = Path(folder) / "gazetteer.sqlite"
        size_mb = index.stat().st_size / 1e6
        cold = []
        for name in ("Ussuriysk", "Vostochny Cosmodrome", "the Amur region", "Dong Dang", "Kyiv"):
            started = time.perf_counter()
            subprocess.run([*cli, "lookup", name, "--json"], env=env, check=True,
                           capture_output=True)
            cold.append(time.perf_counter() - started)
        # This machine's speed drifts by half from one second to the next (other tenants), so
        # the lookup pass runs in RUNS fresh processes and the best median counts, as timeit
        # takes the best repeat: the slower ones measure the neighbours, not the code.
        runs = [json.loads(subprocess.run(
            [sys.executable, __file__, "--lookups", str(index)], env=env, check=True,
            capture_output=True, text=True).stdout) for _ in range(RUNS)]
        figures = min(runs, key=lambda run: run["median_us"])
    print(f"first build:            {build_s:8.1f} s   (target <= 60 s)")
    print(f"index size on disk:     {size_mb:8.1f} MB")
    print(f"cold CLI lookup:        {statistics.median(cold):8.3f} s   (median of {len(cold)}; "
          "target <= 0.5 s)")
    print(f"median lookup:          {figures['median_us']:8.1f} us  "
          f"(steady state, best of {RUNS} runs; p90 {figures['p90_us']:.1f} us; first lookups "
          f"on a fresh process {figures['first_us']:.1f} us; {figures['names']:,} distinct "
          "names; target <= 50 us)")
    medians = ", ".join(f"{run['median_us']:.1f}" for run in runs)
    print(f"  medians of all runs:  {medians} us")
    print(f"peak memory (lookups):  {max(r['peak_mb'] for r in runs):8.1f} MB  "
          "(target <= 300 MB)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--lookups":
        _lookups(Path(sys.argv[2]))
    else:
        main()
