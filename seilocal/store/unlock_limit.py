"""How fast a data folder's passphrase may be guessed: one try at a time, then a delay that grows (issue 22).

The unlock page counted its three tries per page and checked the count before the key derivation's await, so
guesses sent 25 ms apart over the socket (or from a reloaded page) all ran. This limit belongs to the folder,
for the whole process: every page, socket and reload shares it. One guess runs at a time; after FREE_TRIES wrong
ones each further guess must wait, twice as long each time, up to MAX_DELAY. A right passphrase resets it.

The recovery key is not limited: it is 128 random bits, never guessed, and it is the way out of a lockout.
The limit lives in memory: restarting the app resets it, which needs the user's own account, and that account
can read encryption.json and try passphrases offline anyway (scrypt is what protects against that).
"""

from __future__ import annotations

import math
import threading
import time
from pathlib import Path

FREE_TRIES = 3
FIRST_DELAY = 30.0  # seconds after the third wrong guess; doubled for each further one
MAX_DELAY = 15 * 60.0


def now() -> float:
    """The limit's clock (tests replace it instead of waiting)."""
    return time.monotonic()


class TooSoon(Exception):
    """Not tried: another guess is running (`wait` 0) or the delay after the last wrong one is not over."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"wait {wait:.0f} s")
        self.wait = wait

    @property
    def seconds(self) -> int:
        """The wait in whole seconds, rounded up (what the page shows)."""
        return max(1, math.ceil(self.wait))


class UnlockLimit:
    """The guesses at one folder's passphrase: one at a time, and a growing delay after FREE_TRIES wrong ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = False
        self.failures = 0
        self._next = 0.0

    def delay(self) -> float:
        """The wait after the wrong guesses so far."""
        if self.failures < FREE_TRIES:
            return 0.0
        return min(FIRST_DELAY * 2.0 ** (self.failures - FREE_TRIES), MAX_DELAY)

    def begin(self) -> None:
        """Start a guess, or raise TooSoon; every begin is followed by one `end`."""
        with self._lock:
            if self._busy:
                raise TooSoon(0.0)
            wait = self._next - now()
            if wait > 0:
                raise TooSoon(wait)
            self._busy = True

    def end(self, wrong: bool) -> None:
        """The guess is over: a wrong one adds to the delay, a right one clears it."""
        with self._lock:
            self._busy = False
            if wrong:
                self.failures += 1
                self._next = now() + self.delay()
            else:
                self.failures, self._next = 0, 0.0

    @property
    def tries_left(self) -> int:
        """Wrong guesses still possible before the first delay."""
        return max(0, FREE_TRIES - self.failures)


_limits: dict[Path, UnlockLimit] = {}
_limits_lock = threading.Lock()


def for_folder(data_dir: Path) -> UnlockLimit:
    """The one limit of a data folder in this process."""
    key = Path(data_dir).resolve()
    with _limits_lock:
        return _limits.setdefault(key, UnlockLimit())
