"""With their lists imported, every result report RAA01-RAA10 is triggered by its code and can be completed."""

from __future__ import annotations

from pathlib import Path

from seilocal.model.form import Contact, Diagnosis, Form, Procedure
from seilocal.rules import validate
from seilocal.rules.result_types import missing_mandatory, report_is_complete
from seilocal.rules.triggers import make_report, pending_triggers
from seilocal.store import Store, memory_store
from seilocal.store.catalog.list_import import import_lists
from tests.unit.rules_fakes import NOW, UNIT, base_form

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
VALUES = {
    "RAA06": {"RDA80": "ZPR01A"},
    "RAA07": {"RDA91": "BZBA1", "RDA92": "BZBD1", "RDA93": "BZBB1"},
    "RAA09": {"RDA85": "ZKC1"},
    "RAA10": {"RDA96": "ZTB1", "RDA97": "ZTS1", "RDA98": "2026-11-03T10:00:00"},
}


def imported_store(tmp_path: Path) -> Store:
    store = memory_store()
    path = tmp_path / "lister.tsv"
    path.write_text(LIST_FILE, encoding="utf-8")
    import_lists(store.db, path)
    return store


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


def test_every_report_is_triggered_by_its_code_once_the_lists_are_imported(tmp_path: Path) -> None:
    starter = sorted(t.name for t in pending_triggers(every_trigger(), memory_store().catalog))
    assert not {"RAA06", "RAA09", "RAA10"} & set(starter)  # no public list: dormant until imported
    store = imported_store(tmp_path)
    names = sorted(t.name for t in pending_triggers(every_trigger(), store.catalog))
    assert names == [f"RAA{i:02d}" for i in range(1, 11)]


def test_the_procedure_reports_can_be_completed_without_errors(tmp_path: Path) -> None:
    store = imported_store(tmp_path)
    form = every_trigger()
    triggers = {t.name: t for t in pending_triggers(form, store.catalog)}
    for name, values in VALUES.items():
        report = make_report(triggers[name])
        report.results.update(values)
        assert missing_mandatory(report) == [], name
        assert report_is_complete(report), name
        report.status = "complete"
        form.result_reports.append(report)
    errors = {
        f.rule
        for f in validate(form, store.catalog, NOW)
        if f.severity == "error" and f.rule.startswith(tuple(VALUES))
    }
    assert errors == set()
