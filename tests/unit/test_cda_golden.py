"""The CDA writer's output is fixed byte for byte: documents of stored corpus forms equal the files written before
the writer was made faster (docs/performance.md), and re-reading them gives the same bytes.

When the mapping changes on purpose, write the expected files again and review the diff:
`PYTHONPATH=. .venv/bin/python -m tests.unit.test_cda_golden --write`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

from seilocal.export.cda import build_cancellation, build_document, to_bytes
from seilocal.model import Form
from tests.support import cda_corpus as corpus

GOLDEN = Path(__file__).resolve().parent / "data" / "cda_golden"
# name: (form file, how the document is made from the form)
CASES = {
    "full-v2": ("full", 2, "2026-11-05T12:00:00"),
    "full-cancelled-v3": ("full", 3, None),
    "reports-summer-v1": ("reports", 1, "2026-11-05T12:00:00"),
    "replacement-cpr-v1": ("replacement", 1, "2026-11-05T12:00:00"),
    "no-contacts-v1": ("no-contacts", 1, "2026-03-29T03:30:00"),
}


def _make(form: Form, version: int, effective: str | None) -> bytes:
    """The document (a cancellation when `effective` is None) as an export writes it."""
    header = corpus.header(version, effective or "2026-11-05T12:00:00")
    if effective is None:
        return to_bytes(build_cancellation(form, header))
    return to_bytes(build_document(form, header))


def _forms() -> dict[str, Form]:
    """The corpus forms (their row ids are random, so they are stored once as JSON)."""
    full = corpus.full_form()
    full.patient.name = 'Jens "Æblemand" <Hansen> & Søn'  # text that must be escaped
    return {"full": full, "reports": corpus.reports_form(), "replacement": corpus.full_form(1, cpr="010190-1AB1"),
            "no-contacts": corpus.full_form(contacts=0)}


def _load(name: str) -> Form:
    return Form.model_validate_json((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", list(CASES))
def test_the_document_of_a_stored_form_is_byte_identical(case: str) -> None:
    form_name, version, effective = CASES[case]
    expected = (GOLDEN / f"{case}.xml").read_bytes()
    assert _make(_load(form_name), version, effective) == expected


@pytest.mark.parametrize("case", list(CASES))
def test_the_bytes_are_what_lxml_writes_for_the_same_tree(case: str) -> None:
    form_name, version, effective = CASES[case]
    data = _make(_load(form_name), version, effective)
    tree = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    assert etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True) == data


def write() -> None:
    """Store the corpus forms and the documents the writer makes of them now."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    forms = {name: _load(name) if (GOLDEN / f"{name}.json").exists() else form for name, form in _forms().items()}
    for name, form in forms.items():
        (GOLDEN / f"{name}.json").write_text(form.to_json(), encoding="utf-8")
    for case, (form_name, version, effective) in CASES.items():
        (GOLDEN / f"{case}.xml").write_bytes(_make(forms[form_name], version, effective))


if __name__ == "__main__" and "--write" in sys.argv:
    write()
