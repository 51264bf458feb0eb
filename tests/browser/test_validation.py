"""Live validation in a real browser: a broken rule shows with its number, a click puts the cursor in the field."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import by_mark, click, field_of, focus, input_of, marked, type_into, wait, wait_text

pytestmark = pytest.mark.browser


def test_a_future_course_start_is_found_marked_and_clicking_focuses_the_field(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    by_mark(browser, "validation-box")

    type_into(browser, "course-start", "01-01-2099 10:00", Keys.TAB)
    click(browser, "validation-run")  # opens the box
    # The box slides open and the list may be drawn anew meanwhile: look the finding up on every try.
    wait(browser, lambda d: (e := marked(d, "finding-00.01")) is not None and e.is_displayed(),
         message="finding 00.01 not shown")
    finding = by_mark(browser, "finding-00.01")
    assert "00.01" in finding.text and "fremtiden" in finding.text
    assert "q-field--error" in field_of(browser, "course-start").get_attribute("class")

    focus(browser, "patient-name")  # the cursor elsewhere first
    click(browser, "finding-00.01")
    wait(browser, lambda d: d.switch_to.active_element == input_of(d, "course-start"),
         message="the click on the finding did not put the cursor in the field")
