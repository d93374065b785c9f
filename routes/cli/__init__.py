"""The ``routes`` command line: parse arguments, call the Python API, print.

Heavy libraries are imported inside the commands that need them so ``routes --help`` and a
gazetteer lookup start fast. Every :class:`~routes.errors.RoutesError` ends as one line on stderr
and exit code 1, never a traceback.
"""

from __future__ import annotations

import sys

import typer

from ..errors import RoutesError
from .gallery import gallery_command
from .gazetteer import app as gazetteer_app
from .map import explain_command, map_command
from .places import places_command

__all__ = ["app", "main"]

app = typer.Typer(
    name="routes",
    help="Turn news text about a trip into a route map.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(gazetteer_app, name="gazetteer")
app.command("places")(places_command)
app.command("map")(map_command)
app.command("explain")(explain_command)
app.command("gallery")(gallery_command)


@app.callback()
def _root() -> None:
    """Turn news text about a trip into a route map that shows what is known and what is guessed."""


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except RoutesError as exc:
        print(f"routes: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("routes: interrupted", file=sys.stderr)
        sys.exit(130)
