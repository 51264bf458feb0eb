"""Benchmark: full and incremental validation of a 1,000-contact form (issues 20 and 23.3).

Budgets: full validation <= 50 ms p95 (issue 20) and <= 25 us a contact (issue 23.3); findings updated <= 5 ms
after one edit (issue 23.3). The edits are the app's: one field of one contact (a diagnosis code, a contact's
end, a procedure's code), at a moment one second after the last, as the app's clock would give; also with the
clock held still, which isolates the rules that read the edited contact from those that read the clock.

The machine is shared, so beside the wall-clock figures the script prints CPU time and the ratio of an update
to a full run in the same minutes. It also runs full validation with the garbage collector paused, as the
engine did before issue 20's fix, so the effect of leaving it on is measured in the same run.
Run: .venv/bin/python bench/validate_edit.py [--catalog fake|store]  (both by default)
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.validate import NOW, build, pct  # noqa: E402
from seilocal.heap import settle_heap  # noqa: E402
from seilocal.model.form import Form  # noqa: E402
from seilocal.rules import validate  # noqa: E402
from seilocal.rules.catalog import CodeCatalog  # noqa: E402
from seilocal.rules.incremental import IncrementalValidator  # noqa: E402
from tests.support.rules_fakes import FakeCatalog  # noqa: E402

CONTACTS = 1000
FULL_RUNS = 30
EDITS = 300
CHECKED = 20  # edits whose findings are compared with a full run (outside the timing)


def full_runs(form: Form, catalog: CodeCatalog, pause_gc: bool) -> tuple[list[float], list[float]]:
    """Wall and CPU ms of full validations (the collector paused around each when `pause_gc`)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(FULL_RUNS):
        if pause_gc:
            gc.disable()
        c0, t0 = time.process_time(), time.perf_counter()
        validate(form, catalog, NOW)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        gc.enable()
    return wall, cpu


def _edits() -> list[Callable[[Form, int], str]]:
    def diagnosis(form: Form, k: int) -> str:
        i = (k * 37) % len(form.contacts)
        form.contacts[i].diagnoses[1].code = "DM170" if k % 2 else "DJ069"
        return f"contacts[{i}].diagnoses[1].code"

    def contact_end(form: Form, k: int) -> str:
        i = (k * 53) % len(form.contacts)
        form.contacts[i].end = None if k % 2 else form.contacts[i].start
        return f"contacts[{i}].end"

    def procedure(form: Form, k: int) -> str:
        i = (k * 71) % len(form.contacts)
        form.contacts[i].procedures[0].code = "KNFB20" if k % 2 else "KHAC20"
        return f"contacts[{i}].procedures[0].code"

    return [diagnosis, contact_end, procedure]


def edit_runs(form: Form, catalog: CodeCatalog, clock_moves: bool) -> tuple[list[float], list[float], int]:
    """Wall and CPU ms of `EDITS` updates; how many of the checked ones differed from a full run."""
    validator = IncrementalValidator(form, catalog, NOW)
    kinds = _edits()
    wall: list[float] = []
    cpu: list[float] = []
    differ = 0
    now = NOW
    for k in range(EDITS):
        edit = kinds[k % len(kinds)]
        path = edit(form, k)
        if clock_moves:
            now = now + timedelta(seconds=1)
        c0, t0 = time.process_time(), time.perf_counter()
        found = validator.update(path, now)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if k % (EDITS // CHECKED) == 0 and found != validate(form, catalog, now):
            differ += 1
    return wall, cpu, differ


def catalog_factory(kind: str) -> Callable[[], CodeCatalog]:
    if kind == "store":
        from seilocal.store import memory_store

        store = memory_store()
        return lambda: store.catalog
    return lambda: FakeCatalog()  # type: ignore[return-value]


def main() -> None:
    """Both catalogs one after the other (`--catalog fake|store`: one of them), each ending with a BENCH line."""
    kinds = [sys.argv[-1]] if "--catalog" in sys.argv and sys.argv[-1] in ("fake", "store") else ["fake", "store"]
    catalogs = {kind: catalog_factory(kind)() for kind in kinds}
    settle_heap()  # as the app does once its store is ready (seilocal/heap.py)
    for kind, catalog in catalogs.items():
        measure(kind, catalog)


def measure(kind: str, catalog: CodeCatalog) -> None:
    """Full runs and edits over one catalog: a table and the line `BENCH validate_edit[_sks] ...`."""
    load = os.getloadavg()
    form = build(CONTACTS)
    validate(form, catalog, NOW)  # warm the caches of the catalog and the parsers
    gc_wall, gc_cpu = full_runs(form, catalog, pause_gc=False)
    paused_wall, paused_cpu = full_runs(form, catalog, pause_gc=True)
    still_wall, still_cpu, still_differ = edit_runs(build(CONTACTS), catalog, clock_moves=False)
    moving_wall, moving_cpu, moving_differ = edit_runs(build(CONTACTS), catalog, clock_moves=True)
    full_p50 = statistics.median(gc_wall)
    print(f"catalog: {kind}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'what':<34} {'p50_ms':>8} {'p95_ms':>8} {'cpu_p50':>8}")
    for label, wall, cpu in (
        ("full, collector on", gc_wall, gc_cpu),
        ("full, collector paused (old)", paused_wall, paused_cpu),
        ("one edit, clock still", still_wall, still_cpu),
        ("one edit, clock +1 s an edit", moving_wall, moving_cpu),
    ):
        print(f"{label:<34} {statistics.median(wall):>8.2f} {pct(wall, 0.95):>8.2f} {statistics.median(cpu):>8.2f}")
    print(
        f"BENCH validate_edit{'' if kind == 'fake' else '_sks'} catalog={kind} contacts={CONTACTS} load1={load[0]:.2f} "
        f"full_p50_ms={full_p50:.2f} full_p95_ms={pct(gc_wall, 0.95):.2f} "
        f"full_cpu_p50_ms={statistics.median(gc_cpu):.2f} "
        f"per_contact_us={statistics.median(gc_cpu) * 1000 / CONTACTS:.1f} "
        f"gc_paused_cpu_p50_ms={statistics.median(paused_cpu):.2f} "
        f"gc_ratio={statistics.median(gc_cpu) / statistics.median(paused_cpu):.2f} "
        f"edit_p50_ms={statistics.median(moving_wall):.2f} edit_p95_ms={pct(moving_wall, 0.95):.2f} "
        f"edit_cpu_p95_ms={pct(moving_cpu, 0.95):.2f} edit_still_p95_ms={pct(still_wall, 0.95):.2f} "
        f"edit_to_full_ratio={statistics.median(moving_wall) / full_p50:.3f} "
        f"differ={still_differ + moving_differ}"
    )


if __name__ == "__main__":
    main()
