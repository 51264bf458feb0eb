"""Shared fixtures: a store in a temp data dir, the pages registered for the user fixture, a real app process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIXED_NOW = datetime(2026, 11, 25, 10, 30, 0)

# The whole suite runs on a set day, whatever the calendar says: the clock of this process (seilocal.clock reads
# it on import) and of every app or CLI process a test starts (they inherit the environment). A test about the
# clock itself sets its own.
os.environ["SEILOCAL_NOW"] = FIXED_NOW.isoformat()
os.environ["SEILOCAL_PASSPHRASE"], os.environ["SEILOCAL_SCRYPT_N"] = "test passphrase", "1024"  # encrypted, fast


@pytest.fixture
def store(tmp_path):
    """An opened store in a fresh data dir."""
    from seilocal.store import open_store

    opened = open_store(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
async def app_user(user, store):
    """The NiceGUI user fixture with the app's pages registered on a fresh store and a fixed clock."""
    from seilocal.pages.context import AppContext
    from seilocal.pages.routes import register_pages

    ctx = AppContext(store=store, clock=lambda: FIXED_NOW)
    register_pages(ctx)
    user.ctx = ctx
    yield user


@dataclass
class RunningApp:
    """A real `python -m seilocal` process, started the way a user starts it (minus the browser)."""

    process: subprocess.Popen
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


@pytest.fixture
def running_app(tmp_path) -> Iterator[RunningApp]:
    """A real app process on a fresh data dir."""
    app = start_app(tmp_path / "data")
    yield app
    stop_app(app)
