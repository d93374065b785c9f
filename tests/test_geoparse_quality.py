"""Regression guard: the geoparser's scores on public corpora must not fall back.

Runs the shared scorer through the real CLI (TR-News, LGL, GeoWebNews: about 15 s together).
The floors sit just under the figures measured when they were set; raise them as Routes
improves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score_geoparse.py"
FLOORS = {  # corpus: (F1, acc@161, e2e@161)
    "tr-news": (0.82, 0.92, 0.86),
    "lgl": (0.81, 0.90, 0.79),
    "geowebnews": (0.86, 0.90, 0.77),
}


@pytest.mark.parametrize("corpus", FLOORS)
def test_scores_do_not_fall(gazetteer, corpus):
    gold = SHARED / "benchmarks" / corpus / f"{corpus}.jsonl"
    if not gold.exists():
        pytest.skip("shared benchmarks not available")
    command = f"{sys.executable} -m routes places {{input}} -o {{output}}"
    result = subprocess.run([sys.executable, str(SCORER), str(gold), "--cmd", command,
                             "--json"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    f1, acc, e2e = FLOORS[corpus]
    assert scores["f1"] >= f1, scores
    assert scores["acc161"] >= acc, scores
    assert scores["e2e161"] >= e2e, scores
