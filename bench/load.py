"""Load: 10 clients edit 10 different forms at once for 60 s against one database file; no error, no lost edit.

What it measures: each client is a thread with its own SQLite connection (open_database, as the app opens
it: WAL, synchronous NORMAL, busy_timeout 5 s) and its own FormStore, and saves edits through the app's save
path (FormStore.save_edit: one transaction with its audit row and the optimistic revision check) as fast as
it can, with no pause for typing. That is harsher than the app, where every browser tab's edit goes through
the one connection of the server: here 10 writers contend for SQLite's single write lock, so the figure
includes waiting for the lock. Browser, WebSocket and NiceGUI rendering are not part of it.

At the end every form is read back with a fresh connection: the audit log must hold exactly the edits each
client had acknowledged and the document the last value acknowledged ("lost" counts any difference).

Run: .venv/bin/python bench/load.py [--clients 10] [--seconds 60] [--contacts 20] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from seilocal.model.form import Contact  # noqa: E402
from seilocal.settings import db_path  # noqa: E402
from seilocal.store import FormStore, open_store  # noqa: E402
from seilocal.store.db import open_database  # noqa: E402

# The fields a client cycles through: free text and times, as a user fills in a form.
FIELDS = ("patient.name", "course.start", "course.end", "contacts[0].start")


def value_for(path: str, client: int, n: int) -> str:
    """A distinct valid value for the n-th edit of a client."""
    if path == "patient.name":
        return f"Klient {client} redigering {n}"
    minute, second = divmod(n % 3600, 60)
    day = 1 + client
    return f"2026-11-{day:02d}T{8 + (n // 3600) % 12:02d}:{minute:02d}:{second:02d}"


@dataclass
class ClientResult:
    """What one client did."""

    client: int
    form_no: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    last: dict[str, str] = field(default_factory=dict)


def prepare(data_dir: Path, clients: int, contacts: int) -> list[int]:
    """Create the database and one form per client with `contacts` contacts; their numbers."""
    store = open_store(data_dir)
    numbers = []
    try:
        for _ in range(clients):
            stored = store.forms.create()
            for i in range(contacts):
                store.forms.add_row(stored, "contacts", Contact(start=f"2026-11-03T{8 + i % 10:02d}:00:00"))
            numbers.append(stored.form.form_no)
    finally:
        store.close()
    return numbers


def run_client(path: Path, result: ClientResult, start: threading.Barrier, deadline_box: list[float]) -> None:
    """Edit one form until the deadline; record each save's latency and every error."""
    db = open_database(path)  # in this thread: sqlite3 connections stay in the thread that made them
    forms = FormStore(db)
    try:
        stored = forms.load(result.form_no)
        start.wait()
        n = 0
        while time.perf_counter() < deadline_box[0]:
            path_ = FIELDS[n % len(FIELDS)]
            value = value_for(path_, result.client, n)
            began = time.perf_counter()
            try:
                forms.save_edit(stored, path_, value)
            except Exception as exc:  # noqa: BLE001 - the bench counts every failure
                result.errors.append(f"{type(exc).__name__}: {exc}")
                stored = forms.load(result.form_no)
            else:
                result.latencies_ms.append((time.perf_counter() - began) * 1000)
                result.last[path_] = value
            n += 1
    finally:
        db.close()


def verify(path: Path, results: list[ClientResult]) -> int:
    """Edits acknowledged but not stored (or stored but never acknowledged), over all clients."""
    db = open_database(path)
    forms = FormStore(db)
    lost = 0
    try:
        for result in results:
            stored_sets = db.execute(
                "SELECT count(*) FROM audit WHERE form_no = ? AND action = 'set'", [result.form_no]
            ).fetchone()[0]
            lost += abs(stored_sets - len(result.latencies_ms))
            form = forms.load(result.form_no)
            lost += sum(1 for p, v in result.last.items() if str(_get(form.form, p)) != v)
    finally:
        db.close()
    return lost


def _get(form, path: str):
    from seilocal.model import get_path

    return get_path(form, path)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of a list; 0 for an empty one."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    """Run the load, print the table and the BENCH line; exit 1 on an error or a lost edit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--contacts", type=int, default=20, help="contacts in each form (its size)")
    parser.add_argument("--data-dir", type=Path, default=None, help="default: a temporary folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seilocal-load-") as temp:
        data_dir = args.data_dir or Path(temp) / "data"
        numbers = prepare(data_dir, args.clients, args.contacts)
        path = db_path(data_dir)
        results = [ClientResult(client=i, form_no=no) for i, no in enumerate(numbers)]
        barrier = threading.Barrier(args.clients + 1)
        deadline = [float("inf")]
        threads = [threading.Thread(target=run_client, args=(path, r, barrier, deadline)) for r in results]
        for thread in threads:
            thread.start()
        deadline[0] = time.perf_counter() + args.seconds
        barrier.wait()
        for thread in threads:
            thread.join()
        lost = verify(path, results)

    print(f"{'client':>6} {'form':>5} {'edits':>7} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    everything: list[float] = []
    for r in results:
        everything += r.latencies_ms
        print(f"{r.client:>6} {r.form_no:>5} {len(r.latencies_ms):>7} {len(r.errors):>6} "
              f"{percentile(r.latencies_ms, 50):>8.2f} {percentile(r.latencies_ms, 95):>8.2f} "
              f"{max(r.latencies_ms, default=0):>8.2f}")
    errors = sum(len(r.errors) for r in results)
    p50, p95 = percentile(everything, 50), percentile(everything, 95)
    print(f"{'all':>6} {'':>5} {len(everything):>7} {errors:>6} {p50:>8.2f} {p95:>8.2f} "
          f"{max(everything, default=0):>8.2f}")
    print(f"edits/s: {len(everything) / args.seconds:.0f}   mean ms: {statistics.fmean(everything or [0]):.2f}")
    for r in results:
        for message in r.errors[:3]:
            print(f"client {r.client}: {message}")
    print(f"BENCH load clients={args.clients} seconds={args.seconds:g} edits={len(everything)} errors={errors} "
          f"lost={lost} p50_ms={p50:.2f} p95_ms={p95:.2f}")
    return 0 if errors == 0 and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
