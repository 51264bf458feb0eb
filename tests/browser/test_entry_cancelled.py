"""Issue 12, defect 7: a cancelled form's page is read-only (inputs disabled) with a banner that says why."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.support.browser import by_mark, marked, stored_document, wait, wait_text

pytestmark = pytest.mark.browser


def _input(driver, mark: str):
    element = marked(driver, mark)
    if element is None:
        return None
    return element if element.tag_name == "input" else element.find_element(By.CSS_SELECTOR, "input")


def test_a_cancelled_form_is_read_only_with_a_banner(browser, app_with_cancelled_form):
    app = app_with_cancelled_form
    before = stored_document(app.data_dir)
    assert before["status"] == "cancelled"
    browser.get(app.base + "/skema/1?token=" + app.token)
    wait_text(browser, "Skemainformation")
    wait(browser, lambda d: "annulleret" in by_mark(d, "cancelled-banner").text.lower(),
         message="no banner on a cancelled form")
    for mark in ("patient-name", "patient-cpr", "course-start", "course-label"):
        wait(browser, lambda d, m=mark: (e := _input(d, m)) is not None and not e.is_enabled(),
             message=f"{mark} is editable")
    assert not browser.find_elements(By.CSS_SELECTOR, ".q-notification"), "no toasts for a form one only reads"
    assert stored_document(app.data_dir) == before
