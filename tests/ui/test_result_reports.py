"""Result reports (F4.10): untreated triggers, "Behandl alle", filling the fields, status "komplet"."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from seilocal.model.form import Procedure
from seilocal.pages.sections.result_reports import report_row
from seilocal.rules.triggers import PendingTrigger, make_report
from tests.support.rules_fakes import base_form


def _element(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


def test_report_row_shows_danish_title_status_and_stale_flag() -> None:
    trigger = PendingTrigger("RAA10", "ref", "BAXY1", "2026-11-03T10:00:00", "Tvang", "procedures[0]", "procedure")
    row = report_row(0, make_report(trigger), stale=True, text="Tvangsfiksering")
    assert row["name"] == "RAA10 Tvangsforanstaltning"
    assert row["time"] == "03-11-2026 10:00:00" and row["trigger"] == "BAXY1"
    assert row["trigger_text"] == "Tvangsfiksering"
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
    # The trigger's text and its code, each in its own column.
    assert table.rows[0]["trigger"] == "DC509"
    assert table.rows[0]["trigger_text"] == app_user.ctx.store.catalog.text("DC509") != "–"
    assert [c["label"] for c in table.columns][2:4] == ["Trigger", "Triggerkode"]

    # Incomplete: the button refuses and says what is missing.
    app_user.find(marker="ri-complete").click()
    await app_user.should_see("Mangler: Anmeldelsesstatus")
    assert forms.load(stored.form.form_no).form.result_reports[0].status == "incomplete"

    # Fill the mandatory status code: the report becomes complete by itself.
    field = app_user.find(marker="ri-field-RDA01")
    field.trigger("inputValue", "AZCA1")
    field.click()
    app_user.find("AZCA1 – ny anmeldelsespligtig sygd, ikke tidl. fuldt anmeldt af afd").click()  # SKS 2026-06 text
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
    # The starter catalog lacks the coercion lists: each field says so.
    assert _element(app_user, "ri-field-RDA96").props.get("hint") == "Listen res.tvangsbegrund mangler i kodekataloget"
    app_user.find(marker="ri-field-RDA98").type("02-11-2026 12:00").trigger("blur")
    report = forms.load(stored.form.form_no).form.result_reports[0]
    assert (report.results["RDA96"], report.results["RDA97"]) == ("XA1", "XB2")
    assert report.results["RDA98"] == "2026-11-02T12:00:00" and report.status == "complete"


def _pick(user: User, mark: str, typed: str, code: str) -> None:
    """Type into a code field and pick `code` among the hits, as a user does."""
    user.find(marker=mark).trigger("inputValue", typed)
    select = _element(user, mark)
    assert code in select.options, f"{code} not among {list(select.options)}"
    select.value = code


async def test_top_bar_offers_the_ri_actions_while_triggers_are_untreated(app_user: User) -> None:
    """The quick guide's top bar: the buttons come with a trigger typed in, "Behandl alle" goes to the report."""
    forms = app_user.ctx.store.forms
    stored = forms.create(base_form())  # its action diagnosis DJ069 triggers nothing
    no = stored.form.form_no
    await app_user.open(f"/skema/{no}")
    await app_user.should_see(marker="form-actions")
    await app_user.should_not_see(marker="top-ri-show")
    await app_user.should_not_see(marker="top-ri-process")

    # An edit makes a cancer diagnosis: the top bar shows the untreated trigger with its count.
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": stored.form.contacts[0].id}, 0])
    _pick(app_user, "diagnosis-action-code", "DC509", "DC509")
    await app_user.should_see(marker="top-ri-show")  # the top bar is redrawn on the next loop turn
    assert _element(app_user, "top-ri-show").props["label"] == "Vis ubehandlede RI (1)"

    # "Vis ubehandlede RI" in the top bar opens the section's list of untreated triggers.
    app_user.find(marker="top-ri-show").click()
    await app_user.should_see(marker="ri-pending-RAA01")
    assert _element(app_user, "section-result_reports").value is True

    # "Behandl alle" in the top bar creates the report, selects it, and the top bar's buttons go.
    app_user.find(marker="top-ri-process").click()
    reports = forms.load(no).form.result_reports
    assert [(r.name, r.trigger.code) for r in reports] == [("RAA01", "DC509")]
    await app_user.should_not_see(marker="top-ri-show")
    await app_user.should_not_see(marker="top-ri-process")
    await app_user.should_see(marker="ri-field-RDA01")  # the new report is selected, its fields shown
    assert not _element(app_user, "ri-process-all").enabled  # the section's button: the same state

    # Removing the trigger's code and typing another cancer code: nothing untreated (the report is kept).
    _pick(app_user, "diagnosis-action-code", "DJ069", "DJ069")
    await app_user.should_not_see(marker="top-ri-show")


async def test_a_code_of_another_list_is_refused_and_komplet_needs_a_valid_status(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    form = base_form()
    form.contacts[0].diagnoses[0].code = "DC509"
    stored = forms.create(form)
    no = stored.form.form_no
    await app_user.open(f"/skema/{no}")
    app_user.find(marker="top-ri-process").click()
    await app_user.should_see(marker="ri-field-RDA01")

    # The field offers only its own list (res.statuscar): no course marker among the hits.
    app_user.find(marker="ri-field-RDA01").trigger("inputValue", "AFV")
    assert not _element(app_user, "ri-field-RDA01").options
    app_user.find(marker="ri-field-RDA01").trigger("inputValue", "AZCA")
    assert "AZCA1" in _element(app_user, "ri-field-RDA01").options

    # A course marker typed and taken with Enter is refused: not stored, a Danish reason on the field.
    app_user.find(marker="ri-field-RDA01").trigger("update:modelValue", "AFV01A")
    await app_user.should_see("Anmeldelsesstatus: AFV01A er en forløbsmarkør (forloeb.markoer), ikke en værdi "
                              "fra listen res.statuscar. Værdien er ikke gemt.")
    field = _element(app_user, "ri-field-RDA01")
    assert field.value is None and "forløbsmarkør" in (field.error or "")
    saved = forms.load(no).form.result_reports[0]
    assert saved.results["RDA01"] is None and saved.status == "incomplete"

    # A code of the list is taken and makes the report complete.
    app_user.find(marker="ri-field-RDA01").trigger("update:modelValue", "AZCA1")
    saved = forms.load(no).form.result_reports[0]
    assert saved.results["RDA01"] == "AZCA1" and saved.status == "complete"
    assert not _element(app_user, "ri-field-RDA01").error
