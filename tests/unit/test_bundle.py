"""Submission bundles: written whole, verified on reading, round trip into a second installation."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from seilocal.export import (
    BundleError,
    ImportRefused,
    import_bundle,
    read_bundle,
    stored_bundle,
    submit_form,
    write_bundles,
)
from seilocal.export.bundle import build_bundle, sha256
from seilocal.store import open_store
from seilocal.store.versions import versions_of
from tests.support.dbfile import bundle_file, bundle_names
from tests.support.dbfile import stored_bundle as stored_bundle_bytes
from tests.support.submit_helpers import clean_form, set_practice

NOW = datetime(2026, 11, 25, 10, 30)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """An installation with form 1 submitted twice: bundles v1 and v2 in its database, exported as plain files."""
    data = tmp_path_factory.mktemp("source") / "data"
    store = open_store(data)
    set_practice(store)
    stored = store.forms.create(clean_form())
    first = submit_form(store, stored, lambda: NOW)
    store.forms.save_edit(stored, "patient.name", "Anden Person")
    second = submit_form(store, stored, lambda: datetime(2026, 12, 1, 9, 0))
    out = tmp_path_factory.mktemp("exported")
    for result in (first, second):  # `.file`: the plain copy an export writes, for the reader's tests
        result.file = bundle_file(data, result.bundle, out)
    yield store, first, second
    store.close()


@pytest.fixture
def target(tmp_path):
    store = open_store(tmp_path / "other")
    yield store
    store.close()


def _rezip(original: Path, out: Path, change) -> Path:
    """Copy a bundle, letting `change(name, data)` return new bytes (or None to drop the file)."""
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info.filename, data)
    return out


def test_submission_keeps_a_verified_bundle_in_the_database_and_no_plain_file(source):
    store, first, second = source
    assert first.bundle == "seilocal-skema-1-v1.zip" and bundle_names(store.path.parent) == [
        "seilocal-skema-1-v1.zip", "seilocal-skema-1-v2.zip"]
    assert first.bundle_error is None and second.bundle == "seilocal-skema-1-v2.zip"
    assert not (store.path.parent / "bundles").exists()
    assert stored_bundle(store, first.version) == first.file.read_bytes()
    with zipfile.ZipFile(first.file) as archive:
        assert sorted(archive.namelist()) == ["form.json", "form.pdf", "lpr3/seilocal-skema-1-v1-lpr3.xml",
                                              "manifest.json", "validation.json"]
        manifest = json.loads(archive.read("manifest.json"))
        for name, digest in manifest["files"].items():
            assert sha256(archive.read(name)) == digest
    assert manifest["format"] == "seilocal.bundle/1" and manifest["version"] == 1
    assert manifest["form_no"] == 1 and manifest["submitted_at"] == "2026-11-25T10:30:00"
    assert manifest["course_id"] == first.version.course_id and manifest["app_version"]
    bundle = read_bundle(first.file)
    assert bundle.form == first.version.form()
    warned = [f["rule"] for f in bundle.findings if f["severity"] == "warning"]
    assert warned == [w["rule"] for w in first.warnings]  # the bundle also keeps the info notes


def test_the_pdf_in_the_bundle_carries_the_watermark(source, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is needed for this test")
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(read_bundle(source[1].file).pdf)
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    letters = "".join(raw.split())  # the rotated watermark comes out a few letters per line
    assert "INDBERETTET" in letters and "KLADDE" not in letters


def test_the_same_version_gives_the_same_bytes(source):
    version = source[1].version
    assert build_bundle(version) == build_bundle(version)


def test_round_trip_into_a_second_installation(source, target):
    _, first, second = source
    assert import_bundle(target, first.file) == 1
    loaded = target.forms.load(1).form
    assert loaded == first.version.form() and loaded.status == "submitted"
    with pytest.raises(ImportRefused, match="already has version 1"):
        import_bundle(target, first.file)  # no duplicate
    assert import_bundle(target, second.file) == 1  # a newer version updates the same form
    assert target.forms.load(1).form.patient.name == "Anden Person"
    assert [(v.version, v.source) for v in versions_of(target).versions(1)] == [(1, "bundle"), (2, "bundle")]
    with pytest.raises(ImportRefused, match="already has version 2"):
        import_bundle(target, first.file)  # an older one never rolls back
    assert len(target.forms.search()) == 1


def test_a_newer_bundle_never_overwrites_local_changes(source, target):
    _, first, second = source
    import_bundle(target, first.file)
    stored = target.forms.load(1)
    target.forms.save_edit(stored, "patient.name", "Lokal rettelse")
    with pytest.raises(ImportRefused, match="'changed'"):
        import_bundle(target, second.file)
    assert target.forms.load(1).form.patient.name == "Lokal rettelse"
    assert len(versions_of(target).versions(1)) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n, d: d.replace(b"Testesen", b"Testesem") if n == "form.json" else d, "checksum of form.json"),
        (lambda n, d: d + b"x" if n == "form.pdf" else d, "checksum of form.pdf"),
        (lambda n, d: None if n == "validation.json" else d, "missing file"),
        (lambda n, d: None if n == "manifest.json" else d, "no manifest.json"),
        (lambda n, d: d.replace(b"seilocal.bundle/1", b"seilocal.bundle/2") if n == "manifest.json" else d,
         "newer than this program"),
        (lambda n, d: d.replace(b"seilocal.bundle/1", b"other.thing/1") if n == "manifest.json" else d,
         "not a SEI-LPR lokal bundle"),
        (lambda n, d: b"{not json" if n == "manifest.json" else d, "not valid JSON"),
    ],
    ids=["tampered-form", "tampered-pdf", "missing-file", "no-manifest", "newer-format", "foreign-format",
         "broken-manifest"],
)
def test_a_bad_bundle_is_refused_and_nothing_imported(source, target, tmp_path, change, message):
    bad = _rezip(source[1].file, tmp_path / "bad.zip", change)
    with pytest.raises(BundleError, match=message):
        import_bundle(target, bad)
    assert target.forms.search() == [] and versions_of(target).versions(1) == []


def test_an_extra_file_and_a_consistent_forgery_are_refused(source, tmp_path):
    extra = tmp_path / "extra.zip"
    shutil.copy(source[1].file, extra)
    with zipfile.ZipFile(extra, "a") as archive:
        archive.writestr("evil.sh", b"rm -rf /")
    with pytest.raises(BundleError, match="not in the manifest"):
        read_bundle(extra)

    # Checksums recomputed to fit, but form.json names another course than the manifest.
    with zipfile.ZipFile(source[1].file) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    form = json.loads(files["form.json"])
    form["course"]["id"] = "00000000-0000-4000-8000-000000000000"
    files["form.json"] = json.dumps(form).encode()
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["form.json"] = sha256(files["form.json"])
    files["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    with pytest.raises(BundleError, match="different courses"):
        read_bundle(buffer.getvalue())


def test_not_a_zip_and_a_missing_file_are_refused(target, tmp_path):
    text = tmp_path / "notes.zip"
    text.write_text("just text")
    with pytest.raises(BundleError, match="not a ZIP"):
        import_bundle(target, text)
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(BundleError):
        import_bundle(target, truncated)
    with pytest.raises(BundleError, match="cannot read"):
        import_bundle(target, tmp_path / "absent.zip")
    assert target.forms.search() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_gives_a_message_and_leaves_nothing(source, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BundleError, match="cannot write"):
            write_bundles([source[1].version, source[2].version], folder)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_folder_that_cannot_be_made_gives_a_message(source, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(BundleError, match="cannot create the folder"):
        write_bundles([source[1].version], blocker / "bundles")
    with pytest.raises(BundleError, match="a-file"):
        write_bundles([source[1].version], blocker)
    assert blocker.read_text() == ""


def test_a_failure_halfway_leaves_no_half_written_bundle(source, tmp_path, monkeypatch):
    import seilocal.export.bundle as bundle_module

    calls = []
    real = bundle_module.build_bundle

    def failing(version, *args, **kwargs):
        calls.append(version.version)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(version, *args, **kwargs)

    monkeypatch.setattr(bundle_module, "build_bundle", failing)
    with pytest.raises(BundleError, match="No space left"):
        write_bundles([source[1].version, source[2].version], tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_plain_bundles_of_an_older_version_move_into_the_database(source, tmp_path):
    data = tmp_path / "data"
    open_store(data).close()
    folder = data / "bundles"
    folder.mkdir()
    original = source[1].file.read_bytes()
    (folder / "seilocal-skema-1-v1.zip").write_bytes(original)
    (folder / ".seilocal-staging-x").mkdir()  # left by an interrupted write
    store = open_store(data)
    try:
        assert stored_bundle(store, source[1].version) == original
        assert store.db.execute("SELECT form_no, version FROM bundles").fetchall() == [(1, 1)]
    finally:
        store.close()
    assert not folder.exists()  # every file verified in the database, then removed
    open_store(data).close()  # the next start has nothing to move
    assert bundle_names(data) == ["seilocal-skema-1-v1.zip"]


def test_a_plain_file_that_is_no_bundle_stays_and_the_folder_with_it(tmp_path):
    data = tmp_path / "data"
    (data / "bundles").mkdir(parents=True)
    (data / "bundles" / "notes.txt").write_text("mine")
    open_store(data).close()
    assert (data / "bundles" / "notes.txt").read_text() == "mine"


def test_an_export_writes_the_bundle_kept_at_submission(source, tmp_path):
    store, first, _ = source
    (path,) = write_bundles([first.version], tmp_path / "out", stored=lambda v: stored_bundle(store, v))
    assert path.read_bytes() == first.file.read_bytes()


def test_a_restore_cannot_fork_versions_backup_submit_restore_submit_gives_1_and_2(tmp_path, capsys):
    from seilocal.cli import main
    from seilocal.settings import db_path
    from seilocal.store.backup import hidden_by_restore, make_backup

    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)
    stored = store.forms.create(clean_form())
    store.close()
    backup = make_backup(db_path(data), reason="test")
    store = open_store(data)
    first = submit_form(store, store.forms.load(stored.form.form_no), lambda: NOW)
    store.close()
    original = stored_bundle_bytes(data, first.bundle)
    assert hidden_by_restore(backup, db_path(data)) == [(1, 1)]
    assert main(["--data-dir", str(data), "restore", str(backup)]) == 0
    assert "lacks submitted versions made since (form 1 v1)" in capsys.readouterr().err  # said before it runs
    store = open_store(data)
    try:
        carried = versions_of(store).versions(1)
        assert [(v.version, v.source) for v in carried] == [(1, "before-restore")]
        assert store.forms.load(1).form.status == "changed"  # it was reported; the backup's content is a change
        store.forms.save_edit(store.forms.load(1), "patient.name", "Anden Person")
        again = submit_form(store, store.forms.load(1), lambda: datetime(2026, 11, 26, 9, 0))
    finally:
        store.close()
    assert (first.version.version, again.version.version) == (1, 2)
    assert again.bundle == "seilocal-skema-1-v2.zip"
    second = stored_bundle_bytes(data, again.bundle)
    with zipfile.ZipFile(io.BytesIO(second)) as archive:
        xml = archive.read("lpr3/seilocal-skema-1-v2-lpr3.xml")
    assert b'<versionNumber value="2"/>' in xml and b'<relatedDocument typeCode="RPLC">' in xml
    # both bundles exported, byte for byte as issued
    out = tmp_path / "out"
    assert main(["--data-dir", str(data), "export", "--form", "1", "--out", str(out)]) == 0
    assert (out / "seilocal-skema-1-v1.zip").read_bytes() == original
    assert (out / "seilocal-skema-1-v2.zip").read_bytes() == second
    assert read_bundle(out / "seilocal-skema-1-v2.zip").form.patient.name == "Anden Person"
