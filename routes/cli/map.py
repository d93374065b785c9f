"""``routes map`` and ``routes explain``: one trip report in, its route out."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from .gazetteer import GazetteerFiles, open_gazetteer

__all__ = ["explain_command", "map_command"]


class MapFormat(str, Enum):
    html = "html"
    geojson = "geojson"
    json = "json"
    gpkg = "gpkg"
    csv = "csv"


Articles = Annotated[list[Path], typer.Argument(help="A trip report: .txt or .html.")]
Published = Annotated[str | None, typer.Option(
    help="The report's date (YYYY-MM-DD); times like 'on Tuesday' are resolved from it. "
         "Default: a date the text states.")]


def map_command(
    article: Articles,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write; default ARTICLE's name with .html in the "
                               "current folder (geojson/json go to stdout).")] = None,
    published: Published = None,
    format: Annotated[MapFormat | None, typer.Option(
        help="html map (default), geojson, json, gpkg or csv; default from -o's extension.")
    ] = None,
    embed: Annotated[bool, typer.Option(
        help="Write an HTML fragment to paste into a page (no <html> or <body>).")] = False,
    self_contained: Annotated[bool, typer.Option(
        help="Inline every script and stylesheet so the page works with no network.")
    ] = False,
    tiles: Annotated[str, typer.Option(
        help="Background tiles: OpenStreetMap, Esri.WorldGrayCanvas, ... or 'none' (offline: "
             "country outlines from the gazetteer).")
    ] = "OpenStreetMap",
    gazetteer: GazetteerFiles = None,
) -> None:
    """Draw the route of a trip report: where the traveller is known to have been, and where
    the text only guesses."""
    from ..export import format_for, write_route

    chosen = format_for(output, format.value if format else None)
    if embed and chosen != "html":
        raise InputError(f"--embed makes an HTML fragment; it cannot be combined with "
                         f"--format {chosen}")
    route = _route(article, published, gazetteer)
    if output is None and chosen in ("geojson", "json"):
        from ..export import dump_json

        dump_json(route, sys.stdout, plain=chosen == "json")
    else:
        if output is None:
            if chosen != "html":
                raise InputError(f"--format {chosen} needs -o FILE")
            output = Path(article[0].stem + ".html")
        write_route(route, output, format=chosen, embed=embed, self_contained=self_contained,
                    tiles=tiles)
        typer.echo(f"routes: wrote {output} ({route.summary})", err=True)
    if route.message:
        typer.echo(f"routes: {route.message}", err=True)


def explain_command(article: Articles, published: Published = None,
                    gazetteer: GazetteerFiles = None) -> None:
    """Show each mention, the place it resolved to, its role, time, status and cue words."""
    from rich.console import Console
    from rich.table import Table

    route = _route(article, published, gazetteer)
    table = Table(title=route.summary, show_lines=False)
    for column in ("mention", "place", "role", "time", "status", "why / cues"):
        table.add_column(column, overflow="fold")
    for row in route.explain_rows():
        role = f"{row['seq']}. {row['role']}" if row["seq"] else row["role"]
        place = f"{row['place']} ({row['country'] or '-'})" if row["place"] else "-"
        why = "; ".join(x for x in (row["reason"], row["cues"]) if x)
        table.add_row(row["mention"], place, role, row["time"] or "", row["status"] or "", why)
    Console(width=None if sys.stdout.isatty() else 160, soft_wrap=False).print(table)
    if route.message:
        typer.echo(f"routes: {route.message}", err=True)


def _route(articles: list[Path], published: str | None, gazetteer):
    from ..reader import read_documents
    from ..route import parse_date, track

    if len(articles) != 1:
        raise InputError(f"one ARTICLE at a time: got {len(articles)}; routes that combine "
                         "several reports are not supported yet")
    path = articles[0]
    if path.suffix.lower() == ".jsonl":
        raise InputError(f"{path}: routes map reads one report (.txt or .html), not a corpus")
    date = parse_date(published) if published else None
    gaz = open_gazetteer(gazetteer)
    documents = list(read_documents(path))
    if not documents:
        raise InputError(f"{path}: no text to read")
    return track(documents[0], date, gazetteer=gaz, source=path.name)
