"""Start-up from source: `python -m seilocal` on new and on an existing data folder, until the list is served.

The same measurement as `packaging/smoke_test.py` (seconds from launch until the forms list is served), without
building the executable first, so a change to the start-up path can be measured side by side. Issue 20's budget
is a new data folder's first start (<= 1.5 s with the full catalog), so the odd runs start a new folder each and
the even runs start the same existing one. The machine may be shared: each start's CPU time (the child's user +
system time, from launch until it is stopped) is printed beside its wall time. Ends with
`BENCH startup_source ...`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# packaging/ is no package (and `packaging` is a pip package's name): load the smoke test by its path.
_spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "packaging" / "smoke_test.py")
assert _spec is not None and _spec.loader is not None
smoke_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(smoke_test)

FIRST_START_BUDGET_S = 1.5  # issue 20: a new data folder, executable to the first page


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the start-up N times from source (odd runs on a new folder) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args(argv)
    os.environ.setdefault("SEILOCAL_PASSPHRASE", "startup bench passphrase")
    fresh: list[tuple[float, float]] = []
    again: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            new = run % 2 == 0
            data_dir = Path(tmp) / (f"new{run}" if new else "again")
            cpu = _children_cpu()
            _url_s, served_s = smoke_test.one_start(data_dir, [sys.executable, "-m", "seilocal"])
            cpu = _children_cpu() - cpu
            (fresh if new else again).append((served_s, cpu))
            print(f"run {run + 1} ({'new folder' if new else 'existing folder'}): forms list served after "
                  f"{served_s:.2f} s, CPU {cpu:.2f} s")
    load = os.getloadavg()[0]
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    again = again or fresh
    walls = [w for w, _ in again]
    print(f"BENCH startup_source first_serve_s={statistics.median(w for w, _ in fresh):.2f} "
          f"first_min_s={min(w for w, _ in fresh):.2f} first_cpu_s={statistics.median(c for _, c in fresh):.2f} "
          f"median_serve_s={statistics.median(walls):.2f} min_serve_s={min(walls):.2f} "
          f"cpu_s={statistics.median(c for _, c in again):.2f} budget_first_s={FIRST_START_BUDGET_S} "
          f"budget_s=3 load={load:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
