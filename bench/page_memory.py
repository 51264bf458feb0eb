"""Benchmark: the app's memory stays flat while forms are opened again and again (issue 23.4).

A practitioner opens forms all day. Each open builds a page (a NiceGUI client with its elements, the form's editor,
its findings); when the tab is gone NiceGUI deletes the client (one never connected, as here, after 60 s), and
the page must go with it. Until 2026-12-07 the RI actions' state was kept in a module-level table whose values
referred back to the page, so every page ever opened stayed: ~0.6 MB for each open of a 20-contact form.

Measured on the real app process (`GET /skema/1` with the token cookie, a 20-contact form): RSS after a first
batch of opens once NiceGUI has pruned their clients, then after each further batch, pruned too. What a batch
leaves behind, divided by its opens, is the figure: ~0 when pages are freed (the allocator reuses their memory).
Run: .venv/bin/python bench/page_memory.py  (about 4 minutes: NiceGUI prunes a client 60 s after its page)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from bench.form_edit import rss_mb  # noqa: E402
from seilocal.store import open_store  # noqa: E402
from tests.support.app import start_app, stop_app  # noqa: E402
from tests.support.keyboard import twenty_contacts_form  # noqa: E402

OPENS = 60  # pages a batch opens
PRUNED_AFTER_S = 75.0  # NiceGUI deletes a client that never connected 60 s after its page, checked every few s
BUDGET_KB = 50  # retained per open, averaged over the later batches


def _measure(data: Path) -> tuple[float, float, float]:
    """RSS (MB) of the app over `data` after each of three batches of opens, each batch's clients pruned."""
    store = open_store(data)
    store.forms.create(twenty_contacts_form())
    store.close()
    app = start_app(data)
    try:
        with httpx.Client(follow_redirects=True, timeout=120) as client:
            client.get(app.url)  # the token URL sets the session cookie

            def batch() -> float:
                for _ in range(OPENS):
                    client.get(f"{app.base}/skema/1").raise_for_status()
                time.sleep(PRUNED_AFTER_S)
                return rss_mb(app.process.pid)

            first = batch()  # the allocator's arenas and every cache warm
            return first, batch(), batch()
    finally:
        stop_app(app)


def main() -> None:
    """Open the form in batches and print what each batch left behind."""
    os.environ.setdefault("SEILOCAL_PASSPHRASE", "bench")
    # A folder of its own, removed afterwards: the form is made up, but a bench leaves no database behind.
    with tempfile.TemporaryDirectory(prefix="seilocal-bench-") as tmp:
        first, second, third = _measure(Path(tmp) / "data")
    retained_kb = (third - first) * 1024 / (2 * OPENS)
    print(f"RSS after {OPENS} opens (pruned): {first:.0f} MB; after {2 * OPENS}: {second:.0f} MB; "
          f"after {3 * OPENS}: {third:.0f} MB")
    print(f"BENCH page_memory opens={3 * OPENS} rss_first_mb={first:.0f} rss_last_mb={third:.0f} "
          f"retained_kb_per_open={retained_kb:.0f} budget_kb_per_open={BUDGET_KB} load={os.getloadavg()[0]:.1f}")
    if retained_kb > BUDGET_KB:
        sys.exit(1)


if __name__ == "__main__":
    main()
