"""`render_form_pdf`: the whole form as a PDF, watermarked with its status (product.md F5 "Print")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from seilocal.model.form import Form
from seilocal.print.fonts import fonts_for
from seilocal.print.page import FormPDF, PageTexts
from seilocal.print.sections import write_form
from seilocal.print.text import WATERMARKS, Describe, format_printed_at, value


def patient_line(form: Form) -> str:
    """`Navn, CPR nnnnnnnnnn` for the running header."""
    name, cpr = form.patient.name, form.patient.cpr
    if not (name and name.strip()) and not (cpr and cpr.strip()):
        return "Patient ikke udfyldt"
    return f"{value(name)}, CPR {value(cpr)}"


def page_texts(form: Form, clinic_name: str | None, printed_at: datetime) -> PageTexts:
    """The running header and footer texts of a form."""
    number = str(form.form_no) if form.form_no is not None else "uden nummer"
    return PageTexts(
        clinic_name=value(clinic_name) if clinic_name and clinic_name.strip() else None,
        title=f"SEI-LPR lokal – skema {number}",
        patient_line=patient_line(form),
        printed_at=format_printed_at(printed_at),
        watermark=WATERMARKS.get(form.status, form.status.upper()),
    )


def _strings(data: object) -> Iterator[str]:
    """Every string inside a dumped form (keys of result maps included)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, item in data.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def _memo(describe: Describe | None, strings: list[str]) -> tuple[Describe | None, list[str]]:
    """Look every code up once, up front, so the font choice sees the catalog's texts too."""
    if describe is None:
        return None, []
    known: dict[str, str | None] = {}
    for text in strings:
        key = text.strip()
        if key and key not in known and len(key) <= 20 and " " not in key:  # codes are short, without blanks
            try:
                known[key] = describe(key)
            except Exception:  # a failing catalog must not stop a print; the code alone is shown
                known[key] = None

    def cached(code: str) -> str | None:
        key = code.strip()
        return known[key] if key in known else describe(key)

    return cached, [text for text in known.values() if text]


def render_form_pdf(
    form: Form,
    *,
    describe: Describe | None = None,
    clinic_name: str | None = None,
    printed_at: datetime,
) -> bytes:
    """The form as PDF bytes; `describe(code)` gives an SKS code's Danish text, or None."""
    texts = page_texts(form, clinic_name, printed_at)
    strings = list(_strings(form.model_dump()))
    describe, descriptions = _memo(describe, strings)
    pdf = FormPDF(texts, fonts_for([*strings, *descriptions, clinic_name or ""]))
    pdf.set_title(f"{texts.title} – {texts.patient_line}")
    pdf.set_creator("SEI-LPR lokal")
    pdf.set_lang("da")
    # The print time, not the wall clock, dates the file: same form and print time give the same PDF.
    pdf.set_creation_date(printed_at)
    pdf.add_page()
    write_form(pdf, form, describe)
    return bytes(pdf.output())
