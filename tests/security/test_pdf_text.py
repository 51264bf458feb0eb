"""Values print literally in the PDF (issue 11, finding 6): `{nb}` in a name is not the page count."""

from __future__ import annotations

from datetime import datetime

from seilocal.model import Form
from seilocal.print import render_form_pdf
from tests.support.pdf import needs_pdftotext, pages_of

PRINTED_AT = datetime(2026, 11, 30, 14, 5)


@needs_pdftotext
def test_nb_in_a_patient_name_and_a_clinic_name_prints_literally():
    form = Form()
    form.patient.cpr, form.patient.name = "0101801235", "Anna {nb} Hansen"
    form.course.label = "{nb}"
    pages = pages_of(render_form_pdf(form, clinic_name="Klinik {nb}", printed_at=PRINTED_AT))
    total = len(pages)
    assert total >= 1
    for page in pages:
        assert "Anna {nb} Hansen" in page  # the running header on every page
        assert "Klinik {nb}" in page
    assert f"Side 1 af {total}" in pages[0]  # the real page count still works


def test_the_same_form_gives_the_same_bytes_despite_the_random_alias():
    form = Form(course={"id": "c1"})
    form.patient.name = "{nb}"
    first = render_form_pdf(form, printed_at=PRINTED_AT)
    assert render_form_pdf(form, printed_at=PRINTED_AT) == first
