"""One module per section of the form; each has `build(editor)`. A section not built yet shows a note."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..form_editor import FormEditor

_MODULES = {
    "patient": "patient",
    "course": "course",
    "referral": "referral",
    "payment": "payment",
    "markers": "markers",
    "contacts": "contacts",
    "procedures": "procedures",
    "result_reports": "result_reports",
}


def section_builder(key: str) -> Callable[[FormEditor], None] | None:
    """The `build` function of a section, or None when its module does not exist yet."""
    module_name = _MODULES.get(key)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module_name}":
            raise
        return None
    return module.build
