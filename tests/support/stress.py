"""`make test-stress`: the browser tier and the crash tests, run again and again, to show they cannot flake.

Ten runs in a row on the machine as it is, then one more with every core kept busy by load processes that this
script starts and always stops. Every run gets a fresh pytest temp folder, so every test gets a fresh Chromium
profile, data folder and app process; each run is spread over every core as `make test` spreads it. A run
fails the whole stress: a flaky test is to be fixed, not retried.

    python -m tests.support.stress [--runs 10] [--loaded-runs 1] [TEST PATH ...]

It ends with one line `STRESS runs=N failures=F loaded_runs=L time_s=T` (and the failing tests above it), and
exits 1 when any run failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.synchronize
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# As `make test` runs them (Makefile XDIST): on every core, a module's tests on one worker.
XDIST = ("-n", "auto", "--dist", "loadfile")
DEFAULT_PATHS = ("tests/browser", "tests/reliability/test_crash.py", "tests/reliability/test_crash_encryption.py")


@dataclass
class Run:
    """One pytest run: its number, whether it ran loaded, how long it took, and what failed."""

    number: int
    loaded: bool
    seconds: float
    exit_code: int
    summary: str
    failed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def _burn(stop: multiprocessing.synchronize.Event) -> None:
    """Keep one core busy until told to stop."""
    while not stop.is_set():
        sum(i * i for i in range(10_000))


@contextmanager
def cpu_load(cores: int) -> Iterator[None]:
    """Every core busy for the duration of the block; the load processes are stopped whatever happens."""
    stop = multiprocessing.Event()
    workers = [multiprocessing.Process(target=_burn, args=(stop,), daemon=True) for _ in range(cores)]
    for worker in workers:
        worker.start()
    try:
        yield
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()


def run_once(number: int, paths: list[str], loaded: bool) -> Run:
    """One pytest run of `paths` in a fresh temp folder (fresh Chromium profiles, data folders, apps)."""
    with tempfile.TemporaryDirectory(prefix=f"stress-{number}-") as base:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", *XDIST, f"--basetemp={base}/t",
             *paths],
            cwd=REPO, capture_output=True, text=True)
        seconds = time.monotonic() - started
    lines = done.stdout.strip().splitlines()
    summary = lines[-1] if lines else done.stderr.strip()[-300:]
    failed = [m.group(1) for m in re.finditer(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)]
    run = Run(number, loaded, seconds, done.returncode, summary, failed)
    if not run.ok:  # keep the whole output of a failed run: it is the evidence to fix the test with
        log = REPO / ".stress" / f"run-{number}.log"
        log.parent.mkdir(exist_ok=True)
        log.write_text(done.stdout + "\n" + done.stderr, encoding="utf-8")
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("STRESS_RUNS", "10")))
    parser.add_argument("--loaded-runs", type=int, default=int(os.environ.get("STRESS_LOADED_RUNS", "1")))
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    args = parser.parse_args(argv)

    started = time.monotonic()
    runs: list[Run] = []
    plan = [False] * args.runs + [True] * args.loaded_runs
    for number, loaded in enumerate(plan, start=1):
        if loaded:
            with cpu_load(os.cpu_count() or 2):
                run = run_once(number, args.paths, loaded=True)
        else:
            run = run_once(number, args.paths, loaded=False)
        runs.append(run)
        state = "ok  " if run.ok else "FAIL"
        print(f"run {number:2d} {'loaded' if loaded else 'quiet '} {state} {run.seconds:6.0f} s  {run.summary}",
              flush=True)
        for test in run.failed:
            print(f"        failed: {test}", flush=True)

    failures = sum(not run.ok for run in runs)
    total = time.monotonic() - started
    print(f"STRESS runs={len(runs)} failures={failures} loaded_runs={args.loaded_runs} "
          f"time_s={total:.0f} slowest_run_s={max((r.seconds for r in runs), default=0):.0f}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
