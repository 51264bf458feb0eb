"""A fast typist picks a diagnosis that needs a side and tabs on at once, ahead of the server: the side field is
drawn a round trip later, and the focus is brought back to it rather than left past it (so it is not skipped)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.support.browser import click_input, press, wait, wait_focus_in, wait_stored
from tests.support.keyboard import arrow_to, new_form, open_section, option_codes

pytestmark = pytest.mark.browser


def test_enter_and_tabs_at_once_land_in_the_new_side_field(browser, app_process):
    new_form(browser, app_process.url)
    open_section(browser, "contacts")
    press(browser, "contacts-new")
    wait_stored(app_process.data_dir, lambda d: len(d["contacts"]) == 1)
    press(browser, "diagnosis-add-action")
    click_input(browser, "diagnosis-action-code")
    ActionChains(browser).send_keys("DC509").perform()
    wait(browser, lambda d: "DC509" in option_codes(d), message="DC509 not among the hits")
    arrow_to(browser, lambda: ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform(), "DC509")
    # Enter and two Tabs in one burst (past the field's clear icon, on to whatever follows before the side field
    # exists); then the typist writes the side at once.
    ActionChains(browser).send_keys(Keys.ENTER, Keys.TAB, Keys.TAB).perform()
    wait_focus_in(browser, "diagnosis-action-side")
    wait_stored(app_process.data_dir, lambda d: d["contacts"][0]["diagnoses"][0]["code"] == "DC509")
