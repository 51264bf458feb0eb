"""The printed form shows a stated "Ingen metastaser" / "Ingen lokalrecidiv" in the diagnoses table."""

from __future__ import annotations

from seilocal.model.form import Contact, Diagnosis
from tests.support.pdf import full_form, needs_pdftotext, render, text_of


@needs_pdftotext
def test_none_statements_are_printed_and_absent_when_not_stated() -> None:
    form = full_form()
    form.contacts.append(Contact(start="2026-11-04T10:00:00", diagnoses=[
        Diagnosis(kind="action", code="DC509", no_metastases=True, no_local_recurrences=True)]))
    text = " ".join(text_of(render(form)).split())
    squeezed = text.replace(" ", "")  # a narrow cell may break a long word
    assert "DZ061AIngenfjernmetastaserpåvist" in squeezed and "DZ063AIntetlokalrecidivpåvist" in squeezed
    plain = " ".join(text_of(render(full_form())).split())
    assert "DZ061A" not in plain and "DZ063A" not in plain
