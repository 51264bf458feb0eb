"""A cancer diagnosis's "ingen metastaser" / "ingen lokalrecidiv" in CDA: exported as LPR3 wants, read back.

LPR3 (rules 12111/12112) counts "none" as metastasis (local-recurrence) info: one DK Metastasis Observation
(template 10.37) or DK Cancer Recurrence Observation (10.40) with a code, never a nullFlavor.
"""

from __future__ import annotations

from seilocal.export.cda import build_document, to_bytes
from seilocal.export.cda.read import read_document
from seilocal.model.cancer import NO_LOCAL_RECURRENCE_CODE, NO_METASTASES_CODE
from seilocal.model.form import Diagnosis
from tests.support import cda_corpus as corpus
from tests.support.cda_support import assert_valid

NS = {"h": "urn:hl7-org:v3"}


def _form():
    form = corpus.full_form(contacts=1)
    contact = form.contacts[0]
    contact.diagnoses = [
        Diagnosis(kind="action", code="DC509", side="TUL2", no_metastases=True, no_local_recurrences=True),
        # A secondary cancer diagnosis with a metastasis code and "no local recurrence".
        Diagnosis(kind="secondary", code="DC187", metastases=["DC793C"], no_local_recurrences=True),
    ]
    return form


def _codes(diagnosis_obs, template: str) -> list[tuple[str | None, str | None]]:
    found = []
    for relation in diagnosis_obs.findall("h:entryRelationship", NS):
        obs = relation.find("h:observation", NS)
        if obs is not None and obs.find(f"h:templateId[@root='1.2.208.176.7.1.10.{template}']", NS) is not None:
            code = obs.find("h:code", NS)
            found.append((code.get("code"), code.get("nullFlavor")))
    return found


def test_none_exports_as_one_coded_observation_and_validates() -> None:
    root = build_document(_form(), corpus.header())
    diagnoses = root.xpath(".//h:observation[h:templateId[@root='1.2.208.176.7.1.10.36']]", namespaces=NS)
    by_code = {d.find("h:code", NS).get("code"): d for d in diagnoses}
    assert _codes(by_code["DC509"], "37") == [(NO_METASTASES_CODE, None)]
    assert _codes(by_code["DC509"], "40") == [(NO_LOCAL_RECURRENCE_CODE, None)]
    assert _codes(by_code["DC187"], "37") == [("DC793C", None)]
    assert _codes(by_code["DC187"], "40") == [(NO_LOCAL_RECURRENCE_CODE, None)]
    # The SKS codes themselves (SKS 2026-06, DZ06 group), no placeholder: XSD and the 2019 schematron accept them.
    assert (NO_METASTASES_CODE, NO_LOCAL_RECURRENCE_CODE) == ("DZ061A", "DZ063A")
    data = to_bytes(root)
    assert b'code="DZ061A"' in data and b'code="DZ063A"' in data and b"INGEN" not in data
    assert_valid(data)


def test_none_survives_export_validate_import() -> None:
    data = to_bytes(build_document(_form(), corpus.header()))
    assert_valid(data)
    back = read_document(data).form
    diagnoses = {d.code: d for d in back.contacts[0].diagnoses}
    action, secondary = diagnoses["DC509"], diagnoses["DC187"]
    assert (action.no_metastases, action.metastases) == (True, [])
    assert (action.no_local_recurrences, action.local_recurrences) == (True, [])
    assert (secondary.no_metastases, secondary.metastases) == (False, ["DC793C"])
    assert (secondary.no_local_recurrences, secondary.local_recurrences) == (True, [])
    # Exported again, the same statements: the round trip is stable.
    again = build_document(back, corpus.header())
    assert to_bytes(again).count(NO_METASTASES_CODE.encode()) == 1
    assert to_bytes(again).count(NO_LOCAL_RECURRENCE_CODE.encode()) == 2


def test_a_diagnosis_without_the_statement_exports_no_none_code() -> None:
    data = to_bytes(build_document(corpus.full_form(contacts=1), corpus.header()))
    assert NO_METASTASES_CODE.encode() not in data and NO_LOCAL_RECURRENCE_CODE.encode() not in data
    back = read_document(data).form
    assert not any(d.no_metastases or d.no_local_recurrences for c in back.contacts for d in c.diagnoses)
