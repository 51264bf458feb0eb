"""The real app as a child process, started the way a user starts it (minus the browser), and stopped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
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
