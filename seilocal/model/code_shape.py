"""The shape of an SKS code: what the SKS import accepts and what the rules call a code (issue 11)."""

from __future__ import annotations

import re

# Letters and digits (D, K, A, B, Z and the rest), a few separators some lists use; at most the 20 characters
# of SKScomplete.txt's code field. Markup, quotes, spaces and formulas are no code.
CODE_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+_-]{0,19}")


def is_code_shaped(text: str) -> bool:
    """True when `text` (without surrounding blanks) has the shape of an SKS code."""
    return CODE_SHAPE.fullmatch(text.strip()) is not None
