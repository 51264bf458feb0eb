"""The form -> CDA mapping without the official validators: identity, versions, times, values, refusals."""

from __future__ import annotations

import pytest

from seilocal.export.cda import IntegrityError, build_cancellation, build_document, to_bytes
from seilocal.export.cda.build import Header
from seilocal.export.cda.ids import cda_time, from_cda_time, row_id, set_id
from tests.support import cda_corpus as corpus

NS = {"h": "urn:hl7-org:v3"}


def _doc(form=None, version=1, **kw):
    return build_document(form or corpus.full_form(), corpus.header(version, **kw))


def test_danish_time_carries_winter_and_summer_offsets() -> None:
    assert cda_time("2026-01-15T10:00:00") == "20260115100000+0100"
    assert cda_time("2026-07-15T10:00:00") == "20260715100000+0200"
    # The switch nights: 03:30 on 29 March 2026 is summer time, 01:30 on 25 October still summer, 03:30 winter.
    assert cda_time("2026-03-29T03:30:00").endswith("+0200")
    assert cda_time("2026-10-25T01:30:00").endswith("+0200")
    assert cda_time("2026-10-25T03:30:00").endswith("+0100")


def test_cda_time_reads_back_to_the_same_danish_wall_clock() -> None:
    for text in ("2026-01-15T10:00:00", "2026-07-15T23:59:59"):
        assert from_cda_time(cda_time(text)) == text
    # Another offset is converted into Danish time: 12:00 UTC in July is 14:00 here.
    assert from_cda_time("20260715120000+0000") == "2026-07-15T14:00:00"
    with pytest.raises(ValueError):
        from_cda_time("yesterday")


def test_ids_are_stable_per_course_and_row_and_differ_between_them() -> None:
    a, b = corpus.COURSE_ID, "11111111-2222-4333-8444-555555555555"
    assert set_id(a) == set_id(a) != set_id(b)
    assert row_id(a, "contact", "x") == row_id(a, "contact", "x")
    assert len({row_id(a, "contact", "x"), row_id(b, "contact", "x"), row_id(a, "diagnosis", "x")}) == 3


def test_versions_share_set_and_entry_ids_but_not_document_id() -> None:
    form = corpus.full_form()
    first, second = _doc(form, version=1), _doc(form, version=2)
    assert first.find("h:setId", NS).get("root") == second.find("h:setId", NS).get("root")
    assert first.find("h:id", NS).get("extension") != second.find("h:id", NS).get("extension")
    assert second.find("h:versionNumber", NS).get("value") == "2"
    entries = ".//h:section/h:entry/*/h:id"
    ids1 = [e.get("extension") for e in first.iterfind(entries, NS)]
    ids2 = [e.get("extension") for e in second.iterfind(entries, NS)]
    assert ids1 == ids2 and len(set(ids1)) == 1 + 2 + 3 + 4  # course, contacts, procedures, diagnoses
    assert first.find("h:relatedDocument", NS) is None


def test_a_later_version_replaces_the_previous_one() -> None:
    second = _doc(version=2)
    related = second.find("h:relatedDocument", NS)
    assert related.get("typeCode") == "RPLC"
    parent_id = related.find("h:parentDocument/h:id", NS).get("extension")
    assert parent_id == _doc(version=1).find("h:id", NS).get("extension")
    assert related.find("h:parentDocument/h:versionNumber", NS).get("value") == "1"


def test_the_same_version_gives_the_same_bytes() -> None:
    form = corpus.full_form()
    assert to_bytes(_doc(form)) == to_bytes(_doc(form))


def test_author_is_the_reporting_unit_and_patient_the_cpr() -> None:
    doc = _doc()
    assert doc.find("h:author//h:representedOrganization/h:id", NS).get("extension") == corpus.UNIT
    patient_id = doc.find("h:recordTarget/h:patientRole/h:id", NS)
    assert (patient_id.get("root"), patient_id.get("extension")) == ("1.2.208.176.1.2", "0101801235")


def test_replacement_cpr_is_an_alternatively_identified_patient() -> None:
    doc = _doc(corpus.full_form(cpr="010190-1AB1"))
    role = doc.find("h:recordTarget/h:patientRole", NS)
    assert role.find("h:templateId", NS).get("root") == "1.2.208.176.7.1.10.107"
    assert role.find("h:id", NS).get("extension") == "0101901AB1"
    assert role.find("h:id", NS).get("root") != "1.2.208.176.1.2"


def test_every_contact_diagnosis_procedure_and_report_is_written() -> None:
    form = corpus.reports_form()
    doc = build_document(form, corpus.header())
    codes = {e.get("code") for e in doc.iter("{urn:hl7-org:v3}code")}
    assert {"ALCA00", "DC509", "DZ038", "KHAC20", "BVAA33A", "ZDW10", "DC793C", "DT636C", "ZKC01", "MV08AA01",
            "ZPP00", "ALAL01", "AFV01A1", "AFV01B", "ALDA11", "ALDB00", "ALAA01", "ALAC01", "ALFA2"} <= codes
    names = [e.get("code") for e in doc.iterfind(".//h:organizer/h:code", NS)]
    assert names == [f"RAA{n:02d}" for n in range(1, 14)]  # RAA11-RAA13 too (SKS since 2018)
    statuses = {e.get("code") for e in doc.iterfind(".//h:organizer/h:statusCode", NS)}
    assert statuses == {"RAS00", "RAS01"}
    values = [e.text for e in doc.iterfind(".//h:organizer//h:value", NS)]
    assert "20260701101500+0200" in values and "12.5" in values and "fri tekst <&>" in values


def test_cancellation_nullifies_the_course_after_the_last_version() -> None:
    doc = build_cancellation(corpus.full_form(), corpus.header(3))
    assert doc.find("h:versionNumber", NS).get("value") == "3"
    related = doc.find("h:relatedDocument", NS)
    assert related.get("typeCode") == "APND"
    assert related.find("h:parentDocument/h:versionNumber", NS).get("value") == "2"
    target = doc.xpath(".//h:act[h:statusCode/@code='nullified']/h:reference/h:externalAct/h:id", namespaces=NS)[0]
    assert target.get("extension") == corpus.COURSE_ID


@pytest.mark.parametrize("spoil, reason", [
    (lambda f, h: f.patient.__setattr__("cpr", None), "CPR"),
    (lambda f, h: f.patient.__setattr__("cpr", "0101-80 x"), "CPR"),
    (lambda f, h: f.contacts[0].__setattr__("start", "31-02-2026"), "contact 1 start"),
    (lambda f, h: f.referral.__setattr__("method", None), "referral method"),
    (lambda f, h: f.result_reports.append(corpus.ResultReport(name="RAA01", trigger=corpus.Trigger(ref="nope"),
                                                              results={"RDA01": "X"})), "trigger"),
])
def test_a_form_that_cannot_be_reported_is_refused_with_the_reason(spoil, reason: str) -> None:
    form, header = corpus.full_form(), corpus.header()
    spoil(form, header)
    with pytest.raises(IntegrityError) as caught:
        build_document(form, header)
    assert any(reason in problem for problem in caught.value.problems), caught.value.problems


def test_missing_author_unit_or_cvr_is_refused() -> None:
    with pytest.raises(IntegrityError, match="CVR"):
        build_document(corpus.full_form(), Header(1, "2026-11-05T12:00:00", corpus.UNIT, ""))
    with pytest.raises(IntegrityError, match="reporting unit"):
        build_document(corpus.full_form(), Header(1, "2026-11-05T12:00:00", "", corpus.CVR))


def test_catalog_invalid_code_is_refused() -> None:
    from seilocal.export.cda import check_integrity

    class Catalog:
        def is_valid(self, code, at=None):
            return False if code == "DZ038" else None

        def sor_valid(self, unit, at=None):
            return None

    with pytest.raises(IntegrityError, match="DZ038"):
        check_integrity(corpus.full_form(), corpus.header(), catalog=Catalog())


def _without_ids(data: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(data)
    for ident in root.iter("{urn:hl7-org:v3}id", "{urn:hl7-org:v3}setId"):
        if ident.get("root") not in ("1.2.208.176.1.1", "1.2.208.176.1.2", "2.16.840.1.113883.2.24.1.1"):
            ident.attrib.pop("extension", None)
            ident.attrib.pop("root", None)
    return etree.tostring(root)


@pytest.mark.parametrize("make", [corpus.full_form, corpus.reports_form, lambda: corpus.full_form(contacts=0)])
def test_reading_our_own_document_and_writing_it_again_gives_the_same_document(make) -> None:
    from seilocal.export.cda.read import read_document

    first = to_bytes(build_document(make(), corpus.header()))
    result = read_document(first)
    assert result.dropped == []
    assert (result.author_unit, result.custodian_cvr) == (corpus.UNIT, corpus.CVR)
    again = to_bytes(build_document(result.form, corpus.header()))
    assert _without_ids(again) == _without_ids(first)
