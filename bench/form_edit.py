"""Benchmark: autosave of one edited field, and opening the form page, for forms with many contacts.

Budget (docs/architecture.md): save p95 <= 10 ms for a 20-contact form and <= 50 ms for a 1,000-contact form;
opening a 20-contact form <= 1 s; issue 23: opening a 1,000-contact form <= 100 ms, and the app's resident memory
(RSS) with it open, measured after the start and after the opens (budget in docs/performance.md).
"Open" is timed as a real app request (`GET /skema/N` on the app process,
token cookie set): the server builds every element of the page and serialises it into the HTML, which is
the part that grows with the contacts; the browser's own rendering is not in this figure.
Run: .venv/bin/python bench/form_edit.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from seilocal.model import Contact, Diagnosis, Form, Procedure  # noqa: E402
from seilocal.model.datetime_input import to_canonical  # noqa: E402
from seilocal.store import open_store  # noqa: E402
from tests.support.app import start_app, stop_app  # noqa: E402

UNIT = "486811000016002"
SIZES = (20, 200, 1000)
SAVES = 200


def build(contacts: int) -> Form:
    """A course with `contacts` contacts, each with an action diagnosis and a procedure."""
    form = Form()
    start = datetime(2026, 1, 5, 8, 0, 0)
    form.patient.cpr, form.patient.name = "0101801235", "Bench Mark"
    form.course.start, form.course.responsible_unit = to_canonical(start), UNIT
    for i in range(contacts):
        begin = start + timedelta(hours=2 * i)
        form.contacts.append(Contact(
            start=to_canonical(begin), end=to_canonical(begin + timedelta(minutes=45)), responsible_unit=UNIT,
            type="ALCA00", priority="ATA3",
            diagnoses=[Diagnosis(kind="action", code="DC509", side="TUL2")],
            procedures=[Procedure(code="KHAC20", start=to_canonical(begin + timedelta(minutes=5)), producer=UNIT)],
        ))
    return form


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def time_saves(store, form_no: int, contacts: int) -> tuple[float, float]:
    """p50 and p95 in ms of FormStore.save_edit of one contact's end time."""
    stored = store.forms.load(form_no)
    path = f"contacts[{contacts // 2}].end"
    base = datetime(2026, 6, 1, 10, 0, 0)
    times = []
    for i in range(SAVES):
        value = to_canonical(base + timedelta(minutes=i % 50))
        t0 = time.perf_counter()
        store.forms.save_edit(stored, path, value)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), percentile(times, 95)


def time_open(app, form_no: int, runs: int = 3) -> tuple[float, int]:
    """Best-of-`runs` ms of a GET of the form page (after one warm-up), and the page's size in bytes."""
    with httpx.Client(follow_redirects=True, timeout=120) as client:
        client.get(app.url)  # the token URL sets the session cookie
        size = len(client.get(f"{app.base}/skema/{form_no}").content)  # warm-up
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            response = client.get(f"{app.base}/skema/{form_no}")
            best = min(best, (time.perf_counter() - t0) * 1000)
            response.raise_for_status()
    return best, size


def rss_mb(pid: int) -> float:
    """The resident memory of a process in MB (Linux: /proc; elsewhere 0)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    kib = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return kib / 1024


def main() -> None:
    """Print the table and the BENCH line."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = open_store(data)
        numbers: dict[int, int] = {}
        saves: dict[int, tuple[float, float]] = {}
        json_kb: dict[int, float] = {}
        for n in SIZES:
            stored = store.forms.create(build(n))
            numbers[n] = stored.form.form_no
            json_kb[n] = len(stored.form.to_json()) / 1024
            saves[n] = time_saves(store, numbers[n], n)
        store.close()
        app = start_app(data)
        try:
            rss_idle = rss_mb(app.process.pid)
            opens = {n: time_open(app, numbers[n]) for n in SIZES}
            rss_open = rss_mb(app.process.pid)  # the 1,000-contact form was opened last (four times)
        finally:
            stop_app(app)
    print(f"{'contacts':>8} {'json KB':>8} {'save p50 ms':>12} {'save p95 ms':>12} {'open ms':>9} {'page KB':>8}")
    for n in SIZES:
        print(f"{n:>8} {json_kb[n]:>8.0f} {saves[n][0]:>12.2f} {saves[n][1]:>12.2f} {opens[n][0]:>9.0f} "
              f"{opens[n][1] / 1024:>8.0f}")
    print(f"app RSS: {rss_idle:.0f} MB after the start, {rss_open:.0f} MB with the 1,000-contact form open")
    print(f"BENCH form_edit save20_p95_ms={saves[20][1]:.2f} save1000_p95_ms={saves[1000][1]:.2f} "
          f"open20_ms={opens[20][0]:.0f} open200_ms={opens[200][0]:.0f} open1000_ms={opens[1000][0]:.0f} "
          f"rss_idle_mb={rss_idle:.0f} rss1000_mb={rss_open:.0f} load={os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
