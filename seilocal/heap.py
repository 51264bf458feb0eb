"""The app's start-up objects, set aside from the garbage collector once the app is ready to serve.

CPython's full collection walks every tracked object of the process. After a start that is some hundred thousand
objects (NiceGUI, FastAPI and pydantic's classes and functions, the pages, the store and its catalog) that live
as long as the process, so each full collection walked all of them for nothing: in `bench/validate.py` a full
collection cost ~18 ms for the imports alone, and a 1,000-contact validation set off about one
(docs/performance.md, issue 23.3). `gc.freeze()` moves the objects alive now to a permanent generation that
collections skip. No collection is run first: it would stall the first page for as long as the walk it saves,
and the few cycles of start-up garbage it would free are not worth that.
"""

from __future__ import annotations

import gc


def settle_heap() -> int:
    """Keep every object alive now out of later collections; the number of objects set aside in all."""
    gc.freeze()
    return gc.get_freeze_count()
