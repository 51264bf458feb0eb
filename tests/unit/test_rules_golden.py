"""Full validation of a generated 1,000-contact form gives the same findings as before issue 23.3's speed-up.

The form is drawn from a seeded random generator over valid, invalid, blank and unreadable values of every
contact field, so most rules fire somewhere in it. The golden (tests/unit/golden/findings_1000.json) holds the
count of findings per rule and a SHA-256 of every finding in order, taken from the engine before the rules were
restructured for speed: the per-rule counts say where a difference is, the digest that there is none at all.
Regenerate only for an intended change of findings: `python -m tests.unit.test_rules_golden --write`.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from seilocal.model.form import Contact, Diagnosis, Form, Procedure, ResultReport, Trigger
from seilocal.rules import Finding, validate
from seilocal.rules.catalog import CodeCatalog
from tests.support.form_values import DIAGNOSIS_FIELDS, PROCEDURES, TIMES, UNITS
from tests.support.rules_fakes import NOW, base_form, without_contact_procedure
from tests.support.rules_fakes import FakeCatalog as _Fake

GOLDEN = Path(__file__).parent / "golden" / "findings_1000.json"
CONTACTS = 1000

CONTACT_FIELDS: dict[str, list[Any]] = {
    "responsible_unit": UNITS, "type": [None, "ALCA00", "ALCA01", "ALCA10", "ALCA20", "XYZ"],
    "priority": [None, "ATA1", "ATA3", "ATA9"], "reason": [None, "ALCC01", "ALCC02", "ALCC03", "DJ069"],
}
PROCEDURE_FIELDS: dict[str, list[Any]] = {
    "code": PROCEDURES, "end": TIMES, "producer": UNITS, "contrast": [None, "MV08AA01", "X"],
    "side": [None, "TUL1"], "implant_report_requested": [False, True], "supplementary": [[], ["UXZ41"]],
}


def _pick(rng: random.Random, values: list[Any], usual: Any) -> Any:
    """Mostly the usual (valid) value, else any of the values: a realistic form with errors spread through it."""
    return usual if rng.random() < 0.7 else rng.choice(values)


def generated_form(seed: int = 2026) -> Form:
    """A course with `CONTACTS` contacts whose fields are drawn from valid and invalid values."""
    rng = random.Random(seed)
    form = base_form()
    form.procedures = [without_contact_procedure()]
    contacts = []
    for i in range(CONTACTS):
        day = timedelta(days=i // 8, hours=i % 8)
        start = (NOW.replace(year=2026, month=11, day=3, hour=8) + day).strftime("%Y-%m-%dT%H:%M:%S")
        end = rng.choice([start[:11] + "23:00:00", None, "ikke en tid", start])
        diagnoses = [
            Diagnosis(**{name: _pick(rng, values, values[1] if name == "code" else values[0])
                         for name, values in DIAGNOSIS_FIELDS.items()})
            for _ in range(rng.randint(0, 3))
        ]
        procedures = [
            Procedure(start=start if rng.random() < 0.9 else rng.choice(TIMES),
                      **{name: _pick(rng, values, values[1] if name in ("code", "producer") else values[0])
                         for name, values in PROCEDURE_FIELDS.items()})
            for _ in range(rng.randint(0, 3))
        ]
        contacts.append(Contact(
            start=start if rng.random() < 0.95 else rng.choice(TIMES), end=end,
            **{name: _pick(rng, values, values[1] if name != "reason" else None)
               for name, values in CONTACT_FIELDS.items()},
            diagnoses=diagnoses, procedures=procedures,
        ))
    form.contacts = contacts
    cancer = next(d for c in contacts for d in c.diagnoses if d.code == "DC509")
    form.result_reports = [ResultReport(name="RAA01", trigger=Trigger(ref=cancer.id, code=cancer.code))]
    return form


def _digest(findings: list[Finding]) -> dict[str, Any]:
    text = "\n".join(repr(f) for f in findings)
    return {
        "count": len(findings),
        "per_rule": dict(sorted(Counter(f"{f.rule} {f.severity}" for f in findings).items())),
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    }


def _runs() -> dict[str, dict[str, Any]]:
    """The digests of the generated form validated now and 40 days later, against the fake and the SKS catalog."""
    from seilocal.store import memory_store

    form = generated_form()
    fake = cast(CodeCatalog, _Fake())
    store = memory_store()
    out = {}
    for name, catalog in (("fake", fake), ("store", store.catalog)):
        for label, now in (("now", NOW), ("later", NOW + timedelta(days=40))):
            out[f"{name}_{label}"] = _digest(validate(form, catalog, now))
    return out


@pytest.mark.parametrize("run", ["fake_now", "fake_later", "store_now", "store_later"])
def test_findings_of_a_generated_1000_contact_form_are_unchanged(run: str, runs: dict[str, dict[str, Any]]) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))[run]
    assert runs[run]["count"] > 1000  # the form is one that many rules fire on, or the golden proves little
    assert runs[run]["per_rule"] == golden["per_rule"]
    assert runs[run]["sha256"] == golden["sha256"]


@pytest.fixture(scope="module")
def runs() -> dict[str, dict[str, Any]]:
    return _runs()


if __name__ == "__main__" and "--write" in sys.argv:
    GOLDEN.write_text(json.dumps(_runs(), indent=1) + "\n", encoding="utf-8")
