"""Smoke test of the built executable: start it on a temp data dir, fetch the forms list with the token, stop.

The data dir is encrypted from the first start: the database file must not start with "SQLite format 3".
(SEILOCAL_PASSPHRASE stands in for the OS keyring a build machine may not have.)

Also the start-up benchmark: seconds from launch until the first page is served (budget 3 s).
Ends with `BENCH startup ...`.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / "dist" / "seilocal" / ("seilocal.exe" if os.name == "nt" else "seilocal")
RUNS = 3


def one_start(data_dir: Path, command: list[str] | None = None) -> tuple[float, float]:
    """Start the executable (or `command`); return (seconds until the URL is printed, until the list is served)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_CURRENT_TEST", "SEILOCAL_DATA_DIR")}
    env.setdefault("SEILOCAL_PASSPHRASE", "smoke test passphrase")
    # UTF-8 both ways: on Windows a pipe would otherwise carry the ANSI code page, and the printed data dir
    # may hold any letter of the user's name.
    env["PYTHONIOENCODING"] = "utf-8"
    started = time.perf_counter()
    process = subprocess.Popen([*(command or [str(EXE)]), "--no-browser", "--data-dir", str(data_dir)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                               errors="replace", env=env)
    try:
        url = None
        output = []
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            match = re.search(r"running at (http://127\.0\.0\.1:\d+/\?token=\S+)", line)
            if match:
                url = match.group(1)
                break
        if url is None:
            raise SystemExit("smoke test FAILED: the executable did not print its URL:\n" + "".join(output))
        url_s = time.perf_counter() - started
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(url, timeout=10) as response:
            page = response.read().decode("utf-8")
            status = response.status
        served_s = time.perf_counter() - started
        if status != 200 or "SEI-LPR lokal" not in page:
            raise SystemExit(f"smoke test FAILED: status {status}, page without the app's title")
        if "/*! tailwindcss v" not in page or "tailwindcss.min.js" in page:
            raise SystemExit("smoke test FAILED: the page lacks the bundled assets/css/tailwind.css")
        with urllib.request.urlopen(url.split("?")[0], timeout=10) as _:  # noqa: S310
            raise SystemExit("smoke test FAILED: a request without the token was served")
    except urllib.error.HTTPError as exc:
        if exc.code != 401:
            raise SystemExit(f"smoke test FAILED: without the token the app answered {exc.code}, not 401") from exc
    finally:
        process.terminate()  # SIGTERM on POSIX; TerminateProcess on Windows (no shutdown hooks: see instance.py)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    return url_s, served_s


def main() -> int:
    """Run the smoke test and the start-up benchmark."""
    if not EXE.exists():
        print(f"smoke test FAILED: {EXE} not found; run `make dist` first", file=sys.stderr)
        return 1
    size_mb = sum(p.stat().st_size for p in EXE.parent.rglob("*") if p.is_file()) / 1e6
    served = []
    # Windows may hold a file of the stopped process for a moment longer: a leftover temp dir is not a failure.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        for run in range(RUNS):
            data_dir = Path(tmp) / ("first" if run == 0 else "again")  # run 0: a fresh data dir (first start)
            url_s, served_s = one_start(data_dir)
            served.append(served_s)
            header = (data_dir / "seilocal.sqlite3").read_bytes()[:16]
            if header == b"SQLite format 3\x00":
                raise SystemExit("smoke test FAILED: the database file is not encrypted")
            print(f"run {run + 1}: URL after {url_s:.2f} s, forms list served after {served_s:.2f} s")
    print("smoke test passed: the executable starts, serves the forms list (with its compiled CSS) with the token, "
          "refuses without it, and its database file is encrypted")
    print(f"BENCH startup dist_mb={size_mb:.0f} first_serve_s={served[0]:.2f} "
          f"median_serve_s={statistics.median(served):.2f} max_serve_s={max(served):.2f} budget_s=3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
