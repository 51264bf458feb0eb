"""The quick guide's last step by keyboard alone: from the form page, Tab to "Indberet", Enter, confirm the
deadline reminder with the keyboard; the stored form is submitted and its bundle kept (issue 13, "Done when")."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.dbfile import bundle_names

from .helpers import by_mark, wait, wait_stored
from .keyboard import tab_to
from .test_submit import app_with_clean_form  # noqa: F401 - the fixture: one clean draft in a real app

pytestmark = pytest.mark.browser


def _enter(browser) -> None:
    ActionChains(browser).send_keys(Keys.ENTER).perform()


def test_submit_by_keyboard(browser, app_with_clean_form):  # noqa: F811 - the fixture imported above
    app = app_with_clean_form
    browser.get(app.url)  # the start address carries the session's token
    by_mark(browser, "create-form")
    browser.get(f"{app.base}/skema/1")
    wait(browser, lambda d: by_mark(d, "header-status").text == "Kladde", message="the draft's page is not shown")

    tab_to(browser, "action-submit", most=60)  # from the top of the page, Tab only
    _enter(browser)
    by_mark(browser, "submit-warnings")  # the deadline reminder is a warning: confirmed by keyboard too
    tab_to(browser, "submit-confirm", most=10)
    _enter(browser)

    wait(browser, lambda d: by_mark(d, "header-status").text == "Indberettet", message="not submitted")
    wait_stored(app.data_dir, lambda document: document.get("status") == "submitted")
    assert bundle_names(app.data_dir) == ["seilocal-skema-1-v1.zip"]
