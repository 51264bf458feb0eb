"""With their lists imported, every result report RAA01-RAA10 is triggered by its code and can be completed."""

from __future__ import annotations

from pathlib import Path

from seilocal.rules import validate
from seilocal.rules.result_types import missing_mandatory, report_is_complete
from seilocal.rules.triggers import make_report, pending_triggers
from seilocal.store import Store, memory_store
from seilocal.store.catalog.list_import import import_lists
from tests.support.all_reports import LIST_FILE, every_trigger
from tests.support.rules_fakes import NOW

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
