"""The command line: import, show, errors in English with exit codes, SEILOCAL_DATA_DIR honoured."""

import json
import subprocess
import sys

from seilocal.cli import main


def _write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_import_prints_the_form_number_and_show_prints_the_document(tmp_path, capsys):
    doc = _write(tmp_path / "f.json", {"format": "seilocal.form/1", "patient": {"cpr": "0101801235", "name": "Jens"}})
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(doc)]) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert main(["show", "1", "--data-dir", str(tmp_path / "d")]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["form_no"] == 1 and shown["patient"]["name"] == "Jens"


def test_env_data_dir_is_honoured(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SEILOCAL_DATA_DIR", str(tmp_path / "envdir"))
    doc = _write(tmp_path / "f.json", {"format": "seilocal.form/1"})
    assert main(["import", str(doc)]) == 0
    assert (tmp_path / "envdir" / "seilocal.sqlite3").exists()


def test_import_of_a_document_with_a_typo_is_refused_and_nothing_added(tmp_path, capsys):
    doc = _write(tmp_path / "f.json", {"format": "seilocal.form/1", "patient": {"nme": "x"}})
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(doc)]) == 2
    err = capsys.readouterr().err
    assert "patient.nme" in err and "not a valid form document" in err
    assert main(["--data-dir", str(tmp_path / "d"), "show", "1"]) == 1


def test_import_of_a_newer_format_is_refused(tmp_path, capsys):
    doc = _write(tmp_path / "f.json", {"format": "seilocal.form/2"})
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(doc)]) == 2
    assert "newer than this program" in capsys.readouterr().err


def test_import_of_a_missing_or_non_json_file(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(bad)]) == 2


def test_show_of_a_missing_form(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "show", "4"]) == 1
    assert "no form number 4" in capsys.readouterr().err


def test_unwritable_data_dir_gives_a_clear_message(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker / "sub"), "show", "1"]) == 2
    assert "data dir" in capsys.readouterr().err


def test_database_that_is_not_sqlite_stops_with_a_message(tmp_path, capsys):
    data = tmp_path / "d"
    data.mkdir()
    (data / "seilocal.sqlite3").write_text("hello")
    assert main(["--data-dir", str(data), "show", "1"]) == 2
    assert "not an SQLite file" in capsys.readouterr().err
    assert (data / "seilocal.sqlite3").read_text() == "hello"


def test_commands_other_than_run_do_not_import_nicegui(tmp_path):
    code = (
        "import sys; from seilocal.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'show', '1']); "
        "print('nicegui' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
