"""Issue 21: a picked value typed over by the keyboard is replaced, with Tab and with an Enter pressed at once
(before the list has caught up); the stored document judges, after a reload."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.app import start_app, stop_app
from tests.support.browser import click_input, type_keys, wait_focus_in, wait_stored, wait_value
from tests.support.keyboard import open_section, select_all, shown, wait_focus_left

pytestmark = pytest.mark.browser


@pytest.fixture
def app_with_form(data_dir):
    """The real app over a data dir holding one filled draft (Henvisningsmåde ALDA11, Startmarkør AFV01A1)."""
    from seilocal.store import open_store
    from tests.support.submit_helpers import clean_form

    data = data_dir
    store = open_store(data)
    store.forms.create(clean_form())
    store.close()
    app = start_app(data)
    yield app
    stop_app(app)


def _open(browser, app) -> None:
    browser.get(app.base + "/skema/1?token=" + app.token)
    wait_value(browser, "patient-name", "Test Testesen")


@pytest.mark.parametrize("key", [Keys.TAB, Keys.ENTER], ids=["tab", "enter"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_typing_over_a_picked_code_replaces_it(browser, app_with_form, size, key):
    """With Tab, and with an Enter pressed at once: before the list has caught up, the old value is still
    highlighted, yet the typed code is taken."""
    app = app_with_form
    browser.set_window_size(*size)
    _open(browser, app)
    open_section(browser, "referral")
    click_input(browser, "referral-method")
    select_all(browser)
    type_keys(browser, "ALDA30", key)  # at full speed: no wait for the list
    if key == Keys.TAB:
        wait_focus_in(browser, "referral-free-choice")  # the next field: the ✕ clear icon is no Tab stop
    wait_stored(app.data_dir, lambda d: d["referral"]["method"] == "ALDA30")
    click_input(browser, "course-start-marker")
    select_all(browser)
    type_keys(browser, "AFV01A2", key)
    if key == Keys.TAB:
        wait_focus_left(browser, "course-start-marker")
    wait_stored(app.data_dir, lambda d: d["course"]["start_marker"] == "AFV01A2")
    browser.refresh()
    _open(browser, app)
    if key == Keys.TAB:
        assert "AFV01A2" in shown(browser, "course-start-marker")
    stored = wait_stored(app.data_dir, lambda d: True)
    assert (stored["referral"]["method"], stored["course"]["start_marker"]) == ("ALDA30", "AFV01A2")
