"""The engine: ordering, sections, unreadable times, unknown code lists, deadlines, CLI and doc generator."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from seilocal.cli.validate import add_commands, run_validate
from seilocal.model.form import Contact, Diagnosis, Procedure
from seilocal.rules import SECTIONS, days_left, registry, reporting_deadline, validate
from seilocal.rules.catalog import EmptyCatalog
from seilocal.rules.gen_doc import DEFAULT_TSV, read_rules, render
from seilocal.rules.gen_doc import main as gen_doc_main
from seilocal.rules.timeparse import parse_time
from tests.support.rules_fakes import NOW, UNIT, FakeCatalog, base_form


def test_findings_are_ordered_by_section_then_natural_path() -> None:
    form = base_form()
    form.patient.cpr = None
    for _ in range(12):
        form.contacts.append(Contact(start="2026-11-03T11:00:00", responsible_unit=UNIT, type="ALCA00"))
    findings = validate(form, FakeCatalog(), NOW)
    sections = [SECTIONS.index(f.section) for f in findings]
    assert sections == sorted(sections)
    contact_paths = [f.path for f in findings if f.rule == "SEI-K03"]
    assert contact_paths == [f"contacts[{i}].priority" for i in range(1, 13)]


def test_an_unreadable_time_gives_one_finding_and_time_rules_skip_it() -> None:
    form = base_form()
    form.contacts[0].end = "03-11-2026 10:45"
    findings = validate(form, FakeCatalog(), NOW)
    at_end = [f for f in findings if f.path == "contacts[0].end"]
    assert [f.rule for f in at_end] == ["SEI-T01"]
    assert "Ugyldigt tidspunkt" in at_end[0].message
    assert not any(f.rule in ("05.11", "05.24", "11.25") for f in findings)


def test_parse_time_is_strict() -> None:
    assert parse_time("2026-11-03T10:00:00") == datetime(2026, 11, 3, 10, 0, 0)
    for text in (
        "2026-02-31T10:00:00",
        "2026-11-03",
        "2026-11-03 10:00:00",
        "2026-11-03T10:00",
        "",
        None,
        "2026-11-03T10:00:00+01:00",
    ):
        assert parse_time(text) is None


def test_code_list_rules_say_they_cannot_run_when_the_catalog_knows_no_lists() -> None:
    form = base_form()
    form.contacts[0].type = "NONSENSE"
    form.contacts[0].diagnoses[0].code = "NONSENSE"
    form.contacts[0].procedures[0].code = "NONSENSE"
    findings = validate(form, EmptyCatalog(), NOW)
    assert {f.rule for f in findings if f.severity != "info"} - {"SEI-C01"} == {"SEI-DL01"}  # C01: no code shape
    notes = {f.rule: f for f in findings if f.severity == "info"}
    assert notes["05.a"].message == "Kan ikke kontrolleres: kodelisten over kontakttyper mangler"
    assert notes["11101"].message == ("Kan ikke kontrolleres: kodelisterne over behandlinger, operationer og "
                                      "undersøgelser mangler")  # in words, never proc.act (issue 21)
    assert notes["12.101a"].section == "contacts"
    assert len([f for f in findings if f.rule == "12.101a"]) == 1  # one per rule and form, not per row
    assert {f.rule for f in validate(form, FakeCatalog(), NOW)} >= {"05.a", "12.101a", "11101"}


def test_validity_is_checked_at_the_time_the_rule_names() -> None:
    # Procedure code valid until 3 Nov: fine for a procedure that starts on 3 Nov, wrong for one on 4 Nov.
    catalog = FakeCatalog(valid={"KHAC20": (date(2000, 1, 1), date(2026, 11, 3))})
    form = base_form()
    assert not [f for f in validate(form, catalog, NOW) if f.rule == "11.52"]
    form.contacts[0].end = "2026-11-05T10:00:00"
    form.contacts[0].procedures.append(Procedure(code="KHAC20", start="2026-11-04T10:00:00", producer=UNIT))
    hits = [f for f in validate(form, catalog, NOW) if f.rule == "11.52"]
    assert [f.path for f in hits] == ["contacts[0].procedures[1].code"]


def test_every_finding_names_a_registered_rule_with_its_severity() -> None:
    form = base_form()
    form.contacts[0].diagnoses.append(Diagnosis(kind="action", code="XYZ"))
    specs = registry()
    for f in validate(form, FakeCatalog(), NOW):
        assert f.rule in specs
        assert f.severity in ("error", "warning")


@pytest.mark.parametrize(
    ("treated", "deadline"),
    [
        (date(2026, 1, 1), date(2026, 2, 10)),
        (date(2026, 1, 31), date(2026, 2, 10)),
        (date(2026, 11, 30), date(2026, 12, 10)),
        (date(2026, 12, 1), date(2027, 1, 10)),
        (date(2026, 12, 31), date(2027, 1, 10)),
        (date(2024, 2, 29), date(2024, 3, 10)),
    ],
)
def test_reporting_deadline_is_the_10th_of_the_next_month(treated: date, deadline: date) -> None:
    assert reporting_deadline(treated) == deadline


def test_days_left_counts_down_to_zero_and_below() -> None:
    assert days_left(date(2026, 12, 31), date(2027, 1, 1)) == 9
    assert days_left(date(2026, 12, 31), date(2027, 1, 10)) == 0
    assert days_left(date(2026, 12, 31), date(2027, 1, 11)) == -1


def test_deadline_rule_turns_from_warning_to_error_after_the_10th() -> None:
    form = base_form()
    on_day = validate(form, FakeCatalog(), datetime(2026, 12, 10, 23, 0))
    after = validate(form, FakeCatalog(), datetime(2026, 12, 11, 0, 0))
    assert [f.severity for f in on_day if f.rule.startswith("SEI-DL")] == ["warning"]
    assert [f.severity for f in after if f.rule.startswith("SEI-DL")] == ["error"]


# --- command line -----------------------------------------------------------------------------------------


def _args(path: Path, as_json: bool = False, factory=None) -> argparse.Namespace:
    ns = argparse.Namespace(file=path, json=as_json)
    if factory is not None:
        ns.catalog_factory = factory
    return ns


def test_cli_prints_tab_separated_findings_and_exits_1_on_errors(tmp_path: Path, capsys) -> None:
    form = base_form()
    form.patient.cpr = None
    path = tmp_path / "form.json"
    path.write_text(form.to_json(), encoding="utf-8")
    assert run_validate(_args(path)) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "SEI-P01\terror\tpatient.cpr\tCPR-nummer mangler" in lines


def test_cli_exits_0_without_errors_and_uses_the_catalog_factory(tmp_path: Path, capsys) -> None:
    path = tmp_path / "form.json"
    path.write_text(base_form().to_json(), encoding="utf-8")
    assert run_validate(_args(path, as_json=True, factory=FakeCatalog)) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["rule"] for d in data} <= {"SEI-DL01", "SEI-DL02"}
    form = base_form()
    form.contacts[0].type = "XYZ"
    path.write_text(form.to_json(), encoding="utf-8")
    assert run_validate(_args(path, factory=FakeCatalog)) == 1
    assert "05.a\terror\tcontacts[0].type" in capsys.readouterr().out
    run_validate(_args(path))  # no factory: EmptyCatalog, which cannot judge the type
    out = capsys.readouterr().out
    assert "05.a\terror" not in out and "05.a\tinfo\tcontacts\tKan ikke kontrolleres" in out


@pytest.mark.parametrize(
    "content",
    ['{"format": "seilocal.form/9"}', "not json", '{"format": "seilocal.form/1", "bogus": 1}'],
)
def test_cli_exits_2_with_a_reason_for_bad_files(tmp_path: Path, capsys, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert run_validate(_args(path)) == 2
    assert str(path) in capsys.readouterr().err


def test_cli_exits_2_for_a_missing_file(tmp_path: Path, capsys) -> None:
    assert run_validate(_args(tmp_path / "nope.json")) == 2
    assert "cannot read" in capsys.readouterr().err


def test_add_commands_registers_validate() -> None:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["validate", "x.json", "--json"])
    assert args.func is run_validate and args.json and args.file == Path("x.json")


# --- doc generator ----------------------------------------------------------------------------------------

needs_tsv = pytest.mark.skipif(not DEFAULT_TSV.exists(), reason="official rule list not available")


@needs_tsv
def test_rules_doc_is_current_and_counts_add_up() -> None:
    text = render(read_rules(DEFAULT_TSV))
    assert gen_doc_main(["--check"]) == 0, "docs/rules.md is stale: run python -m seilocal.rules.gen_doc"
    counts = {
        k: int(v) for k, v in (line[2:].split(": ") for line in text.splitlines() if line.startswith("- "))
    }
    assert (
        counts["implemented"] + counts["not applicable"] + counts["not yet"]
        == counts["official rules"]
        == 399
    )
    assert "| 05.11 | 511 | KONTAKT | ERROR | 1 | implemented |" in text


@needs_tsv
def test_rules_doc_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    out = tmp_path / "rules.md"
    out.write_text("old\n", encoding="utf-8")
    assert gen_doc_main(["--check", "--out", str(out)]) == 1
    assert gen_doc_main(["--out", str(out)]) == 0
    assert gen_doc_main(["--check", "--out", str(out)]) == 0
