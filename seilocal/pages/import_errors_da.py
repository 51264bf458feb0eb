"""Danish wording of the code-list importers' errors (their messages are English, for the CLI and the log).

Used by the import panel in place of the English cause (an error with a kind, such as SorImportError, brings
its own Danish template and is not matched here); an unknown message keeps a Danish frame and the
English detail, so nothing is hidden.
"""

from __future__ import annotations

import re

from seilocal.store.catalog import CatalogImportError

_DATE_WHAT = {
    "valid-from": "gyldig fra", "valid-to": "gyldig til", "valid_from": "gyldig fra", "valid_to": "gyldig til",
}

# (pattern of the English message, Danish text; groups are filled in by name)
_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"line is (?P<n>\d+) characters, at least (?P<m>\d+) expected"),
     "linjen har {n} tegn, men en SKS-linje har mindst {m}. Er det SKScomplete.txt?"),
    (re.compile(r"record type (?P<v>.+) is not letters"), "posttypen {v} er ikke bogstaver. Er det SKScomplete.txt?"),
    (re.compile(r"code (?P<v>.+) is empty or has spaces inside"), "koden {v} er tom eller har mellemrum"),
    (re.compile(r"code (?P<v>.+) is not an SKS code \(letters, digits and \. \+ _ - only\)"),
     "koden {v} er ikke en SKS-kode (kun bogstaver, cifre og . + _ -). Er det SKScomplete.txt?"),
    (re.compile(r"(?P<what>valid[-_]to) (?P<a>\S+) is before (?:valid[-_]from) (?P<b>\S+)"),
     "gyldig til ({a}) ligger før gyldig fra ({b})"),
    (re.compile(r"not Windows-1252 text \((?P<v>.*)\)"),
     "filen er ikke tekst i Windows-1252, som SKScomplete.txt er"),
    (re.compile(r"the file holds no SKS records"), "filen indeholder ingen SKS-koder"),
    (re.compile(r"(?P<what>\S+) is missing"), "datoen »{what}« mangler"),
    (re.compile(r"(?P<what>\S+) (?P<v>.+) is not a date YYYYMMDD"), "»{what}« {v} er ikke en dato (ååååmmdd)"),
    (re.compile(r"(?P<what>\S+) (?P<v>.+) is not a real date"), "»{what}« {v} er en dato, der ikke findes"),
    (re.compile(r"(?P<what>\S+) (?P<v>.+) is not a date YYYY-MM-DD"), "»{what}« {v} er ikke en dato (åååå-mm-dd)"),
    (re.compile(r"SOR code (?P<v>.+) is missing or not digits"), "SOR-koden {v} mangler eller er ikke cifre"),
    (re.compile(r"SOR unit (?P<v>\S+) has no name"), "SOR-enheden {v} har intet navn"),
    (re.compile(r"level (?P<v>.+) is not SI or OE"), "niveauet {v} er hverken SI eller OE"),
    (re.compile(r"owner type (?P<v>.+) is not statslig/regional/kommunal/privat"),
     "ejerformen {v} er ikke statslig, regional, kommunal eller privat"),
    (re.compile(r"CVR (?P<v>.+) is not 8 digits"), "CVR-nummeret {v} har ikke 8 cifre"),
    (re.compile(r"parent SOR code (?P<v>.+) is not digits"), "den overordnede SOR-kode {v} er ikke cifre"),
    (re.compile(r"the header line is missing"), "overskriftslinjen mangler"),
    (re.compile(r"not readable as CSV \((?P<v>.*)\)"), "filen kan ikke læses som CSV"),
    (re.compile(r"unknown column\(s\) (?P<v>.+); expected (?P<e>.+)"), "ukendte kolonner: {v}. Kendte kolonner: {e}"),
    (re.compile(r"the columns sor_id and name are required"), "kolonnerne sor_id og name skal være med"),
    (re.compile(r"(?P<n>\d+) fields, (?P<m>\d+) expected"), "linjen har {n} felter, men der skal være {m}"),
    (re.compile(r"not well-formed XML \((?P<v>.*)\)"), "filen er ikke gyldig XML"),
    (re.compile(r"the file holds no SOR units"), "filen indeholder ingen SOR-enheder"),
]


def _shown(name: str, raw: str) -> str:
    # The app's one quote style: a value from the file in »«, not Python's repr quotes.
    if name == "what":
        return _DATE_WHAT.get(raw, raw)
    if name == "v" and len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return f"»{raw[1:-1]}«"
    return raw


def danish_cause(message: str) -> str | None:
    """The Danish text of one importer message, or None when it is not one we know."""
    for pattern, text in _MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match:
            return text.format(**{k: _shown(k, v) for k, v in match.groupdict().items()})
    return None


def danish_import_error(error: CatalogImportError) -> str:
    """The whole Danish message for a refused file: where, why, and that nothing changed."""
    where = f" i linje {error.line_no}" if error.line_no else ""
    # A refusal that carries a kind renders its own Danish template (SorImportError); the patterns above are
    # for the importers whose errors are plain English text.
    danish = getattr(error, "danish", None)
    cause = danish() if callable(danish) else danish_cause(error.message)
    if cause is None:
        cause = f"ukendt fejl ({error.message})"  # still shown: better English detail than none
    return f"Filen blev ikke indlæst: fejl{where}: {cause}. Intet er ændret."
