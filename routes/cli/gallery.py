"""``routes gallery``: redraw the bundled example reports into ``maps/`` with an index page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["gallery_command"]


def gallery_command(
    examples: Annotated[Path, typer.Argument(
        help="Folder with the reports and gallery.json (id, file, published, title, "
             "description for each map).")] = Path("examples"),
    maps: Annotated[Path, typer.Argument(
        help="Where to write <id>.html, <id>.geojson, <id>.fragment.html and index.html.")
    ] = Path("maps"),
) -> None:
    """Regenerate the map gallery: each example's map, GeoJSON and embeddable fragment, and an
    index page that shows them all. The output is the same byte for byte on every run, so the
    committed gallery can be checked for staleness."""
    from ..gallery import build_gallery, extra_files
    from .gazetteer import open_gazetteer

    open_gazetteer()  # build the index first, with a progress bar, if it is missing or old
    written = build_gallery(examples, maps,
                            progress=lambda line: typer.echo(f"routes: {line}", err=True))
    typer.echo(f"routes: wrote {len(written)} files to {maps}", err=True)
    for path in extra_files(maps, written):
        typer.echo(f"routes: {path} is not part of the gallery; remove it if it is stale",
                   err=True)
