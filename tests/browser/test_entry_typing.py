"""Issue 12, defect 2: every keystroke typed ends up stored, in order, however fast (a paste is fast)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import click_input, type_keys, wait_focus_in, wait_stored, wait_value
from tests.support.keyboard import new_form

pytestmark = pytest.mark.browser

# ~700 characters with Danish letters, spaces and punctuation: sent at once, as a paste or a fast typist.
LONG_NAME = ("Æbelø Østergård-Hansen, Åse Marie " * 21)[:700].strip()


def test_a_long_text_typed_at_once_and_the_next_field_are_both_stored(browser, app_process):
    new_form(browser, app_process.url)
    click_input(browser, "patient-name")
    # Straight on, without waiting for the server: Tab past the "Forløbsoplysninger" header into its first field.
    type_keys(browser, LONG_NAME, Keys.TAB, Keys.TAB)
    wait_focus_in(browser, "course-start")
    type_keys(browser, "04-11-2026 08:15", Keys.TAB)

    stored = wait_stored(app_process.data_dir, lambda d: d["course"]["start"] == "2026-11-04T08:15:00", timeout=60)
    assert stored["patient"]["name"] == LONG_NAME
    browser.refresh()
    wait_value(browser, "patient-name", LONG_NAME)
    wait_value(browser, "course-start", "04-11-2026 08:15:00")
    stored = wait_stored(app_process.data_dir, lambda d: True)
    assert (stored["patient"]["name"], stored["course"]["start"]) == (LONG_NAME, "2026-11-04T08:15:00")
