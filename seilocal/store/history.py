"""The history page's reading of stored data (B6): Danish field labels, the diff of two versions, the audit
log as the page and an access request's CSV show it. No SQL: the rows come from `VersionStore`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from seilocal.model import STATUS_LABELS_DA, Form
from seilocal.model.datetime_input import format_for_display, parse_stored

# -- Danish field labels (form-format.md glossary) ----------------------------------------------------

# Labels of a field wherever it occurs; `_PATH_LABELS` overrides them where the glossary has a better word.
_FIELD_LABELS: dict[str, str] = {
    "format": "Format", "form_no": "Skemanummer", "status": "Status",
    "patient": "Patient", "cpr": "CPR-nummer", "name": "Navn",
    "course": "Forløb", "id": "ID", "start": "Starttidspunkt", "end": "Sluttidspunkt",
    "responsible_unit": "Ansvarlig enhed", "label": "Forløbslabel", "start_marker": "Startmarkør",
    "completion": "Afslutningsmåde",
    "referral": "Henvisning", "time": "Tidspunkt", "referring_unit": "Henvisende enhed",
    "method": "Henvisningsmåde", "free_choice": "Frit sygehusvalg", "reason": "Årsag",
    "reference_id": "Reference-ID", "reference_type": "Referencetype",
    "payment": "Betalingsoplysninger", "payer": "Betaler", "agreement": "Betalingsaftale",
    "specialisation_level": "Specialiseringsniveau",
    "markers": "Forløbsmarkør", "code": "Kode",
    "contacts": "Patientkontakt", "type": "Kontakttype", "priority": "Prioritet",
    "diagnoses": "Diagnose", "kind": "Art", "side": "Sideangivelse", "supplementary": "Tillægskoder",
    "metastases": "Metastaser", "local_recurrences": "Lokalrecidiv",
    "no_metastases": "Ingen metastaser", "no_local_recurrences": "Ingen lokalrecidiv",
    "procedures": "Procedure", "producer": "Procedureansvar", "action_spec": "Handlingsspecifikation",
    "contrast": "Anvendt kontrast", "staff_category": "Personalekategori",
    "implant_report_requested": "Implantatindberetning ønsket",
    "coercion_report_requested": "Tvangsindberetning ønsket",
    "result_reports": "Resultatindberetning", "trigger": "Trigger", "ref": "Reference",
    "results": "Resultat",
}
_PATH_LABELS: dict[str, str] = {
    "course.id": "ForløbsID",
    "course.responsible_unit": "Forløbsansvar",
    "referral.time": "Henvisningstidspunkt",
    "referral.reason": "Henvisningsårsag",
    "contacts[].responsible_unit": "Kontaktansvar",
    "contacts[].reason": "Kontaktårsag",
    "contacts[].diagnoses[].kind": "Art (aktions-/bidiagnose)",
    "result_reports[].name": "RI-navn",
    "result_reports[].trigger.code": "Triggerkode",
    "procedures": "Procedure uden patientkontakt",
}
_VALUE_LABELS: dict[str, dict[str, str]] = {
    "status": STATUS_LABELS_DA,
    "kind": {"action": "Aktionsdiagnose", "secondary": "Bidiagnose"},
}
_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


def field_label(path: str) -> str:
    """The Danish label of a field path: `contacts[1].diagnoses[0].code` -> `Patientkontakt 2 › Diagnose 1 › Kode`."""
    parts: list[str] = []
    pattern = ""
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if not match:
            parts.append(step)  # e.g. a result type such as RDA01 under `results`
            continue
        name, indices = match.group(1), re.findall(r"\[(\d+)\]", match.group(2))
        pattern = f"{pattern}.{name}" if pattern else name
        if pattern.startswith("result_reports[].results."):
            parts.append(name)
            continue
        label = _PATH_LABELS.get(pattern) or _FIELD_LABELS.get(name, name)
        parts.append(" ".join([label, *(str(int(i) + 1) for i in indices)]))
        pattern += "[]" * len(indices)
    return " › ".join(parts)


def display_value(field: str, value: Any) -> str:
    """A stored value as the UI shows it: Danish times and labels, lists joined, empty as a dash."""
    if value is None or value == [] or value == "":
        return "–"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, list):
        return ", ".join(display_value(field, v) for v in value)
    text = str(value)
    labels = _VALUE_LABELS.get(field)
    if labels and text in labels:
        return labels[text]
    if parse_stored(text) is not None:
        return format_for_display(text)
    return text


# -- diff of two documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DiffRow:
    """One field that differs between two documents."""

    path: str  # in the newer document where the row still exists, else in the older one
    label: str
    old: str
    new: str
    change: str  # "changed", "added" (the row is new) or "removed" (the row is gone)


def _flatten(data: Any, key: str, path: str, out: dict[str, tuple[str, str, Any]], rows: set[str]) -> None:
    """Leaves of a dumped document as key -> (path, field name, value); list rows keyed by their id."""
    if isinstance(data, dict):
        for name, item in data.items():
            if name == "id" and key.endswith("]"):
                continue  # a row's own id says nothing a reader needs; rows are matched by it
            _flatten(item, f"{key}.{name}" if key else name, f"{path}.{name}" if path else name, out, rows)
        return
    if isinstance(data, list) and data and all(isinstance(item, dict) and "id" in item for item in data):
        for index, item in enumerate(data):
            row_key = f"{key}[{item['id']}]"
            rows.add(row_key)
            _flatten(item, row_key, f"{path}[{index}]", out, rows)
        return
    field = key.rsplit(".", 1)[-1].split("[", 1)[0]
    out[key] = (path, field, data)


def _as_dict(document: Form | dict[str, Any] | str) -> dict[str, Any]:
    if isinstance(document, Form):
        return document.model_dump(mode="json")
    if isinstance(document, str):
        return Form.model_validate_json(document).model_dump(mode="json")
    return Form.model_validate(document).model_dump(mode="json")


def diff_documents(old: Form | dict[str, Any] | str, new: Form | dict[str, Any] | str) -> list[DiffRow]:
    """Field-by-field differences between two documents, rows matched by id, in the newer document's order."""
    before: dict[str, tuple[str, str, Any]] = {}
    after: dict[str, tuple[str, str, Any]] = {}
    old_rows: set[str] = set()
    new_rows: set[str] = set()
    _flatten(_as_dict(old), "", "", before, old_rows)
    _flatten(_as_dict(new), "", "", after, new_rows)
    result: list[DiffRow] = []

    def change_of(key: str) -> str:
        row_keys = [k for k in _row_prefixes(key)]
        if any(k not in old_rows for k in row_keys):
            return "added"
        if any(k not in new_rows for k in row_keys):
            return "removed"
        return "changed"

    for key in [*after, *(k for k in before if k not in after)]:
        old_entry, new_entry = before.get(key), after.get(key)
        old_value = old_entry[2] if old_entry else None
        new_value = new_entry[2] if new_entry else None
        if _empty(old_value) and _empty(new_value) or old_value == new_value:
            continue
        path, field = (new_entry or old_entry)[:2]  # type: ignore[index]
        result.append(DiffRow(path, field_label(path), display_value(field, old_value),
                              display_value(field, new_value), change_of(key)))
    return result


def _row_prefixes(key: str) -> Iterator[str]:
    for match in re.finditer(r"\]", key):
        yield key[: match.end()]


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


# -- CSV of an access request -------------------------------------------------------------------------

ACTION_LABELS_DA = {
    "create": "Oprettet", "set": "Ændret", "add": "Række tilføjet", "delete": "Slettet",
    "import": "Importeret", "import-bundle": "Indlæst fra indberetningspakke", "submit": "Indberettet",
    "cancel": "Annulleret", "restore": "Række gendannet", "carry": "Indberettet før gendannelse",
    "view": "Vist", "undo": "Fortrudt",
}


# What a "view" row saw (its path holds the kind, not a field): the log says it in Danish, never "Vist form".
VIEW_LABELS_DA = {"form": "Skemaet åbnet", "print": "Skemaet udskrevet (PDF)", "export": "Skemaet eksporteret"}


def audit_action_text(action: str, path: str | None) -> str:
    """The Danish "Handling" of an audit row: "Ændret", "Skemaet åbnet", "Skemaet udskrevet (PDF)" ..."""
    if action == "view":
        return VIEW_LABELS_DA.get(path or "form", ACTION_LABELS_DA["view"])
    return ACTION_LABELS_DA.get(action, action)


def audit_field_text(action: str, path: str | None) -> str:
    """The Danish "Felt" of an audit row: a field's label; nothing for a view (no field was involved)."""
    return field_label(path) if path and action != "view" else ""


def _audit_value(path: str | None, text: str | None) -> str:
    if text is None:
        return ""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    field = (path or "").rsplit(".", 1)[-1].split("[", 1)[0]
    return display_value(field, value)


def audit_csv(rows: Sequence[dict[str, Any]]) -> bytes:
    """Audit rows as a CSV (UTF-8 with BOM, `;`-separated, as Danish Excel opens it), made in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Tidspunkt", "Skemanummer", "Handling", "Felt", "Feltsti", "Før", "Efter"])
    for row in rows:
        path = row.get("path")
        action = row["action"]
        writer.writerow([_as_text(cell) for cell in [
            format_for_display(row["at"]),
            row["form_no"],
            audit_action_text(action, path),
            audit_field_text(action, path),
            path if path and action != "view" else "",
            _audit_value(path, row.get("old_value")),
            _audit_value(path, row.get("new_value")),
        ]])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _as_text(cell: Any) -> Any:
    """A cell a spreadsheet shows as text: a value that would start a formula gets a leading apostrophe.

    Spreadsheets skip leading spaces and line breaks and read the full-width `＝＋－＠` as formula signs too
    (issue 22), so the first character after any whitespace is looked at, in its NFKC form.
    """
    if not isinstance(cell, str):
        return cell
    head = unicodedata.normalize("NFKC", cell.lstrip()[:1])
    if cell.startswith(_FORMULA_STARTS) or (head and head in "=+-@"):
        return "'" + cell
    return cell
