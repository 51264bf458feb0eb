"""A practitioner's first minutes in a real browser: open the app, create a form, fill CPR and name, reload."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .helpers import by_mark, click, field_of, input_of, wait_text, wait_value

pytestmark = pytest.mark.browser


def test_create_fill_reload_and_find_in_list(browser, app_process):
    browser.get(app_process.url)  # the URL the app printed, token included
    wait_text(browser, "Skemaer")
    assert "token=" not in browser.current_url  # the token leaves the address bar at once

    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    assert browser.current_url.endswith("/skema/1")

    cpr = input_of(browser, "patient-cpr")
    cpr.send_keys("010180-1235")
    name = input_of(browser, "patient-name")
    name.send_keys("Jens Hansen", Keys.TAB)
    start = input_of(browser, "course-start")
    start.send_keys("03-11-2026 09:30", Keys.TAB)
    wait_text(browser, "03-11-2026 09:30:00")

    browser.refresh()
    wait_value(browser, "patient-cpr", "010180-1235")
    wait_value(browser, "patient-name", "Jens Hansen")
    wait_value(browser, "course-start", "03-11-2026 09:30:00")
    assert by_mark(browser, "header-name").text == "Jens Hansen"

    click(browser, "nav-forms")
    by_mark(browser, "create-form")
    input_of(browser, "forms-search").send_keys("010180")
    wait_text(browser, "Jens Hansen")
    rows = by_mark(browser, "forms-table").find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 1 and "Kladde" in rows[0].text
    rows[0].click()
    wait_value(browser, "patient-name", "Jens Hansen")


def test_invalid_cpr_is_shown_red_and_kept_after_reload(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    input_of(browser, "patient-cpr").send_keys("310280-12A4")
    wait_text(browser, "bogstaver")  # the Danish message under the field
    assert "q-field--error" in field_of(browser, "patient-cpr").get_attribute("class")
    browser.refresh()
    wait_value(browser, "patient-cpr", "310280-12A4")
    assert "q-field--error" in field_of(browser, "patient-cpr").get_attribute("class")
