"""A small in-memory code catalog and a valid base form for the rule tests."""

from __future__ import annotations

from datetime import date, datetime

from seilocal.model.form import (
    Contact,
    Course,
    Diagnosis,
    Form,
    Marker,
    Patient,
    Payment,
    Procedure,
    Referral,
)
from seilocal.rules.result_types import RESULT_FIELDS

NOW = datetime(2026, 11, 20, 12, 0, 0)
UNIT = "486811000016002"
OTHER_UNIT = "6071000016008"

LISTS: dict[str, set[str]] = {
    "forloeb.label": {"ALAL01"},
    "forloeb.markoer": {"AFV01A1", "AFV01B"},
    "admin.afslutmaade": {"ALAC70"},
    "forloeb.reftype": {"ALAA01"},
    "admin.henvmaade": {"ALDA11"},
    "admin.fritvalg": {"ALDB00"},
    "admin.betaler": {"ALFB01"},
    "admin.betalaftale": {"ALFA2"},
    "admin.specialniv": {"ALFC4"},
    "admin.specialeniv": {"ALFC4"},
    "admin.konttype": {"ALCA00", "ALCA01", "ALCA03", "ALCA10", "ALCA20"},
    "admin.konttype.fysfr": {"ALCA00"},
    "admin.konttype.udeko": {"ALCA01"},
    "admin.konttype.diagindb": {"ALCA10"},
    "admin.konttype.doed": {"ALCA20"},
    "admin.prioritet": {"ATA1", "ATA3"},
    "admin.prioritet.akut": {"ATA1"},
    "admin.prioritet.plan": {"ATA3"},
    "admin.kontaarsag": {"ALCC01", "ALCC02", "ALCC03"},
    "admin.kontaarsag.skade": {"ALCC02", "ALCC03"},
    "admin.kontaarsag.skade.suba": {"ALCC02"},
    "admin.kontaarsag.skade.subb": {"ALCC02"},
    "diag": {
        "DJ069",
        "DC509",
        "DC793C",
        "DT636C",
        "DO800",
        "DZ380",
        "DP95",
        "DO049",
        "DR999",
        "DX599",
        "DM170",
        "DT819",
        "DO048",
        "DO039",
        "DO050",
        "DO059",
        "DO069",
    },
    "diag.car": {"DC509"},
    "diag.car.tnm": {"DC509"},
    "diag.car.lymfom": {"DC509"},
    "diag.car.t0": {"DC509"},
    "diag.car.ta": {"DC509"},
    "diag.car.tis": {"DC509"},
    "diag.primkraeft": {"DC509"},
    "diag.metastase": {"DC793C", "DC799X"},
    "diag.lokalrecidiv": {"DT636C", "DT639X"},
    "diag.lateral": {"DM170"},
    "diag.foedmor": {"DO800"},
    "diag.foedmor.samraad": {"DO800"},
    "diag.abort.samraad": {"DO048"},
    "diag.foedbarn": {"DZ380"},
    "diag.foedbarn.vital": {"DZ380"},
    "diag.foedbarn.doed": {"DP95"},
    "diag.abort": {"DO049", "DO039", "DO050", "DO059", "DO069"},
    "diag.abort.spon": {"DO039"},
    "diag.abort.prov": {"DO049"},
    "diag.abort.samraad.suba": {"DO069"},
    "diag.abort.samraad.subb": {"DO059"},
    "diag.abort.samraad.subc": {"DO050"},
    "res.samraad.suba": {"OK1"},
    "res.samraad.subb": {"OK2"},
    "res.samraad.subc": {"OK3"},
    "res.gestald.spontabort": {"OK2"},
    "res.gestald.provabort": {"OK3"},
    "res.misdann.suba": {"OK1"},
    "diag.doed": {"DR999"},
    "diag.ydreaarsag": {"DX599"},
    "diag.kirkomplikat": {"DT819"},
    "spec.lateraldiag": {"TUL1", "TUL2", "TUL3"},
    "spec.lateralproc": {"TUL1", "TUL2", "TUL3"},
    "proc.opr": {"KHAC20", "KNFB20", "BAXY1", "BAXZ1", "KJFA00", "BDFA1", "ZZ0150", "UXCA00", "KXYZ"},
    "proc.act": set(),
    "proc.und": set(),
    "proc.lateral": {"KNFB20"},
    "proc.handling": {"KXYZ"},
    "proc.kontrast": {"UXCA00"},
    "proc.sluttid": {"BDFA1"},
    "proc.implantat": {"KNFB20"},
    "proc.tvangsforanst": {"BAXY1"},
    "proc.inhabil.subb": {"BAXY1"},
    "proc.inhabil.suba": {"BAXZ1"},
    "proc.opr.komplikat": {"KJFA00"},
    "proc.hoerescreen": {"ZZ0150"},
    "spec.handspec": {"ZPP1"},
    "spec.anvkontrast": {"MV08AA01"},
    "admin.personale": {"APAA2"},
    "resindb.navn": {f"RAA{i:02d}" for i in range(1, 11)},
    "res.type": {f.code for fields in RESULT_FIELDS.values() for f in fields},
    "res.statuscar.suba": {"AZCA1"},
    "res.statuscar.subb": {"AZCA1"},
    "res.statuscar.subc": set(),
    "res.statuscar.subd": {"AZCA4"},
    "res.tcstad.t0": {"T0"},
    "res.tcstad.ta": {"TA"},
    "res.tcstad.tis": {"TIS"},
    "res.skadeakt.transp": {"OK1"},
    "res.inhabbeslutning.suba": {"OK1"},
    "res.clavien.suba": {"OK3"},
}
# Every code list a result field names knows the members OK1..OK3 (and the cancer statuses).
for _fields in RESULT_FIELDS.values():
    for _f in _fields:
        if _f.code_list:
            LISTS.setdefault(_f.code_list, set()).update({"OK1", "OK2", "OK3"})
LISTS["res.statuscar"] |= {"AZCA1", "AZCA4"}
LISTS["res.tcstad"] |= {"T0", "TA", "TIS"}


class FakeCatalog:
    """An in-memory CodeCatalog: named lists, code validity periods and SOR validity periods."""

    def __init__(
        self,
        lists: dict[str, set[str]] | None = None,
        valid: dict[str, tuple[date | None, date | None]] | None = None,
        sor: dict[str, tuple[date | None, date | None]] | None = None,
        unconfirmed: set[str] | None = None,
        periods: dict[str, tuple[tuple[date | None, date | None], ...]] | None = None,
        psychiatric: dict[str, bool] | None = None,
    ) -> None:
        self.lists = {k: set(v) for k, v in (LISTS if lists is None else lists).items()}
        self.unconfirmed = set(unconfirmed or ())
        self.valid = dict(valid or {})
        self.periods = dict(periods or {})  # codes with several validity intervals
        self.sor = dict(sor or {})
        self.psychiatric = dict(psychiatric or {})

    def knows_list(self, list_name: str) -> bool:
        return list_name in self.lists

    def in_list(self, list_name: str, code: str, at: date | None = None) -> bool:
        return code in self.lists.get(list_name, set())

    def is_authoritative(self, list_name: str) -> bool:
        return list_name not in self.unconfirmed

    def is_valid(self, code: str, at: date | None = None) -> bool | None:
        if code in self.periods:
            return any(_within(period, at) for period in self.periods[code])
        return _within(self.valid.get(code), at)

    def validity(self, code: str) -> tuple[tuple[date | None, date | None], ...] | None:
        if code in self.periods:
            return self.periods[code]
        return None if code not in self.valid else (self.valid[code],)

    def text(self, code: str) -> str | None:
        return None

    def sor_valid(self, sor_id: str, at: date | None = None) -> bool | None:
        return _within(self.sor.get(sor_id), at)

    def sor_period(self, sor_id: str) -> tuple[date | None, date | None] | None:
        return self.sor.get(sor_id)

    def sor_psychiatric(self, sor_id: str) -> bool | None:
        return self.psychiatric.get(sor_id)


def _within(period: tuple[date | None, date | None] | None, at: date | None) -> bool | None:
    if period is None:
        return None
    if at is None:
        return True
    first, last = period
    return (first is None or first <= at) and (last is None or at <= last)


def base_form() -> Form:
    """A complete, valid draft: one planned contact with an action diagnosis and a procedure."""
    return Form(
        patient=Patient(cpr="0101801233", name="Test Testesen"),
        course=Course(
            start="2026-11-03T09:30:00", responsible_unit=UNIT, label="ALAL01", start_marker="AFV01A1"
        ),
        referral=Referral(
            time="2026-11-03T09:00:00",
            referring_unit=OTHER_UNIT,
            method="ALDA11",
            free_choice="ALDB00",
            reason="DJ069",
        ),
        payment=Payment(payer="ALFB01", agreement="ALFA2", specialisation_level="ALFC4"),
        markers=[Marker(code="AFV01B", time="2026-11-03T10:00:00")],
        contacts=[
            Contact(
                start="2026-11-03T10:00:00",
                end="2026-11-03T10:45:00",
                responsible_unit=UNIT,
                type="ALCA00",
                priority="ATA3",
                diagnoses=[Diagnosis(kind="action", code="DJ069")],
                procedures=[Procedure(code="KHAC20", start="2026-11-03T10:05:00", producer=UNIT)],
            )
        ],
    )


def without_contact_procedure() -> Procedure:
    """A valid procedure without contact, with its own payment."""
    return Procedure(
        code="KHAC20",
        start="2026-11-04T09:00:00",
        producer=UNIT,
        payment=Payment(payer="ALFB01", agreement="ALFA2", specialisation_level="ALFC4"),
    )
