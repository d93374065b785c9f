"""Browser assets for Routes maps: Leaflet from an installed package, and Routes' own JS/CSS.

A map page needs Leaflet's JavaScript and stylesheet. folium links them from a CDN, which is
fine online but useless in a self-contained page (an e-mail attachment, an offline archive).
Routes does not copy third-party JavaScript into its own tree: it reads Leaflet from the PyPI
package ``django-js-lib-leaflet``, which ships Leaflet's release files and has no dependencies.
:data:`ASSETS` records, for each header link folium names (``"leaflet"``, ``"leaflet_css"``),
where the file lives, its version, licence and source, so :func:`inline_tag` can swap the link
for an inline copy.

Routes' own controls (title, legend, timeline) live in ``routes/mapjs/`` and are always
inlined: they are small and have no CDN home.

>>> from routes.assets import inline_tag
>>> inline_tag("leaflet").startswith("<script>")     # doctest: +SKIP
True
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import RoutesError

__all__ = ["ASSETS", "Asset", "inline_tag", "link_tag", "own_file"]


@dataclass(frozen=True)
class Asset:
    """One third-party file that can replace a named folium header link."""

    name: str
    kind: str  # "js" or "css"
    package: str
    path: str  # inside the package
    version: str
    licence: str
    source: str


_LEAFLET_DIR = "static/js_lib_leaflet"

ASSETS: dict[str, Asset] = {
    "leaflet": Asset(
        "leaflet", "js", "js_lib_leaflet", f"{_LEAFLET_DIR}/leaflet.js", "1.9.4",
        "BSD-2-Clause", "Leaflet (https://leafletjs.com) via PyPI django-js-lib-leaflet",
    ),
    "leaflet_css": Asset(
        "leaflet_css", "css", "js_lib_leaflet", f"{_LEAFLET_DIR}/leaflet.css", "1.9.4",
        "BSD-2-Clause", "Leaflet (https://leafletjs.com) via PyPI django-js-lib-leaflet",
    ),
}

# Leaflet's stylesheet points at images/*.png (the layer-control toggle uses layers.png); a
# self-contained page carries them as data: URIs.
_CSS_IMAGE = re.compile(r"url\((['\"]?)images/([A-Za-z0-9_.-]+\.png)\1\)")
# A source map comment would make browser dev tools request a file that is not there.
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def _read(package: str, path: str) -> bytes:
    try:
        return resources.files(package).joinpath(path).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise RoutesError(
            f"cannot inline {path}: package {package!r} is missing or incomplete "
            "(pip install django-js-lib-leaflet)"
        ) from exc


@cache
def _asset_text(name: str) -> str:
    asset = ASSETS[name]
    text = _read(asset.package, asset.path).decode("utf-8")
    if asset.kind == "css":
        folder = asset.path.rsplit("/", 1)[0]

        def data_uri(match: re.Match[str]) -> str:
            png = _read(asset.package, f"{folder}/images/{match.group(2)}")
            return f"url(data:image/png;base64,{base64.b64encode(png).decode('ascii')})"

        text = _CSS_IMAGE.sub(data_uri, text)
    else:
        text = _SOURCE_MAP.sub("", text)
    _check_inlinable(name, text, asset.kind)
    return text


def _check_inlinable(name: str, text: str, kind: str) -> None:
    # An inline copy ends at the first closing tag of its kind, whatever the file means.
    closing = "</script" if kind == "js" else "</style"
    if closing in text.lower():
        raise RoutesError(f"cannot inline {name}: it contains {closing}")


@cache
def own_file(name: str) -> str:
    """The text of one of Routes' own map files (``routes/mapjs/<name>``)."""
    text = resources.files("routes").joinpath("mapjs", name).read_text(encoding="utf-8")
    _check_inlinable(name, text, "js" if name.endswith(".js") else "css")
    return text


def inline_tag(name: str) -> str:
    """An inline ``<script>`` or ``<style>`` holding the asset folium links as ``name``.

    Leaflet's script is wrapped in a check for ``window.L`` so that two self-contained fragments
    on one page load it once; the second map uses the first copy.
    """
    if name not in ASSETS:
        raise RoutesError(f"cannot inline {name!r}: no packaged copy is known")
    asset = ASSETS[name]
    text = _asset_text(name)
    if asset.kind == "css":
        return f"<style>/* {asset.source}, {asset.version}, {asset.licence} */\n{text}</style>"
    if name == "leaflet":
        text = f'if (typeof window.L === "undefined") {{\n{text}\n}}'
    return f"<script>/* {asset.source}, {asset.version}, {asset.licence} */\n{text}\n</script>"


def link_tag(kind: str, url: str) -> str:
    """A ``<script src>`` or stylesheet ``<link>`` for ``url`` (attribute-escaped)."""
    from html import escape

    if kind == "js":
        return f'<script src="{escape(url)}"></script>'
    return f'<link rel="stylesheet" href="{escape(url)}"/>'
