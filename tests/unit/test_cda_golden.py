"""The CDA writer's output is fixed byte for byte: documents of stored corpus forms equal the files written before
the writer was made faster (docs/performance.md), and the writer's own serialiser matches lxml's.

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

from . import cda_corpus as corpus

GOLDEN = Path(__file__).resolve().parent / "data" / "cda_golden"
# name: (form file, how the document is made from the form)
CASES = {
    "full-v2": ("full", lambda form: to_bytes(build_document(form, corpus.header(2)))),
    "full-cancelled-v3": ("full", lambda form: to_bytes(build_cancellation(form, corpus.header(3)))),
    "reports-summer-v1": ("reports", lambda form: to_bytes(build_document(form, corpus.header(1)))),
    "replacement-cpr-v1": ("replacement", lambda form: to_bytes(build_document(form, corpus.header(1)))),
    "no-contacts-v1": ("no-contacts", lambda form: to_bytes(build_document(
        form, corpus.header(1, effective="2026-03-29T03:30:00")))),
}


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
    form_name, make = CASES[case]
    assert make(_load(form_name)) == (GOLDEN / f"{case}.xml").read_bytes()


@pytest.mark.parametrize("case", list(CASES))
def test_the_bytes_are_what_lxml_writes_for_the_same_tree(case: str) -> None:
    form_name, make = CASES[case]
    data = make(_load(form_name))
    tree = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    assert etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True) == data


def write() -> None:
    """Store the corpus forms and the documents the writer makes of them now."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    forms = {name: _load(name) if (GOLDEN / f"{name}.json").exists() else form for name, form in _forms().items()}
    for name, form in forms.items():
        (GOLDEN / f"{name}.json").write_text(form.to_json(), encoding="utf-8")
    for case, (form_name, make) in CASES.items():
        (GOLDEN / f"{case}.xml").write_bytes(make(forms[form_name]))


if __name__ == "__main__" and "--write" in sys.argv:
    write()
