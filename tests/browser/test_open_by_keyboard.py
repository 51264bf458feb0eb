"""Issue 21: Enter in the forms list's search box opens the one form found, here by the last four CPR digits."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import by_mark, type_keys, wait, wait_focus_in, wait_stored
from tests.support.keyboard import focus_in_view, select_all, tab_to

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_enter_in_the_search_opens_the_one_hit(browser, app_with_forms, size):  # noqa: F811 - the fixture
    app = app_with_forms
    browser.set_window_size(*size)
    browser.get(app.url)
    wait_focus_in(browser, "forms-search")
    type_keys(browser, "4321")  # the last four digits of form 2's CPR (0202804321)
    wait(browser, lambda d: len(d.find_elements("css selector", '[data-testid^="open-form-"]')) == 1,
         message="the search did not narrow the list to one form")
    type_keys(browser, Keys.ENTER)
    wait(browser, lambda d: by_mark(d, "header-name").text == "Anden Patient", message="form 2 did not open")
    tab_to(browser, "patient-name", most=40)
    assert focus_in_view(browser)
    select_all(browser)
    type_keys(browser, "Anden Patientsen", Keys.TAB)
    wait_stored(app.data_dir, lambda d: d["patient"]["name"] == "Anden Patientsen", form_no=2)
