"""RAA11-RAA13 on paper and in LPR3: the form JSON keeps them, the PDF prints them with their SKS texts, and the
generic result template writes them in a document the official XSD and 2019 schematron accept."""

from __future__ import annotations

from lxml import etree

from seilocal.export.cda import build_document, to_bytes
from seilocal.export.cda.read import read_document
from seilocal.model.form import Form
from seilocal.rules.triggers import manual_report
from seilocal.store import memory_store
from tests.support import cda_corpus as corpus
from tests.support.cda_support import assert_valid
from tests.support.pdf import needs_pdftotext, render, text_of

HL7 = {"h": "urn:hl7-org:v3"}


def _with_new_reports(form: Form) -> Form:
    contact, procedure = form.contacts[0], form.contacts[0].procedures[0]
    for name, ref, values in (
        ("RAA11", procedure.id, {"RDB31": "RGBA01", "RDB35": "RGBE01"}),
        ("RAA12", contact.id, {"RDC40": "RGCK02", "RDC09": "2026-11-03T10:00:00", "RDC37": "20"}),
        ("RAA13", contact.id, {"RDC52": "RGCC02", "RDC57": "RGCR01"}),
    ):
        report = manual_report(name, form, ref)
        report.results.update(values)
        form.result_reports.append(report)
    return form


def test_the_form_json_keeps_the_new_reports() -> None:
    form = _with_new_reports(corpus.full_form(contacts=1))
    again = Form.model_validate_json(form.model_dump_json())
    assert again == form
    assert [r.name for r in again.result_reports][-3:] == ["RAA11", "RAA12", "RAA13"]
    assert again.result_reports[-2].results["RDC40"] == "RGCK02"


def test_the_new_reports_are_written_in_the_generic_result_template_and_pass_xsd_and_schematron() -> None:
    form = _with_new_reports(corpus.full_form(contacts=1))
    form.result_reports = form.result_reports[-3:]
    data = to_bytes(build_document(form, corpus.header()))
    assert_valid(data)
    doc = etree.fromstring(data)
    names = doc.xpath("//h:organizer/h:code/@code", namespaces=HL7)
    assert names == ["RAA11", "RAA12", "RAA13"]
    raa12 = doc.xpath("//h:organizer[h:code/@code='RAA12']/h:component/h:observation", namespaces=HL7)
    written = {o.find("h:code", HL7).get("code"): o.find("h:value", HL7).text for o in raa12}
    assert written == {"RDC09": "20261103100000+0100", "RDC37": "20", "RDC40": "RGCK02"}  # empty ones left out
    # Read back: the same reports and values.
    back = read_document(data).form
    assert [(r.name, {k: v for k, v in r.results.items() if v}) for r in back.result_reports] == [
        (r.name, {k: v for k, v in r.results.items() if v}) for r in form.result_reports]


@needs_pdftotext
def test_the_pdf_prints_the_new_reports_with_their_sks_texts() -> None:
    form = _with_new_reports(corpus.full_form(contacts=1))
    text = text_of(render(form, describe=memory_store().catalog.text))
    assert "RAA12 – Alkoholbehandling (NAB)" in text
    assert "RAA11 – Udlevering af høreapparat" in text and "RAA13 – Stofmisbrugsbehandling (SIB)" in text
    assert "RDC40 – Res.type: drikkemønster seneste 6 måneder [res.drikmoenster]: RGCK02" in text
    assert "RDC09 – Res.type: dato for afslutning af misbrugsbehandling: 03-11-2026 10:00" in text
