"""The quick guide's first start and date shortcuts in a real browser, by keyboard, checked in the store."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import (
    click,
    focused,
    keys_in,
    press,
    type_into,
    wait,
    wait_stored,
    wait_text,
    wait_value,
)

pytestmark = pytest.mark.browser


def test_first_start_then_d_enter_waits_for_the_time_with_the_cursor_after_the_date(browser, app_process):
    browser.get(app_process.url)
    wait_text(browser, "Velkommen til SEI-LPR lokal")
    type_into(browser, "first-start-clinic-name", "Klinik Åbo")
    press(browser, "first-start-skip")
    wait(browser, lambda d: not d.find_elements("css selector", '[data-testid="first-start"]'),
         message="the setup did not go away")
    click(browser, "create-form")
    wait_text(browser, "Skemainformation")

    type_into(browser, "course-start", "d", Keys.ENTER)
    wait_value(browser, "course-start", "25-11-2026 ")  # the suite's day (SEILOCAL_NOW)
    field = focused(browser)  # the field kept the focus
    caret = browser.execute_script("return [arguments[0].selectionStart, arguments[0].value.length];", field)
    assert caret[0] == caret[1]  # the cursor waits after the date
    keys_in(browser, "course-start", "09:30", Keys.TAB)
    wait_stored(app_process.data_dir, lambda doc: doc.get("course", {}).get("start") == "2026-11-25T09:30:00")
    wait_value(browser, "course-start", "25-11-2026 09:30:00")
