"""`seilocal export` into a folder that already holds files: nothing there is ever replaced; a month's CDA export
includes the removal documents of the forms cancelled in that month."""

from __future__ import annotations

from datetime import datetime

import pytest

import seilocal.cli.forms as cli_forms
from seilocal.cli import main
from seilocal.model.profile import PracticeProfile
from seilocal.store import open_store
from seilocal.store.profile import save_profile
from tests.support.cda_support import assert_valid
from tests.support.rules_fakes import UNIT
from tests.support.submit_helpers import clean_form

SUBMITTED = datetime(2026, 11, 25, 10, 30)
CANCELLED = datetime(2026, 12, 2, 9, 15)


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A data dir with form 1 submitted (version 1) on 2026-11-25 and a practice profile that can report."""
    monkeypatch.setattr(cli_forms, "_clock", lambda: SUBMITTED)
    folder = tmp_path / "data"
    store = open_store(folder)
    store.forms.create(clean_form())
    save_profile(store.prefs, PracticeProfile(clinic_name="Klinik", cvr="25469364", responsible_unit=UNIT))
    store.close()
    assert main(["--data-dir", str(folder), "submit", "1"]) == 0
    return folder


def run(data, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(("cda", "name", "second"), [
    (False, "seilocal-skema-1-v1.zip", "seilocal-skema-1-v1-2.zip"),
    (True, "seilocal-skema-1-v1-lpr3.xml", "seilocal-skema-1-v1-lpr3-2.xml"),
])
def test_an_export_never_replaces_a_file_already_in_the_folder(data, tmp_path, capsys, cda, name, second):
    out = tmp_path / "out"
    out.mkdir()
    (out / name).write_bytes(b"someone else's file")
    capsys.readouterr()
    assert run(data, "export", "--form", "1", *(["--cda"] if cda else []), "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert (out / name).read_bytes() == b"someone else's file"  # untouched
    assert _names(out) == sorted([name, second])
    assert captured.out.strip() == str(out / second)
    assert "already in" in captured.err and second in captured.err
    written = (out / second).read_bytes()
    assert written.startswith(b"<?xml" if cda else b"PK")
    if cda:
        # The same export again finds its own file there and writes no third copy.
        assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 0
        assert capsys.readouterr().out.strip() == str(out / second)
        assert _names(out) == sorted([name, second])
        assert (out / second).read_bytes() == written


def test_a_failed_export_leaves_no_staging_folder_and_no_file(data, tmp_path, capsys, monkeypatch):
    from seilocal.export import out_folder

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    real = out_folder._place_free
    calls = []

    def fail_second(made, folder):
        calls.append(made.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(made, folder)

    monkeypatch.setattr(out_folder, "_place_free", fail_second)
    run(data, "cancel", "1", "--reason", "dobbelt oprettet")
    capsys.readouterr()
    assert run(data, "export", "--form", "1", "--cda", "--out", str(out)) == 2
    assert "No space left" in capsys.readouterr().err
    assert len(calls) == 2
    assert _names(out) == ["keep.txt"]  # the first file placed was taken back, the staging folder removed


def test_a_month_export_includes_the_cancellations_of_that_month(data, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli_forms, "_clock", lambda: CANCELLED)
    assert run(data, "cancel", "1", "--reason", "dobbelt oprettet") == 0
    november, december, october = tmp_path / "nov", tmp_path / "dec", tmp_path / "oct"
    assert run(data, "export", "--month", "2026-11", "--cda", "--out", str(november)) == 0
    assert _names(november) == ["seilocal-skema-1-v1-lpr3.xml"]  # submitted in November, cancelled later
    assert run(data, "export", "--month", "2026-12", "--cda", "--out", str(december)) == 0
    assert _names(december) == ["seilocal-skema-1-v2-annullering.xml"]
    removal = (december / "seilocal-skema-1-v2-annullering.xml").read_bytes()
    assert b'code="nullified"' in removal and b"20261202091500+0100" in removal
    assert_valid(removal)
    # The whole form gives the same removal document as the month it was cancelled in.
    whole = tmp_path / "whole"
    assert run(data, "export", "--form", "1", "--cda", "--out", str(whole)) == 0
    assert (whole / "seilocal-skema-1-v2-annullering.xml").read_bytes() == removal
    capsys.readouterr()
    assert run(data, "export", "--month", "2026-10", "--cda", "--out", str(october)) == 1
    assert "nothing submitted or cancelled" in capsys.readouterr().err


def test_a_form_submitted_and_cancelled_in_one_month_gives_both_documents(data, tmp_path):
    assert run(data, "cancel", "1", "--reason", "fejl") == 0
    out = tmp_path / "out"
    assert run(data, "export", "--month", "2026-11", "--cda", "--out", str(out)) == 0
    assert _names(out) == ["seilocal-skema-1-v1-lpr3.xml", "seilocal-skema-1-v2-annullering.xml"]
