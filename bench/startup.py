"""Start-up from source: `python -m seilocal` on a fresh and on an existing data folder, until the list is served.

The same measurement as `packaging/smoke_test.py` (seconds from launch until the forms list is served), without
building the executable first, so a change to the start-up path can be measured side by side. Ends with
`BENCH startup_source ...`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# packaging/ is no package (and `packaging` is a pip package's name): load the smoke test by its path.
_spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "packaging" / "smoke_test.py")
smoke_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(smoke_test)


def main(argv: list[str] | None = None) -> int:
    """Run the start-up N times from source (run 1 on a fresh folder) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.setdefault("SEILOCAL_PASSPHRASE", "startup bench passphrase")
    served = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            data_dir = Path(tmp) / ("first" if run == 0 else "again")
            _url_s, served_s = smoke_test.one_start(data_dir, [sys.executable, "-m", "seilocal"])
            served.append(served_s)
            print(f"run {run + 1}: forms list served after {served_s:.2f} s")
    again = served[1:] or served
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"BENCH startup_source first_serve_s={served[0]:.2f} median_serve_s={statistics.median(again):.2f} "
          f"min_serve_s={min(again):.2f} max_serve_s={max(again):.2f} budget_s=3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
