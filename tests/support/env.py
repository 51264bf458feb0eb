"""The suite's fixed surroundings: where the repository and the official LPR3 material are, and the set day the
whole suite runs on (tests/conftest.py puts it in SEILOCAL_NOW)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
SHARED = REPO.parent / "shared"
FIXED_NOW = datetime(2026, 11, 25, 10, 30, 0)
