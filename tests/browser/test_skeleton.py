"""A practitioner's first minutes in a real browser: open the app, create a form, fill CPR and name, reload."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import (
    click,
    click_on,
    field_of,
    type_into,
    wait,
    wait_mark_text,
    wait_text,
    wait_value,
)
from tests.support.keyboard import row_of, table_rows

pytestmark = pytest.mark.browser


def test_create_fill_reload_and_find_in_list(browser, app_process):
    browser.get(app_process.url)  # the URL the app printed, token included
    wait_text(browser, "Skemaer")
    assert "token=" not in browser.current_url  # the token leaves the address bar at once

    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    assert browser.current_url.endswith("/skema/1")

    type_into(browser, "patient-cpr", "010180-1235")
    type_into(browser, "patient-name", "Jens Hansen", Keys.TAB)
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    wait_text(browser, "03-11-2026 09:30:00")

    browser.refresh()
    wait_value(browser, "patient-cpr", "010180-1235")
    wait_value(browser, "patient-name", "Jens Hansen")
    wait_value(browser, "course-start", "03-11-2026 09:30:00")
    wait_mark_text(browser, "header-name", "Jens Hansen")

    click(browser, "nav-forms")
    type_into(browser, "forms-search", "010180")
    wait_text(browser, "Jens Hansen")
    rows = wait(browser, lambda d: (r := table_rows(d, "forms-table")) and len(r) == 1 and r, message="no one row")
    assert "Kladde" in rows[0]
    click_on(browser, row_of("forms-table"))
    wait_value(browser, "patient-name", "Jens Hansen")


def test_invalid_cpr_is_shown_red_and_kept_after_reload(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    type_into(browser, "patient-cpr", "310280-12A4")
    wait_text(browser, "bogstaver")  # the Danish message under the field
    assert "q-field--error" in field_of(browser, "patient-cpr").get_attribute("class")
    browser.refresh()
    wait_value(browser, "patient-cpr", "310280-12A4")
    assert "q-field--error" in field_of(browser, "patient-cpr").get_attribute("class")
