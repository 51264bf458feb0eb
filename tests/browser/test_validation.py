"""Live validation in a real browser: a broken rule shows with its number, a click puts the cursor in the field."""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.keys import Keys

from .helpers import by_mark, field_of, input_of, wait_text

pytestmark = pytest.mark.browser


def test_a_future_course_start_is_found_marked_and_clicking_focuses_the_field(browser, app_process):
    browser.get(app_process.url)
    by_mark(browser, "create-form").click()
    wait_text(browser, "Skemainformation")
    by_mark(browser, "validation-box")

    input_of(browser, "course-start").send_keys("01-01-2099 10:00", Keys.TAB)
    by_mark(browser, "validation-run").click()  # opens the box
    # The box slides open and the list may be drawn anew meanwhile: look the finding up on every try.
    _until(lambda: _displayed(browser, "finding-00.01"), timeout=10)
    finding = by_mark(browser, "finding-00.01")
    assert "00.01" in finding.text and "fremtiden" in finding.text
    assert "q-field--error" in field_of(browser, "course-start").get_attribute("class")

    input_of(browser, "patient-name").click()  # the cursor elsewhere first
    finding.click()
    _until(lambda: browser.switch_to.active_element == input_of(browser, "course-start"))


def _displayed(browser, mark: str) -> bool:
    try:
        return by_mark(browser, mark, timeout=1).is_displayed()
    except (StaleElementReferenceException, TimeoutException):
        return False


def _until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        time.sleep(0.1)
    assert condition()
