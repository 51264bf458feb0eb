"""A form that triggers every result report RAA01-RAA10, and the list file that makes each trigger count."""

from __future__ import annotations

from seilocal.model.form import Contact, Diagnosis, Form, Procedure
from tests.support.rules_fakes import UNIT, base_form

# Trigger lists, and one member of each result list a mandatory code field needs. The codes are made up for
# the test; what matters is that the import brings them.
LIST_FILE = """list_name\tcode\tvalid_from\tvalid_to
diag.car\tDC509\t\t
diag.foedmor\tDO800\t\t
diag.foedbarn\tDZ380\t\t
diag.abort\tDO049\t\t
admin.kontaarsag.skade\tALCC02\t\t
admin.konttype.fysfr\tALCA00\t\t
admin.prioritet.akut\tATA1\t\t
proc.hoerescreen\tZZ0150\t\t
proc.inhabil.suba\tBRXY10\t\t
proc.implantat\tKNFB20\t\t
proc.opr.komplikat\tKJFA00\t\t
proc.tvangsforanst\tBAXY1\t\t
res.hoerescreen\tZPR01A\t\t
res.inhabbegrundelse\tBZBA1\t\t
res.inhabsamtykke\tBZBD1\t\t
res.inhabbeslutning\tBZBB1\t\t
res.clavien\tZKC1\t\t
res.tvangsbegrund\tZTB1\t\t
res.tvangsbehsted\tZTS1\t\t
"""


def every_trigger() -> Form:
    """One form with an object for each of the ten reports (the child born 1 Nov 2026: hearing screening)."""
    form = base_form()
    form.patient.cpr = "0111264001"
    first = form.contacts[0]
    first.diagnoses = [Diagnosis(kind="action", code="DO800"), Diagnosis(kind="secondary", code="DC509")]
    first.procedures = [
        Procedure(code=code, start="2026-11-03T10:05:00", producer=UNIT)
        for code in ("ZZ0150", "BRXY10", "KNFB20", "KJFA00", "BAXY1")
    ]
    for code, priority, reason in (("DZ380", "ATA3", None), ("DO049", "ATA1", "ALCC02")):
        form.contacts.append(
            Contact(
                start="2026-11-03T11:00:00",
                end="2026-11-03T11:30:00",
                responsible_unit=UNIT,
                type="ALCA00",
                priority=priority,
                reason=reason,
                diagnoses=[Diagnosis(kind="action", code=code)],
            )
        )
    return form
