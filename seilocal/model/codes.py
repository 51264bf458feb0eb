"""The shape of an SKS code, checked without the catalog: typed text becomes a code only when it looks like one."""

from __future__ import annotations

import re

# An SKS code: a capital letter (the main group: A, B, D, K, ...) then capitals and digits, with a digit in it,
# 3 to 20 characters in all (SKScomplete.txt gives the code 20 positions). "DC509", "ALAL01", "AFV01A1", "TUL2".
_SHAPE = re.compile(r"[A-Z][A-Z0-9]{2,19}")

# Lists whose codes all begin with one main group: a diagnosis (and a metastasis, a local recurrence) is a D-code.
_GROUP_OF_LIST = {"diag": "D"}


def code_shape_error(code: str, list_name: str | None = None) -> str | None:
    """Why `code` cannot be an SKS code (of the list `list_name`), in Danish; None when its shape is right."""
    if not _SHAPE.fullmatch(code) or not any(ch.isdigit() for ch in code):
        return f"»{code}« er ikke en SKS-kode (et stort bogstav efterfulgt af bogstaver og cifre, fx DC509)"
    group = _GROUP_OF_LIST.get((list_name or "").split(".")[0])
    if group and not code.startswith(group):
        return f"»{code}« er ikke en diagnosekode: diagnosekoder begynder med {group}"
    return None
