"""Issue 12, defects 5 and 6: the hits of a code field are ordered by the search, and typed text becomes a code
only when it has the shape of an SKS code (the stored document judges)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from .helpers import input_of, wait, wait_stored
from .keyboard import FOCUSED, new_form, option_codes, pick

pytestmark = pytest.mark.browser


def test_the_top_hit_is_the_search_hit_not_the_current_value(browser, app_process):
    new_form(browser, app_process.url)
    input_of(browser, "course-start").send_keys("03-11-2026 09:30", Keys.TAB)
    pick(browser, "course-label", "ALAL01", "ALAL01")
    wait_stored(app_process.data_dir, lambda d: d["course"]["label"] == "ALAL01")

    field = input_of(browser, "course-label")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("Hjerte")
    wait(browser, lambda d: "ALAL02" in option_codes(d), message="ALAL02 not found for 'Hjerte'")
    field.send_keys(Keys.ARROW_DOWN)
    wait(browser, lambda d: option_codes(d, FOCUSED) != [], message="no option focused")
    field.send_keys(Keys.ENTER)
    stored = wait_stored(app_process.data_dir, lambda d: d["course"]["label"] != "ALAL01")
    assert stored["course"]["label"] == "ALAL02"
