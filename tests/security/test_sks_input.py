"""The SKS import (issue 11, finding 6): UTF-8 copies read without mojibake; codes of the wrong shape refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.store.catalog import CatalogImportError, CatalogStore, apply_catalog_schema, import_sks

SMALL = Path(__file__).parent.parent / "unit" / "data" / "catalog" / "sks_small.txt"


@pytest.fixture
def db(catalog_db: Database) -> Database:
    return catalog_db  # the schema only


def _texts(db: Database) -> list[tuple[str, str]]:
    return db.execute("SELECT code, text FROM catalog_codes ORDER BY code, valid_from").fetchall()


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_a_utf8_copy_gives_the_same_catalog_as_the_official_file(db, tmp_path, bom):
    official = Database(memory=True)
    apply_catalog_schema(official)
    import_sks(official, SMALL)
    copy = tmp_path / "SKScomplete-utf8.txt"
    copy.write_bytes(bom + SMALL.read_bytes().decode("cp1252").encode("utf-8"))
    import_sks(db, copy)
    assert _texts(db) == _texts(official)
    assert CatalogStore(db).text("DN809") == "Ægløsningsforstyrrelse UNS"
    assert not any("Ã" in text for _, text in _texts(db))


def test_a_file_mixing_utf8_and_windows_1252_is_refused_with_the_line(db, tmp_path):
    lines = SMALL.read_bytes().decode("cp1252").splitlines(keepends=True)
    first_non_ascii = next(i for i, line in enumerate(lines) if not line.isascii())
    later_non_ascii = next(i for i, line in enumerate(lines) if i > first_non_ascii and not line.isascii())
    raw = b"".join(line.encode("cp1252" if i == later_non_ascii else "utf-8") for i, line in enumerate(lines))
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(raw)
    with pytest.raises(CatalogImportError) as caught:
        import_sks(db, mixed)
    assert caught.value.line_no == later_non_ascii + 1
    assert "mixed" in caught.value.message
    assert _texts(db) == []


@pytest.mark.parametrize("code", ["<img/src/onerror=x>", "DZ00'1", "A=1+1", "ÆØÅ", "-DZ001", "DZ&amp;"])
def test_a_code_of_the_wrong_shape_is_refused_with_its_line_number(db, tmp_path, code):
    lines = SMALL.read_bytes().decode("cp1252").splitlines(keepends=True)
    line = lines[2]
    lines[2] = line[:3] + code.ljust(20)[:20] + line[23:]
    bad = tmp_path / "bad.txt"
    bad.write_bytes("".join(lines).encode("cp1252"))
    with pytest.raises(CatalogImportError) as caught:
        import_sks(db, bad)
    assert caught.value.line_no == 3
    assert "not an SKS code" in caught.value.message
    assert _texts(db) == []


def test_an_imported_code_of_the_wrong_shape_is_kept_and_is_an_error_finding():
    """Issue 11, finding 1: the import keeps values as typed; the rules mark such a code as an error."""
    from datetime import datetime

    from seilocal.model import Form
    from seilocal.model.form import Contact, Diagnosis, Marker, Procedure, ResultReport
    from seilocal.rules import validate
    from seilocal.rules.catalog import EmptyCatalog

    form = Form.model_validate_json(Form(
        markers=[Marker(code="<img src=x onerror=alert(1)>")],
        contacts=[Contact(diagnoses=[Diagnosis(code="DC509", supplementary=["=1+1"])],
                          procedures=[Procedure(code="KHAC20", side="a b")])],
        procedures=[Procedure(code="ZZ0149.+_-")],  # separators: fine in an SKS file, no reportable code
        result_reports=[ResultReport(name="<b>")],
        patient={"name": "<b>Anna</b>", "cpr": "0101801235"},  # not a code field: free text
    ).to_json())
    assert form.markers[0].code == "<img src=x onerror=alert(1)>"
    findings = validate(form, EmptyCatalog(), datetime(2026, 11, 25, 10, 30))
    paths = sorted(f.path for f in findings if f.rule == "SEI-C01" and f.severity == "error")
    assert paths == ["contacts[0].diagnoses[0].supplementary[0]", "contacts[0].procedures[0].side",
                     "markers[0].code", "procedures[0].code", "result_reports[0].name"]
