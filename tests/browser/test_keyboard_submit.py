"""The quick guide's last step by keyboard alone: from the form page, Tab to "Indberet", Enter, confirm the
deadline reminder with the keyboard; the stored form is submitted and its bundle kept (issue 13, "Done when")."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import by_mark, keys_in, wait_mark_text, wait_stored
from tests.support.dbfile import bundle_names
from tests.support.keyboard import tab_to, wait_dialog

pytestmark = pytest.mark.browser


def test_submit_by_keyboard(browser, app_with_clean_form):  # noqa: F811 - the fixture imported above
    app = app_with_clean_form
    browser.get(app.url)  # the start address carries the session's token
    by_mark(browser, "create-form")
    browser.get(f"{app.base}/skema/1")
    wait_mark_text(browser, "header-status", "Kladde")

    tab_to(browser, "action-submit", most=60)  # from the top of the page, Tab only
    keys_in(browser, "action-submit", Keys.ENTER)
    by_mark(browser, "submit-warnings")  # the deadline reminder is a warning: confirmed by keyboard too
    wait_dialog(browser, "submit-confirm")  # Tab only once the dialog is there with the focus
    tab_to(browser, "submit-confirm", most=10)
    keys_in(browser, "submit-confirm", Keys.ENTER)

    wait_mark_text(browser, "header-status", "Indberettet")
    wait_stored(app.data_dir, lambda document: document.get("status") == "submitted")
    assert bundle_names(app.data_dir) == ["seilocal-skema-1-v1.zip"]
