"""F4.10 by keyboard: a cancer diagnosis makes a trigger, the top bar's "Behandl alle" (Enter) creates the report
and puts the focus in its first field, the status code is chosen with the arrow keys, and the stored document
holds it after a reload."""

from __future__ import annotations

import subprocess
import sys

import pytest
from selenium.webdriver.common.by import By

from tests.support.app import start_app, stop_app
from tests.support.browser import by_mark, press, stored_document, wait, wait_focus_in, wait_stored
from tests.support.keyboard import choose_here, open_section, pick, select_row
from tests.support.rules_fakes import base_form

pytestmark = pytest.mark.browser


@pytest.fixture
def form_app(tmp_path, data_dir):
    """The app over a data dir holding one draft (a contact with the action diagnosis DJ069: no trigger)."""
    data = data_dir
    source = tmp_path / "form.json"
    source.write_text(base_form().to_json(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "seilocal", "import", str(source), "--data-dir", str(data)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "1", done.stderr
    app = start_app(data)
    yield app
    stop_app(app)


def _top_buttons(driver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, '[data-testid="top-ri-process"]'))


def test_top_bar_behandl_alle_by_keyboard_and_the_report_is_stored(browser, form_app):
    browser.get(form_app.url)
    browser.get(f"{form_app.base}/skema/1")
    by_mark(browser, "form-actions")
    assert _top_buttons(browser) == 0  # nothing untreated yet

    # The contact's action diagnosis becomes a cancer code: a trigger for a cancer report (RAA01).
    open_section(browser, "contacts")
    select_row(browser, "contacts")  # clicked again if a click on the still-opening section is lost
    pick(browser, "diagnosis-action-code", "DC509", "DC509")
    wait_stored(form_app.data_dir, lambda doc: doc["contacts"][0]["diagnoses"][0]["code"] == "DC509")
    wait(browser, lambda d: _top_buttons(d) == 1, message="the top bar offers no Behandl alle")
    assert "Vis ubehandlede RI (1)" in by_mark(browser, "top-ri-show").text

    # Enter on the top bar's "Behandl alle": the report is made and the focus is in its first field.
    press(browser, "top-ri-process")
    doc = wait_stored(form_app.data_dir, lambda d: len(d["result_reports"]) == 1)
    assert doc["result_reports"][0]["name"] == "RAA01"
    wait_focus_in(browser, "ri-field-RDA01")
    wait(browser, lambda d: _top_buttons(d) == 0, message="the top bar still offers Behandl alle")

    # The status is chosen from its own list with the arrow keys and Enter.
    choose_here(browser, "ri-field-RDA01", "AZCA1", "AZCA1")
    wait_stored(form_app.data_dir, lambda d: d["result_reports"][0]["results"].get("RDA01") == "AZCA1")

    browser.refresh()
    by_mark(browser, "form-actions")
    stored = stored_document(form_app.data_dir)
    [report] = stored["result_reports"]
    assert report["name"] == "RAA01" and report["trigger"]["code"] == "DC509"
    assert report["trigger"]["ref"] == stored["contacts"][0]["diagnoses"][0]["id"]
    assert report["results"]["RDA01"] == "AZCA1" and report["status"] == "complete"
    assert report["time"] == stored["contacts"][0]["start"]
    assert _top_buttons(browser) == 0  # after the reload too: nothing untreated
