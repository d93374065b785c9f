"""Cold ``routes map`` against the cost of importing the libraries it draws with.

Run: ``python benchmarks/map_startup.py [--runs 5] [--article PATH --published YYYY-MM-DD]
[--imports 15]``. Target: a cold ``routes map`` on the example takes at most 1.5 times as long
as ``python -c "import folium, geopandas"`` on the same machine.

Why a ratio: the absolute time of a fresh ``routes map`` process depends mostly on the machine
and its disk, and most of it is importing folium and geopandas, which Routes cannot avoid. The
import alone is measured on the same machine in the same minutes, so the ratio shows what
Routes adds (its own imports, reading the index, the geoparse, rendering) whatever the hardware.

"Cold" means a new interpreter for every run, as a user typing the command gets: nothing is
cached in-process. One untimed run of each command comes first, so both start from compiled
``.pyc`` files, a built gazetteer index and a warm OS file cache; the timed runs then alternate
between the two commands, so a change in machine load affects both alike. Prints figures,
asserts nothing. ``--imports N`` adds the N costliest imports of one ``routes map`` run
(``python -X importtime``), each with the project import that brings it in, and the time of
the project's own modules: where to look when the ratio is over the target.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kim-train-2023.txt"
SEED = ROOT.parent / "shared" / "seeds" / "yonhap-2023-09-13-kim-russia.txt"
TARGET = 1.5
_PROJECT = ("routes", "gazetteer")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _run(command: list[str], cwd: Path) -> float:
    """Wall time of one subprocess, from spawn to exit; a failure stops the benchmark."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.strip()}")
    return elapsed


def _imports(command: list[str], cwd: Path, top: int) -> None:
    """Print the costliest imports of one cold run, and where the project asks for each.

    ``-X importtime`` writes one line per module, children before their parent, indented by
    depth; a module's cumulative time includes everything it pulls in. The list shows the
    outermost expensive imports (a package, not each of its submodules) and for each, the
    import statement to look at: the nearest ``routes``/``gazetteer`` module above it in the
    import tree, or, for a lazy import inside a function (which Python reports at the top
    level, with no parent), the project lines that import that package.
    """
    done = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], cwd=cwd,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    rows = []  # (cumulative_us, depth, module), in the order Python printed them
    own_us: dict[str, int] = {}  # self time of the project's own modules
    for line in done.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            rows.append((int(match[2]), len(match[3]) // 2, match[4]))
            if match[4].split(".")[0] in _PROJECT:
                own_us[match[4]] = int(match[1])
    # Walk parent-first (reverse order) to know, for each module, the chain that imported it.
    chain: list[str] = []
    importer: dict[int, str] = {}
    ancestors: dict[int, tuple[str, ...]] = {}
    for i in range(len(rows) - 1, -1, -1):
        _, depth, module = rows[i]
        del chain[depth:]
        ancestors[i] = tuple(chain)
        own = [m for m in chain if m.split(".")[0] in _PROJECT]
        if own:
            via = f" (via {chain[-1]})" if chain[-1] != own[-1] else ""
            importer[i] = own[-1] + via
        elif chain:
            importer[i] = f"(via {chain[0]})"
        chain.append(module)
    total = sum(us for us, depth, _ in rows if depth == 0)
    print(f"\ncostliest imports of one cold routes map (-X importtime; all imports "
          f"{total / 1e6:.2f} s):")
    shown: list[str] = []
    for i in sorted(range(len(rows)), key=lambda i: -rows[i][0]):
        us, _, module = rows[i]
        if module.split(".")[0] in _PROJECT or set(ancestors[i]) & set(shown) or \
                any(module.startswith(s + ".") for s in shown):
            continue  # project modules are the importers; shown modules include their imports
        shown.append(module)
        where = importer.get(i) or ", ".join(_import_sites(module)[:3]) or "(start-up)"
        print(f"  {us / 1e6:6.3f} s  {module:22} {where}")
        if len(shown) == top:
            break
    biggest = sorted(own_us, key=lambda m: -own_us[m])[:5]
    print(f"  {sum(own_us.values()) / 1e6:6.3f} s  the project's own modules (self time; "
          f"most: {', '.join(f'{m} {own_us[m] / 1e3:.0f} ms' for m in biggest)})")


def _import_sites(module: str) -> list[str]:
    """``path:line`` of the project's import statements naming ``module``'s package: those
    naming the module itself first, then lazy ones (the likelier culprits at run time)."""
    package = module.split(".")[0]
    sites = []
    for folder in _PROJECT:
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, 1):
                match = re.match(r"(\s*)(?:from|import)\s+([\w.]+)", line)
                if match and match[2].split(".")[0] == package:
                    lazy = " (in a function)" if match[1] else ""
                    rank = (match[2] != module, not lazy)
                    sites.append((rank, f"{path.relative_to(ROOT)}:{number}{lazy}"))
    return [site for _, site in sorted(sites, key=lambda s: s[0])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=EXAMPLE if EXAMPLE.exists() else SEED)
    parser.add_argument("--published", default="2023-09-13")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--imports", type=int, default=0, metavar="N",
                        help="also list the N costliest imports of one routes map run")
    args = parser.parse_args()
    article = args.article.resolve()

    # Subprocesses run in an empty folder: ``-c`` and ``-m`` put the working directory first on
    # sys.path, where this folder's gazetteer.py would shadow the gazetteer package.
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        output = work / "map.html"
        commands = {
            "routes map": [sys.executable, "-m", "routes", "map", str(article),
                           "--published", args.published, "-o", str(output)],
            "import folium, geopandas": [sys.executable, "-c", "import folium, geopandas"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            _run(command, work)  # untimed: compile .pyc, open the index, fill the file cache
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_run(command, work))
        size = output.stat().st_size
        if args.imports:
            _imports(commands["routes map"], work, args.imports)

    print(f"\narticle: {article} (--published {args.published}); {args.runs} cold runs each, "
          "alternating")
    for name, values in times.items():
        print(f"{name:26} median {statistics.median(values):6.3f} s   min {min(values):6.3f} s"
              f"   ({', '.join(f'{v:.2f}' for v in values)})")
    ratio = statistics.median(times["routes map"]) / statistics.median(
        times["import folium, geopandas"])
    print(f"ratio of medians:          {ratio:6.2f}     (target <= {TARGET})")
    # The minimum is the run least disturbed by other work on the machine: a second opinion
    # when the medians are noisy (a shared or busy machine).
    floor = min(times["routes map"]) / min(times["import folium, geopandas"])
    print(f"ratio of minimums:         {floor:6.2f}")
    print(f"output HTML:               {size / 1024:6.1f} KiB ({size:,} bytes)")


if __name__ == "__main__":
    main()
