"""One running app per data dir: an OS file lock, and a small file that tells a second start the URL."""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

LOCK_FILE = "instance.lock"
INFO_FILE = "instance.json"


class InstanceLock:
    """Held for as long as the app runs; the OS drops it when the process dies, even on kill -9."""

    def __init__(self, data_dir: Path, *, platform: str = sys.platform) -> None:
        self.data_dir = data_dir
        self.platform = platform  # injected by the tests to run the Windows branch elsewhere
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another running instance holds it."""
        handle = (self.data_dir / LOCK_FILE).open("a+b")
        try:
            _lock_without_waiting(handle, self.platform)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def publish(self, url: str) -> None:
        """Tell later starts where this instance is (readable by the user only: the URL holds the token).

        On Windows the mode only decides read-only or not: there the data dir's place in the user's profile,
        whose access list admits only that user, SYSTEM and the administrators, keeps the file private.
        """
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
            if self.platform == "win32":  # Windows frees a closed file's locks only "when resources allow"
                _unlock_windows(self._handle)
            self._handle.close()
            self._handle = None


def _lock_without_waiting(handle: IO[bytes], platform: str) -> None:
    """Lock the open lock file for this process; OSError when another process holds it.

    Windows has no flock: msvcrt.locking takes a byte range from the current position (byte 0 here, which
    may lie past the end of the empty file) and fails at once with LK_NBLCK. Either lock dies with the process.
    The modules are imported by name: mypy checks for one platform and would flag the other one's module.
    """
    if platform == "win32":
        msvcrt: Any = importlib.import_module("msvcrt")
        handle.seek(0)  # "a+b" may leave the position at the end: every instance must lock the same byte
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl: Any = importlib.import_module("fcntl")
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_windows(handle: IO[bytes]) -> None:
    """Give the locked byte back at once, so a start right after this one finds the lock free."""
    msvcrt: Any = importlib.import_module("msvcrt")
    handle.seek(0)
    try:
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    except OSError:
        pass  # not locked after all: closing the file is all that is left to do


def running_url(data_dir: Path) -> str | None:
    """The URL of the instance that holds the lock, if it published one.

    After a hard stop (Windows' TerminateProcess, kill -9) the file may stay behind; it is read only while
    another process holds the lock, and the next instance that takes the lock overwrites it.
    """
    try:
        url = json.loads((data_dir / INFO_FILE).read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError):  # unreadable, not JSON, or JSON that is not an object
        return None
    return url if isinstance(url, str) else None
