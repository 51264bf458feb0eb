"""Every document the app writes for a corpus covering the whole form is valid against the official XSD and
schematron; mutated documents are caught, so the validators cannot pass vacuously."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from seilocal.export.cda import build_cancellation, build_document, to_bytes
from seilocal.export.cda.check import xsd_errors
from tests.support import cda_corpus as corpus
from tests.support.cda_support import XSD, assert_valid, document, need_shared, schematron

HL7 = "{urn:hl7-org:v3}"


def _edited_second_version():
    """Version 2 after an edit: a contact deleted, a diagnosis changed, a marker added."""
    form = corpus.full_form(contacts=3)
    del form.contacts[1]
    form.contacts[0].diagnoses[0].code = "DC508"
    form.markers.append(corpus.Marker(code="AFV01C", time="2026-11-03T12:00:00"))
    return form


CORPUS = {
    "winter, every section": lambda: document(corpus.full_form(), corpus.header(1)),
    "summer, RAA01-RAA10 with every trigger kind": lambda: document(corpus.reports_form(), corpus.header(1)),
    "replacement CPR": lambda: document(corpus.full_form(cpr="010190-1AB1"), corpus.header(1)),
    "second version after an edit": lambda: document(_edited_second_version(), corpus.header(2)),
    "cancelled form": lambda: to_bytes(build_cancellation(corpus.full_form(), corpus.header(3))),
    "procedures without contact only": lambda: document(
        corpus.full_form(contacts=0), corpus.header(1, effective="2026-03-29T03:30:00")),
}


@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_document_is_valid_against_xsd_and_schematron(name: str) -> None:
    assert_valid(CORPUS[name]())


def test_every_template_of_the_mapping_is_checked_by_the_schematron() -> None:
    sch = schematron()
    fired: set[str] = set()
    for make in CORPUS.values():
        for context in sch.check(make()).fired:
            fired |= set(re.findall(r"1\.2\.208\.176\.7\.1\.10\.(\d+)'", context))
    expected = {"71", "101", "102", "103", "106", "107", "95", "80", "51", "53", "54", "55", "81", "82", "83",
                "105", "75", "74", "7", "8", "10", "48", "72", "76", "30", "16", "5", "2", "22", "77", "113",
                "45", "46", "36", "37", "40", "43", "96", "90", "88", "89", "70", "93", "94", "116", "118", "117"}
    assert expected <= fired, sorted(expected - fired, key=int)


def _mutated(mutate) -> bytes:
    doc = build_document(corpus.full_form(), corpus.header(1))
    mutate(doc)
    return to_bytes(doc)


def _drop_record_target(doc) -> None:
    doc.remove(doc.find(f"{HL7}recordTarget"))


def _wrong_code_system(doc) -> None:
    doc.find(f".//{HL7}encounter/{HL7}code").set("codeSystem", "1.2.3.4.5")


def test_dropping_record_target_is_caught_by_both_validators() -> None:
    need_shared()
    data = _mutated(_drop_record_target)
    assert xsd_errors(data, XSD), "the XSD let a document without recordTarget pass"
    result = schematron().check(data)
    assert result.failed and result.document_rule_fired


def test_wrong_code_system_is_caught_by_the_schematron_and_an_unknown_element_by_the_xsd() -> None:
    need_shared()
    result = schematron().check(_mutated(_wrong_code_system))
    assert any("1.2.208.176.2.4" in message for message in result.failed), result.failed
    # The XSD cannot know OIDs; it catches what breaks the CDA structure.
    data = _mutated(lambda doc: doc.find(f".//{HL7}encounter").insert(0, etree.Element(f"{HL7}bogus")))
    assert xsd_errors(data, XSD)


def test_a_document_of_another_kind_fires_no_document_rule() -> None:
    need_shared()
    data = _mutated(lambda doc: [doc.remove(t) for t in doc.findall(f"{HL7}templateId")[:1]])
    assert not schematron().check(data).document_rule_fired
