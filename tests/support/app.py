"""The real app as a child process, started the way a user starts it (minus the browser), and stopped."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class RunningApp:
    """A real `python -m seilocal` process, started the way a user starts it (minus the browser)."""

    process: subprocess.Popen[bytes]
    url: str
    port: int
    token: str
    data_dir: Path
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_app(data_dir: Path, *extra: str, timeout: float = 30.0) -> RunningApp:
    """Start the app as a child process and wait until it prints its URL."""
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env.pop("SEILOCAL_DATA_DIR", None)
    log = data_dir.parent / f"app-{data_dir.name}.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "seilocal", "--no-browser", "--data-dir", str(data_dir), *extra],
        stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=data_dir,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(r"running at (http://127\.0\.0\.1:(\d+)/\?token=(\S+))", log.read_text())
        if match:
            return RunningApp(process, match.group(1), int(match.group(2)), match.group(3), data_dir, log)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the app did not start:\n{log.read_text()}")


def stop_app(app: RunningApp) -> None:
    """Stop the app process."""
    app.process.terminate()
    try:
        app.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()
        app.process.wait()


@dataclass
class SharedApp:
    """One real app for a whole module, over forms made before it started; each test takes a form of its own
    (`take`), so no test sees another's edits."""

    app: RunningApp
    made: tuple[int, ...] = ()  # every form made before the start, in the order `take` hands them out
    taken: int = 0

    def take(self) -> int:
        """The number of a prepared form no test of the module has had yet."""
        assert self.taken < len(self.made), "the module's app has fewer prepared forms than the module has tests"
        self.taken += 1
        return self.made[self.taken - 1]


def shared_app_over(folder: Path, new_data_dir: Path,
                    fill: Callable[..., list[int]] | None = None) -> Iterator[SharedApp]:
    """A module's `SharedApp` over a copy of `new_data_dir` in `folder`, after `fill(store)` (when given) has made
    the forms (their numbers, as `fill` returns them)."""
    from seilocal.store import open_store

    data = shutil.copytree(new_data_dir, folder / "data")
    numbers: list[int] = []
    if fill is not None:
        store = open_store(data)
        numbers = fill(store)
        store.close()
    app = start_app(data)
    yield SharedApp(app, tuple(numbers))
    stop_app(app)
