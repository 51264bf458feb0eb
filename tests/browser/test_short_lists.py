"""Issue 13, item 4: a short list opens whole with ↓ and an option is picked by its text with the keyboard alone;
Tab keeps it, the search-mode button is no Tab stop, and after a reload the stored document holds the code."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.support.browser import by_mark, focus, input_of, type_keys, wait, wait_focus_in, wait_mark_text, wait_stored
from tests.support.keyboard import FOCUSED, new_form, open_section, option_texts, shown, wait_focus_left

pytestmark = pytest.mark.browser

FREE_CHOICE = [  # admin.fritvalg as derived from SKS 2026-06 (subtree ALDB), with the SKS texts
    "ALDB00 – fritvalg ikke relevant", "ALDB01 – frit sygehusvalg", "ALDB02 – udvidet frit sygehusvalg",
    "ALDB03 – offentligt udbud / samarbejdsaftale"]


menu_texts = option_texts


def arrow_to_text(driver, text: str) -> None:
    """Press ↓ until the highlighted option reads `text` (a key swallowed by a redraw is pressed again)."""
    for _ in range(20):
        type_keys(driver, Keys.ARROW_DOWN)
        try:
            wait(driver, lambda d: menu_texts(d, FOCUSED) != [], timeout=3)
        except TimeoutException:
            continue
        if any(text in label for label in menu_texts(driver, FOCUSED)):
            return
    raise AssertionError(f"the arrow keys never reached {text!r}; the menu shows {menu_texts(driver)}")


def test_a_short_list_opens_with_arrow_down_and_takes_an_option_by_its_text(browser, app_process):
    new_form(browser, app_process.url)
    open_section(browser, "referral")
    focus(browser, "referral-free-choice")  # the keyboard's place, no click (a click opens too)
    assert menu_texts(browser) == []  # nothing open yet, nothing typed

    type_keys(browser, Keys.ARROW_DOWN)  # opens the whole list: no code needs to be known
    wait(browser, lambda d: menu_texts(d) == FREE_CHOICE, message="↓ did not open the whole list")
    arrow_to_text(browser, "udvidet frit sygehusvalg")
    type_keys(browser, Keys.ENTER)
    wait(browser, lambda d: "ALDB02" in shown(d, "referral-free-choice"), message="ALDB02 not shown")
    wait_stored(app_process.data_dir, lambda d: d["referral"]["free_choice"] == "ALDB02")

    # Tab leaves the field with its value and goes straight on: the mode button beside it is no Tab stop.
    type_keys(browser, Keys.TAB)
    wait_focus_left(browser, "referral-free-choice")
    assert browser.execute_script("return document.activeElement.closest('[data-testid]')?.dataset.testid") \
        != "referral-free-choice-mode"
    assert by_mark(browser, "referral-free-choice-mode").get_attribute("tabindex") == "-1"

    # Typing still filters a short list: a word of the text, ↓, Enter.
    focus(browser, "referral-method")
    type_keys(browser, "speciallæge")
    wait(browser, lambda d: menu_texts(d) == ["ALDA31 – praktiserende speciallæge"],
         message="typing did not narrow the list")
    arrow_to_text(browser, "speciallæge")
    type_keys(browser, Keys.ENTER, Keys.TAB)
    wait_focus_left(browser, "referral-method")
    wait_stored(app_process.data_dir, lambda d: d["referral"]["method"] == "ALDA31")

    # Alt+S in a field switches its search mode without leaving it (the mode button itself is not tabbed to).
    focus(browser, "referral-reason")
    wait_mark_text(browser, "referral-reason-mode", "Begynder med")
    ActionChains(browser).key_down(Keys.ALT).send_keys("s").key_up(Keys.ALT).perform()
    wait_mark_text(browser, "referral-reason-mode", "Indeholder")
    wait_focus_in(browser, "referral-reason")
    assert input_of(browser, "referral-reason").get_attribute("value") == ""  # the key typed nothing into the field

    browser.refresh()
    open_section(browser, "referral")
    wait(browser, lambda d: "ALDB02" in shown(d, "referral-free-choice"), message="ALDB02 lost after reload")
    stored = wait_stored(app_process.data_dir, lambda d: True)
    assert (stored["referral"]["free_choice"], stored["referral"]["method"]) == ("ALDB02", "ALDA31")
