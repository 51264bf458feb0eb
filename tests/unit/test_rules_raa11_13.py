"""RAA11-RAA13 (result reports added to SKS after 2018): fields from SKS 2026-06, values in their lists."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from seilocal.model.form import Form, ResultReport
from seilocal.rules import validate
from seilocal.rules.result_types import MANUAL_ONLY, RDC_SUBLISTS, REPORT_TITLES, fields_of
from seilocal.rules.triggers import manual_report, stale_reports
from seilocal.store import memory_store
from tests.support.rules_fakes import NOW, base_form

SKS_LABELS = Path(__file__).resolve().parents[3] / "shared" / "lpr3" / "sks-labels-2026-06.csv"


def _current_texts() -> dict[str, str]:
    with SKS_LABELS.open(encoding="utf-8", newline="") as handle:
        return {row["Kode"]: row["Label"] for row in csv.DictReader(handle)}  # the last row is the current text


def _findings(form: Form, rule: str) -> list[tuple[str, str]]:
    return [(f.severity, f.path) for f in validate(form, memory_store().catalog, NOW) if f.rule == rule]


def _raa12_on_contact(**values: str) -> Form:
    form = base_form()
    report = manual_report("RAA12", form, form.contacts[0].id)
    report.results.update(values)
    form.result_reports.append(report)
    return form


@pytest.mark.skipif(not SKS_LABELS.exists(), reason="needs ../shared/lpr3/sks-labels-2026-06.csv")
def test_every_field_and_list_comes_from_the_sks_data_and_every_new_result_type_is_placed() -> None:
    texts = _current_texts()
    for name in MANUAL_ONLY:
        assert texts[name] == REPORT_TITLES[name]
    placed: set[str] = set()
    for name in MANUAL_ONLY:
        for field in fields_of(name):
            placed.add(field.code)
            bracket = re.search(r"\[(res\.[a-z.]+)\]", texts[field.code])
            if bracket is None:
                assert field.kind != "code", field.code  # no list invented for a type without a bracket
                continue
            wanted = RDC_SUBLISTS.get(field.code, (bracket.group(1), bracket.group(1)))
            assert (bracket.group(1), field.code_list) == wanted, field.code
            # The list is the one an RG node of SKS names.
            assert any(c.startswith("RG") and t.endswith(f"[{field.code_list}]") for c, t in texts.items())
    new_types = {c for c in texts if re.fullmatch(r"RDB3\d|RDC\d\d", c)}
    assert new_types == placed


def test_a_new_report_made_by_hand_holds_every_field_empty_and_is_not_stale() -> None:
    form = base_form()
    proc = form.contacts[0].procedures[0]
    report = manual_report("RAA11", form, proc.id)
    assert report.trigger.code == proc.code and report.time == proc.start and report.status == "incomplete"
    assert list(report.results) == ["RDB31", "RDB32", "RDB33", "RDB34", "RDB35", "RDB36"]
    report.results["RDB31"] = "RGBA01"
    form.result_reports.append(report)
    store = memory_store()
    assert stale_reports(form, store.catalog) == []
    findings = validate(form, store.catalog, NOW)
    assert not [f for f in findings if f.path.startswith("result_reports") and f.severity == "error"], findings


def test_a_value_of_its_own_list_passes_and_a_code_of_another_list_is_an_error() -> None:
    assert _findings(_raa12_on_contact(RDC40="RGCK01", RDC34="RGCJ02"), "SEI-RI04") == []
    # A code of another result list (a drug where a drinking pattern belongs) and a course marker.
    form = _raa12_on_contact(RDC40="RGCC02", RDC34="AFV01B")
    assert _findings(form, "SEI-RI04") == [
        ("error", "result_reports[0].results.RDC34"), ("error", "result_reports[0].results.RDC40")]


def test_a_sub_list_bracket_is_checked_against_the_rg_node_list() -> None:
    form = base_form()
    report = manual_report("RAA13", form, form.contacts[0].id)
    report.results.update(RDC52="RGCC99", RDC06="RGCC16")  # res.stof.hvd / res.stof.anv: both within res.stof
    form.result_reports.append(report)
    assert _findings(form, "SEI-RI04") == []
    report.results["RDC52"] = "RGCK01"
    assert _findings(form, "SEI-RI04") == [("error", "result_reports[0].results.RDC52")]


def test_result_types_of_the_other_report_are_refused() -> None:
    form = _raa12_on_contact(RDC40="RGCK01", RDC57="RGCR01")  # RDC57 is a drug-use (SIB) result type
    assert _findings(form, "SEI-RI05") == [("error", "result_reports[0].results.RDC57")]
    (finding,) = [f for f in validate(form, memory_store().catalog, NOW) if f.rule == "SEI-RI05"]
    assert finding.message == "RDC57 hører ikke til i RAA12 Alkoholbehandling (NAB)"


def test_a_date_result_is_checked_and_free_results_are_kept_unchecked() -> None:
    form = _raa12_on_contact(RDC09="31-02-2026", RDC37="tyve")
    assert _findings(form, "SEI-RI04") == [("error", "result_reports[0].results.RDC09")]


def test_no_mandatory_result_and_no_trigger_rule_is_invented() -> None:
    form = base_form()
    form.result_reports.append(manual_report("RAA13", form, form.contacts[0].id))
    found = {f.rule for f in validate(form, memory_store().catalog, NOW)
             if f.path.startswith("result_reports") and f.severity != "info"}
    assert found == {"SEI-RI03"}  # an empty report is not written; nothing says which result is mandatory
    form.result_reports[0].trigger.ref = form.contacts[0].diagnoses[0].id
    assert _findings(form, "SEI-RI06") == [("error", "result_reports[0].trigger")]


def test_the_new_reports_are_checked_only_by_rules_of_our_own() -> None:
    from seilocal.rules.engine import registry

    for spec in registry().values():
        if any(name in spec.summary for name in MANUAL_ONLY):
            assert spec.id.startswith("SEI-"), spec.id


def test_a_report_can_be_stored_as_raa13() -> None:
    report = ResultReport(name="RAA13", results={"RDC52": "RGCC02"})
    assert ResultReport.model_validate(report.model_dump()).name == "RAA13"
