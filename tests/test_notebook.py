"""The tutorial notebook ``examples/explore.ipynb`` runs top to bottom in a real Jupyter kernel.

A notebook is the first thing many users open, and nothing else exercises what it shows: the
inline map (``Route._repr_html_`` through IPython's display machinery, not a direct call), the
tables as a kernel renders them, and the save and CLI cells. So the test executes it as Jupyter
would, with nbclient and an ipykernel, and fails on any cell error or warning a reader would see.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import install
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "examples" / "explore.ipynb"


@pytest.fixture
def kernel_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private Jupyter set-up whose ``python3`` kernel is this interpreter.

    The ``python3`` spec that ipykernel ships says ``python``, and whichever spec Jupyter finds
    first wins: a user's or system-wide one could start another Python without Routes. Writing
    our own spec (argv = ``sys.executable``) and putting it first on ``JUPYTER_PATH`` pins the
    kernel. Runtime files, the IPython profile (a user's startup scripts must not change the
    result) and ``tempfile`` all go under ``tmp_path``, so the run leaves nothing behind.
    """
    install(prefix=str(tmp_path / "jupyter-prefix"), kernel_name="python3")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter-prefix" / "share" / "jupyter"))
    for name, folder in (("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython"),
                         ("TMPDIR", "tmp")):
        (tmp_path / folder).mkdir()
        monkeypatch.setenv(name, str(tmp_path / folder))
    work = tmp_path / "work"
    work.mkdir()
    return work


def _outputs(cell) -> list:
    return cell.get("outputs", [])


def _html(cell) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in _outputs(cell)
                   if o["output_type"] in ("execute_result", "display_data"))


def _cell(nb, needle: str):
    """The first code cell whose source contains ``needle``: found by content, not position,
    so adding a cell to the tutorial does not break the test."""
    for cell in nb.cells:
        if cell.cell_type == "code" and needle in cell.source:
            return cell
    raise AssertionError(f"no code cell contains {needle!r}")


def test_notebook_is_stored_without_outputs():
    """Outputs embed whole map pages (tens of kB each) and change on every run; stored clean,
    the notebook stays small and its diffs show only what a person edited."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.source
            assert cell.execution_count is None, cell.source
    assert json.loads(NOTEBOOK.read_text(encoding="utf-8"))["nbformat"] == 4


def test_notebook_runs_top_to_bottom(gazetteer, kernel_env: Path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=600, startup_timeout=120,
                            resources={"metadata": {"path": str(kernel_env)}})
    client.execute()  # raises CellExecutionError, with the traceback, on the first failing cell

    for cell in nb.cells:
        for output in _outputs(cell):
            assert output["output_type"] != "error", cell.source
            # A warning in a tutorial (deprecations, a tile provider wanting a key) is the
            # first thing a new user sees, and suggests they did something wrong.
            assert not (output["output_type"] == "stream" and output["name"] == "stderr"), (
                f"{cell.source}\n---\n{output['text']}")

    # The route shows itself as its map: _repr_html_ went through the kernel's display.
    assert "leaflet" in _html(_cell(nb, "routes.track(")).lower()
    assert "leaflet" in _html(_cell(nb, "route.map(")).lower()

    # The story the markdown tells still matches what Routes reads from the report.
    printed = "".join(o.get("text", "") for o in _outputs(_cell(nb, "print(route.summary)")))
    assert "last known: Udon Thani" in printed, printed

    # Saved files went to the kernel's temporary folder, not into the repository.
    assert not list(ROOT.glob("examples/my_route*"))
    assert list((kernel_env.parent / "tmp").glob("routes-*/my_route.html"))
