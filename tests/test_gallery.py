"""The committed map gallery in ``maps/`` is exactly what ``routes gallery`` makes today.

The gallery is regenerated with the real command into a temporary folder and compared byte for
byte, so a change to extraction or rendering that alters any map fails here until the gallery is
regenerated and committed with it. The index page must show every map and escape the text it
quotes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLES = ROOT / "examples"
MAPS = ROOT / "maps"
STALE = "gallery is stale: run `routes gallery`"


@pytest.fixture(scope="module")
def fresh(gazetteer, tmp_path_factory) -> Path:
    """The gallery regenerated from ``examples/`` with the real CLI."""
    out = tmp_path_factory.mktemp("gallery")
    result = run_cli("gallery", "examples", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def test_committed_gallery_is_current(fresh: Path):
    committed, made = _files(MAPS), _files(fresh)
    missing, extra = sorted(made - committed), sorted(committed - made)
    assert not missing, f"{STALE} (missing from maps/: {', '.join(missing)})"
    assert not extra, f"{STALE} (not made by it, remove from maps/: {', '.join(extra)})"
    differ = sorted(n for n in made if (MAPS / n).read_bytes() != (fresh / n).read_bytes())
    assert not differ, f"{STALE} (out of date: {', '.join(differ)})"


def test_gallery_has_every_example(fresh: Path):
    manifest = json.loads((EXAMPLES / "gallery.json").read_text(encoding="utf-8"))
    ids = [m["id"] for m in manifest["maps"]]
    assert len(ids) >= 3
    expected = {"index.html"} | {f"{i}{s}" for i in ids
                                 for s in (".html", ".geojson", ".fragment.html")}
    assert _files(fresh) == expected
    index = (fresh / "index.html").read_text(encoding="utf-8")
    for i in ids:
        fragment = (fresh / f"{i}.fragment.html").read_text(encoding="utf-8")
        assert fragment.startswith('<div class="routes-embed">')
        assert fragment in index  # the page shows the fragment exactly as a user would paste it
        assert f'id="map_{i.replace("-", "_")}_0001"' in index
        assert f'href="{i}.html"' in index and f'href="{i}.geojson"' in index
        page = fresh / f"{i}.html"
        assert page.stat().st_size < 1_000_000
        route = json.loads((fresh / f"{i}.geojson").read_text(encoding="utf-8"))
        assert any(f["properties"]["role"] == "stop" for f in route["features"])
    # Several maps share one page: no element id may repeat, and none is left random.
    element_ids = re.findall(r'\bid="([^"]+)"', index)
    assert len(element_ids) == len(set(element_ids))
    assert not re.search(r"[0-9a-f]{32}", index)


def test_index_escapes_article_and_manifest_text(gazetteer, tmp_path: Path):
    examples, maps = tmp_path / "examples", tmp_path / "maps"
    examples.mkdir()
    payload = "<script>window.__pwned=1</script>"
    (examples / "hostile.txt").write_text(
        f"Kim's train {payload} reaches Khasan\n\n"
        "Kim Jong-un's train left Pyongyang on Sunday and arrived in Khasan on Tuesday. "
        f"{payload}\n",
        encoding="utf-8")
    (examples / "gallery.json").write_text(json.dumps({
        "title": f"Gallery {payload}",
        "maps": [{"id": "hostile", "file": "hostile.txt", "published": "2023-09-13",
                  "title": f"Title {payload}", "description": f"Description {payload}"}],
    }), encoding="utf-8")
    result = run_cli("gallery", str(examples), str(maps))
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "hostile.html", "hostile.fragment.html"):
        text = (maps / name).read_text(encoding="utf-8")
        assert "__pwned" in text  # the text is there ...
        assert payload not in text  # ... but never as markup
    index = (maps / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in index


def test_bad_manifest_is_one_line_error(tmp_path: Path):
    (tmp_path / "gallery.json").write_text('{"maps": [{"id": "Bad Id"}]}', encoding="utf-8")
    result = run_cli("gallery", str(tmp_path), str(tmp_path / "maps"))
    assert result.returncode == 1
    assert result.stderr.startswith("routes: error:") and result.stderr.count("\n") == 1
    assert not (tmp_path / "maps").exists()
