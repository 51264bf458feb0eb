"""The LPR3 list index, the list-membership import and export, and the `codes lists/import-lists/export-lists` CLI."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlite_utils import Database

from seilocal.cli import codes as cli_codes
from seilocal.store.catalog import CatalogImportError, CatalogStore, apply_catalog_schema
from seilocal.store.catalog.list_import import export_lists, import_lists
from seilocal.store.catalog.list_index import list_index, list_states
from seilocal.store.catalog.starter import ensure_starter_catalog
from tests.support.catalog import BUNDLED
from tests.support.env import SHARED

NAMED_LISTS = SHARED / "lpr3" / "lpr3-named-lists-2018-02-27.tsv" if SHARED else None
WHEN = datetime(2026, 11, 20, 12, 0, 0)
pytestmark = pytest.mark.catalog(starter=BUNDLED)


@pytest.fixture
def db(catalog_db: Database) -> Database:
    return catalog_db  # the bundled starter catalog


def write(tmp_path: Path, text: str, name: str = "lister.tsv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def state_of(db: Database, name: str) -> str:
    return next(s.state for s in list_states(db) if s.info.name == name)


def test_the_index_holds_every_official_name_and_oid() -> None:
    if NAMED_LISTS is None or not NAMED_LISTS.is_file():
        pytest.skip("../shared/lpr3 is absent: cannot compare with the official list index")
    with NAMED_LISTS.open(encoding="utf-8", newline="") as handle:
        official = {row["name"]: row["oid"] for row in csv.DictReader(handle, delimiter="\t")}
    ours = {info.name: info.oid for info in list_index() if info.origin == "index"}
    assert len(official) == 149
    assert ours == official
    # Our own words: no description is the official one copied.
    with NAMED_LISTS.open(encoding="utf-8", newline="") as handle:
        texts = {row["name"]: row["description_da"] for row in csv.DictReader(handle, delimiter="\t")}
    assert all(info.description and info.description != texts.get(info.name) for info in list_index())


def test_states_are_derived_starter_missing_and_header_before_any_import(db: Database) -> None:
    konttype = next(s for s in list_states(db) if s.info.name == "admin.konttype")
    assert konttype.state == "derived"
    assert konttype.evidence == "SKS-undertræ ALCA »Kontakt type«"
    assert konttype.detail_da().startswith("afledt af SKS 2026-06 (6 koder)")
    assert state_of(db, "admin.diagart") == "starter"
    assert state_of(db, "proc.sluttid") == "missing"
    assert state_of(db, "admin") == "header"


def test_import_makes_the_lists_official_and_replaces_starter_members(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "list_name\tcode\tvalid_from\tvalid_to\n"
        "proc.sluttid\tKNGD11\t2019-01-01\t\n"
        "admin.konttype\tALCA00\t\t\n"
        "admin.konttype\tALCA03\t20190101\t20301231\n",
    )
    result = import_lists(db, path, now=WHEN)
    assert result.lists == {"admin.konttype": 2, "proc.sluttid": 1}
    states = {s.info.name: s for s in list_states(db)}
    assert states["proc.sluttid"].state == "official"
    sluttid = states["proc.sluttid"]
    assert (sluttid.imported_at, sluttid.file_name) == ("2026-11-20 12:00:00", "lister.tsv")
    catalog = CatalogStore(db)
    assert catalog.is_authoritative("admin.konttype") and catalog.is_authoritative("proc.sluttid")
    assert catalog.in_list("admin.konttype", "ALCA03", date(2020, 1, 1))
    assert not catalog.in_list("admin.konttype", "ALCA03", date(2031, 1, 1))  # after its valid_to
    assert not catalog.in_list("admin.konttype", "ALCA01")  # a starter member, gone with the import
    # A changed starter catalog does not bring the starter members of an imported list back.
    db.execute("DELETE FROM catalog_meta WHERE key = 'starter_sha256'")
    assert ensure_starter_catalog(db)
    assert not CatalogStore(db).in_list("admin.konttype", "ALCA01")
    assert state_of(db, "admin.konttype") == "official"


def test_windows_1252_csv_with_danish_header_is_read(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "liste;kode;gyldig_fra;gyldig_til\r\nres.skademek;EUAØ1;;\r\n", "l.csv", "cp1252")
    result = import_lists(db, path, now=WHEN)
    assert result.lists == {"res.skademek": 1}
    assert result.unknown_codes == ("EUAØ1",)  # reported, not refused


def test_unknown_list_name_refuses_the_whole_file_with_its_line(db: Database, tmp_path: Path) -> None:
    before = db.execute("SELECT count(*) FROM catalog_list_members").fetchone()
    path = write(tmp_path, "list_name,code,valid_from,valid_to\nproc.sluttid,KNGD11,,\nproc.sluttud,KNGD11,,\n")
    with pytest.raises(CatalogImportError) as caught:
        import_lists(db, path, now=WHEN)
    assert caught.value.line_no == 3 and "proc.sluttud" in caught.value.message
    assert db.execute("SELECT count(*) FROM catalog_list_members").fetchone() == before
    assert state_of(db, "proc.sluttid") == "missing"


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("proc.sluttid\tKNGD11\t2019-13-01\t", "valid_from"),
        ("proc.sluttid\tKNGD11\t2020-01-01\t2019-01-01", "before"),
        ("proc.sluttid\t\t\t", "not an SKS code"),
        ("proc\tKNGD11\t\t", "header"),
        ("proc.sluttid\tKNGD11\t", "fields"),
    ],
)
def test_bad_lines_are_refused_with_line_number(db: Database, tmp_path: Path, line: str, why: str) -> None:
    path = write(tmp_path, f"list_name\tcode\tvalid_from\tvalid_to\n{line}\n")
    with pytest.raises(CatalogImportError) as caught:
        import_lists(db, path, now=WHEN)
    assert caught.value.line_no == 2 and why in caught.value.message


def test_a_wrong_header_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(CatalogImportError) as caught:
        import_lists(db, write(tmp_path, "name\tcode\nproc.sluttid\tKNGD11\n"), now=WHEN)
    assert caught.value.line_no == 1


def test_export_writes_the_import_format_and_round_trips(db: Database, tmp_path: Path) -> None:
    text = "list_name\tcode\tvalid_from\tvalid_to\nproc.sluttid\tKNGD11\t2019-01-01\t\nproc.sluttid\tKNGA*\t\t\n"
    import_lists(db, write(tmp_path, text), now=WHEN)
    out = io.StringIO()
    assert export_lists(db, out) == 2  # official lists only: no starter list leaves the machine as official
    assert out.getvalue() == (
        "list_name\tcode\tvalid_from\tvalid_to\nproc.sluttid\tKNGA*\t\t\nproc.sluttid\tKNGD11\t2019-01-01\t\n"
    )
    other = Database(memory=True)
    apply_catalog_schema(other)
    import_lists(other, write(tmp_path, out.getvalue(), "export.tsv"), now=WHEN)
    assert CatalogStore(other).in_list("proc.sluttid", "KNGA20")  # the prefix member came along
    everything = io.StringIO()
    assert export_lists(db, everything, include_starter=True) > 2


def run(db: Database, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    cli_codes.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["codes", *argv])
    args.store = SimpleNamespace(db=db, catalog=CatalogStore(db))  # used by the command, not closed
    return args.func(args)


def test_cli_lists_import_and_export(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "lists") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list_index())
    assert any(line.startswith("proc.sluttid\tmissing\t") for line in lines)
    assert any(line.startswith("proc.und\tderived\t1.2.208.176.2.4.21\t623 members, derived from SKS 2026-06: "
                               "SKS-posttype und") for line in lines)
    assert any(line.startswith("res.hoerbruger\tderived\t\t2 members, derived from SKS 2026-06: SKS-node RGBA")
               for line in lines)
    good = write(tmp_path, "list_name\tcode\tvalid_from\tvalid_to\nproc.sluttid\tKNGD11\t\t\nproc.sluttid\tQQ1\t\t\n")
    assert run(db, "import-lists", str(good)) == 0
    out = capsys.readouterr().out
    assert "2 members in 1 lists" in out and "not in the SKS catalog: QQ1" in out
    assert run(db, "lists") == 0
    assert any(
        line.startswith("proc.sluttid\tofficial\t") and "from lister.tsv" in line
        for line in capsys.readouterr().out.splitlines()
    )
    bad = write(tmp_path, "list_name\tcode\tvalid_from\tvalid_to\nnot.a.list\tX1\t\t\n", "bad.tsv")
    assert run(db, "import-lists", str(bad)) == 2
    assert "line 2: unknown list name 'not.a.list'" in capsys.readouterr().err
    target = tmp_path / "out.tsv"
    assert run(db, "export-lists", str(target)) == 0
    assert target.read_text(encoding="utf-8").splitlines()[1:] == ["proc.sluttid\tKNGD11\t\t", "proc.sluttid\tQQ1\t\t"]
