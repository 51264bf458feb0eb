"""Refused imports: every kind renders in English (the CLI, `str(exc)`) and Danish (the UI), by template."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.export.cda.importer import CdaImportRefused
from seilocal.refusals import TEMPLATES, ImportRefused, Kind, fields_of, render, render_cause
from seilocal.store.catalog import CatalogImportError, apply_catalog_schema, import_sks
from seilocal.store.catalog.sor_import import import_sor

ENGLISH = ("is not", "expected", "missing", "line ", "record", "holds no", "before")


def danish_import_error(error: ImportRefused) -> str:
    return render(error, "da")


def _sample(kind: Kind) -> dict[str, object]:
    # Distinct values per field, so a test can see each one arrive in the text.
    return {name: f"X{i}X" for i, name in enumerate(sorted(fields_of(TEMPLATES[kind][0])))}


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_renders_in_english_and_danish(kind: Kind) -> None:
    english, danish = TEMPLATES[kind]
    # The raise site fills the English template's fields (else it fails at once); Danish may name no other.
    assert fields_of(danish) <= fields_of(english), kind
    values = _sample(kind)
    # Each family raises its own class; a CDA refusal is a whole sentence and its own frame.
    exc = (CdaImportRefused if kind.startswith("cda-") else CatalogImportError)(kind, 7, **values)
    en, da = render(exc, "en"), render(exc, "da")
    assert en == str(exc) == f"line 7: {exc.message}"
    if isinstance(exc, CdaImportRefused):
        assert da.endswith(". Intet er importeret.")
    else:
        assert da.startswith("Filen blev ikke indlæst: fejl i linje 7: ") and da.endswith(". Intet er ændret.")
    for text, template in ((en, english), (da, danish)):
        assert "{" not in text and "}" not in text and "!q" not in text and "!f" not in text, text
        for name in fields_of(template):
            assert str(values[name]) in text, (kind, name, text)
    cause = render_cause(exc, "da")
    assert cause and cause != exc.message
    assert not [word for word in ENGLISH if word in cause.replace("recordTarget", "")], cause


def test_every_kind_has_both_templates() -> None:
    assert set(TEMPLATES) == set(Kind)
    assert all(en.strip() and da.strip() for en, da in TEMPLATES.values())


def test_a_kind_is_kept_with_its_values_and_names_its_file() -> None:
    exc = CatalogImportError(Kind.BAD_FIELDS, 4, file="lists.tsv", found=3, expected=4)
    assert (exc.kind, exc.line_no, exc.values) == ("bad-fields", 4, {"found": 3, "expected": 4})
    assert str(exc) == "line 4: lists.tsv: 3 fields, 4 expected"
    assert render_cause(exc, "da") == "filen »lists.tsv«: linjen har 3 felter, men der skal være 4"
    assert render(CatalogImportError(Kind.SKS_EMPTY), "da") == (
        "Filen blev ikke indlæst: fejl: filen indeholder ingen SKS-koder. Intet er ændret.")


def test_a_cda_refusal_keeps_its_reason_and_groups_large_numbers_per_language() -> None:
    exc = CdaImportRefused(Kind.CDA_TOO_MANY, name="a.xml", limit=500_000)
    assert exc.reason == "too-many"
    assert str(exc) == "a.xml: the file has more than 500,000 elements, far more than an LPR3 document"
    assert render(exc, "da") == ("Filen »a.xml« har over 500.000 elementer, langt flere end et LPR3-dokument har. "
                                 "Intet er importeret.")
    assert CdaImportRefused(Kind.CDA_XML_AT, name="a.xml", line=2, reason="x").reason == "xml"


def test_an_unknown_kind_is_a_defect_not_a_message() -> None:
    with pytest.raises(ValueError):
        ImportRefused("something new")


@pytest.fixture
def db() -> Database:
    database = Database(memory=True)
    apply_catalog_schema(database)
    return database


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


def test_values_from_the_file_are_quoted_the_app_s_way() -> None:
    text = danish_import_error(CatalogImportError(Kind.SKS_CODE_SPACES, 2, value="A B"))
    assert "koden »A B« er tom" in text and "'" not in text


REFUSALS = {"ImportRefused", "CatalogImportError", "SorImportError", "CdaImportRefused"}


def _raise_sites() -> list[tuple[str, int, str, set[str]]]:
    """Every `<refusal>(Kind.X, ..., name=value)` in seilocal: (file, line, kind, the value names it passes)."""
    root = Path(__file__).resolve().parents[2] / "seilocal"
    sites = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in REFUSALS):
                continue
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Attribute) and ast.unparse(first.value) == "Kind"):
                continue  # the kind is looked up (CdaImportRefused of a parse error); its values come from the reader
            if any(k.arg is None for k in node.keywords):
                continue  # **values
            names = {k.arg for k in node.keywords if k.arg and k.arg != "file"}
            sites.append((str(path.relative_to(root)), node.lineno, first.attr, names))
    return sites


def test_every_raise_site_passes_the_values_its_templates_name() -> None:
    sites = _raise_sites()
    assert len(sites) > 40  # the scan finds the importers' raise sites
    for file, line, attr, names in sites:
        english, danish = TEMPLATES[Kind[attr]]
        # A missing value would be a KeyError in place of the refusal, in the importer, at the user's file.
        assert fields_of(english) | fields_of(danish) <= names, (file, line, attr, names)
    raised = {Kind[attr] for _, _, attr, _ in sites}
    looked_up = {Kind.CDA_TOO_LARGE, Kind.CDA_TOO_MANY, Kind.CDA_DTD, Kind.CDA_XML, Kind.CDA_NOT_CDA,
                 Kind.CDA_NOT_LPR3, Kind.CDA_NO_PATIENT, Kind.CDA_NO_CPR, Kind.CDA_NO_ENTRIES}
    assert set(Kind) - raised - looked_up == set()  # no kind is left without a raise site
