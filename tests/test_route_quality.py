"""Regression guard: route extraction on the shared hand-annotated trip texts.

Runs ``score_routes.py`` through the real CLI (eight texts, about 15 s). The floors sit just
under the figures measured when they were set; raise them as Routes improves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score_routes.py"
FLOORS = {"recall": 0.90, "precision": 0.93, "order": 0.95, "status": 0.95, "certainty": 0.95}


def test_route_scores_do_not_fall(gazetteer):
    gold = SHARED / "eval" / "routes"
    if not gold.exists():
        pytest.skip("shared eval texts not available")
    command = (f"{sys.executable} -m routes map {{input}} --published {{published}} "
               "--format geojson -o {output}")
    result = subprocess.run([sys.executable, str(SCORER), str(gold), "--cmd", command, "--json"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    for key, floor in FLOORS.items():
        assert summary[key] >= floor, (key, summary)
    assert summary["traps"] == 0 and summary["errors"] == 0, summary
