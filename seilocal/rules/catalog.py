"""What the rules need to know of the code catalog, as a Protocol that `seilocal.store` implements.

The rules never touch SQLite: tests pass a small in-memory fake, the app passes the store's catalog.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple, Protocol

# Where a catalog knows that a code is retired from: an imported SKScomplete.txt (every period ended), the dated
# SKS extract behind a derived list (AZCA3, end of 2022), or only our former starter catalog, which had the code
# but SKS 2026-06 does not (its text was never verified).
RetiredEvidence = Literal["sks", "sks_extract", "former_starter"]


class RetiredCode(NamedTuple):
    """A code that is no longer in SKS, with its last known text (`CatalogStore.retired`)."""

    code: str
    text: str
    until: date | None  # its last valid day, when the evidence says
    evidence: RetiredEvidence


class CodeCatalog(Protocol):
    """Read-only questions about SKS codes, the LPR3 named lists and SOR units."""

    def knows_list(self, list_name: str) -> bool:
        """True when the catalog has the members of this named list (e.g. `admin.konttype`, `diag.car`).

        Many LPR3 lists are not public; a rule whose list is unknown cannot decide: it says so with one info
        finding per form instead of a verdict.
        """
        ...

    def in_list(self, list_name: str, code: str, at: date | None = None) -> bool:
        """True when `code` is a member of the named list (and valid at `at`, when given).

        Without `at` the answer means "a member at some time": a code outside the list then is outside it at
        every date, which the trigger scan relies on to skip most codes with one question.
        """
        ...

    def is_authoritative(self, list_name: str) -> bool:
        """True when the list's members can be trusted to block a submission.

        That is a list import of the official members (`seilocal codes import-lists`) or members someone
        checked against the official list; our own unverified starter compilation is not: a code outside it
        is a warning, not an error. An SKS import brings codes, not list membership, and changes nothing here.
        """
        ...

    def is_valid(self, code: str, at: date | None = None) -> bool | None:
        """True when the SKS code exists and is valid at `at`; None when the code is unknown to the catalog."""
        ...

    def text(self, code: str) -> str | None:
        """The Danish text of an SKS code, or None."""
        ...

    # Optional questions: a catalog without them is asked per date only (the rules fall back, or stay quiet).

    def validity(self, code: str) -> tuple[tuple[date | None, date | None], ...] | None:
        """Every validity interval (first day, last day; None = open) of an SKS code; None when unknown."""
        ...

    def in_list_during(self, list_name: str, code: str, start: date, end: date) -> bool:
        """True when `code` is a member of the list, and SKS-valid, on some day of [start, end]."""
        ...

    def sor_period(self, sor_id: str) -> tuple[date | None, date | None] | None:
        """The first and last valid day of a SOR unit (None = open); None when the unit is unknown."""
        ...

    def sor_psychiatric(self, sor_id: str) -> bool | None:
        """True when the unit's main speciality is psychiatric; None when the catalog does not know."""
        ...

    def sor_valid(self, sor_id: str, at: date | None = None) -> bool | None:
        """True when the SOR unit is valid at `at`; None when the unit is unknown to the catalog."""
        ...


class EmptyCatalog:
    """A catalog that knows nothing: every list unknown, every code and unit unknown."""

    def knows_list(self, list_name: str) -> bool:
        return False

    def in_list(self, list_name: str, code: str, at: date | None = None) -> bool:
        return False

    def is_authoritative(self, list_name: str) -> bool:
        return False

    def is_valid(self, code: str, at: date | None = None) -> bool | None:
        return None

    def text(self, code: str) -> str | None:
        return None

    def sor_valid(self, sor_id: str, at: date | None = None) -> bool | None:
        return None

    def validity(self, code: str) -> tuple[tuple[date | None, date | None], ...] | None:
        return None

    def in_list_during(self, list_name: str, code: str, start: date, end: date) -> bool:
        return False

    def sor_period(self, sor_id: str) -> tuple[date | None, date | None] | None:
        return None

    def sor_psychiatric(self, sor_id: str) -> bool | None:
        return None
