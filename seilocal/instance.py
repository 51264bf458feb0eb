"""One running app per data dir: an OS file lock, and a small file that tells a second start the URL."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO

LOCK_FILE = "instance.lock"
INFO_FILE = "instance.json"


class InstanceLock:
    """Held for as long as the app runs; the OS drops it when the process dies, even on kill -9."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another running instance holds it."""
        handle = (self.data_dir / LOCK_FILE).open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def publish(self, url: str) -> None:
        """Tell later starts where this instance is (readable by the user only: the URL holds the token)."""
        path = self.data_dir / INFO_FILE
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"url": url, "pid": os.getpid()}, handle)

    def withdraw(self) -> None:
        """Remove the URL file (the app is stopping); the lock stays until the process ends."""
        (self.data_dir / INFO_FILE).unlink(missing_ok=True)

    def release(self) -> None:
        """Drop the lock and the URL file."""
        self.withdraw()
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def running_url(data_dir: Path) -> str | None:
    """The URL of the instance that holds the lock, if it published one."""
    try:
        return json.loads((data_dir / INFO_FILE).read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError):
        return None
