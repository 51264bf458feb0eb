"""Result reports (F4.10): untreated triggers, "Behandl alle", filling the fields, status "komplet"."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from seilocal.model.form import Procedure
from seilocal.pages.sections.result_reports import report_row
from seilocal.rules.triggers import PendingTrigger, make_report
from tests.unit.rules_fakes import base_form


def _element(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


def test_report_row_shows_danish_title_status_and_stale_flag() -> None:
    trigger = PendingTrigger("RAA10", "ref", "BAXY1", "2026-11-03T10:00:00", "Tvang", "procedures[0]", "procedure")
    row = report_row(0, make_report(trigger), stale=True)
    assert row["name"] == "RAA10 Tvangsforanstaltning"
    assert row["time"] == "03-11-2026 10:00:00" and row["trigger"] == "BAXY1"
    assert row["status"].startswith("ufuldstændig") and "findes ikke længere" in row["status"]


async def test_cancer_diagnosis_proposes_raa01_which_is_created_and_completed(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    form = base_form()
    form.contacts[0].diagnoses[0].code = "DC509"
    stored = forms.create(form)
    await app_user.open(f"/skema/{stored.form.form_no}")
    show = _element(app_user, "ri-show-pending")
    assert show.enabled
    app_user.find(marker="ri-show-pending").click()
    await app_user.should_see(marker="ri-pending-RAA01")
    app_user.find(marker="validation-run").click()  # open the result box
    await app_user.should_see(marker="finding-RAA01.1")  # the box asks for the report (a warning: starter list)

    app_user.find(marker="ri-process-all").click()
    reports = forms.load(stored.form.form_no).form.result_reports
    assert [r.name for r in reports] == ["RAA01"] and reports[0].status == "incomplete"
    assert reports[0].time == "2026-11-03T10:00:00"  # the trigger's time, read-only in the table
    assert not _element(app_user, "ri-show-pending").enabled
    await app_user.should_not_see(marker="finding-RAA01.1")
    table = _element(app_user, "ri-table")
    assert table.rows[0]["name"] == "RAA01 Canceranmeldelse"

    # Incomplete: the button refuses and says what is missing.
    app_user.find(marker="ri-complete").click()
    await app_user.should_see("Mangler: Anmeldelsesstatus")
    assert forms.load(stored.form.form_no).form.result_reports[0].status == "incomplete"

    # Fill the mandatory status code: the report becomes complete by itself.
    field = app_user.find(marker="ri-field-RDA01")
    field.trigger("inputValue", "AZCA1")
    field.click()
    app_user.find("AZCA1 – Diagnosegrundlag, klinisk undersøgelse").click()
    saved = forms.load(stored.form.form_no).form.result_reports[0]
    assert saved.results["RDA01"] == "AZCA1" and saved.status == "complete"
    await app_user.should_see("Status: komplet", marker="ri-status")


async def test_manual_implant_report_is_filled_with_text_and_number_fields(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    form = base_form()
    form.contacts[0].procedures.append(
        Procedure(code="KHAC20", start="2026-11-03T10:10:00", producer=form.contacts[0].responsible_unit,
                  side="TUL1", implant_report_requested=True))
    stored = forms.create(form)
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="ri-process-all").click()
    assert [r.name for r in forms.load(stored.form.form_no).form.result_reports] == ["RAA08"]
    app_user.find(marker="ri-field-RDB06").type("0")
    number = _element(app_user, "ri-field-RDB06")
    assert number.props.get("error") is True  # at least 1 implant
    app_user.find(marker="ri-field-RDB06").clear().type("2")
    app_user.find(marker="ri-field-RDB02").type("P-123")
    app_user.find(marker="ri-field-RDB03").type("LOT-9")
    assert forms.load(stored.form.form_no).form.result_reports[0].status == "incomplete"
    app_user.find(marker="ri-field-RDB05").type("GS1")
    report = forms.load(stored.form.form_no).form.result_reports[0]
    assert report.results["RDB06"] == "2" and report.status == "complete"


async def test_coercion_report_asked_for_by_hand_is_created_filled_and_completed(app_user: User) -> None:
    """RAA10 with the bundled catalog: asked for by hand, its codes typed (the lists are not bundled)."""
    forms = app_user.ctx.store.forms
    form = base_form()
    form.procedures.append(Procedure(code="BAXY1", start="2026-11-03T11:00:00",
                                     producer=form.course.responsible_unit, coercion_report_requested=True))
    stored = forms.create(form)
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="ri-process-all").click()
    assert [r.name for r in forms.load(stored.form.form_no).form.result_reports] == ["RAA10"]
    for code, value in (("RDA96", "xa1"), ("RDA97", "xb2")):
        app_user.find(marker=f"ri-field-{code}").trigger("update:modelValue", value)  # typed + Enter
    assert forms.load(stored.form.form_no).form.result_reports[0].status == "incomplete"
    app_user.find(marker="ri-field-RDA98").type("02-11-2026 12:00").trigger("blur")
    report = forms.load(stored.form.form_no).form.result_reports[0]
    assert (report.results["RDA96"], report.results["RDA97"]) == ("XA1", "XB2")
    assert report.results["RDA98"] == "2026-11-02T12:00:00" and report.status == "complete"
