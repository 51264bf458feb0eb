"""Rules read again from the official LPR3 rule text (lpr3-forretningsregler-2018-09-21.tsv): each case fires on a
form made to break the official wording and stays quiet on its near miss."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from seilocal.model.form import Diagnosis, Form, Procedure
from seilocal.rules import validate
from seilocal.store import memory_store
from seilocal.store.catalog.list_import import import_lists
from tests.support.form_edits import report, set_action
from tests.support.rules_fakes import NOW, UNIT, FakeCatalog, base_form, without_contact_procedure

UNIT_TO_4_NOV = {UNIT: (date(2020, 1, 1), date(2026, 11, 4))}


def rules_of(form: Form, catalog: FakeCatalog | None = None) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in validate(form, catalog or FakeCatalog(), NOW):
        found.setdefault(f.rule, []).append(f)
    return found


# -- 02.43 / 05.43 / 11.43: "... skal afsluttes med et sluttidspunkt, der ligger før eller samtidig med
#    SOR-enhedens sluttidspunkt": an element that ended after its unit closed breaks it too.


def test_02_43_fires_for_a_course_that_ended_after_its_unit_closed() -> None:
    form = base_form()
    form.course.end, form.course.completion = "2026-11-05T10:00:00", "ALAC70"
    found = rules_of(form, FakeCatalog(sor=UNIT_TO_4_NOV))
    assert found["02.43"][0].path == "course.end" and "02.44" in found
    form.course.end = "2026-11-04T10:00:00"  # ends on the unit's last day: allowed
    form.contacts[0].end = "2026-11-03T10:45:00"
    assert "02.43" not in rules_of(form, FakeCatalog(sor=UNIT_TO_4_NOV))


def test_05_43_fires_for_a_contact_that_ended_after_its_unit_closed() -> None:
    form = base_form()
    form.contacts[0].end = "2026-11-05T10:00:00"
    assert rules_of(form, FakeCatalog(sor=UNIT_TO_4_NOV))["05.43"][0].path == "contacts[0].end"
    form.contacts[0].end = "2026-11-04T23:00:00"
    assert "05.43" not in rules_of(form, FakeCatalog(sor=UNIT_TO_4_NOV))


def test_11_43_fires_for_an_ended_procedure_in_proc_sluttid_after_its_producer_closed() -> None:
    form = base_form()
    form.procedures.append(without_contact_procedure())
    form.procedures[0].code, form.procedures[0].end = "BDFA1", "2026-11-05T10:00:00"  # BDFA1: proc.sluttid
    form.procedures[0].start = "2026-11-04T09:00:00"
    assert "11.43" in rules_of(form, FakeCatalog(sor=UNIT_TO_4_NOV))
    form.procedures[0].code = "KHAC20"  # not a procedure whose end is required: only 11.44
    found = rules_of(form, FakeCatalog(sor=UNIT_TO_4_NOV))
    assert "11.43" not in found and "11.44" in found


# -- 05.31: "... også være afsluttet med et sluttidspunkt, der ligger før eller samtidig med forløbselementets
#    sluttidspunkt": a contact ending after the end of a closed course breaks 05.31 as well as 05.24.


def test_05_31_fires_for_a_contact_ending_after_the_closed_course() -> None:
    form = base_form()
    form.course.end, form.course.completion = "2026-11-03T10:30:00", "ALAC70"
    found = rules_of(form)
    assert "05.24" in found and found["05.31"][0].path == "contacts[0].end"
    form.course.end = "2026-11-03T10:45:00"  # the contact ends with the course: allowed
    assert "05.31" not in rules_of(form)


# -- "gyldig på et tidspunkt i ... periode": the code's validity intervals meet the period.


def test_12_52_a_code_valid_only_in_the_middle_of_the_contact_is_valid() -> None:
    form = base_form()
    form.contacts[0].start, form.contacts[0].end = "2026-11-01T10:00:00", "2026-11-10T10:00:00"
    form.contacts[0].procedures[0].start = "2026-11-01T10:05:00"
    form.course.start, form.referral.time = "2026-11-01T09:00:00", "2026-11-01T08:00:00"
    middle = FakeCatalog(valid={"DJ069": (date(2026, 11, 4), date(2026, 11, 6))})
    assert "12.52" not in rules_of(form, middle)
    later = FakeCatalog(valid={"DJ069": (date(2026, 11, 12), None)})
    assert "12.52" in rules_of(form, later)


def test_02_51_a_label_valid_only_inside_the_course_period_is_valid() -> None:
    form = base_form()
    form.course.end, form.course.completion = "2026-11-05T10:00:00", "ALAC70"
    assert "02.51" not in rules_of(form, FakeCatalog(valid={"ALAL01": (date(2026, 11, 4), date(2026, 11, 4))}))
    assert "02.51" in rules_of(form, FakeCatalog(valid={"ALAL01": (date(2026, 11, 6), None)}))


def test_a_code_with_a_gap_in_its_validity_is_valid_when_one_interval_meets_the_period() -> None:
    form = base_form()
    form.contacts[0].end = "2026-11-05T10:00:00"
    gap = {"DJ069": ((date(2000, 1, 1), date(2026, 11, 2)), (date(2026, 11, 4), date(2026, 11, 4)))}
    assert "12.52" not in rules_of(form, FakeCatalog(periods=gap))
    never = {"DJ069": ((date(2000, 1, 1), date(2026, 11, 2)), (date(2026, 11, 6), None))}
    assert "12.52" in rules_of(form, FakeCatalog(periods=never))


def _import(store, tmp_path: Path, text: str) -> None:
    path = tmp_path / "lister.tsv"
    path.write_text("list_name\tcode\tvalid_from\tvalid_to\n" + text, encoding="utf-8")
    import_lists(store.db, path)


def test_12_101a_list_membership_within_the_contact_period(tmp_path: Path) -> None:
    store = memory_store()
    form = base_form()
    form.contacts[0].end = "2026-11-05T10:00:00"
    _import(store, tmp_path, "diag\tDJ069\t2026-11-04\t2026-11-04\n")  # a member on the middle day only
    assert "12.101a" not in rules_of(form, store.catalog)
    _import(store, tmp_path, "diag\tDJ069\t2026-12-01\t\n")
    found = rules_of(form, store.catalog)
    assert [f.severity for f in found["12.101a"]] == ["error"]  # an imported list: a real error


# -- RAA09.3: "må kun trigges af en procedure med en kode i kodelisten proc.opr.komplikat": a procedure without
#    contact whose code is in the list is a valid cause.


def test_raa09_3_accepts_a_listed_procedure_without_contact() -> None:
    form = base_form()
    proc = without_contact_procedure()
    proc.code = "KJFA00"  # in proc.opr.komplikat
    form.procedures.append(proc)
    report(form, "RAA09", proc.id, RDA85="OK1")
    assert "RAA09.3" not in rules_of(form)
    proc.code = "KHAC20"
    assert "RAA09.3" in rules_of(form)


# -- RAA08.3 / RAA10.3 (error 9800 / 91000) for reports asked for by hand.


def test_a_manual_implant_report_outside_proc_implantat_is_warned_with_9800() -> None:
    form = base_form()
    proc = form.contacts[0].procedures[0]
    proc.implant_report_requested = True
    report(form, "RAA08", proc.id)
    (finding,) = rules_of(form)["RAA08.3"]
    assert finding.severity == "warning" and "9800" in finding.message and "proc.implantat" in finding.message
    proc.code = "KNFB20"  # in proc.implantat
    assert "RAA08.3" not in rules_of(form)


def test_a_manual_coercion_report_outside_proc_tvangsforanst_is_warned_with_91000() -> None:
    form = base_form()
    proc = form.contacts[0].procedures[0]
    proc.coercion_report_requested = True
    report(form, "RAA10", proc.id)
    (finding,) = rules_of(form)["RAA10.3"]
    assert finding.severity == "warning" and "91000" in finding.message
    proc.code = "BAXY1"  # in proc.tvangsforanst
    assert "RAA10.3" not in rules_of(form)


# -- 02.42 / 05.42 / 11.42: "skal være gyldig på ... starttidspunkt" with the unit closed before the start.


def test_units_closed_before_the_start_are_reported_under_x42_not_x41() -> None:
    closed = FakeCatalog(sor={UNIT: (date(2000, 1, 1), date(2010, 1, 1))})
    found = rules_of(base_form(), closed)
    assert {"02.42", "05.42", "11.42"} <= set(found) and not {"02.41", "05.41", "11.41"} & set(found)
    opens_later = FakeCatalog(sor={UNIT: (date(2027, 1, 1), None)})
    found = rules_of(base_form(), opens_later)
    assert {"02.41", "05.41", "11.41"} <= set(found) and not {"02.42", "05.42", "11.42"} & set(found)


# -- The abortion report (RAA04.RDA51*, RDA52*, RDA53).


def _abortion(code: str, status: str = "incomplete", **results: str) -> Form:
    form = base_form()
    set_action(form, code)
    report(form, "RAA04", form.contacts[0].diagnoses[0].id, status, **results)
    return form


def test_raa04_rda51_consent_must_match_the_samraad_list_of_the_diagnosis() -> None:
    # DO059 in diag.abort.samraad.subb wants RDA51 in res.samraad.subb (OK2), and so on.
    for rule, code, wrong, right in (
        ("RAA04.RDA51-2", "DO059", "OK1", "OK2"),
        ("RAA04.RDA51-3", "DO069", "OK2", "OK1"),
        ("RAA04.RDA51-4", "DO050", "OK1", "OK3"),
    ):
        assert rule in rules_of(_abortion(code, RDA51=wrong)), rule
        assert rule not in rules_of(_abortion(code, RDA51=right)), rule


def test_raa04_rda51_is_required_on_a_complete_report_for_samraad_suba_and_subb() -> None:
    assert "RAA04.RDA51" in rules_of(_abortion("DO069", "complete"))
    assert "RAA04.RDA51" in rules_of(_abortion("DO059", "complete"))
    assert "RAA04.RDA51" not in rules_of(_abortion("DO069", "complete", RDA51="OK1"))
    assert "RAA04.RDA51" not in rules_of(_abortion("DO069"))  # incomplete: not yet
    assert "RAA04.RDA51" not in rules_of(_abortion("DO050", "complete"))  # subc: not required


def test_raa04_rda52_is_required_for_late_abortions() -> None:
    assert "RAA04.RDA52-1" in rules_of(_abortion("DO039", "complete", RDA20="OK2"))  # spontaneous, very late
    assert "RAA04.RDA52-1" not in rules_of(_abortion("DO039", "complete", RDA20="OK1"))
    assert "RAA04.RDA52" in rules_of(_abortion("DO049", "complete", RDA20="OK3"))  # induced, late
    assert "RAA04.RDA52" not in rules_of(_abortion("DO049", "complete", RDA20="OK3", RDA52="OK2"))


def test_raa04_rda53_is_required_when_rda52_is_in_res_misdann_suba() -> None:
    assert "RAA04.RDA53" in rules_of(_abortion("DO049", "complete", RDA52="OK1"))
    assert "RAA04.RDA53" not in rules_of(_abortion("DO049", "complete", RDA52="OK1", RDA53="OK2"))
    assert "RAA04.RDA53" not in rules_of(_abortion("DO049", "complete", RDA52="OK2"))


# -- The unit's psychiatric main speciality: 5102, 5103, 12.107b.


def test_5103_no_contact_reason_on_a_psychiatric_unit() -> None:
    form = base_form()
    form.contacts[0].reason = "ALCC01"
    assert "5103" in rules_of(form, FakeCatalog(psychiatric={UNIT: True}))
    assert "5103" not in rules_of(form, FakeCatalog(psychiatric={UNIT: False}))


def test_5102_does_not_ask_a_psychiatric_unit_for_a_contact_reason() -> None:
    form = base_form()
    form.contacts[0].priority = "ATA1"  # acute physical attendance without a reason
    assert "5102" in rules_of(form, FakeCatalog(psychiatric={UNIT: False}))
    assert "5102" not in rules_of(form, FakeCatalog(psychiatric={UNIT: True}))


def test_12_107b_external_cause_secondary_diagnosis_needs_a_psychiatric_unit() -> None:
    form = base_form()
    form.contacts[0].diagnoses.append(Diagnosis(kind="secondary", code="DX599"))
    assert "12.107b" in rules_of(form, FakeCatalog(psychiatric={UNIT: False}))
    assert "12.107b" not in rules_of(form, FakeCatalog(psychiatric={UNIT: True}))


# -- 12.59-1: the supplementary code is valid at some time while the primary code is.


def test_12_59_1_supplementary_code_valid_while_the_primary_code_is() -> None:
    form = base_form()
    form.contacts[0].diagnoses[0].supplementary = ["TUL1"]
    primary = (date(2000, 1, 1), date(2005, 1, 1))
    overlap = FakeCatalog(valid={"DJ069": primary, "TUL1": (date(2004, 1, 1), None)})
    apart = FakeCatalog(valid={"DJ069": primary, "TUL1": (date(2006, 1, 1), None)})
    assert "12.59-1" not in rules_of(form, overlap)
    assert "12.59-1" in rules_of(form, apart)


# -- 15.c: the report's responsible unit is valid in the period of the report's cause.


def test_15_c_the_course_unit_must_be_valid_in_the_period_of_the_reports_cause() -> None:
    form = base_form()
    proc = form.contacts[0].procedures[0]
    proc.end = "2026-11-03T10:30:00"
    report(form, "RAA10", proc.id)
    assert "15.c" in rules_of(form, FakeCatalog(sor={UNIT: (date(2000, 1, 1), date(2026, 11, 2))}))
    assert "15.c" in rules_of(form, FakeCatalog(sor={UNIT: (date(2026, 11, 4), None)}))
    assert "15.c" not in rules_of(form, FakeCatalog(sor={UNIT: (date(2026, 11, 3), None)}))


# -- A list import wakes a dormant rule: first "cannot be checked", then a real error.


def test_importing_a_list_turns_a_dormant_rule_into_an_error(tmp_path: Path) -> None:
    store = memory_store()
    form = base_form()
    form.contacts[0].procedures.append(Procedure(code="KHAC20", start="2026-11-03T10:10:00", producer=UNIT))
    before = [f for f in validate(form, store.catalog, NOW) if f.rule == "11.21"]
    assert [(f.severity, f.message) for f in before] == [
        ("info", "Kan ikke kontrolleres: kodelisten over procedurer med sluttid mangler")
    ]
    _import(store, tmp_path, "proc.sluttid\tKHAC20\t2019-01-01\t\n")
    after = [f for f in validate(form, store.catalog, NOW) if f.rule == "11.21"]
    assert [(f.severity, f.path) for f in after] == [
        ("error", "contacts[0].procedures[0].end"),
        ("error", "contacts[0].procedures[1].end"),
    ]


def test_a_list_derived_from_sks_blocks_and_a_list_import_still_overrides_it(tmp_path: Path) -> None:
    store = memory_store()
    form = base_form()
    form.contacts[0].type = "ALCA99"
    (before,) = [f for f in validate(form, store.catalog, NOW) if f.rule == "05.a"]
    assert (before.severity, before.unconfirmed) == ("error", "")  # admin.konttype: the SKS subtree ALCA
    form.contacts[0].type = "ALCA03"
    assert not [f for f in validate(form, store.catalog, NOW) if f.rule == "05.a"]
    _import(store, tmp_path, "admin.konttype\tALCA00\t\t\n")
    (after,) = [f for f in validate(form, store.catalog, NOW) if f.rule == "05.a"]
    assert (after.severity, after.unconfirmed) == ("error", "")


def test_an_raa09_on_a_listed_procedure_without_contact_is_not_stale() -> None:
    from seilocal.rules.triggers import pending_triggers, stale_reports

    form = base_form()
    proc = without_contact_procedure()
    proc.code = "KJFA00"  # in proc.opr.komplikat
    form.procedures.append(proc)
    assert "RAA09" not in {t.name for t in pending_triggers(form, FakeCatalog())}  # not required here
    created = report(form, "RAA09", proc.id, RDA85="OK1")
    assert stale_reports(form, FakeCatalog()) == []
    proc.code = "KHAC20"
    assert stale_reports(form, FakeCatalog()) == [created.id]
