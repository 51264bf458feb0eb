"""Issue 12, defect 1: Tab after picking a code keeps the value and moves on (the stored document judges)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import click_input, keys_in, type_into, type_keys, wait, wait_stored
from tests.support.keyboard import new_form, option_codes, pick, wait_focus_left

pytestmark = pytest.mark.browser


def test_tab_after_picking_a_code_keeps_it_and_moves_on(browser, module_app):
    form = new_form(browser, module_app.url)
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    wait_stored(module_app.data_dir, lambda d: d["course"]["start"] == "2026-11-03T09:30:00", form_no=form)

    pick(browser, "course-label", "ALAL01", "ALAL01")
    wait_stored(module_app.data_dir, lambda d: d["course"]["label"] == "ALAL01", form_no=form)
    type_keys(browser, Keys.TAB)
    wait_focus_left(browser, "course-label")
    pick(browser, "course-unit", "Demo Privatklinik", "999911000016001")
    type_keys(browser, Keys.TAB)
    wait_focus_left(browser, "course-unit")
    pick(browser, "course-start-marker", "AFV01A1", "AFV01A1")
    type_keys(browser, Keys.TAB)
    wait_focus_left(browser, "course-start-marker")
    # A last edit that is stored proves the Tabs before it were handled (and stored nothing else).
    type_into(browser, "course-end", "20-11-2026 12:00", Keys.TAB)
    stored = wait_stored(module_app.data_dir, lambda d: d["course"]["end"] == "2026-11-20T12:00:00", form_no=form)
    assert (stored["course"]["label"], stored["course"]["responsible_unit"], stored["course"]["start_marker"]) == (
        "ALAL01", "999911000016001", "AFV01A1")


def test_tabbing_through_a_filled_course_section_changes_nothing(browser, module_app):
    form = new_form(browser, module_app.url)
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    pick(browser, "course-unit", "Demo Privatklinik", "999911000016001")  # a SOR unit picked from the type-ahead
    pick(browser, "course-label", "ALAL01", "ALAL01")
    pick(browser, "course-start-marker", "AFV01A1", "AFV01A1")
    filled = wait_stored(module_app.data_dir, lambda d: d["course"]["start_marker"] == "AFV01A1", form_no=form)
    assert (filled["course"]["responsible_unit"], filled["course"]["label"]) == ("999911000016001", "ALAL01")

    browser.refresh()
    click_input(browser, "course-start")
    for _ in range(9):
        type_keys(browser, Keys.TAB)
    wait_focus_left(browser, "course-start")  # 9 stops on: the focus never fell to <body>
    type_into(browser, "course-end", "20-11-2026 12:00", Keys.TAB)
    stored = wait_stored(module_app.data_dir, lambda d: d["course"]["end"] == "2026-11-20T12:00:00", form_no=form)
    assert (stored["course"]["responsible_unit"], stored["course"]["label"], stored["course"]["start_marker"]) == (
        "999911000016001", "ALAL01", "AFV01A1")


def test_a_code_typed_in_full_is_taken_when_tab_leaves_the_field(browser, module_app):
    form = new_form(browser, module_app.url)
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    click_input(browser, "course-label")
    keys_in(browser, "course-label", "alal02")
    wait(browser, lambda d: "ALAL02" in option_codes(d), message="ALAL02 not among the hits")
    type_keys(browser, Keys.TAB)
    wait_focus_left(browser, "course-label")
    wait_stored(module_app.data_dir, lambda d: d["course"]["label"] == "ALAL02", form_no=form)
