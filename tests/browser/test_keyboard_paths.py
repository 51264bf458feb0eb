"""The quick guide's workflows as a practitioner does them: the keyboard only, Tab between every field, typing at
full speed; after a reload the stored document holds every value exactly as typed (issue 12, "Also")."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.app import start_app, stop_app
from tests.support.browser import click_input, input_of, press, type_keys, wait_stored, wait_value
from tests.support.keyboard import choose_here, new_form, open_section, select_all, tab_to

pytestmark = pytest.mark.browser

UNIT = "999911000016001"  # Demo Privatklinik ApS, in the bundled SOR starter list


def test_first_contact_by_keyboard_with_tab_between_every_field(browser, module_app):
    form = new_form(browser, module_app.url)
    click_input(browser, "patient-cpr")
    type_keys(browser, "010180-1235")
    tab_to(browser, "patient-name")
    type_keys(browser, "Jens Peter Østergård")
    tab_to(browser, "course-start")
    type_keys(browser, "03-11-2026 09:30")
    tab_to(browser, "course-unit")
    choose_here(browser, "course-unit", "Demo Privatklinik", UNIT)
    tab_to(browser, "course-label")
    choose_here(browser, "course-label", "ALAL01", "ALAL01")
    tab_to(browser, "course-start-marker")
    choose_here(browser, "course-start-marker", "AFV01A1", "AFV01A1")
    open_section(browser, "referral")
    tab_to(browser, "referral-method")
    choose_here(browser, "referral-method", "ALDA0", "ALDA00")
    tab_to(browser, "referral-free-choice")
    choose_here(browser, "referral-free-choice", "ALDB", "ALDB01")
    open_section(browser, "payment")
    tab_to(browser, "payment-payer")
    choose_here(browser, "payment-payer", "ALFB01", "ALFB01")
    tab_to(browser, "payment-agreement")
    choose_here(browser, "payment-agreement", "ALFA2", "ALFA2")
    tab_to(browser, "payment-level")
    choose_here(browser, "payment-level", "ALFC4", "ALFC4")
    type_keys(browser, Keys.TAB)

    expected = {
        "patient": {"cpr": "010180-1235", "name": "Jens Peter Østergård"},
        "course": {"start": "2026-11-03T09:30:00", "responsible_unit": UNIT, "label": "ALAL01",
                   "start_marker": "AFV01A1"},
        "referral": {"time": "2026-11-03T09:30:00", "method": "ALDA00", "free_choice": "ALDB01"},
        "payment": {"payer": "ALFB01", "agreement": "ALFA2", "specialisation_level": "ALFC4"},
    }

    def holds_all(document: dict) -> bool:
        return all(document[part][key] == value for part, values in expected.items() for key, value in values.items())

    wait_stored(module_app.data_dir, holds_all, form_no=form)
    browser.refresh()
    wait_value(browser, "patient-name", "Jens Peter Østergård")
    wait_value(browser, "course-start", "03-11-2026 09:30:00")
    assert holds_all(wait_stored(module_app.data_dir, lambda d: True, form_no=form))


def test_contact_with_diagnoses_and_procedure_by_keyboard(browser, module_app):
    form = new_form(browser, module_app.url)
    click_input(browser, "course-start")
    type_keys(browser, "03-11-2026 09:30", Keys.TAB)
    open_section(browser, "contacts")
    press(browser, "contacts-new")
    click_input(browser, "contact-start")
    select_all(browser)
    type_keys(browser, "03-11-2026 10:00")
    tab_to(browser, "contact-end")
    type_keys(browser, "03-11-2026 10:45")
    tab_to(browser, "contact-type")
    choose_here(browser, "contact-type", "ALCA00", "ALCA00")
    tab_to(browser, "contact-priority")
    choose_here(browser, "contact-priority", "ATA3", "ATA3")
    tab_to(browser, "contact-unit")
    choose_here(browser, "contact-unit", "Demo Privatklinik", UNIT)
    press(browser, "diagnosis-add-action")
    click_input(browser, "diagnosis-action-code")
    choose_here(browser, "diagnosis-action-code", "DC509", "DC509")
    input_of(browser, "diagnosis-action-side")  # drawn once the server has the code: Tab before it would pass by
    tab_to(browser, "diagnosis-action-side")
    choose_here(browser, "diagnosis-action-side", "TUL2", "TUL2")
    tab_to(browser, "diagnosis-action-metastases")
    choose_here(browser, "diagnosis-action-metastases", "DC773", "DC773")
    press(browser, "diagnosis-add-secondary")
    click_input(browser, "diagnosis-1-code")
    choose_here(browser, "diagnosis-1-code", "DL40", "DL40")
    press(browser, "contact-procedures-new")
    wait_value(browser, "contact-procedure-start", "03-11-2026 10:00:00")  # pre-filled from the contact
    click_input(browser, "contact-procedure-code")
    choose_here(browser, "contact-procedure-code", "KHAC20", "KHAC20")
    tab_to(browser, "contact-procedure-start")
    select_all(browser)
    type_keys(browser, "03-11-2026 10:10")
    tab_to(browser, "contact-procedure-end")
    type_keys(browser, "03-11-2026 10:40", Keys.TAB)

    def done(d: dict) -> bool:
        procedures = d["contacts"][0]["procedures"] if d["contacts"] else []
        return bool(procedures) and procedures[0]["end"] == "2026-11-03T10:40:00"

    wait_stored(module_app.data_dir, done, form_no=form)
    browser.refresh()
    input_of(browser, "course-start")
    contact = wait_stored(module_app.data_dir, done, form_no=form)["contacts"][0]
    assert (contact["start"], contact["end"], contact["type"], contact["priority"], contact["responsible_unit"]) == (
        "2026-11-03T10:00:00", "2026-11-03T10:45:00", "ALCA00", "ATA3", UNIT)
    action, secondary = contact["diagnoses"]
    assert (action["kind"], action["code"], action["side"], action["metastases"]) == (
        "action", "DC509", "TUL2", ["DC773"])
    assert (secondary["kind"], secondary["code"]) == ("secondary", "DL40")
    procedure = contact["procedures"][0]
    assert (procedure["code"], procedure["start"], procedure["end"]) == (
        "KHAC20", "2026-11-03T10:10:00", "2026-11-03T10:40:00")


@pytest.fixture
def app_with_implant_procedure(data_dir):
    """The real app over a draft whose procedure asks for an implant report (RAA08)."""
    from seilocal.model import Procedure
    from seilocal.store import open_store
    from tests.support.rules_fakes import base_form

    data = data_dir
    store = open_store(data)
    form = base_form()
    form.contacts[0].procedures.append(
        Procedure(code="KHAC20", start="2026-11-03T10:10:00", producer=form.contacts[0].responsible_unit,
                  side="TUL1", implant_report_requested=True))
    store.forms.create(form)
    store.close()
    app = start_app(data)
    yield app
    stop_app(app)


def test_result_report_by_keyboard(browser, app_with_implant_procedure):
    app = app_with_implant_procedure
    browser.get(app.url)
    input_of(browser, "forms-search")
    browser.get(f"{app.base}/skema/1")
    open_section(browser, "result_reports")
    press(browser, "ri-process-all")
    wait_stored(app.data_dir, lambda d: [r["name"] for r in d["result_reports"]] == ["RAA08"])
    values = {"RDB02": "P-123/ÆØÅ", "RDB03": "LOT-9", "RDB05": "GS1", "RDB06": "2"}  # in the order shown
    click_input(browser, "ri-field-RDB02")
    for code, text in values.items():
        tab_to(browser, f"ri-field-{code}")
        select_all(browser)
        type_keys(browser, text)
    type_keys(browser, Keys.TAB)

    def complete(d: dict) -> bool:
        report = d["result_reports"][0]
        return report["status"] == "complete" and all(report["results"].get(k) == v for k, v in values.items())

    wait_stored(app.data_dir, complete)
    browser.refresh()
    open_section(browser, "result_reports")
    assert complete(wait_stored(app.data_dir, lambda d: True))
