"""Regression guard: the geoparser's scores on a public corpus must not fall back.

Runs the shared scorer on TR-News (118 articles, a few seconds) through the real CLI. The
floors sit just under the figures measured when they were set; raise them as Routes improves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score_geoparse.py"
CORPUS = SHARED / "benchmarks" / "tr-news" / "tr-news.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared benchmarks not available")
def test_tr_news_scores(gazetteer):
    command = f"{sys.executable} -m routes places {{input}} -o {{output}}"
    result = subprocess.run([sys.executable, str(SCORER), str(CORPUS), "--cmd", command,
                             "--json"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["f1"] >= 0.80, scores
    assert scores["acc161"] >= 0.88, scores
    assert scores["e2e161"] >= 0.80, scores
