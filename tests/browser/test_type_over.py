"""Issue 21: a picked value typed over by the keyboard is replaced, with Tab and with an Enter pressed at once
(before the list has caught up); the stored document judges, after a reload."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.app import RunningApp, SharedApp, shared_app_over
from tests.support.browser import click_input, type_keys, wait_focus_in, wait_stored, wait_value
from tests.support.keyboard import open_section, select_all, shown, wait_focus_left

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, new_data_dir):
    """One real app for the module over four filled drafts (Henvisningsmåde ALDA11, Startmarkør AFV01A1), one for
    each test."""
    from tests.support.submit_helpers import clean_form

    def fill(store) -> list[int]:
        return [store.forms.create(clean_form()).form.form_no for _ in range(4)]

    yield from shared_app_over(tmp_path_factory.mktemp("type-over"), new_data_dir, fill)


@pytest.fixture
def app_with_form(shared_app: SharedApp) -> tuple[RunningApp, int]:
    """The module's app and a filled draft of this test's own."""
    return shared_app.app, shared_app.take()


def _open(browser, app, form: int) -> None:
    browser.get(f"{app.base}/skema/{form}?token={app.token}")
    wait_value(browser, "patient-name", "Test Testesen")


@pytest.mark.parametrize("key", [Keys.TAB, Keys.ENTER], ids=["tab", "enter"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_typing_over_a_picked_code_replaces_it(browser, app_with_form, size, key):
    """With Tab, and with an Enter pressed at once: before the list has caught up, the old value is still
    highlighted, yet the typed code is taken."""
    app, form = app_with_form
    browser.set_window_size(*size)
    _open(browser, app, form)
    open_section(browser, "referral")
    click_input(browser, "referral-method")
    select_all(browser)
    type_keys(browser, "ALDA30", key)  # at full speed: no wait for the list
    if key == Keys.TAB:
        wait_focus_in(browser, "referral-free-choice")  # the next field: the ✕ clear icon is no Tab stop
    wait_stored(app.data_dir, lambda d: d["referral"]["method"] == "ALDA30", form_no=form)
    click_input(browser, "course-start-marker")
    select_all(browser)
    type_keys(browser, "AFV01A2", key)
    if key == Keys.TAB:
        wait_focus_left(browser, "course-start-marker")
    wait_stored(app.data_dir, lambda d: d["course"]["start_marker"] == "AFV01A2", form_no=form)
    browser.refresh()
    _open(browser, app, form)
    if key == Keys.TAB:
        assert "AFV01A2" in shown(browser, "course-start-marker")
    stored = wait_stored(app.data_dir, lambda d: True, form_no=form)
    assert (stored["referral"]["method"], stored["course"]["start_marker"]) == ("ALDA30", "AFV01A2")
