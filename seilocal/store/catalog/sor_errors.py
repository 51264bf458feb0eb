"""Refusals of the SOR importer: a kind and its values, rendered by template in English (CLI) or Danish (UI).

The English text is also the exception's message, so the command line and the log read as before; the UI
asks `danish()` and never translates by matching the English text.
"""

from __future__ import annotations

from typing import Any

from .common import CatalogImportError

# kind -> (English template, Danish template); values are filled in by name. A value from the file is
# shown in »« in Danish, in quotes in English.
TEMPLATES: dict[str, tuple[str, str]] = {
    "bad-sor-id": ("SOR code {value!r} is missing or not digits", "SOR-koden {value_da} mangler eller er ikke cifre"),
    "no-name": ("SOR unit {sor_id} has no name", "SOR-enheden {sor_id} har intet navn"),
    "bad-level": ("level {value!r} is not SI or OE", "niveauet {value_da} er hverken SI eller OE"),
    "bad-owner": (
        "owner type {value!r} is not statslig/regional/kommunal/privat",
        "ejerformen {value_da} er ikke statslig, regional, kommunal eller privat",
    ),
    "bad-cvr": ("CVR {value!r} is not 8 digits", "CVR-nummeret {value_da} har ikke 8 cifre"),
    "bad-parent": ("parent SOR code {value!r} is not digits", "den overordnede SOR-kode {value_da} er ikke cifre"),
    "bad-date": (
        "{column} {value!r} is not a date YYYY-MM-DD",
        "»{column}« {value_da} er ikke en dato (åååå-mm-dd)",
    ),
    "dates-reversed": (
        "valid_to {to} is before valid_from {frm}",
        "gyldig til ({to}) ligger før gyldig fra ({frm})",
    ),
    "not-sor": (
        "this is not a SOR file: no column for the {missing} (expected e.g. {expected}); found {found}",
        "filen er ikke en SOR-fil: der er ingen kolonne med {missing_da} (fx {expected}). "
        "Filens første kolonner er: {found}",
    ),
    "line-too-long": (
        "the line is longer than {limit} characters; is this a SOR CSV file?",
        "linjen er længere end {limit} tegn. Er det en SOR-fil (CSV)?",
    ),
    "zip-no-entity": (
        "the ZIP file holds no SOREntity CSV file (it holds {members})",
        "ZIP-filen indeholder ingen SOREntity-fil (den indeholder {members})",
    ),
    "zip-bad": ("not a readable ZIP file ({reason})", "ZIP-filen kan ikke læses"),
    "zip-too-large": (
        "the SOREntity file in the ZIP is larger than {limit_mb} MB unpacked",
        "SOREntity-filen i ZIP-filen fylder over {limit_mb} MB udpakket",
    ),
    "no-header": ("the header line is missing", "overskriftslinjen mangler"),
    "not-csv": ("not readable as CSV ({reason})", "filen kan ikke læses som CSV"),
    "bad-fields": ("{found} fields, {expected} expected", "linjen har {found} felter, men der skal være {expected}"),
    "bad-xml": ("not well-formed XML ({reason})", "filen er ikke gyldig XML"),
    "no-units": ("the file holds no SOR units", "filen indeholder ingen SOR-enheder"),
}

# How the missing columns of a file that is not SOR are named, per language.
MISSING_DA = {"SOR code": "SOR-kode", "name": "navn", "SOR code and name": "SOR-kode og navn"}


def _da(value: Any) -> str:
    return "(tom)" if value is None else f"»{value}«"


class SorImportError(CatalogImportError):
    """A refused SOR file: line number (0 = the whole file), kind, and the values the templates name."""

    def __init__(self, line_no: int, kind: str, **values: Any) -> None:
        self.kind = kind
        self.values = values
        super().__init__(line_no, TEMPLATES[kind][0].format(**values))

    def danish(self) -> str:
        """The cause in Danish (without the line number and the closing "nothing changed")."""
        values = dict(self.values)
        values["value_da"] = _da(values.get("value"))
        if "missing" in values:
            values["missing_da"] = MISSING_DA.get(values["missing"], values["missing"])
        return TEMPLATES[self.kind][1].format(**values)
