"""Shared fixtures: one gazetteer index per test session, built on first use like a user's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from routes.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The real index at the default path (``ROUTES_CACHE_DIR`` or the user cache)."""
    gaz = Gazetteer()
    gaz.ensure()
    return gaz


@pytest.fixture
def index_copy(gazetteer: Gazetteer, tmp_path: Path) -> Path:
    """A private copy of the index, for tests that modify or break it."""
    folder = tmp_path / "cache"
    folder.mkdir()
    shutil.copy2(gazetteer.path, folder / gazetteer.path.name)
    return folder


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None):
    """Run the real ``routes`` command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "routes", *args],
        capture_output=True, text=True, env=env, cwd=cwd, stdin=subprocess.DEVNULL, timeout=600,
    )
