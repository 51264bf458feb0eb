"""RI dates in the PDF as dd-mm-åååå tt:mm: the report's time and a time among its results."""

from __future__ import annotations

from seilocal.model.form import Form, ResultReport, Trigger
from tests.support.pdf import needs_pdftotext, render, text_of


@needs_pdftotext
def test_result_report_times_print_as_danish_dates() -> None:
    form = Form(form_no=3)
    form.result_reports = [ResultReport(
        name="RAA02", trigger=Trigger(code="DS003"), time="2026-11-03T10:00:00",
        results={"RDA10": "2026-11-02T21:45:00", "RDA11": "fri tekst", "RDA12": "2026-02-31T10:00:00"},
    )]
    text = text_of(render(form))
    assert "03-11-2026 10:00" in text and "02-11-2026 21:45" in text
    assert "2026-11-02T21:45" not in text and "2026-11-03T10:00" not in text
    assert "fri tekst" in text and "2026-02-31T10:00:00" in text  # not a time: printed as stored
