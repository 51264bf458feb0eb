"""Benchmark: import of a full-size SOR2 file (~40,000 units, SorEntity_daily.csv shape) and the SOR look-ups.

Writes a deterministic file with bench/sor_file.py into a temporary folder, imports it into a fresh database
(import_s, budget 20 s), then times what the app asks of the catalog afterwards (budget p95 5 ms over all):
the type-ahead `sor_search` for 1-6 typed characters of a name, SOR code prefixes and an owner CVR, `sor_get`,
and the look-up dialog's tabs (`dialog_units`: Mit CVR, an owner type, Alle) with and without a name filter.
Run: `.venv/bin/python bench/sor_lookup.py [--units N] [--zip]` (--zip: the file packed as Sor_complete.zip).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path

from sqlite_utils import Database

from bench.sor_file import write
from seilocal.store.catalog import CatalogStore, apply_catalog_schema
from seilocal.store.catalog.sor_import import import_sor

SEED = 20261208


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def dialog_units(store: CatalogStore, tab: str, filters: dict[str, str], cvr: str) -> list:
    """What pages/sor_field.dialog_units asks (kept here so the benchmark does not import nicegui)."""
    if tab in ("cvr_si", "cvr_all"):
        return store.sor_filter(cvr=cvr, level="SI" if tab == "cvr_si" else None, limit=200, **filters)
    return store.sor_filter(owner_type=None if tab == "alle" else tab, limit=200, **filters)


def main() -> None:
    """Generate, import, measure, print the table and the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40_000)
    parser.add_argument("--queries", type=int, default=150, help="queries per kind")
    parser.add_argument("--zip", action="store_true", help="import the file packed as Sor_complete.zip")
    args = parser.parse_args()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="seilocal-bench-") as tmp:
        path = write(Path(tmp) / "SorEntity_daily.csv", args.units)
        size_mb = path.stat().st_size / 1e6
        if args.zip:
            packed = Path(tmp) / "Sor_complete.zip"
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(path, "SOREntity.csv")
            path = packed
        db = Database(Path(tmp) / "bench.db")
        db.execute("PRAGMA journal_mode=WAL")
        apply_catalog_schema(db)
        started = time.perf_counter()
        result = import_sor(db, path)
        import_s = time.perf_counter() - started
        store = CatalogStore(db)
        units = db.execute("SELECT sor_id, name, cvr FROM catalog_sor_units").fetchall()
        cvrs = [cvr for _, _, cvr in units if cvr]
        print(f"imported {result.counts} from {size_mb:.1f} MB in {import_s:.2f} s")
        timings: dict[str, list[float]] = defaultdict(list)
        cpu: dict[str, list[float]] = defaultdict(list)  # thread CPU time: what the look-up costs without
        # the waits of a machine shared with other work

        def timed(kind: str, call, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
            for _ in range(3):
                c0, t0 = time.thread_time(), time.perf_counter()
                call(*args, **kwargs)
                timings[kind].append((time.perf_counter() - t0) * 1000)
                cpu[kind].append((time.thread_time() - c0) * 1000)

        for _ in range(args.queries):
            sor_id, name, _ = rng.choice(units)
            word = rng.choice([w for w in name.replace(",", " ").split() if len(w) >= 3] or [name])
            for length in range(1, 7):
                timed(f"name {length} chars", store.sor_search, word[:length], limit=20)
            timed("code prefix", store.sor_search, sor_id[: rng.randint(3, 10)], limit=20)
            cvr = rng.choice(cvrs)
            timed("cvr", store.sor_search, cvr, limit=20)
            timed("sor_get", store.sor_get, sor_id)
            for tab in ("cvr_si", "cvr_all", "privat", "regional", "alle"):
                timed(f"dialog {tab}", dialog_units, store, tab, {}, cvr)
            timed("dialog alle+name", dialog_units, store, "alle", {"name": word[:4]}, cvr)
            timed("dialog privat+type", dialog_units, store, "privat", {"unit_type": "praksis"}, cvr)
        db.close()
    everything = [t for values in timings.values() for t in values]
    everything_cpu = [t for values in cpu.values() for t in values]
    print(f"{'look-up':<22}{'p50_ms':>9}{'p95_ms':>9}{'max_ms':>9}{'cpu_p50':>9}{'cpu_p95':>9}")
    for kind, values in timings.items():
        print(f"{kind:<22}{percentile(values, 50):>9.3f}{percentile(values, 95):>9.3f}{max(values):>9.3f}"
              f"{percentile(cpu[kind], 50):>9.3f}{percentile(cpu[kind], 95):>9.3f}")
    p50, p95 = percentile(everything, 50), percentile(everything, 95)
    worst = max(timings, key=lambda k: percentile(timings[k], 95))
    print(
        f"BENCH sor_lookup units={result.counts['read']} file_mb={size_mb:.1f} zip={int(args.zip)} "
        f"import_s={import_s:.2f} p50_ms={p50:.3f} p95_ms={p95:.3f} cpu_p95_ms={percentile(everything_cpu, 95):.3f} "
        f"worst={worst.replace(' ', '_')}:{percentile(timings[worst], 95):.3f} "
        f"worst_cpu_p95={percentile(cpu[worst], 95):.3f} load={os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
