"""Cancer diagnoses (F4.8): which codes are certainly primary cancer, and how "none" is stated.

LPR3 (rules 12111/12112, "herunder ingen metastaser / ingen lokalrecidiv") wants every notifiable primary
cancer diagnosis (`diag.primkraeft`) to carry metastasis info and local-recurrence info, where "none" is itself
info: it is a member of the diagnosis's metastasis (local-recurrence) set, sent as one DK Metastasis Observation
(template 1.2.208.176.7.1.10.37; DK Cancer Recurrence Observation 10.40) whose code, never a nullFlavor, comes
from value set 1.2.208.176.2.4.13 (.14). The form keeps "none" as its own flag (`Diagnosis.no_metastases`,
`Diagnosis.no_local_recurrences`) so the statement does not depend on one code: the CDA mapping writes it as
`NO_METASTASES_CODE` / `NO_LOCAL_RECURRENCE_CODE` and reads those codes back as the flag.

The SKS codes for "none" are the group DZ06 "Undersøgelsesresultater vedr fjernmetastaser/lokalrecidiv" (SKS
2026-06, valid from 2018-07-01): `DZ061A` "Ingen fjernmetastaser påvist" and `DZ063A` "Intet lokalrecidiv påvist".
The other statements of the same group (`DZ061B`/`DZ063B` "status ikke afklaret", `DZ063C` "ikke relevant") are
ordinary members of `diag.metastase` / `diag.lokalrecidiv` and are entered as codes in the same fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seilocal.model.form import Diagnosis

NO_METASTASES_CODE = "DZ061A"
NO_LOCAL_RECURRENCE_CODE = "DZ063A"

# The SKS texts of the two codes, shown beside the ticks and printed.
NO_METASTASES_TEXT = "Ingen fjernmetastaser påvist"
NO_LOCAL_RECURRENCE_TEXT = "Intet lokalrecidiv påvist"

# The other "status" statements of the DZ06 group, offered as codes of the two fields.
OTHER_METASTASIS_STATEMENTS = {"DZ061B": "Metastase status ikke afklaret"}
OTHER_RECURRENCE_STATEMENTS = {
    "DZ063B": "Lokalrecidiv status ikke afklaret",
    "DZ063C": "Lokalrecidiv status ikke relevant",
}

# ICD-10 chapter II, malignant neoplasms C00-C97, without C77-C79: those are secondary (metastasis) codes,
# members of `diag.metastase`, never a primary cancer (rules 12109, 13.102).
_SECONDARY = range(77, 80)


def is_certain_cancer(code: str | None) -> bool:
    """True for a code that is certainly a primary cancer diagnosis: DC00-DC97 except DC77-DC79."""
    text = (code or "").strip().upper()
    if not text.startswith("DC") or len(text) < 4 or not text[2:4].isdigit():
        return False
    group = int(text[2:4])
    return group <= 97 and group not in _SECONDARY


def _with_none(codes: list[str], stated_none: bool, none_code: str) -> list[str]:
    return [*codes, none_code] if stated_none and none_code not in codes else list(codes)


def metastasis_codes(diagnosis: Diagnosis) -> list[str]:
    """The metastasis set LPR3 gets: the codes, and the "none" code when "ingen metastaser" is stated."""
    return _with_none(diagnosis.metastases, diagnosis.no_metastases, NO_METASTASES_CODE)


def recurrence_codes(diagnosis: Diagnosis) -> list[str]:
    """The local-recurrence set LPR3 gets: the codes, and the "none" code when "ingen lokalrecidiv" is stated."""
    return _with_none(diagnosis.local_recurrences, diagnosis.no_local_recurrences, NO_LOCAL_RECURRENCE_CODE)
