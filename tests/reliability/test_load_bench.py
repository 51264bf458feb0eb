"""The load bench in a short run: 10 clients on one database file, no error and no lost edit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


def test_ten_clients_for_a_few_seconds_lose_nothing(tmp_path):
    run = subprocess.run([sys.executable, str(BENCH), "--seconds", "4", "--data-dir", str(tmp_path / "data")],
                         capture_output=True, text=True, timeout=120)
    last = run.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"BENCH load clients=10 seconds=4 edits=(\d+) errors=(\d+) lost=(\d+) "
                         r"p50_ms=[\d.]+ p95_ms=([\d.]+)", last)
    assert match, run.stdout + run.stderr
    edits, errors, lost, _p95 = match.groups()
    assert run.returncode == 0 and int(errors) == 0 and int(lost) == 0
    assert int(edits) >= 100  # every client got work done
