"""Rule SEI-C01: a value in a code field has the shape of an SKS code (an import keeps whatever it carried)."""

from __future__ import annotations

from typing import Any

from seilocal.model.code_shape import is_code_shaped
from seilocal.rules.context import Context
from seilocal.rules.registration import rules
from seilocal.rules.timeparse import is_blank

# The SKS code fields of form-format.md, by name; `name` is a code only in a result report.
CODE_FIELDS = frozenset({
    "label", "start_marker", "completion", "method", "free_choice", "reason", "reference_type", "payer",
    "agreement", "specialisation_level", "code", "type", "priority", "side", "action_spec", "contrast",
    "staff_category", "supplementary", "metastases", "local_recurrences",
})
_SKIPPED = frozenset({"patient", "results"})  # CPR and name; result values are free text


def _codes(data: Any, path: str, section: str):  # noqa: ANN202 - a generator of (path, value)
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _SKIPPED:
                continue
            child = f"{path}.{key}" if path else key
            if key in CODE_FIELDS or (key == "name" and section == "result_reports"):
                yield from _values(value, child)
            elif isinstance(value, dict | list):
                yield from _codes(value, child, section or key)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _codes(item, f"{path}[{i}]", section)


def _values(value: Any, path: str):  # noqa: ANN202 - a generator of (path, value)
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield f"{path}[{i}]", item


@rules("NONE", ("SEI-C01", "error", "A code field holds an SKS code: letters and digits (an import keeps any text)"))
def code_shape(ctx: Context) -> None:
    for path, value in _codes(ctx.form.model_dump(), "", ""):
        if not is_blank(value) and not is_code_shaped(value):
            shown = value if len(value) <= 40 else value[:39] + "…"
            ctx.add("SEI-C01", path, f"»{shown}« er ikke en SKS-kode (kun bogstaver, cifre og . + _ -)")
