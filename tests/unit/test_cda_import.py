"""`seilocal import FILE.xml`: hostile and foreign files are refused (exit 2, nothing stored); the 13 official
samples import and export again valid, with the same patient, course, codes, SOR units and instants."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

import pytest
from lxml import etree

from seilocal.cli import main
from seilocal.export.cda import build_cancellation, build_document, to_bytes
from seilocal.export.cda.documents import reporter
from seilocal.export.cda.importer import import_cda
from seilocal.export.imports import accept_offer, profile_offer
from seilocal.model.profile import PracticeProfile
from seilocal.store import open_store
from seilocal.store.profile import load_profile
from tests.support.cda_support import SAMPLES, assert_valid

HL7 = "urn:hl7-org:v3"
NS = {"h": HL7}
SKS = "1.2.208.176.2.4"

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE ClinicalDocument [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&secret;</title></ClinicalDocument>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol9;</title></ClinicalDocument>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE ClinicalDocument SYSTEM "http://example.invalid/cda.dtd">
<ClinicalDocument xmlns="urn:hl7-org:v3"/>"""

REFUSED = {
    "malformed XML": (b"<ClinicalDocument xmlns='urn:hl7-org:v3'><title></ClinicalDocument>", "not well-formed"),
    "external entity (XXE)": (XXE, "DOCTYPE"),
    "billion laughs": (LAUGHS, "DOCTYPE"),
    "external DTD": (EXTERNAL_DTD, "DOCTYPE"),
    "XXE in UTF-16": ('<?xml version="1.0" encoding="UTF-16"?>\n'.encode("utf-16") + XXE.split(b"?>", 1)[1]
                      .decode().encode("utf-16")[2:], "DOCTYPE"),
    "not CDA": (b"<html><body>hej</body></html>", "not an HL7 CDA document"),
    "CDA but not LPR3": (b'<ClinicalDocument xmlns="urn:hl7-org:v3"><title/></ClinicalDocument>',
                         "not an LPR3 document"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_bad_files_are_refused_with_the_reason_and_nothing_is_stored(name, tmp_path, capsys):
    content, reason = REFUSED[name]
    path = tmp_path / "doc.xml"
    path.write_bytes(content)
    data = tmp_path / "data"
    started = time.perf_counter()
    assert main(["--data-dir", str(data), "import", str(path)]) == 2
    assert time.perf_counter() - started < 5  # no entity expansion, no network
    err = capsys.readouterr().err
    assert reason in err and "nothing was imported" in err
    assert "root:" not in err  # /etc/passwd never read
    store = open_store(data)
    try:
        assert store.db.execute("SELECT count(*) FROM forms").fetchone()[0] == 0
    finally:
        store.close()


def _samples():
    return sorted(SAMPLES.glob("*.xml")) if SAMPLES.exists() else []


def _body(root):
    return root.find("h:component/h:structuredBody", NS)


def _codes(root) -> set[str]:
    return {e.get("code") for e in _body(root).iter() if isinstance(e.tag, str) and e.get("codeSystem") == SKS
            and e.get("code")}


def _units(root) -> set[str]:
    return {e.get("extension") for e in root.iter(f"{{{HL7}}}id") if e.get("root") == "1.2.208.176.1.1"}


def _instant(value: str) -> datetime | str:
    match = re.match(r"^(\d{14})([+-]\d{4})$", value)
    if not match or match.group(2) == "-0000":
        return value
    return datetime.strptime(value, "%Y%m%d%H%M%S%z").astimezone(UTC)


def _instants(root) -> set:
    return {_instant(e.get("value")) for e in _body(root).iter() if isinstance(e.tag, str)
            and re.match(r"^\d{14}", e.get("value") or "")}


def _course(root) -> str | None:
    for path in (".//h:act[h:templateId/@root='1.2.208.176.7.1.10.80']/h:id",
                 ".//h:act[h:templateId/@root='1.2.208.176.7.1.10.118']/h:id",
                 ".//h:externalAct[h:templateId/@root='1.2.208.176.7.1.10.65']/h:id",
                 ".//h:act[h:templateId/@root='1.2.208.176.7.1.10.118']/h:reference/*/h:id"):
        found = root.xpath(path, namespaces=NS)
        if found and found[0].get("extension"):
            return found[0].get("extension").lower()
    return None


def _patient(root) -> str:
    return root.find("h:recordTarget/h:patientRole/h:id", NS).get("extension")


@pytest.mark.parametrize("sample", _samples(), ids=lambda p: p.name)
def test_official_sample_imports_and_exports_again_valid_and_the_same(sample, tmp_path):
    store = open_store(tmp_path / "data")
    try:
        form_no, result = import_cda(store, sample)
        form = store.forms.load(form_no).form
        assert load_profile(store.prefs) == PracticeProfile()  # the import itself changes no profile
        offer = profile_offer(store, result.author_unit, result.custodian_cvr)
        assert offer is not None and offer.unit == result.author_unit  # offered, and accepted by the user
        accept_offer(store, offer)
        unit, cvr = reporter(load_profile(store.prefs))
        cvr = cvr or result.custodian_cvr  # a sample CVR without a valid check digit is not offered: typed
    finally:
        store.close()
    from seilocal.export.cda import Header

    header = Header(version=2, effective="2026-11-05T12:00:00", author_unit=unit, custodian_cvr=cvr)
    doc = build_cancellation(form, header) if form.status == "cancelled" else build_document(form, header)
    data = to_bytes(doc)
    assert_valid(data)
    original, again = etree.fromstring(sample.read_bytes()), etree.fromstring(data)
    assert _patient(again) == _patient(original)
    assert _course(again) == _course(original)
    assert _units(again) == _units(original)  # the author's unit included
    assert _codes(again) <= _codes(original)
    assert _codes(original) - _codes(again) <= result.dropped_codes, result.dropped
    assert _instants(again) <= _instants(original)
    dropped = {_instant(v) for v in result.dropped_times}
    assert _instants(original) - _instants(again) <= dropped, result.dropped


def test_all_thirteen_samples_are_there():
    if not SAMPLES.exists():
        pytest.skip(f"the official samples are not at {SAMPLES} (../shared absent)")
    assert len(_samples()) == 13
