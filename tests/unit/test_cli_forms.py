"""The commands submit, export, print and import-bundle: what they write, and their exit codes."""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest

import seilocal.cli.forms as cli_forms
from seilocal.cli import main
from seilocal.store import open_store
from tests.support.dbfile import bundle_file, bundle_names
from tests.support.submit_helpers import clean_form, set_practice

NOW = datetime(2026, 11, 25, 10, 30)


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data dir with form 1 (clean draft) and form 2 (a draft with an error)."""
    monkeypatch.setattr(cli_forms, "_clock", lambda: NOW)
    folder = tmp_path / "data"
    store = open_store(folder)
    store.forms.create(clean_form())
    broken = clean_form()
    broken.referral.method = None
    store.forms.create(broken)
    set_practice(store)
    store.close()
    return folder


def run(data, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def test_submit_with_errors_exits_1_and_prints_them(data, capsys):
    assert run(data, "submit", "2") == 1
    captured = capsys.readouterr()
    assert "was not submitted" in captured.err
    assert "referral.method" in captured.out and "\terror\t" in captured.out
    assert not (data / "bundles").exists() and bundle_names(data) == []


def test_submit_prints_warnings_submits_and_writes_the_bundle(data, capsys):
    assert run(data, "submit", "1") == 0
    out = capsys.readouterr().out
    assert "SEI-DL01\twarning" in out and "submitted as version 1" in out
    assert bundle_names(data) == ["seilocal-skema-1-v1.zip"] and not (data / "bundles").exists()
    assert run(data, "submit", "1") == 1  # unchanged since: nothing to submit
    assert "has not changed" in capsys.readouterr().err
    assert run(data, "submit", "99") == 1
    assert "no form number 99" in capsys.readouterr().err


def test_export_by_form_and_by_month(data, tmp_path, capsys):
    assert run(data, "export", "--form", "1", "--out", str(tmp_path / "out")) == 1  # not submitted yet
    assert "nothing submitted" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    run(data, "submit", "1")
    capsys.readouterr()
    assert run(data, "export", "--form", "1", "--out", str(tmp_path / "out")) == 0
    assert capsys.readouterr().out.strip().endswith("seilocal-skema-1-v1.zip")
    assert run(data, "export", "--month", "2026-11", "--out", str(tmp_path / "month")) == 0
    assert [p.name for p in (tmp_path / "month").iterdir()] == ["seilocal-skema-1-v1.zip"]
    assert run(data, "export", "--month", "2026-10", "--out", str(tmp_path / "empty")) == 1
    with pytest.raises(SystemExit) as bad_month:
        run(data, "export", "--month", "2026-13", "--out", str(tmp_path / "x"))
    assert bad_month.value.code == 2
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert run(data, "export", "--form", "1", "--out", str(blocker / "sub")) == 2
    assert "cannot create" in capsys.readouterr().err


def test_print_writes_a_pdf(data, tmp_path, capsys):
    out = tmp_path / "skema.pdf"
    assert run(data, "print", "1", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".seilocal-")] == []
    assert run(data, "print", "7", "--out", str(tmp_path / "none.pdf")) == 1
    assert not (tmp_path / "none.pdf").exists()
    assert run(data, "print", "1", "--out", str(tmp_path / "missing-dir" / "x.pdf")) == 2
    assert "nothing was written" in capsys.readouterr().err


def test_import_bundle_into_another_installation(data, tmp_path, capsys):
    run(data, "submit", "1")
    capsys.readouterr()
    bundle = bundle_file(data, "seilocal-skema-1-v1.zip", tmp_path / "exported")
    other = tmp_path / "other"
    assert run(other, "import-bundle", str(bundle)) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert run(other, "import-bundle", str(bundle)) == 1
    assert "already has version 1" in capsys.readouterr().err
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            data_bytes = src.read(name)
            dst.writestr(name, data_bytes + b" " if name == "validation.json" else data_bytes)
    assert run(tmp_path / "third", "import-bundle", str(broken)) == 2
    assert "checksum of validation.json" in capsys.readouterr().err
    notzip = tmp_path / "x.zip"
    notzip.write_text("hello")
    assert run(tmp_path / "third", "import-bundle", str(notzip)) == 2
    assert "not a ZIP" in capsys.readouterr().err
    assert run(tmp_path / "third", "show", "1") == 1  # nothing was imported
