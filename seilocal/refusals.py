"""Refused imports: one error type with a kind and its values, rendered by template in English or Danish.

Every file importer raises `ImportRefused` (or a subclass: `CatalogImportError` for the code catalog) with a
`Kind` and the values its templates name, and the line number where there is one. `str(exc)` is the English
text (the command line and the log read it); the UI calls `render(exc, "da")` and never translates by matching
the English text. Both languages live in one table, so a kind cannot have one without the other; the module is
pure (no store, no UI), so the store may raise these errors and the pages may render them.

A template writes `{name!q}` for a value from the file (English: in Python quotes, Danish: in »«, None as
"(tom)"), `{name!f}` for the name of a field or column (Danish: its Danish name when we know one) and
`{name!n}` for a large number (grouped by thousands: 500,000 in English, 500.000 in Danish).
"""

from __future__ import annotations

import string
from enum import StrEnum
from typing import Any, ClassVar, Literal

Lang = Literal["en", "da"]


class Kind(StrEnum):
    """Why a file is refused; the value is the kind's stable name (the tests and the log use it)."""

    # any file read as text
    NOT_UTF8 = "not-utf8"
    NOT_TEXT = "not-text"
    NO_HEADER = "no-header"
    HEADER_DIFFERS = "header-differs"
    BAD_FIELDS = "bad-fields"
    REQUIRED = "required"
    # dates and periods
    DATE_MISSING = "date-missing"
    DATE_NOT_COMPACT = "date-not-compact"
    DATE_NOT_REAL = "date-not-real"
    BAD_DATE = "bad-date"
    DATES_REVERSED = "dates-reversed"
    # SKScomplete.txt
    SKS_LINE_SHORT = "sks-line-short"
    SKS_LINE_TOO_LONG = "sks-line-too-long"
    SKS_RECORD_TYPE = "sks-record-type"
    SKS_CODE_SPACES = "sks-code-spaces"
    SKS_CODE_SHAPE = "sks-code-shape"
    SKS_MIXED_ENCODING = "sks-mixed-encoding"
    SKS_NOT_CP1252 = "sks-not-cp1252"
    SKS_EMPTY = "sks-empty"
    # the bundled SKS catalog and the starter catalog (files shipped with the app)
    UNKNOWN_RECORD_TYPE = "unknown-record-type"
    CODE_WITHOUT_TEXT = "code-without-text"
    BAD_FLAG = "bad-flag"
    BAD_MATCH = "bad-match"
    BAD_INDEX_LINE = "bad-index-line"
    # LPR3 list membership
    LIST_FILE_EMPTY = "list-file-empty"
    UNKNOWN_LIST = "unknown-list"
    LIST_IS_HEADER = "list-is-header"
    LIST_BAD_CODE = "list-bad-code"
    NO_MEMBERS = "no-members"
    # SOR units (CSV, ZIP, XML)
    BAD_SOR_ID = "bad-sor-id"
    NO_NAME = "no-name"
    BAD_LEVEL = "bad-level"
    BAD_OWNER = "bad-owner"
    BAD_CVR = "bad-cvr"
    BAD_PARENT = "bad-parent"
    NOT_SOR = "not-sor"
    LINE_TOO_LONG = "line-too-long"
    ZIP_NO_ENTITY = "zip-no-entity"
    ZIP_BAD = "zip-bad"
    ZIP_TOO_LARGE = "zip-too-large"
    NOT_CSV = "not-csv"
    BAD_XML = "bad-xml"
    NO_UNITS = "no-units"
    # LPR3 CDA documents (`seilocal import FILE.xml`, »Importér« on the forms list)
    CDA_READ = "cda-read"
    CDA_TOO_LARGE = "cda-too-large"
    CDA_TOO_MANY = "cda-too-many"
    CDA_DTD = "cda-dtd"
    CDA_XML = "cda-xml"
    CDA_XML_AT = "cda-xml-at"
    CDA_NOT_CDA = "cda-not-cda"
    CDA_NOT_LPR3 = "cda-not-lpr3"
    CDA_NO_PATIENT = "cda-no-patient"
    CDA_NO_CPR = "cda-no-cpr"
    CDA_NO_ENTRIES = "cda-no-entries"
    CDA_EXISTS = "cda-exists"


# kind -> (English, Danish). English is the exception's message, as the command line printed it before kinds.
TEMPLATES: dict[Kind, tuple[str, str]] = {
    Kind.NOT_UTF8: ("not UTF-8 ({reason})", "filen er ikke tekst i UTF-8"),
    Kind.NOT_TEXT: ("the file is neither UTF-8 nor Windows-1252 text",
                    "filen er hverken tekst i UTF-8 eller i Windows-1252"),
    Kind.NO_HEADER: ("the header line is missing", "overskriftslinjen mangler"),
    Kind.HEADER_DIFFERS: ("header {found} differs from {expected}",
                          "overskriftslinjen er {found}, men skal være {expected}"),
    Kind.BAD_FIELDS: ("{found} fields, {expected} expected", "linjen har {found} felter, men der skal være {expected}"),
    Kind.REQUIRED: ("{columns} are required", "{columns!f} skal være udfyldt"),
    Kind.DATE_MISSING: ("{column} is missing", "datoen »{column!f}« mangler"),
    Kind.DATE_NOT_COMPACT: ("{column} {value!q} is not a date YYYYMMDD",
                            "»{column!f}« {value!q} er ikke en dato (ååååmmdd)"),
    Kind.DATE_NOT_REAL: ("{column} {value!q} is not a real date", "»{column!f}« {value!q} er en dato, der ikke findes"),
    Kind.BAD_DATE: ("{column} {value!q} is not a date YYYY-MM-DD",
                    "»{column!f}« {value!q} er ikke en dato (åååå-mm-dd)"),
    Kind.DATES_REVERSED: ("valid_to {to} is before valid_from {frm}",
                          "gyldig til ({to}) ligger før gyldig fra ({frm})"),
    Kind.SKS_LINE_SHORT: ("line is {length} characters, at least {minimum} expected",
                          "linjen har {length} tegn, men en SKS-linje har mindst {minimum}. Er det SKScomplete.txt?"),
    Kind.SKS_LINE_TOO_LONG: ("line is longer than {limit} bytes",
                             "linjen er længere end {limit} byte. Er det SKScomplete.txt?"),
    Kind.SKS_RECORD_TYPE: ("record type {value!q} is not letters",
                           "posttypen {value!q} er ikke bogstaver. Er det SKScomplete.txt?"),
    Kind.SKS_CODE_SPACES: ("code {value!q} is empty or has spaces inside",
                           "koden {value!q} er tom eller har mellemrum"),
    Kind.SKS_CODE_SHAPE: ("code {value!q} is not an SKS code (letters, digits and . + _ - only)",
                          "koden {value!q} er ikke en SKS-kode (kun bogstaver, cifre og . + _ -). "
                          "Er det SKScomplete.txt?"),
    Kind.SKS_MIXED_ENCODING: ("the file started as UTF-8 but this line is not (mixed encodings)",
                              "filen begynder som UTF-8, men denne linje er ikke UTF-8 (blandede tegnsæt)"),
    Kind.SKS_NOT_CP1252: ("not Windows-1252 text ({reason})",
                          "filen er ikke tekst i Windows-1252, som SKScomplete.txt er"),
    Kind.SKS_EMPTY: ("the file holds no SKS records", "filen indeholder ingen SKS-koder"),
    Kind.UNKNOWN_RECORD_TYPE: ("record type {value!q} unknown", "posttypen {value!q} kendes ikke"),
    Kind.CODE_WITHOUT_TEXT: ("code {value!q} is no SKS code or has no text",
                             "koden {value!q} er ikke en SKS-kode eller har ingen tekst"),
    Kind.BAD_FLAG: ("{column} {value!q} is not 1 or 0", "»{column!f}« {value!q} er hverken 1 eller 0"),
    Kind.BAD_MATCH: ("match {value!q} is not code or prefix", "match {value!q} er hverken code eller prefix"),
    Kind.BAD_INDEX_LINE: ("malformed index line", "linjen i listeindekset har ikke den rette form"),
    Kind.LIST_FILE_EMPTY: ("the file is empty; expected a header line: list_name, code, valid_from, valid_to",
                           "filen er tom; den skal begynde med overskriftslinjen liste, kode, gyldig_fra, gyldig_til"),
    Kind.UNKNOWN_LIST: ("unknown list name {value!q} (not in the LPR3 list index)",
                        "listen {value!q} findes ikke i LPR3's listeindeks"),
    Kind.LIST_IS_HEADER: ("{value!q} is a header of lists and has no members of its own",
                          "{value!q} er en overskrift over andre lister og har ingen koder selv"),
    Kind.LIST_BAD_CODE: ("code {value!q} is not an SKS code", "koden {value!q} er ikke en SKS-kode"),
    Kind.NO_MEMBERS: ("the file holds no members", "filen indeholder ingen koder"),
    Kind.BAD_SOR_ID: ("SOR code {value!q} is missing or not digits", "SOR-koden {value!q} mangler eller er ikke cifre"),
    Kind.NO_NAME: ("SOR unit {sor_id} has no name", "SOR-enheden {sor_id} har intet navn"),
    Kind.BAD_LEVEL: ("level {value!q} is not SI or OE", "niveauet {value!q} er hverken SI eller OE"),
    Kind.BAD_OWNER: ("owner type {value!q} is not statslig/regional/kommunal/privat",
                     "ejerformen {value!q} er ikke statslig, regional, kommunal eller privat"),
    Kind.BAD_CVR: ("CVR {value!q} is not 8 digits", "CVR-nummeret {value!q} har ikke 8 cifre"),
    Kind.BAD_PARENT: ("parent SOR code {value!q} is not digits", "den overordnede SOR-kode {value!q} er ikke cifre"),
    Kind.NOT_SOR: ("this is not a SOR file: no column for the {missing} (expected e.g. {expected}); found {found}",
                   "filen er ikke en SOR-fil: der er ingen kolonne med {missing!f} (fx {expected}). "
                   "Filens første kolonner er: {found}"),
    Kind.LINE_TOO_LONG: ("the line is longer than {limit} characters; is this a SOR CSV file?",
                         "linjen er længere end {limit} tegn. Er det en SOR-fil (CSV)?"),
    Kind.ZIP_NO_ENTITY: ("the ZIP file holds no SOREntity CSV file (it holds {members})",
                         "ZIP-filen indeholder ingen SOREntity-fil (den indeholder {members})"),
    Kind.ZIP_BAD: ("not a readable ZIP file ({reason})", "ZIP-filen kan ikke læses"),
    Kind.ZIP_TOO_LARGE: ("the SOREntity file in the ZIP is larger than {limit_mb} MB unpacked",
                         "SOREntity-filen i ZIP-filen fylder over {limit_mb} MB udpakket"),
    Kind.NOT_CSV: ("not readable as CSV ({reason})", "filen kan ikke læses som CSV"),
    Kind.BAD_XML: ("not well-formed XML ({reason})", "filen er ikke gyldig XML"),
    Kind.NO_UNITS: ("the file holds no SOR units", "filen indeholder ingen SOR-enheder"),
    # A CDA refusal is a whole Danish sentence naming the file; `reason` is the XML parser's English detail.
    Kind.CDA_READ: ("cannot read {name}: {reason}", "Filen »{name}« kunne ikke læses."),
    Kind.CDA_TOO_LARGE: ("{name}: the file is far too large for an LPR3 document (at most {limit_mb} MB)",
                         "Filen »{name}« er for stor: et LPR3-dokument fylder højst {limit_mb} MB."),
    Kind.CDA_TOO_MANY: ("{name}: the file has more than {limit!n} elements, far more than an LPR3 document",
                        "Filen »{name}« har over {limit!n} elementer, langt flere end et LPR3-dokument har."),
    Kind.CDA_DTD: ("{name}: {reason}",
                   "Filen »{name}« indeholder en DTD eller entitetserklæringer (<!DOCTYPE …> / <!ENTITY …>). Det "
                   "har et LPR3-dokument aldrig, så filen afvises, og intet i den udfoldes eller hentes udefra."),
    Kind.CDA_XML: ("{name}: {reason}", "Filen »{name}« er ikke gyldig XML."),
    Kind.CDA_XML_AT: ("{name}: line {line}: {reason}", "Filen »{name}« er ikke gyldig XML (fejl i linje {line})."),
    Kind.CDA_NOT_CDA: ("{name}: not an HL7 CDA document (its root element is {root!q})",
                       "Filen »{name}« er ikke et HL7 CDA-dokument: dens rodelement er {root!q}, ikke "
                       "»ClinicalDocument«."),
    Kind.CDA_NOT_LPR3: ("{name}: not an LPR3 document (no DK Episode Of Care Summaries template "
                        "1.2.208.176.7.1.10.71)",
                        "Filen »{name}« er et CDA-dokument, men ikke et LPR3-dokument (skabelonen DK Episode Of "
                        "Care Summaries, 1.2.208.176.7.1.10.71, mangler)."),
    Kind.CDA_NO_PATIENT: ("{name}: the document names no patient (recordTarget)",
                          "Filen »{name}« kan ikke læses som et LPR3-skema: dokumentet nævner ingen patient "
                          "(recordTarget mangler)."),
    Kind.CDA_NO_CPR: ("{name}: the document names no CPR or replacement number",
                      "Filen »{name}« kan ikke læses som et LPR3-skema: dokumentet har hverken et CPR-nummer eller "
                      "et erstatnings-CPR."),
    Kind.CDA_NO_ENTRIES: ("{name}: the document has no LPR3 entries (no course, contact, procedure or report)",
                          "Filen »{name}« kan ikke læses som et LPR3-skema: dokumentet indeholder ingen "
                          "LPR3-oplysninger (intet forløb, ingen kontakt, procedure eller resultatindberetning)."),
    Kind.CDA_EXISTS: ("{name}: the course {course} is already here as form {form_no}",
                      "Forløbet {course} findes allerede her som skema {form_no}."),
}

# Danish names of the fields and columns that templates name with `!f`; others are shown as the file has them.
FIELDS_DA = {
    "valid-from": "gyldig fra", "valid_from": "gyldig fra", "valid-to": "gyldig til", "valid_to": "gyldig til",
    "change date": "ændringsdato", "verified": "bekræftet",
    "SOR code": "SOR-kode", "name": "navn", "SOR code and name": "SOR-kode og navn",
    "code and text": "kode og tekst", "list_name and member": "liste og kode",
}


class _Formatter(string.Formatter):
    """str.format plus the conversions `!q` (a value from the file), `!f` (a field's name) and `!n` (a large
    number), per language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "q":
            if self.lang == "en":
                return repr(value)
            return "(tom)" if value is None else f"»{value}«"
        if conversion == "f":
            return FIELDS_DA.get(str(value), value) if self.lang == "da" else value
        if conversion == "n":
            if not isinstance(value, int):
                return value
            grouped = f"{value:,}"
            return grouped.replace(",", ".") if self.lang == "da" else grouped
        return super().convert_field(value, conversion)


_FORMATTERS: dict[Lang, _Formatter] = {"en": _Formatter("en"), "da": _Formatter("da")}


def fields_of(template: str) -> set[str]:
    """The names of the values a template fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class ImportRefused(Exception):
    """A file that is not imported (nothing was changed): its kind, the values the templates name, the 1-based
    line number (0 when the whole file is meant) and, for an importer of several files, which file."""

    # The Danish sentence around the cause; a family of refusals whose templates are whole sentences (CDA) has
    # its own.
    frame_da: ClassVar[str] = "Filen blev ikke indlæst: fejl{where}: {cause}. Intet er ændret."

    def __init__(self, kind: Kind | str, line_no: int = 0, *, file: str | None = None, **values: Any) -> None:
        self.kind = Kind(kind)
        self.line_no = line_no
        self.file = file
        self.values = values
        self.message = render_cause(self, "en")  # the English cause, without the line number
        super().__init__(f"line {line_no}: {self.message}" if line_no else self.message)


def render_cause(exc: ImportRefused, lang: Lang) -> str:
    """Why `exc` refused its file, in `lang` (no line number, no frame); names the file when there are several."""
    text = _FORMATTERS[lang].format(TEMPLATES[exc.kind][0 if lang == "en" else 1], **exc.values)
    if exc.file is None:
        return text
    return f"{exc.file}: {text}" if lang == "en" else f"filen »{exc.file}«: {text}"


def render(exc: ImportRefused, lang: Lang) -> str:
    """The whole message of `exc` in `lang`: English as `str(exc)`; Danish as the UI says it (where, why, and
    that nothing changed)."""
    if lang == "en":
        return str(exc)
    where = f" i linje {exc.line_no}" if exc.line_no else ""
    return exc.frame_da.format(where=where, cause=render_cause(exc, "da"))


__all__ = ["FIELDS_DA", "TEMPLATES", "ImportRefused", "Kind", "Lang", "fields_of", "render", "render_cause"]
