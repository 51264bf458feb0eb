"""Issue 21: the passphrase page (a new encrypted folder) and the unlock page open with the focus in their
passphrase field, so the keyboard can start typing at once."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from seilocal.store import keys
from tests.support.app import start_app, stop_app
from tests.support.browser import by_mark, click, type_keys, wait_focus_in

pytestmark = pytest.mark.browser


def test_the_passphrase_and_unlock_pages_start_in_the_passphrase_field(browser, tmp_path, monkeypatch):
    if keys._keyring() is not None:  # noqa: SLF001
        pytest.skip("this machine has an OS keyring: the app would keep the key there and ask nothing")
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    browser.set_window_size(1024, 768)
    data = tmp_path / "data"
    app = start_app(data)
    try:
        browser.get(app.url)
        wait_focus_in(browser, "unlock-new")  # no click: the field has the focus
        type_keys(browser, "klinikkens hemmelighed", Keys.TAB)
        wait_focus_in(browser, "unlock-again")
        type_keys(browser, "klinikkens hemmelighed")
        click(browser, "unlock-create")
        click(browser, "recovery-confirm")
        click(browser, "recovery-done")
        by_mark(browser, "create-form")
    finally:
        stop_app(app)
    app = start_app(data)
    try:
        browser.get(app.url)
        wait_focus_in(browser, "unlock-passphrase")
        type_keys(browser, "klinikkens hemmelighed", Keys.ENTER)
        by_mark(browser, "create-form")
        wait_focus_in(browser, "forms-search")
    finally:
        stop_app(app)
