"""Benchmark: what encryption at rest costs, plain SQLite and SQLCipher side by side in one run (budget 1.5x).

Two data folders with the same content: one opened as the app did before encryption (Python's sqlite3, same
pragmas and migrations), one through the app's own opener (SQLCipher 4, AES-256, raw key). For each: the
autosave of one field of a 20-contact form, the code search (catalog with an imported SKS file) and the forms
list search over many forms. Rounds alternate between the two so a busy machine hurts both alike.
Ends with `BENCH encryption save_p95_ms=plain/enc ... worst_ratio=..`.
Run: .venv/bin/python bench/encryption.py [--forms 20000] [--records 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SEILOCAL_PASSPHRASE", "bench passphrase")  # no keyring needed for a benchmark

from sqlite_utils import Database  # noqa: E402

from bench.code_search import generate, queries  # noqa: E402
from bench.forms_list import fill  # noqa: E402
from seilocal.model import Contact, Diagnosis, Form, Procedure  # noqa: E402
from seilocal.model.datetime_input import to_canonical  # noqa: E402
from seilocal.store import Store, _wrap, open_store  # noqa: E402
from seilocal.store.catalog import import_sks  # noqa: E402
from seilocal.store.db import migration_sets  # noqa: E402

BUDGET = 1.5
UNIT = "486811000016002"


def build(contacts: int) -> Form:
    """A course with `contacts` contacts (as bench/form_edit.py builds it)."""
    form = Form()
    start = datetime(2026, 1, 5, 8, 0, 0)
    form.patient.cpr, form.patient.name = "0101801235", "Bench Mark"
    form.course.start, form.course.responsible_unit = to_canonical(start), UNIT
    for i in range(contacts):
        begin = start + timedelta(hours=2 * i)
        form.contacts.append(Contact(
            start=to_canonical(begin), end=to_canonical(begin + timedelta(minutes=45)), responsible_unit=UNIT,
            type="ALCA00", priority="ATA3", diagnoses=[Diagnosis(kind="action", code="DC509", side="TUL2")],
            procedures=[Procedure(code="KHAC20", start=to_canonical(begin + timedelta(minutes=5)), producer=UNIT)],
        ))
    return form


def plain_store(folder: Path) -> Store:
    """The store as opened before encryption: sqlite3, WAL, synchronous NORMAL, foreign keys, migrations."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "seilocal.sqlite3"
    db = Database(sqlite3.connect(str(path), timeout=5))
    db.execute("PRAGMA busy_timeout = 5000")
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    for migrations in migration_sets():
        migrations.apply(db)
    return _wrap(db, path)


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def prepare(store: Store, sks: Path, forms: int) -> int:
    """The same content in either store: an SKS import, `forms` forms, one 20-contact form; its number."""
    import_sks(store.db, sks)
    fill(store, forms, random.Random(20261125))
    return store.forms.import_form(build(20)).form.form_no


def one_round(store: Store, form_no: int, words: list[str], people: list[tuple[str, str]], rng: random.Random,
              out: dict[str, list[float]]) -> None:
    """A slice of each workload, timed into `out`."""
    stored = store.forms.load(form_no)
    base = datetime(2026, 6, 1, 10, 0, 0)
    for i in range(20):
        t0 = time.perf_counter()
        store.forms.save_edit(stored, "contacts[10].end", to_canonical(base + timedelta(minutes=rng.randint(0, 50))))
        out["save"].append((time.perf_counter() - t0) * 1000)
        del i
    for text in rng.sample(words, 20):
        t0 = time.perf_counter()
        store.catalog.search(text, limit=20)
        out["code_search"].append((time.perf_counter() - t0) * 1000)
    for _ in range(10):
        cpr, name = rng.choice(people)
        for text, flt in ((cpr[:6], {}), (name.split()[1], {"status": "submitted"})):
            t0 = time.perf_counter()
            store.forms.search(text, flt)
            out["forms_list"].append((time.perf_counter() - t0) * 1000)


def main() -> int:
    """Fill both folders, alternate the rounds, print the table and the BENCH line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=20_000)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="seilocal-bench-") as tmp:
        sks = Path(tmp) / "SKScomplete.txt"
        codes = generate(sks, args.records)
        words = queries(codes, "prefix", 3, 200, random.Random(1)) + queries(codes, "contains", 4, 200,
                                                                               random.Random(2))
        stores = {"plain": plain_store(Path(tmp) / "plain"), "encrypted": open_store(Path(tmp) / "encrypted")}
        header = (Path(tmp) / "encrypted" / "seilocal.sqlite3").read_bytes()[:16]
        assert header != b"SQLite format 3\x00", "the encrypted folder is not encrypted"
        form_nos = {label: prepare(store, sks, args.forms) for label, store in stores.items()}
        people = [(row[0], row[1]) for row in stores["plain"].db.execute(
            "SELECT cpr, name FROM forms WHERE cpr IS NOT NULL LIMIT 2000")]
        timings = {label: {"save": [], "code_search": [], "forms_list": []} for label in stores}
        # Warm-up, untimed: the app runs for hours with a warm page cache. Cold, the encrypted store decrypts each
        # page on its first read (the plain one copies it from the OS cache): the first round is printed apart.
        cold = {label: {"save": [], "code_search": [], "forms_list": []} for label in stores}
        for label, store in stores.items():
            one_round(store, form_nos[label], words, people, random.Random(-1), cold[label])
            for text in words:  # every query once: the pages they read are now in the page cache
                store.catalog.search(text, limit=20)
            for cpr, name in people[:200]:
                store.forms.search(cpr[:6], {})
                store.forms.search(name.split()[1], {"status": "submitted"})
        for n in range(args.rounds):
            order = list(stores) if n % 2 == 0 else list(reversed(stores))
            for label in order:
                one_round(stores[label], form_nos[label], words, people, random.Random(n), timings[label])
        for store in stores.values():
            store.close()
    print(f"{'workload':<14}{'plain_p95_ms':>14}{'enc_p95_ms':>12}{'ratio':>8}")
    ratios = {}
    figures = []
    for work in ("save", "code_search", "forms_list"):
        plain, enc = percentile(timings["plain"][work], 95), percentile(timings["encrypted"][work], 95)
        ratios[work] = enc / plain if plain else 1.0
        print(f"{work:<14}{plain:>14.2f}{enc:>12.2f}{ratios[work]:>8.2f}")
        figures.append(f"{work}_p95_ms={plain:.2f}/{enc:.2f}")
    colds = " ".join(f"{w}={percentile(cold['plain'][w], 95):.2f}/{percentile(cold['encrypted'][w], 95):.2f}"
                     for w in ("save", "code_search", "forms_list"))
    print(f"first round, cold cache (p95 ms plain/encrypted): {colds}")
    worst = max(ratios.values())
    print(f"BENCH encryption forms={args.forms} records={args.records} {' '.join(figures)} "
          f"worst_ratio={worst:.2f} budget_ratio={BUDGET}")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
