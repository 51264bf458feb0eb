"""The printed form's helpers: render a form with a test catalog and a fixed print time, and its text as pdftotext
reads it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from typing import Literal

import pytest

from seilocal.model.form import (
    Contact,
    Course,
    Diagnosis,
    Form,
    Marker,
    Patient,
    Payment,
    Procedure,
    Referral,
    ResultReport,
    Trigger,
)
from seilocal.print import render_form_pdf

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")

PRINTED_AT = datetime(2026, 11, 30, 14, 5)
UNIT = "486811000016002"
CATALOG = {
    "DC509": "Brystkræft UNS",
    "ALCA00": "Fysisk fremmøde",
    "AFV01A1": "Henvist til pakkeforløb start",
    "KHAC20": "Sektorresektion af bryst",
    "ALFB01": "Offentlig betaler",
}
TYPOGRAPHIC = "“Anførsel” – 100 € … Jens’ notat"


def pages_of(data: bytes) -> list[str]:
    """The text of each page, in drawing order (`-raw`), whitespace squeezed to single blanks."""
    assert PDFTOTEXT is not None
    result = subprocess.run(
        [PDFTOTEXT, "-raw", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
        timeout=30,
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def text_of(data: bytes) -> str:
    """The whole document's text."""
    return " ".join(pages_of(data))


def render(form: Form, **kwargs: object) -> bytes:
    """Render with the test catalog and a fixed print time."""
    options: dict[str, object] = {"describe": CATALOG.get, "clinic_name": "Klinik Ørsted ApS"}
    options.update(kwargs)
    return render_form_pdf(form, printed_at=PRINTED_AT, **options)  # type: ignore[arg-type]


def contact(n: int) -> Contact:
    """A contact on day `n` with an action diagnosis and a procedure."""
    start = datetime(2026, 11, 3, 10, 0) + timedelta(days=n)
    return Contact(
        start=start.strftime("%Y-%m-%dT%H:%M:%S"),
        end=(start + timedelta(minutes=45)).strftime("%Y-%m-%dT%H:%M:%S"),
        responsible_unit=UNIT,
        type="ALCA00",
        priority="ATA3",
        diagnoses=[Diagnosis(kind="action", code="DC509", side="TUL2", supplementary=["ZDW10"])],
        procedures=[Procedure(code="KHAC20", start=start.strftime("%Y-%m-%dT%H:%M:%S"), producer=UNIT)],
    )


def full_form(status: Literal["draft", "submitted", "changed", "cancelled"] = "draft", contacts: int = 1) -> Form:
    """A form with every section filled in."""
    rows = [contact(n) for n in range(contacts)]
    form = Form(
        form_no=17,
        status=status,
        patient=Patient(cpr="0101801235", name="Søren Ærø-Østergård"),
        course=Course(
            start="2026-11-03T09:30:00", responsible_unit=UNIT, label="ALAL01", start_marker="AFV01A1"
        ),
        referral=Referral(time="31-02-2026 10:00", referring_unit="6071000016008", method="ALDA11"),
        payment=Payment(payer="ALFB01", agreement="ALFA2", specialisation_level="ALFC4"),
        markers=[Marker(code="AFV01A1", time="2026-11-03T09:30:00")],
        contacts=rows,
        procedures=[Procedure(code="BVAA33A", start="2026-02-31T10:00:00", payment=Payment(payer="ALFB01"))],
    )
    form.result_reports = [
        ResultReport(
            name="RAA01",
            trigger=Trigger(ref=rows[0].diagnoses[0].id, code="DC509") if rows else Trigger(code="DC509"),
            time="2026-11-03T10:00:00",
            results={"RDA01": TYPOGRAPHIC, "RDA02": None},
        )
    ]
    return form
