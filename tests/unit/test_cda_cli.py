"""Where the LPR3 documents show: in every submitted version's bundle, `export --cda`, `cancel`, `import FILE.xml`."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

import pytest

import seilocal.cli.forms as cli_forms
from seilocal.cli import main
from seilocal.export import read_bundle
from seilocal.export.bundle import sha256
from seilocal.model.profile import PracticeProfile
from seilocal.store import open_store
from seilocal.store.profile import save_profile
from seilocal.store.versions import versions_of
from tests.support.cda_support import SAMPLES, assert_valid
from tests.support.dbfile import bundle_file, bundle_names
from tests.support.rules_fakes import UNIT
from tests.support.submit_helpers import clean_form

NOW = datetime(2026, 11, 25, 10, 30)


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data dir with form 1 (a clean draft) and a practice profile with reporting unit and CVR."""
    monkeypatch.setattr(cli_forms, "_clock", lambda: NOW)
    folder = tmp_path / "data"
    store = open_store(folder)
    store.forms.create(clean_form())
    save_profile(store.prefs, PracticeProfile(clinic_name="Klinik", cvr="25469364", responsible_unit=UNIT))
    store.close()
    return folder


def run(data, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def _edit(data, path: str, value) -> None:
    store = open_store(data)
    try:
        store.forms.save_edit(store.forms.load(1), path, value)
    finally:
        store.close()


def test_each_submitted_bundle_holds_its_lpr3_document_listed_in_the_manifest(data, tmp_path):
    assert run(data, "submit", "1") == 0
    bundle = bundle_file(data, "seilocal-skema-1-v1.zip", tmp_path / "exported")
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        xml = archive.read("lpr3/seilocal-skema-1-v1-lpr3.xml")
    assert manifest["files"]["lpr3/seilocal-skema-1-v1-lpr3.xml"] == sha256(xml)
    assert "lpr3_error" not in manifest
    assert read_bundle(bundle).version == 1  # the reading side accepts the new files
    assert b"<versionNumber value=\"1\"/>" in xml
    assert_valid(xml)


def test_without_a_cvr_the_submission_is_refused_and_nothing_is_stored(data, capsys):
    store = open_store(data)
    save_profile(store.prefs, PracticeProfile(responsible_unit=UNIT))
    store.close()
    assert run(data, "submit", "1") == 1
    out, err = capsys.readouterr()
    assert "was not submitted" in err and "nothing was stored" in err
    assert "CVR" in out and "submitted as version" not in out
    store = open_store(data)
    try:
        assert store.forms.load(1).form.status == "draft"
        assert versions_of(store).versions(1) == []
        assert bundle_names(data) == []
    finally:
        store.close()


def test_a_control_character_in_a_name_refuses_the_submission_naming_the_field(data, capsys):
    _edit(data, "patient.name", "Anna\x0bHansen")
    assert run(data, "submit", "1") == 1
    out = capsys.readouterr().out
    assert "patient.name" in out and "control character" in out
    assert bundle_names(data) == []


def test_export_cda_of_a_form_and_a_month_and_the_second_version_replaces_the_first(data, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 1  # nothing submitted yet
    run(data, "submit", "1")
    _edit(data, "patient.name", "Anden Person")
    run(data, "submit", "1")
    capsys.readouterr()
    assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["seilocal-skema-1-v1-lpr3.xml", "seilocal-skema-1-v2-lpr3.xml"]
    second = (out / names[1]).read_bytes()
    assert b'<relatedDocument typeCode="RPLC">' in second and b'<versionNumber value="2"/>' in second
    assert_valid(second)
    month = tmp_path / "month"
    assert run(data, "export", "--month", "2026-11", "--cda", "--out", str(month)) == 0
    assert sorted(p.name for p in month.iterdir()) == names


def test_cancel_does_what_annuller_does_and_exports_the_removal_document(data, tmp_path, capsys):
    assert run(data, "cancel", "1", "--reason", "fejl") == 1  # a draft cannot be cancelled
    err = capsys.readouterr().err
    assert "form 1: " in err and "draft" in err
    assert run(data, "cancel", "7", "--reason", "fejl") == 1
    assert "no form number 7" in capsys.readouterr().err
    run(data, "submit", "1")
    assert run(data, "cancel", "1", "--reason", "   ") == 2
    assert run(data, "cancel", "1", "--reason", "dobbelt oprettet") == 0
    store = open_store(data)
    assert store.forms.load(1).form.status == "cancelled"
    store.close()
    assert run(data, "cancel", "1", "--reason", "igen") == 1
    out = tmp_path / "out"
    assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 0
    removal = (out / "seilocal-skema-1-v2-annullering.xml").read_bytes()
    assert b'code="nullified"' in removal and b'<relatedDocument typeCode="APND">' in removal
    assert_valid(removal)


def test_an_export_that_cannot_be_written_writes_nothing(data, tmp_path, capsys):
    run(data, "submit", "1")
    store = open_store(data)
    save_profile(store.prefs, PracticeProfile(responsible_unit=UNIT))  # no CVR any more
    store.close()
    out = tmp_path / "out"
    assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 2
    assert "CVR" in capsys.readouterr().err
    assert not out.exists() or list(out.iterdir()) == []


def test_import_of_a_sample_and_refusal_of_the_same_course(tmp_path, capsys):
    sample = SAMPLES / "EpisodeOfCare.xml"
    if not sample.exists():
        pytest.skip(f"the official samples are not at {SAMPLES} (../shared absent)")
    data = tmp_path / "data"
    assert run(data, "import", str(sample)) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert run(data, "import", str(sample)) == 2
    assert "already here as form 1" in capsys.readouterr().err


def test_a_defect_in_the_lpr3_export_never_loses_the_bundle(data):
    from seilocal.export.bundle import build_bundle
    from seilocal.store.versions import versions_of

    assert run(data, "submit", "1") == 0
    store = open_store(data)
    try:
        version = versions_of(store).get(1, 1)
    finally:
        store.close()

    def broken(_version):
        raise KeyError("defect")

    with zipfile.ZipFile(io.BytesIO(build_bundle(version, lpr3=broken))) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["lpr3_error"] == "the LPR3 document could not be written (KeyError)"
    assert set(manifest["files"]) == {"form.json", "validation.json", "form.pdf"}


def test_make_cda_check_passes_on_every_document_of_the_submissions(data, tmp_path, capsys):
    """What `make cda-check FILE=...` runs, on every document a series of submissions and a cancellation give."""
    from seilocal.export.cda.check import main as cda_check
    from tests.support.cda_support import LPR3, need_shared

    need_shared()
    pytest.importorskip("saxonche", reason="saxonche (the test extra) is needed to run the schematron")
    assert run(data, "submit", "1") == 0
    _edit(data, "patient.name", "Anden Person")
    assert run(data, "submit", "1") == 0
    assert run(data, "cancel", "1", "--reason", "fejl") == 0
    out = tmp_path / "out"
    assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 0
    files = sorted(str(p) for p in out.iterdir())
    assert len(files) == 3
    capsys.readouterr()
    assert cda_check([str(LPR3), *files]) == 0
    assert capsys.readouterr().out.count(": OK (") == 3


def test_make_cda_check_and_the_tests_share_one_compiled_schematron(monkeypatch):
    """Saxon compiles the schematron once per process (~6 CPU-seconds): `make cda-check`'s relative build folder
    and the tests' absolute one name the same compilation."""
    from seilocal.export.cda.check import compiled_schematron
    from tests.support.cda_support import BUILD, SCHEMATRON_ZIP, schematron

    shared = schematron()
    monkeypatch.chdir(BUILD.parent.parent)
    assert compiled_schematron(SCHEMATRON_ZIP, BUILD.relative_to(BUILD.parent.parent)) is shared


def test_a_defect_in_the_lpr3_writer_refuses_the_submission_and_stores_nothing(data, monkeypatch, capsys):
    from seilocal.export import submission

    def broken(_profile):
        def documents(_version):
            raise KeyError("defect")
        return documents

    monkeypatch.setattr(submission, "bundle_documents", broken)
    assert run(data, "submit", "1") == 1
    assert "could not be written (KeyError)" in capsys.readouterr().out
    store = open_store(data)
    try:
        assert store.forms.load(1).form.status == "draft" and versions_of(store).versions(1) == []
    finally:
        store.close()
