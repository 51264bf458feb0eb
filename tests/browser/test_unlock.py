"""A bare Linux (no keyring, no SEILOCAL_PASSPHRASE): the real app asks for a passphrase before anything opens,
shows the recovery key once, then the forms; the next start asks for the passphrase again."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from seilocal.settings import db_path
from seilocal.store import crypto, keys
from tests.support.app import start_app, stop_app
from tests.support.browser import by_mark, click, click_input, type_keys, wait_text

pytestmark = pytest.mark.browser


def test_first_start_asks_for_a_passphrase_shows_the_recovery_key_then_the_forms(browser, tmp_path, monkeypatch):
    if keys._keyring() is not None:  # noqa: SLF001
        pytest.skip("this machine has an OS keyring: the app would keep the key there and ask nothing")
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    data = tmp_path / "data"
    app = start_app(data)
    try:
        browser.get(app.url)
        by_mark(browser, "unlock-page")
        assert not db_path(data).exists()
        click_input(browser, "unlock-new")
        type_keys(browser, "klinikkens hemmelighed", Keys.TAB, "klinikkens hemmelighed")
        click(browser, "unlock-create")
        recovery = by_mark(browser, "recovery-key").text
        assert keys.parse_recovery(recovery) is not None
        wait_text(browser, "klinikkens papirer")
        click(browser, "recovery-confirm")
        click(browser, "recovery-done")
        by_mark(browser, "create-form")
        assert not crypto.is_plain(db_path(data))
    finally:
        stop_app(app)
    app = start_app(data)
    try:
        browser.get(app.url)
        click_input(browser, "unlock-passphrase")
        type_keys(browser, "forkert", Keys.ENTER)
        wait_text(browser, "2 forsøg tilbage")
        click_input(browser, "unlock-passphrase")
        type_keys(browser, recovery, Keys.ENTER)  # the recovery key opens it as well
        by_mark(browser, "create-form")
    finally:
        stop_app(app)
