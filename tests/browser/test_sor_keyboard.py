"""Issue 21: SOR units by keyboard. A row of the look-up dialog is picked with Tab and Enter; Enter on the start of
a SOR number with one hit takes that unit, in a form and in the practice profile (stored, after a reload)."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support import dbfile
from tests.support.browser import by_mark, input_of, type_keys, wait, wait_focus_in, wait_stored
from tests.support.keyboard import new_form, select_all, tab_to

pytestmark = pytest.mark.browser

UNIT = "999931000016003"  # Demo Privatklinik ApS, Dermatologi (privat)


def stored_profile(data_dir) -> dict:
    from seilocal.settings import DB_FILE

    with dbfile.connect(data_dir / DB_FILE, readonly=True) as conn:
        row = conn.execute("SELECT value FROM prefs WHERE key = 'profile'").fetchone()
    return json.loads(row[0]) if row and row[0] else {}


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_a_sor_unit_is_picked_from_the_look_up_dialog_by_keyboard(browser, app_process, size):
    browser.set_window_size(*size)
    new_form(browser, app_process.url)
    tab_to(browser, "course-unit-lookup", most=30)
    type_keys(browser, Keys.ENTER)
    wait(browser, lambda d: by_mark(d, f"sor-pick-{UNIT}").is_displayed(), message="the dialog shows no rows")
    tab_to(browser, f"sor-pick-{UNIT}", most=30)
    type_keys(browser, Keys.ENTER)
    wait_stored(app_process.data_dir, lambda d: d["course"]["responsible_unit"] == UNIT)


def test_enter_on_the_start_of_a_sor_number_with_one_hit_takes_it(browser, app_process):
    browser.set_window_size(1280, 800)
    new_form(browser, app_process.url)
    field = input_of(browser, "course-unit")
    browser.execute_script("arguments[0].focus();", field)
    wait_focus_in(browser, "course-unit")
    type_keys(browser, "99993", Keys.ENTER)  # at once: one unit's number starts so
    wait_stored(app_process.data_dir, lambda d: d["course"]["responsible_unit"] == UNIT)

    browser.get(app_process.base + "/indstillinger")
    field = input_of(browser, "settings-unit")
    browser.execute_script("arguments[0].focus();", field)
    wait_focus_in(browser, "settings-unit")
    select_all(browser)
    type_keys(browser, "99993", Keys.ENTER)
    wait(browser, lambda d: stored_profile(app_process.data_dir).get("responsible_unit") == UNIT,
         message="the profile did not store the one hit")
