"""»Importér« on the forms list: an LPR3 CDA document or a form file becomes a new form that opens; every bad file
gets a Danish message naming what is wrong, and nothing is stored, and the upload never stays in the data dir."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from nicegui.testing import User

from tests.support.env import SHARED
from tests.support.submit_helpers import clean_form

SAMPLE = SHARED / "lpr3" / "cda-examples" / "EpisodeOfCare.xml"
# A file name that carries patient data, as a user's file may: it must reach the screen, never a log.
NAME = "0101801235-jens-hansen"

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE ClinicalDocument [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&secret;</title></ClinicalDocument>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol9;</title></ClinicalDocument>"""

# (file name, content, what the Danish message must say)
BAD = {
    "malformed XML": (f"{NAME}.xml", b"<ClinicalDocument xmlns='urn:hl7-org:v3'>\n<title></ClinicalDocument>",
                      "er ikke gyldig XML (fejl i linje 2)"),
    "external entity (XXE)": (f"{NAME}.xml", XXE, "indeholder en DTD eller entitetserklæringer"),
    "billion laughs": (f"{NAME}.xml", LAUGHS, "indeholder en DTD eller entitetserklæringer"),
    "not CDA": (f"{NAME}.xml", b"<html><body>hej</body></html>",
                "er ikke et HL7 CDA-dokument: dens rodelement er »html«"),
    "CDA but not LPR3": (f"{NAME}.xml", b'<ClinicalDocument xmlns="urn:hl7-org:v3"><title/></ClinicalDocument>',
                         "er et CDA-dokument, men ikke et LPR3-dokument"),
    "LPR3 without a patient": (
        f"{NAME}.xml",
        b'<ClinicalDocument xmlns="urn:hl7-org:v3"><templateId root="1.2.208.176.7.1.10.71"/></ClinicalDocument>',
        "kan ikke læses som et LPR3-skema: dokumentet nævner ingen patient"),
    "too large": (f"{NAME}.xml", b"<" + b"a" * (32 * 1024 * 1024), "er for stor"),
    "too many elements": (f"{NAME}.xml", b"<r>" + b"<a/>" * 600_000 + b"</r>", "har over 500.000 elementer"),
    "not JSON": (f"{NAME}.json", b"hej med dig", "er hverken et LPR3-dokument (XML) eller en skemafil (JSON)"),
    "JSON but not a form": (f"{NAME}.json", b'{"patient": {"cpr": 5}}', "er JSON, men ikke et gyldigt skema"),
    "a duplicate key": (f"{NAME}.json", b'{"status": "draft", "status": "submitted"}',
                        "nævner feltet »status« to gange"),
    "a ZIP file": (f"{NAME}.zip", b"PK\x03\x04" + b"\0" * 40, "er en ZIP-fil"),
}


def _upload(name: str, data: bytes):
    from nicegui.elements.upload_files import SmallFileUpload

    return SmallFileUpload(name=name, content_type="application/octet-stream", _data=data)


def _count(user: User) -> int:
    return user.ctx.store.db.execute("SELECT count(*) FROM forms").fetchone()[0]


def _files(data_dir: Path) -> list[str]:
    """The files of the data folder, less SQLite's own companions of the open database (its WAL and shared
    memory come and go with the connection's journal mode, not with anything the upload does)."""
    return sorted(str(p.relative_to(data_dir)) for p in data_dir.rglob("*")
                  if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal")))


def _leftovers(user: User) -> list[str]:
    data_dir = Path(user.ctx.store.path).parent
    return [p.name for p in data_dir.rglob("*") if p.name.startswith(".form-import-")]


async def _import(user: User, name: str, data: bytes) -> None:
    await user.open("/")
    user.find(marker="form-import").click()
    await user.should_see(marker="form-import-upload")
    (upload,) = user.find(marker="form-import-upload").elements
    await upload.handle_uploads([_upload(name, data)])


@pytest.mark.parametrize("case", list(BAD))
async def test_a_bad_file_is_refused_in_danish_and_nothing_is_stored(app_user: User, case: str, caplog) -> None:
    name, data, message = BAD[case]
    caplog.set_level(logging.DEBUG)
    await _import(app_user, name, data)
    await app_user.should_see(message, marker="form-import-status")
    await app_user.should_see(f"Filen »{name}«", marker="form-import-status")
    await app_user.should_see("Intet er importeret.", marker="form-import-status")
    assert _count(app_user) == 0
    assert _leftovers(app_user) == []
    assert NAME not in caplog.text and "0101801235" not in caplog.text


async def test_a_form_file_imports_into_a_new_form_that_opens(app_user: User, caplog, monkeypatch) -> None:
    from seilocal.pages import form_import

    seen: list[list[str]] = []
    real = form_import.parse_upload
    data_dir = Path(app_user.ctx.store.path).parent

    def spy(data, name):  # while the upload is read: what files does the data folder hold?
        seen.append(_files(data_dir))
        return real(data, name)

    monkeypatch.setattr(form_import, "parse_upload", spy)
    before = _files(data_dir)
    form = clean_form()
    caplog.set_level(logging.DEBUG)
    await _import(app_user, f"{NAME}.json", form.to_json().encode())
    await app_user.should_see(marker="header-cpr")  # the form page of the new form
    assert _count(app_user) == 1
    stored = app_user.ctx.store.forms.load(1).form
    assert stored.course.id == form.course.id and stored.patient.cpr == form.patient.cpr
    # The upload was read from memory: no file appeared in the data folder while it was read (issue 22).
    assert seen == [before] and _leftovers(app_user) == []
    assert NAME not in caplog.text and form.patient.cpr not in caplog.text

    # The same course again is refused by name, and the first form stays the only one.
    await _import(app_user, "igen.json", form.to_json().encode())
    await app_user.should_see(f"Et skema med forløbsID {form.course.id} findes allerede her.",
                              marker="form-import-status")
    assert _count(app_user) == 1


async def test_an_lpr3_document_imports_into_a_new_form_that_opens(app_user: User, caplog) -> None:
    if not SAMPLE.exists():
        pytest.skip(f"the official LPR3 samples are not at {SAMPLE.parent} (../shared absent)")
    from seilocal.export.cda.read import read_document

    expected = read_document(SAMPLE.read_bytes()).form
    caplog.set_level(logging.DEBUG)
    await _import(app_user, f"{NAME}.xml", SAMPLE.read_bytes())
    await app_user.should_see(marker="import-result")  # the author offered for the empty profile, first
    await app_user.should_see(marker="import-offer")
    app_user.find(marker="import-open").click()
    await app_user.should_see(marker="header-cpr")
    assert _count(app_user) == 1
    stored = app_user.ctx.store.forms.load(1).form
    assert stored.course.id == expected.course.id and stored.patient.cpr == expected.patient.cpr
    assert [c.id for c in stored.contacts] == [c.id for c in expected.contacts]
    assert _leftovers(app_user) == []
    assert NAME not in caplog.text and expected.patient.cpr not in caplog.text

    # The same course again: refused, naming the course and the form that has it.
    await _import(app_user, "igen.xml", SAMPLE.read_bytes())
    await app_user.should_see(f"Forløbet {expected.course.id} findes allerede her som skema 1. Intet er importeret.",
                              marker="form-import-status")
    assert _count(app_user) == 1


async def test_a_form_file_that_says_submitted_is_a_draft_and_the_note_shows_before_the_form(app_user: User) -> None:
    form = clean_form()
    form.status = "submitted"
    await _import(app_user, "skema.json", form.to_json().encode())
    await app_user.should_see("et importeret skema er altid en kladde", marker="import-note")
    await app_user.should_not_see(marker="header-cpr")  # the form opens only when asked
    assert app_user.ctx.store.forms.load(1).form.status == "draft"
    app_user.find(marker="import-open").click()
    await app_user.should_see(marker="header-cpr")


async def test_a_cda_import_offers_the_author_and_changes_the_profile_only_when_accepted(app_user: User,
                                                                                        tmp_path) -> None:
    from seilocal.export.cda import Header, build_document, to_bytes
    from seilocal.model.profile import PracticeProfile
    from seilocal.store.profile import load_profile
    from tests.support import cda_corpus as corpus

    store = app_user.ctx.store
    document = to_bytes(build_document(corpus.full_form(), Header(1, "2026-11-05T12:00:00", corpus.UNIT, corpus.CVR)))
    await _import(app_user, "dokument.xml", document)
    await app_user.should_see(f"SOR-enhed {corpus.UNIT} og CVR-nummer {corpus.CVR}", marker="import-offer")
    assert load_profile(store.prefs) == PracticeProfile()  # nothing changed behind the user's back
    app_user.find(marker="import-offer-accept").click()
    await app_user.should_see("Praksisprofilen er opdateret.", marker="import-offer-done")
    profile = load_profile(store.prefs)
    assert (profile.responsible_unit, profile.cvr) == (corpus.UNIT, corpus.CVR)
    assert store.forms.load(1).form.status == "draft"
