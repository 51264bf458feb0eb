"""Codes of our former starter catalog that SKS 2026-06 does not know, with the texts that catalog gave them.

Read from `assets/catalog/former_starter_codes.tsv` (232 codes, all unverified, most our own guesses at
procedure numbers). They are not in the catalog: a form holding one (written before the SKS 2026 catalog) gets
a warning with this last known text instead of silence (issue 20).
"""

from __future__ import annotations

from functools import cache

from seilocal.resources import asset_path

ASSET = "former_starter_codes.tsv"


@cache
def former_starter_codes() -> dict[str, str]:
    """Code -> the text our former starter catalog gave it."""
    path = asset_path("catalog", ASSET)
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = (line.split("\t") for line in lines[1:])  # after the header
    return {row[0]: row[1] for row in rows if len(row) == 2}
