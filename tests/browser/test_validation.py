"""Live validation in a real browser: a broken rule shows with its number, a click puts the cursor in the field."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.keys import Keys

from .helpers import by_mark, click, field_of, input_of, scroll_to, wait, wait_text

pytestmark = pytest.mark.browser


def test_a_future_course_start_is_found_marked_and_clicking_focuses_the_field(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    by_mark(browser, "validation-box")

    input_of(browser, "course-start").send_keys("01-01-2099 10:00", Keys.TAB)
    click(browser, "validation-run")  # opens the box
    # The box slides open and the list may be drawn anew meanwhile: look the finding up on every try.
    wait(browser, lambda d: _displayed(d, "finding-00.01"), message="finding 00.01 not shown")
    finding = by_mark(browser, "finding-00.01")
    assert "00.01" in finding.text and "fremtiden" in finding.text
    assert "q-field--error" in field_of(browser, "course-start").get_attribute("class")

    name = input_of(browser, "patient-name")
    browser.execute_script("arguments[0].focus();", name)  # the cursor elsewhere first
    wait(browser, lambda d: d.switch_to.active_element == name)
    scroll_to(browser, by_mark(browser, "finding-00.01")).click()
    wait(browser, lambda d: d.switch_to.active_element == input_of(d, "course-start"),
         message="the click on the finding did not put the cursor in the field")


def _displayed(browser, mark: str) -> bool:
    try:
        return by_mark(browser, mark, timeout=1).is_displayed()
    except (StaleElementReferenceException, TimeoutException):
        return False
