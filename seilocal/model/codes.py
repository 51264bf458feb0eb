"""The shape of an SKS code, checked without the catalog.

Two strictnesses on purpose: a file from SKS (`is_code_shaped`) may carry any code of the classification, so the
import only refuses what can be no code at all (markup, spaces, formulas); a code typed or imported into a form
(`code_shape_error`) must look like a reportable code (a capital, then capitals and digits, with a digit in it;
the anaesthesia codes NAA… are letters only).
"""

from __future__ import annotations

import re
from functools import lru_cache

# An SKS code: a capital letter (the main group: A, B, D, K, ...) then capitals and digits, with a digit in it,
# 3 to 20 characters in all (SKScomplete.txt gives the code 20 positions). "DC509", "ALAL01", "AFV01A1", "TUL2".
_SHAPE = re.compile(r"[A-Z][A-Z0-9]{2,19}")

# Letters and digits and a few separators some lists use; at most the 20 characters of SKScomplete.txt's code field.
_LOOSE_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+_-]{0,19}")

# Main groups whose reportable codes may be letters only: the anaesthesia codes (NAAB "Generel anæstesi" in
# the official CDA samples). Every other group has a digit in its reportable codes.
_LETTERS_ONLY_GROUPS = ("NAA",)

# Lists whose codes all begin with one main group: a diagnosis (and a metastasis, a local recurrence) is a D-code.
_GROUP_OF_LIST = {"diag": "D"}


@lru_cache(maxsize=65_536)  # a form repeats its codes; validation asks again after every edit
def code_shape_error(code: str, list_name: str | None = None) -> str | None:
    """Why `code` cannot be an SKS code (of the list `list_name`), in Danish; None when its shape is right."""
    has_digit = any(ch.isdigit() for ch in code) or (code.startswith(_LETTERS_ONLY_GROUPS) and len(code) > 3)
    if not _SHAPE.fullmatch(code) or not has_digit:
        return f"»{code}« er ikke en SKS-kode (et stort bogstav efterfulgt af bogstaver og cifre, fx DC509)"
    return code_group_error(code, list_name)


def code_group_error(code: str, list_name: str | None = None) -> str | None:
    """Why `code`, known to SKS or not, cannot be a code of the list `list_name` by its main group (a diagnosis
    field takes D-codes only), in Danish; None when the group is right or the list has no one group."""
    group = _GROUP_OF_LIST.get((list_name or "").split(".")[0])
    if group and not code.startswith(group):
        return f"»{code}« er ikke en diagnosekode: diagnosekoder begynder med {group}"
    return None


def is_code_shaped(text: str) -> bool:
    """True when `text` (without surrounding blanks) can be a code of an SKS file at all."""
    return _LOOSE_SHAPE.fullmatch(text.strip()) is not None
