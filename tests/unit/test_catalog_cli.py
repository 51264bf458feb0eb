"""The `codes` command line: commands called with a Namespace whose store is a test database."""

from __future__ import annotations

import argparse
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlite_utils import Database

from seilocal.cli import codes as cli_codes
from seilocal.store.catalog import CatalogStore

DATA = Path(__file__).parent / "data" / "catalog"


@pytest.fixture
def db(catalog_db: Database) -> Database:
    return catalog_db  # the schema only


def run(db: Database, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli_codes.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["codes", *argv])
    args.store = SimpleNamespace(db=db, catalog=CatalogStore(db))  # used by the command, not closed
    return args.func(args)


def test_import_then_search_prints_code_tab_text(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "import-sks", str(DATA / "sks_small.txt")) == 0
    assert "inserted 14" in capsys.readouterr().out
    assert run(db, "search", "udredning st") == 0
    assert capsys.readouterr().out == "AFV01B\tUdredning start\n"


def test_search_options(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    run(db, "import-sks", str(DATA / "sks_small.txt"))
    capsys.readouterr()
    assert run(db, "search", "akutordning", "--at", "2023-01-01") == 1
    assert capsys.readouterr().out == ""
    assert run(db, "search", "dning", "--mode", "contains") == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_bad_date_is_exit_2_with_a_message(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "search", "x", "--at", "31-12-2020") == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_malformed_file_is_exit_2_and_imports_nothing(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "import-sks", str(DATA / "sks_bad_date.txt")) == 2
    assert "line 4" in capsys.readouterr().err
    assert db.execute("SELECT count(*) FROM catalog_codes").fetchone() == (0,)


def test_missing_file_is_exit_2(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "import-sor", str(tmp_path / "nope.csv")) == 2
    assert "no such file" in capsys.readouterr().err


def test_sor_import_and_search(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "import-sor", str(DATA / "sor_small.csv")) == 0
    capsys.readouterr()
    assert run(db, "sor-search", "serum") == 0
    assert capsys.readouterr().out == "276231000016004\tStatens Serum Institut\n"


def test_cli_module_does_not_import_nicegui() -> None:
    import subprocess
    import sys

    code = "import sys, seilocal.cli.codes; sys.exit('nicegui' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


SOR2_DAILY = DATA / "sor2" / "SorEntity_daily.csv"


def test_import_sor_reads_the_sor2_daily_file_and_finds_by_cvr(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "import-sor", str(SOR2_DAILY)) == 0
    assert capsys.readouterr().out == (
        "SOR import done: read 8, inserted 8, updated 0, unchanged 0, ignored_columns 32\n"
    )
    assert run(db, "sor-search", "31313131") == 0
    assert capsys.readouterr().out.splitlines()[0] == "911111000016004\tSpeciallægepraksis Nørrebro ApS"
    assert run(db, "sor-search", "psykiatri") == 0
    assert capsys.readouterr().out == "911112000016002\tSpeciallægepraksis Nørrebro ApS, Psykiatri\n"


def test_import_sor_refuses_a_file_that_is_not_sor_in_english(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Dato;Beløb\n2026-01-01;100\n", encoding="utf-8")
    assert run(db, "import-sor", str(path)) == 2
    err = capsys.readouterr().err
    assert "this is not a SOR file: no column for the SOR code and name" in err
    assert "nothing was imported" in err
    assert db.execute("SELECT count(*) FROM catalog_sor_units").fetchone() == (0,)
