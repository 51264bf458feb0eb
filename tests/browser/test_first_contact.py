"""F2's first contact in a real browser, by keyboard where it can be: patient, course, start marker, referral."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from seilocal.pages.code_field import LIMIT
from tests.support.browser import (
    by_mark,
    click,
    keys_in,
    type_into,
    wait,
    wait_mark_text,
    wait_text,
    wait_value,
)
from tests.support.keyboard import FOCUSED, ITEMS, open_section, option_codes, option_texts, shown, table_rows

pytestmark = pytest.mark.browser


def choose_by_keyboard(driver: WebDriver, mark: str, typed: str, wanted: tuple[str, ...]) -> str:
    """Type into a code field, then arrow down to the first option among `wanted` and take it with Enter."""
    type_into(driver, mark, typed)
    # The server answers every keystroke: wait for the answer to the whole text before moving in the list.
    wait(driver, lambda d: set(option_codes(d, ITEMS)) & set(wanted) and all(
        typed.lower() in text.lower() for text in option_texts(d, ITEMS)), message=f"no hits for {typed!r}")
    focused: list[str] = []
    for _ in range(LIMIT):
        previous = focused
        keys_in(driver, mark, Keys.ARROW_DOWN)
        wait(driver, lambda d, p=previous: option_codes(d, FOCUSED) not in ([], p), message="↓ did not move")
        focused = option_codes(driver, FOCUSED)
        if set(focused) & set(wanted):
            break
    keys_in(driver, mark, Keys.ENTER)
    wait(driver, lambda d: any(code in shown(d, mark) for code in wanted), message=f"{mark} shows none of {wanted}")
    return next(code for code in wanted if code in shown(driver, mark))


def test_first_contact_by_keyboard_survives_a_reload_and_is_found_in_the_list(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    wait_text(browser, "Første kontakt")

    type_into(browser, "patient-cpr", "010180-1235", Keys.TAB)
    keys_in(browser, "patient-name", "Jens Hansen", Keys.TAB)
    wait_text(browser, "Jens Hansen")  # in the header
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    wait_text(browser, "03-11-2026 09:30:00")

    chosen = choose_by_keyboard(browser, "course-start-marker", "udred", ("AFV01B",))  # issue 3: "udred" -> AFV01B
    wait_mark_text(browser, "header-marker", chosen)

    open_section(browser, "referral")
    wait_value(browser, "referral-time", "03-11-2026 09:30:00")  # the course start, copied
    method = choose_by_keyboard(browser, "referral-method", "ALDA0", ("ALDA00",))
    free_choice = choose_by_keyboard(browser, "referral-free-choice", "ALDB", ("ALDB00", "ALDB01", "ALDB02"))
    wait(browser, lambda d: "frit valg" not in by_mark(d, "next-step-text").text, message="still asks for frit valg")

    browser.refresh()
    wait_value(browser, "patient-cpr", "010180-1235")
    wait_value(browser, "patient-name", "Jens Hansen")
    wait_value(browser, "course-start", "03-11-2026 09:30:00")
    assert chosen in shown(browser, "course-start-marker")
    wait_mark_text(browser, "header-marker", chosen)
    open_section(browser, "referral")
    wait_value(browser, "referral-time", "03-11-2026 09:30:00")
    assert method in shown(browser, "referral-method")
    assert free_choice in shown(browser, "referral-free-choice")

    click(browser, "nav-forms")
    type_into(browser, "forms-search", "Jens")
    wait_text(browser, "010180-1235")
    rows = wait(browser, lambda d: (r := table_rows(d, "forms-table")) and len(r) == 1 and r, message="no one row")
    assert chosen in rows[0] and "Kladde" in rows[0]
