"""An empty result is never written into the LPR3 document; a report needs one filled result (SEI-RI03), and a
mandatory result left empty is a rule error with its official number."""

from __future__ import annotations

from lxml import etree

from seilocal.export.cda import build_document
from seilocal.model.form import ResultReport, Trigger
from seilocal.rules import validate
from tests.support import cda_corpus as corpus
from tests.support.rules_fakes import NOW, FakeCatalog, base_form

HL7 = {"h": "urn:hl7-org:v3"}


def _errors(form) -> set[str]:
    return {f.rule for f in validate(form, FakeCatalog(), NOW) if f.severity == "error"}


def _report(form, **results: str) -> ResultReport:
    report = ResultReport(name="RAA09", trigger=Trigger(ref=form.contacts[0].procedures[0].id),
                          time="2026-11-03T10:00:00", status="incomplete", results=results)
    form.result_reports.append(report)
    return report


def test_empty_results_are_left_out_of_the_document() -> None:
    form = corpus.full_form(contacts=1)
    form.result_reports = [ResultReport(name="RAA01", trigger=Trigger(ref=form.contacts[0].diagnoses[0].id),
                                        time="2026-11-03T10:00:00", status="complete",
                                        results={"RDA01": "AZCA1", "RDA02": "AZCB1", "RDA03": "", "RDA04": "  ",
                                                 "RDA05": None})]
    doc = build_document(form, corpus.header())
    codes = doc.xpath("//h:organizer/h:component/h:observation/h:code/@code", namespaces=HL7)
    assert codes == ["RDA01", "RDA02"]
    assert b"nullFlavor=\"NI\"/>\n" not in etree.tostring(doc.xpath("//h:organizer", namespaces=HL7)[0])


def test_a_report_with_no_filled_result_is_sei_ri03_and_one_result_is_enough() -> None:
    form = base_form()
    report = _report(form, RDA85=" ")
    assert "SEI-RI03" in _errors(form)
    report.results["RDA85"] = "OK3"
    assert "SEI-RI03" not in _errors(form)


def test_a_mandatory_result_left_empty_has_its_official_rule_number() -> None:
    form = base_form()
    form.result_reports.append(ResultReport(name="RAA01", trigger=Trigger(ref=form.contacts[0].diagnoses[0].id),
                                            status="incomplete", results={"RDA01": "", "RDA02": "OK1"}))
    assert "RAA01.RDA01" in _errors(form)
