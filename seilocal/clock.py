"""The process's clock: the wall clock, or, for tests and demonstrations, a clock started at a set instant.

Everything that asks "what time is it" (deadlines, the next-step hint, audit rows, submissions, the CLI) asks
`now()`, so a test can start the real app process on a chosen day with `SEILOCAL_NOW=2026-11-25T10:30:00` and
get the same screens on any day it runs. The set clock still advances with real time, so order is kept.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

ENV = "SEILOCAL_NOW"

Clock = Callable[[], datetime]


def clock_from(environ: Mapping[str, str]) -> Clock:
    """The wall clock, or a clock starting at `environ[SEILOCAL_NOW]` (ISO 8601, local time) when it is set."""
    text = environ.get(ENV, "").strip()
    if not text:
        return datetime.now
    try:
        start = datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        print(f"warning: {ENV} is not an ISO date-time (e.g. 2026-11-25T10:30:00); using the real clock",
              file=sys.stderr)
        return datetime.now
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)


_clock: Clock = clock_from(os.environ)


def now() -> datetime:
    """The current local time by the process's clock."""
    return _clock()
