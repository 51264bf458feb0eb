"""Typed codes (issue 12): every code has the shape of an SKS code, and once an official SKS file is imported a
code it does not hold is an error. (With the bundled, incomplete catalog the fields show such a code as unknown.)"""

from __future__ import annotations

from typing import Any

from seilocal.model.codes import code_shape_error
from seilocal.rules.context import Context
from seilocal.rules.registration import rules

# The fields of the form that hold SKS codes (of a result report only its name: the results have their own rules).
CODE_FIELDS = {"label", "start_marker", "completion", "method", "free_choice", "reason", "reference_type", "payer",
               "agreement", "specialisation_level", "code", "side", "supplementary", "metastases",
               "local_recurrences", "type", "priority", "action_spec", "contrast", "staff_category"}
DIAGNOSIS_CODES = {"code", "metastases", "local_recurrences"}


def _codes(data: Any, path: str = "") -> list[tuple[str, str, str]]:
    """(path, code, field name) of every code in the dumped form, diagnoses marked by their path."""
    found: list[tuple[str, str, str]] = []
    for name, value in data.items():
        here = f"{path}.{name}" if path else name
        if name == "result_reports":  # a report's name is a code; its results are values of many kinds
            found += [(f"{here}[{i}].name", report["name"], "name") for i, report in enumerate(value)
                      if isinstance(report, dict) and isinstance(report.get("name"), str) and report["name"]]
            continue
        if isinstance(value, dict):
            found += _codes(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    found += _codes(item, f"{here}[{i}]")
                elif isinstance(item, str) and name in CODE_FIELDS and item:
                    found.append((f"{here}[{i}]", item, name))
        elif isinstance(value, str) and value and name in CODE_FIELDS:
            found.append((here, value, name))
    return found


@rules(
    "NONE",
    ("SEI-C01", "error", "A code does not have the shape of an SKS code (a diagnosis must be a D-code)"),
    ("SEI-C02", "error", "A code that the imported official SKS file does not hold"),
)
def code_shapes(ctx: Context) -> None:
    # Only a catalog that can say an official SKS file is in it (the app's, after an import) answers "unknown".
    imported = getattr(ctx.catalog, "sks_imported", None)
    official = bool(imported and imported())
    for path, code, name in _codes(ctx.form.model_dump(exclude={"patient"})):
        diagnosis = ".diagnoses[" in path and name in DIAGNOSIS_CODES
        problem = code_shape_error(code, "diag" if diagnosis else None)
        if problem:
            ctx.add("SEI-C01", path, problem)
        elif official and ctx.catalog.is_valid(code) is None:
            ctx.add("SEI-C02", path, f"Koden {code} findes ikke i den indlæste SKS-fil")
