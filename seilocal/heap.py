"""The app's start-up objects, set aside from the garbage collector once the app is ready to serve.

CPython's full collection walks every tracked object of the process. After a start that is some hundred thousand
objects (NiceGUI, FastAPI and pydantic's classes and functions, the pages, the store and its catalog) that live
as long as the process, so each full collection walked all of them for nothing: in `bench/validate.py` a full
collection cost ~18 ms for the imports alone, and a 1,000-contact validation set off about one
(docs/performance.md, issue 23.3). `gc.freeze()` moves the objects alive now to a permanent generation that
collections skip. No collection is run first: it would stall the first page for as long as the walk it saves,
and the few cycles of start-up garbage it would free are not worth that.

The youngest generation is then collected after YOUNG_THRESHOLD new objects instead of CPython's 700. A
1,000-contact validation makes some 11,000 objects that live until its findings are ready: at 700 the collector
walked them (and the older generations behind them) 15 times a validation, ~2.5 ms of ~30, and freed nothing,
as they were all still in use; they die by reference counting when the validation ends.

A closed page is cyclic garbage (its elements, editor and findings refer to each other), and with the young
generation collected this seldom it reached the old one and waited there: `bench/page_memory.py` kept 580 kB
an open, where it had kept 29. So the app asks for one full collection (`GarbageSweep`) a moment after NiceGUI
deletes a page's client; when it deletes many at once (its pruning of tabs long gone), one collection serves
them all.
"""

from __future__ import annotations

import asyncio
import gc

YOUNG_THRESHOLD = 50_000


def settle_heap() -> int:
    """Keep every object alive now out of later collections, and collect the young ones less often; the number
    of objects set aside in all."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
    return gc.get_freeze_count()


class GarbageSweep:
    """One full collection `delay` seconds after the first request; requests until then add nothing."""

    def __init__(self, delay: float = 1.0) -> None:
        self.delay = delay
        self._pending: asyncio.TimerHandle | None = None

    def request(self) -> None:
        """Ask for a collection soon (from the event loop); with no loop running, collect now."""
        if self._pending is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            gc.collect()
            return
        self._pending = loop.call_later(self.delay, self._sweep)

    def _sweep(self) -> None:
        self._pending = None
        gc.collect()
