"""``routes places``: find and resolve the place mentions in text, HTML or a JSONL corpus."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .gazetteer import GazetteerFiles, open_gazetteer

__all__ = ["places_command"]


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"
    geojson = "geojson"


def places_command(
    input: Annotated[Path, typer.Argument(help="A .txt or .html article, or a .jsonl corpus "
                                                "of {\"id\", \"text\"} records.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write here instead of stdout.")] = None,
    format: Annotated[Format | None, typer.Option(
        help="jsonl (one line per document), table, or geojson; default from -o's extension "
             "(.geojson) or jsonl.")] = None,
    gazetteer: GazetteerFiles = None,
) -> None:
    """Find every place mention and the place it refers to."""
    from ..geoparse import places
    from ..io import atomic_write
    from ..reader import read_documents
    from .progress import counter

    chosen = format or (Format.geojson if output and output.suffix.lower() == ".geojson"
                        else Format.jsonl)
    if chosen is Format.table and output is not None:
        raise InputError("--format table prints to the terminal; drop -o or pick jsonl/geojson")
    gaz = open_gazetteer(gazetteer)
    warnings: list[str] = []
    documents = read_documents(input, warn=lambda line: (warnings.append(line),
                                                         typer.echo(f"routes: {line}", err=True)))
    results = (places(doc, gazetteer=gaz) for doc in counter(documents, "Geoparsing",
                                                               enabled=input.suffix == ".jsonl"))
    if output is None:
        _write(results, chosen, sys.stdout)
    else:
        with atomic_write(output) as handle:
            _write(results, chosen, handle)
    if warnings:
        typer.echo(f"routes: {len(warnings)} input line(s) skipped", err=True)


def _write(results, chosen: Format, handle) -> None:
    if chosen is Format.jsonl:
        for result in results:
            handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    elif chosen is Format.geojson:
        features = []
        for result in results:
            for feature in result.to_features()["features"]:
                feature["properties"]["document"] = result.document.id
                features.append(feature)
        json.dump({"type": "FeatureCollection", "features": features}, handle,
                  ensure_ascii=False)
    else:
        for result in results:
            handle.write(f"# {result.document.id}\n")
            for m in result:
                place = m.place
                where = (f"{place.name} [{place.kind}, {place.country}] {m.lat:.4f}, {m.lon:.4f}"
                         if place else "(unresolved)")
                handle.write(f"{m.mention.start:>6} {m.mention.kind:<10} "
                             f"{m.mention.surface[:32]:<32} {where}  conf {m.confidence:.2f}\n")
