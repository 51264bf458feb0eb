"""A stated "ingen metastaser" / "ingen lokalrecidiv" travels with a placeholder code: say so (our own rule).

LPR3 wants "none" as a code of the metastasis (local-recurrence) set, but the SKS codes SDS uses for it are not in
the public material the app is built on (see seilocal/model/cancer.py). The export writes a placeholder that LPR3
will refuse; the practitioner must know before submitting rather than learn it from a rejection.
"""

from __future__ import annotations

from seilocal.model.cancer import NO_LOCAL_RECURRENCE_CODE, NO_METASTASES_CODE
from seilocal.rules.context import Context
from seilocal.rules.registration import rules


@rules(
    "NONE",
    ("SEI-CA01", "warning", "A stated 'no metastases' / 'no local recurrence' is exported with a placeholder code"),
)
def stated_none(ctx: Context) -> None:
    for view in ctx.diagnoses:
        diagnosis = view.diagnosis
        for stated, field, what, code in (
            (diagnosis.no_metastases, "metastases", "Ingen metastaser", NO_METASTASES_CODE),
            (diagnosis.no_local_recurrences, "local_recurrences", "Ingen lokalrecidiv", NO_LOCAL_RECURRENCE_CODE),
        ):
            if stated:
                ctx.add("SEI-CA01", f"{view.path}.{field}",
                        f"»{what}« sendes til LPR3 med den foreløbige kode {code}: SDS' egen kode for det er ikke "
                        "kendt af appen, og LPR3 vil afvise den foreløbige kode")
