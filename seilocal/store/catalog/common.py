"""Shared pieces of the catalog: import errors and results, text folding, date parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from seilocal.refusals import ImportRefused, Kind

Progress = Callable[[float], None]


class CatalogImportError(ImportRefused):
    """A code-catalog file that cannot be imported: its kind, values and line number (see seilocal.refusals)."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did: counts such as read, inserted, updated, deleted, unchanged."""

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True when the import wrote anything."""
        return any(self.counts.get(k, 0) for k in ("inserted", "updated", "deleted", "replaced_starter"))


def fold(text: str) -> str:
    """Fold case the way the search compares: "ÆG" and "æg" fold alike; "ae" stays apart from "æ"."""
    return text.casefold()


_DATES: dict[str, str] = {}  # an SKS file repeats a few thousand dates 200,000 times


def parse_compact_date(raw: str, line_no: int, what: str, *, required: bool) -> str | None:
    """An SKS date `YYYYMMDD` (blank allowed unless required) as ISO `YYYY-MM-DD`."""
    cached = _DATES.get(raw)
    if cached is not None:
        return cached
    raw = raw.strip()
    if not raw:
        if required:
            raise CatalogImportError(Kind.DATE_MISSING, line_no, column=what)
        return None
    if len(raw) != 8 or not raw.isdigit():
        raise CatalogImportError(Kind.DATE_NOT_COMPACT, line_no, column=what, value=raw)
    try:
        iso = date(int(raw[:4]), int(raw[4:6]), int(raw[6:])).isoformat()
    except ValueError:
        raise CatalogImportError(Kind.DATE_NOT_REAL, line_no, column=what, value=raw) from None
    if len(_DATES) < 100_000:
        _DATES[raw] = iso
    return iso


def parse_iso_date(raw: str, line_no: int, what: str) -> str | None:
    """An ISO date `YYYY-MM-DD` (a longer timestamp is cut to its date; blank gives None)."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        raise CatalogImportError(Kind.BAD_DATE, line_no, column=what, value=raw) from None


class ProgressReporter:
    """Calls a progress callback with a fraction in [0, 1], at most about a hundred times per import."""

    def __init__(self, progress: Progress | None, start: float = 0.0, end: float = 1.0) -> None:
        self._progress = progress
        self._start = start
        self._span = end - start
        self._last = -1.0

    def __call__(self, fraction: float) -> None:
        """Report `fraction` of this reporter's span (throttled)."""
        if self._progress is None:
            return
        value = self._start + self._span * min(max(fraction, 0.0), 1.0)
        if value - self._last >= 0.01 or fraction >= 1.0:
            self._last = value
            self._progress(value)


# Bumped by every importer and the starter loader when they change the catalog, so the caches of every
# CatalogStore in this process drop at once; other processes are noticed through PRAGMA data_version.
_generation = [0]


def bump_generation() -> None:
    """Tell the catalog caches of this process that the catalog changed."""
    _generation[0] += 1


def generation() -> int:
    """The catalog's change counter in this process."""
    return _generation[0]


def optional_date(value: str | None) -> date | None:
    """An ISO date column's value as a date (None stays None)."""
    return None if value is None else date.fromisoformat(value)


def like_escape(text: str) -> str:
    """`text` for a LIKE pattern with ESCAPE '\\': its own % and _ match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
