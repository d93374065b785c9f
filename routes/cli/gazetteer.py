"""``routes gazetteer ...``: build, inspect, extend and query the offline gazetteer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..gazetteer import Gazetteer, parse_near
from .progress import progress_bar

__all__ = ["app"]

app = typer.Typer(help="Build, inspect, extend and query the offline gazetteer.",
                  no_args_is_help=True)

GazetteerFiles = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", "-g", help="Extra gazetteer file (TSV or GeoJSON); repeatable."),
]


def open_gazetteer(extra: list[Path] | None = None) -> Gazetteer:
    """The user's gazetteer, built first (with a progress bar) if needed."""
    gazetteer = Gazetteer(extra=extra or ())
    if not gazetteer.is_current():
        with progress_bar("Building the gazetteer index") as update:
            gazetteer.ensure(update)
    return gazetteer


@app.command()
def build() -> None:
    """Rebuild the index from the bundled sources (places added from dumps are kept)."""
    gazetteer = Gazetteer()
    with progress_bar("Building the gazetteer index") as update:
        counts = gazetteer.build(update)
    typer.echo(f"built {gazetteer.path} ({sum(counts.values()):,} places)")


@app.command()
def info(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Where the index is, how big, and what it holds."""
    details = open_gazetteer().info()
    if as_json:
        typer.echo(json.dumps(details, indent=2))
        return
    typer.echo(f"index:   {details['path']}")
    typer.echo(f"size:    {details['size_bytes'] / 1e6:.1f} MB")
    typer.echo(f"places:  {details['places']:,}   names: {details['names']:,}")
    typer.echo(f"current: {'yes' if details['current'] else 'no (run routes gazetteer build)'}")
    typer.echo("sources:")
    for source, count in sorted(details["sources"].items(), key=lambda kv: -kv[1]):
        typer.echo(f"  {source:32s} {count:>9,}")
    typer.echo("kinds:")
    for kind, count in details["kinds"].items():
        typer.echo(f"  {kind:32s} {count:>9,}")


@app.command()
def lookup(
    name: Annotated[str, typer.Argument(help="Place name, e.g. 'the Razdolnaya River'.")],
    country: Annotated[str | None, typer.Option(help="ISO country code filter, e.g. RU.")] = None,
    near: Annotated[str | None, typer.Option(help="Prefer places near LAT,LON.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind (city, river...).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most candidates to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list, best first.")] = False,
    gazetteer: GazetteerFiles = None,
) -> None:
    """Ranked candidates for a place name."""
    point = parse_near(near) if near else None
    places = open_gazetteer(gazetteer).lookup(name, country=country, near=point, kind=kind,
                                              limit=limit)
    if as_json:
        typer.echo(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=1))
        return
    if not places:
        typer.echo(f"no place found for {name!r}", err=True)
        raise typer.Exit(1)
    for rank, p in enumerate(places, 1):
        where = f"{p.country}.{p.admin1}" if p.admin1 else p.country
        typer.echo(f"{rank:>2}. {p.name} [{p.kind}] {where} {p.lat:.4f}, {p.lon:.4f}"
                   f"  pop {p.population:,}  {p.id}  score {p.score:.2f} ({p.match})")


@app.command()
def add(
    path: Annotated[Path, typer.Argument(help="GeoNames dump: XX.zip/XX.txt, allCountries.zip, "
                                          "cities*.zip or alternateNamesV2.zip.")],
) -> None:
    """Import a GeoNames dump into the index (streamed; all or nothing)."""
    gazetteer = open_gazetteer()
    with progress_bar(f"Importing {path.name}") as update:
        result = gazetteer.add(path, progress=lambda done, total: update(
            f"{done / 1e6:,.0f} of {total / 1e6:,.0f} MB", done / total if total else 0.0))
    typer.echo(f"imported {result['rows']:,} rows from {path.name} "
               f"({result['places']:,} places, {result['names']:,} names)")
