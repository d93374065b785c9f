"""The map gallery: every bundled example report drawn into ``maps/``, with an index page.

The gallery is committed, so people can see what Routes makes without installing it, and a test
regenerates it and compares bytes to catch a gallery that no longer matches the code. That only
works if the output is byte-identical across runs and machines, so everything random is made
stable here:

- folium names every element (the map's div, each layer's JavaScript variable) after a random
  32-digit hex id, and :func:`routes.render.to_html` replaces them with fresh random ones in a
  fragment. :func:`routes.export.stable_ids` renames each distinct id, in order of first
  appearance, after the example's id and a counter, so ids stay unique across all the
  fragments on ``index.html``. Full pages get the same treatment in
  :func:`routes.export.write_route`, so ``routes map REPORT -o maps/<id>.html`` rewrites the
  committed page byte for byte;
- nothing else in the output depends on time, paths or ordering: the report's date comes from
  the manifest, the GeoJSON ``source`` is the file's name, and every file is written with ``\\n``
  line ends through :func:`routes.io.atomic_write`.

The manifest is ``gallery.json`` in the examples folder::

    {"title": "Routes map gallery",
     "maps": [{"id": "kim-train-2023", "file": "kim-train-2023.txt",
               "published": "2023-09-13", "title": "...", "description": "..."}]}

>>> from routes.gallery import build_gallery
>>> build_gallery("examples", "maps")     # doctest: +SKIP
[PosixPath('maps/kim-train-2023.html'), ...]
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .io import atomic_write

__all__ = ["MANIFEST", "Example", "build_gallery", "extra_files", "read_manifest"]

MANIFEST = "gallery.json"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Example:
    """One gallery entry: a report in the examples folder and what the index says about it."""

    id: str
    file: Path
    published: str
    title: str
    description: str


def read_manifest(examples: Path | str) -> tuple[str, list[Example]]:
    """The gallery's title and its examples, checked so a typo fails before anything is written.

    Ids name files and JavaScript variables, so they must be lower-case words joined by
    hyphens, and unique.
    """
    from .route import parse_date

    folder = Path(examples)
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no gallery manifest: {path} not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("maps"), list):
        raise InputError(f'{path}: expected {{"title": ..., "maps": [...]}}')
    examples_out: list[Example] = []
    seen: set[str] = set()
    for number, entry in enumerate(data["maps"], 1):
        where = f"{path}: map {number}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: expected an object")
        missing = [k for k in ("id", "file", "published", "title", "description")
                   if not isinstance(entry.get(k), str) or not entry[k].strip()]
        if missing:
            raise InputError(f"{where}: missing or empty {', '.join(missing)}")
        if not _ID.fullmatch(entry["id"]):
            raise InputError(f"{where}: id {entry['id']!r} must be lower-case letters and "
                             "digits joined by hyphens")
        if entry["id"] in seen:
            raise InputError(f"{where}: id {entry['id']!r} is used twice")
        seen.add(entry["id"])
        parse_date(entry["published"])
        file = folder / entry["file"]
        if not file.is_file():
            raise InputError(f"{where}: {file} not found")
        examples_out.append(Example(entry["id"], file, entry["published"], entry["title"],
                                    entry["description"]))
    if not examples_out:
        raise InputError(f"{path}: the gallery has no maps")
    title = data.get("title") if isinstance(data.get("title"), str) else "Routes map gallery"
    return title, examples_out


def build_gallery(examples: Path | str = "examples", maps: Path | str = "maps", *,
                  tiles: str = "OpenStreetMap",
                  progress: Callable[[str], None] | None = None) -> list[Path]:
    """Draw every example in ``examples/gallery.json`` into ``maps`` and write its index page.

    For each example: ``<id>.html`` (full page), ``<id>.geojson`` and ``<id>.fragment.html``
    (to paste into a page); then ``index.html`` showing all the fragments. Returns the paths
    written, index last. Files already in ``maps`` that the gallery does not write are left
    alone (see :func:`extra_files`).
    """
    import routes

    from .export import id_prefix, stable_ids, write_route
    from .gazetteer import Gazetteer
    from .reader import read_documents
    from .render import to_html

    title, entries = read_manifest(examples)
    out = Path(maps)
    out.mkdir(parents=True, exist_ok=True)
    gazetteer = Gazetteer()
    written: list[Path] = []
    sections: list[str] = []
    for example in entries:
        document = next(iter(read_documents(example.file)))
        route = routes.track(document, published=example.published, gazetteer=gazetteer,
                             source=example.file.name)
        written.append(write_route(route, out / f"{example.id}.geojson", format="geojson"))
        # The full page is exactly what `routes map REPORT -o maps/<id>.html` writes.
        written.append(write_route(route, out / f"{example.id}.html", format="html",
                                   tiles=tiles))
        fragment = stable_ids(to_html(route.map(tiles=tiles), embed=True),
                              id_prefix(example.id))
        with atomic_write(out / f"{example.id}.fragment.html") as handle:
            handle.write(fragment)
        written.append(out / f"{example.id}.fragment.html")
        sections.append(_section(example, route.summary, fragment))
        if progress:
            progress(f"{example.id}: {route.summary}")
    index = out / "index.html"
    with atomic_write(index) as handle:
        handle.write(_index(title, sections))
    written.append(index)
    return written


def extra_files(maps: Path | str, written: list[Path]) -> list[Path]:
    """Files in ``maps`` that the gallery did not write: left-overs of removed examples."""
    keep = {p.name for p in written}
    return sorted(p for p in Path(maps).iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name not in keep)


# ---------------------------------------------------------------------------------------------
# The index page. Written by hand rather than templated: it is short, and every string that
# came from the manifest or the article passes through html.escape on the way in.

_INDEX_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{title}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; color: #222; max-width: 920px;
       margin: 2em auto; padding: 0 1em; }}
section {{ margin: 3em 0; }}
.summary {{ color: #555; }}
pre {{ background: #f4f5f7; border-radius: 4px; padding: .8em 1em; overflow-x: auto;
      font-size: 13px; line-height: 1.4; }}
.routes-embed {{ margin: 1em 0; border: 1px solid #ccc; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>Each map below was drawn by Routes from a short trip report bundled with it, written
for this gallery in the style of a news story. Solid lines and filled circles are what the
text reports as done; dashed lines and open circles are what it only announces or guesses.
Every map is an HTML fragment pasted into this page, the way you would put one on your own
static site; each also has a full page and the route as GeoJSON. Regenerate them all with
<code>routes gallery</code>.</p>
"""

_INDEX_FOOT = """<p><small>Places from <a href="https://www.geonames.org/">GeoNames</a>
(CC BY 4.0); map tiles &copy; OpenStreetMap contributors.</small></p>
</body>
</html>
"""


def _section(example: Example, summary: str, fragment: str) -> str:
    e = html.escape
    # The sample is HTML a reader copies, so its title is escaped for HTML (only what must
    # be), then the whole sample is escaped again to show as text.
    name = html.escape(example.title, quote=False).replace('"', "&quot;")
    sample = (
        f"<!-- Copy {example.id}.fragment.html into your site and paste its contents\n"
        "     where the map should appear; it brings its own scripts and styles. -->\n"
        "<article>\n"
        f"  <h2>{name}</h2>\n"
        f"  <!-- contents of {example.id}.fragment.html -->\n"
        "</article>\n\n"
        "<!-- With a static site generator (Jekyll, Eleventy, Jinja): -->\n"
        f'{{% include "{example.id}.fragment.html" %}}\n\n'
        "<!-- Or show the full page in a frame: -->\n"
        f'<iframe src="{example.id}.html" width="100%" height="480"\n'
        f'        title="{name}"></iframe>\n'
    )
    return (
        f'<section id="{example.id}">\n'
        f"<h2>{e(example.title)}</h2>\n"
        f"<p>{e(example.description)}</p>\n"
        f'<p class="summary">Report of {e(example.published)} '
        f"(<code>{e(example.file.name)}</code>). Routes reads: {e(summary)}.</p>\n"
        f"{fragment}"
        f'<p><a href="{example.id}.html">Full page</a> · '
        f'<a href="{example.id}.geojson">GeoJSON</a> · '
        f'<a href="{example.id}.fragment.html">Fragment</a></p>\n'
        f"<pre><code>{e(sample)}</code></pre>\n"
        "</section>\n"
    )


def _index(title: str, sections: list[str]) -> str:
    return _INDEX_HEAD.format(title=html.escape(title)) + "".join(sections) + _INDEX_FOOT
