"""The SKS and SOR import errors worded in Danish for the UI (the importers' own messages are English)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.pages.import_errors_da import danish_import_error
from seilocal.store.catalog import CatalogImportError, import_sks
from seilocal.store.catalog.sor_import import import_sor

ENGLISH = ("is not", "expected", "missing", "line ", "record", "holds no", "before")


@pytest.fixture
def db(catalog_db: Database) -> Database:
    return catalog_db  # the schema only


def refused(importer, db: Database, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(CatalogImportError) as info:
        importer(db, path)
    return danish_import_error(info.value)


SKS_LINES = [
    ("dia", "linje 1: linjen har 3 tegn, men en SKS-linje har mindst 47"),
    ("dia" + " " * 20 + "20190101" + " " * 16 + "tekst", "koden"),
    ("diaDA0;0" + " " * 15 + "20190101" + " " * 16 + "tekst", "koden »DA0;0« er ikke en SKS-kode"),
    ("d1aDA00" + " " * 16 + "20190101" + " " * 16 + "tekst", "posttypen"),
    ("diaDA00" + " " * 16 + "20190101" + " " * 8 + "20180101" + "tekst", "gyldig til (2018-01-01) ligger før"),
    ("diaDA00" + " " * 16 + "20191301" + " " * 16 + "tekst", "»gyldig fra« »20191301« er en dato, der ikke findes"),
    ("diaDA00" + " " * 16 + "2019xx01" + " " * 16 + "tekst", "er ikke en dato (ååååmmdd)"),
]


@pytest.mark.parametrize(("line", "danish"), SKS_LINES)
def test_sks_errors_read_in_danish(db: Database, tmp_path: Path, line: str, danish: str) -> None:
    text = refused(import_sks, db, tmp_path / "SKScomplete.txt", (line + "\r\n").encode("cp1252"))
    assert text.startswith("Filen blev ikke indlæst: fejl i linje 1: ") and text.endswith(". Intet er ændret.")
    assert danish in text
    assert "ukendt fejl" not in text and not [word for word in ENGLISH if word in text.split(": ", 1)[1]]


def test_an_empty_sks_file(db: Database, tmp_path: Path) -> None:
    assert "filen indeholder ingen SKS-koder" in refused(import_sks, db, tmp_path / "x.txt", b"")


@pytest.mark.parametrize(
    ("data", "danish"),
    [
        (b"sor_id;name\nabc;Klinik\n", "SOR-koden »abc« mangler eller er ikke cifre"),
        (b"sor_id;name;cvr\n123;Klinik;12\n", "CVR-nummeret »12« har ikke 8 cifre"),
        (b"sor_id;name;level\n123;Klinik;XX\n", "niveauet »XX« er hverken SI eller OE"),
        # an unknown column is ignored now (issue 25); what is missing is named
        (b"sor_id;navnet\n123;Klinik\n", "filen er ikke en SOR-fil: der er ingen kolonne med navn"),
        (b"<sor><unit>", "filen er ikke gyldig XML"),
    ],
)
def test_sor_errors_read_in_danish(db: Database, tmp_path: Path, data: bytes, danish: str) -> None:
    suffix = ".xml" if data.startswith(b"<") else ".csv"
    text = refused(import_sor, db, tmp_path / f"sor{suffix}", data)
    assert danish in text and "ukendt fejl" not in text


def test_an_unknown_message_keeps_its_detail() -> None:
    text = danish_import_error(CatalogImportError(3, "something new"))
    assert text == "Filen blev ikke indlæst: fejl i linje 3: ukendt fejl (something new). Intet er ændret."


def test_values_from_the_file_are_quoted_the_app_s_way() -> None:
    text = danish_import_error(CatalogImportError(2, "code 'A B' is empty or has spaces inside"))
    assert "koden »A B« er tom" in text and "'" not in text
