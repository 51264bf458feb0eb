"""Issue 16's done-when: after a form with a CPR is created and submitted, no file of the data folder holds it.

The bundle of a submission holds the CPR too; it is kept inside the encrypted database, not as a plain file.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from seilocal.cli import main
from seilocal.store import open_store

from ..unit.submit_helpers import clean_form, set_practice

CPR = "0101801233"  # tests/unit/rules_fakes.base_form's patient
NEEDLES = [CPR.encode(), f"{CPR[:6]}-{CPR[6:]}".encode(), b"Test Testesen"]


def _readable(path: Path) -> bytes:
    """A file's bytes, and when it is a ZIP (a bundle deflates its JSON), its members' bytes too."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data += b"".join(archive.read(name) for name in archive.namelist())
    return data


def _files_with_patient_data(folder: Path) -> list[str]:
    """What `grep -r CPR` (and `unzip -p | grep`) finds in `folder`."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = _readable(path)
        found += [f"{path.relative_to(folder)}: {needle.decode()}" for needle in NEEDLES if needle in data]
    return found


def test_no_file_of_the_data_folder_holds_the_cpr_after_a_submission(tmp_path, monkeypatch):
    import seilocal.cli_forms as cli_forms

    monkeypatch.setattr(cli_forms, "_clock", lambda: datetime(2026, 11, 25, 10, 30))
    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)
    store.forms.create(clean_form())
    store.close()
    assert main(["--data-dir", str(data), "submit", "1"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    store = open_store(data)  # open: its WAL and SHM are on disk too
    try:
        assert store.db.execute("SELECT count(*) FROM bundles").fetchone()[0] == 1  # the bundle is kept ...
        assert _files_with_patient_data(data) == []  # ... but nowhere in the clear, not even in the WAL
    finally:
        store.close()
    assert _files_with_patient_data(data) == []
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.parent.name == "backups" for p in files)  # the grep did look at a backup


def test_an_export_writes_the_plain_bundle_only_outside_the_data_folder(tmp_path, monkeypatch, capsys):
    import seilocal.cli_forms as cli_forms

    monkeypatch.setattr(cli_forms, "_clock", lambda: datetime(2026, 11, 25, 10, 30))
    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)
    store.forms.create(clean_form())
    store.close()
    assert main(["--data-dir", str(data), "submit", "1"]) == 0
    out = tmp_path / "out"
    assert main(["--data-dir", str(data), "export", "--form", "1", "--out", str(out)]) == 0
    assert "not encrypted" in capsys.readouterr().err
    assert _files_with_patient_data(data) == []
    assert _files_with_patient_data(out) != []  # the bundle itself is plain: it is meant to be sent
