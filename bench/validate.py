"""Benchmark: validate forms with 20 and 1,000 contacts (each with diagnoses and procedures).

Budget (docs/architecture.md): <= 5 ms for 20 contacts, <= 100 ms for 1,000, growing linearly.
Run: .venv/bin/python bench/validate.py
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from seilocal.model.form import Contact, Diagnosis, Form, Procedure  # noqa: E402
from seilocal.rules import validate  # noqa: E402
from tests.unit.rules_fakes import UNIT, FakeCatalog, base_form  # noqa: E402

NOW = datetime(2030, 1, 1, 12, 0, 0)


def build(contacts: int) -> Form:
    """A valid course with `contacts` contacts, each with 2 diagnoses and 2 procedures."""
    form = base_form()
    start = datetime(2026, 11, 3, 10, 0, 0)
    form.contacts = []
    for i in range(contacts):
        begin = start + timedelta(hours=i)
        iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S")  # noqa: E731
        form.contacts.append(
            Contact(
                start=iso(begin),
                end=iso(begin + timedelta(minutes=45)),
                responsible_unit=UNIT,
                type="ALCA00",
                priority="ATA3",
                diagnoses=[
                    Diagnosis(kind="action", code="DJ069"),
                    Diagnosis(kind="secondary", code="DM170", side="TUL1"),
                ],
                procedures=[
                    Procedure(code="KHAC20", start=iso(begin + timedelta(minutes=5)), producer=UNIT),
                    Procedure(
                        code="UXCA00",
                        start=iso(begin + timedelta(minutes=10)),
                        producer=UNIT,
                        contrast="MV08AA01",
                        supplementary=["UXZ41"],
                    ),
                ],
            )
        )
    return form


def measure(form: Form, runs: int) -> list[float]:
    """Milliseconds of each of `runs` validations (fresh catalog each time, so no cross-run caching)."""
    out: list[float] = []
    for _ in range(runs):
        catalog = FakeCatalog()
        gc.collect()  # start each run from a clean heap so one run does not pay for the last
        t0 = time.perf_counter()
        validate(form, catalog, NOW)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of the values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    """Print the table and the BENCH line."""
    rows = []
    for contacts, runs in ((20, 400), (1000, 40)):
        form = build(contacts)
        findings = validate(form, FakeCatalog(), NOW)
        errors = sum(f.severity == "error" for f in findings)
        times = measure(form, runs)
        rows.append((contacts, runs, statistics.median(times), pct(times, 0.95), errors))
    print(f"{'contacts':>8} {'runs':>5} {'p50_ms':>8} {'p95_ms':>8} {'errors':>7}")
    for contacts, runs, p50, p95, errors in rows:
        print(f"{contacts:>8} {runs:>5} {p50:>8.2f} {p95:>8.2f} {errors:>7}")
    per_contact_us = rows[1][2] / 1000 * 1000
    print(
        f"BENCH validate contacts20_p95_ms={rows[0][3]:.2f} contacts1000_p95_ms={rows[1][3]:.2f} "
        f"per_contact_us={per_contact_us:.1f}"
    )


if __name__ == "__main__":
    main()
