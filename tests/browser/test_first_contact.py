"""F2's first contact in a real browser, by keyboard where it can be: patient, course, start marker, referral."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from seilocal.pages.code_field import LIMIT

from .helpers import TIMEOUT, by_mark, click, field_of, input_of, wait_text, wait_value

pytestmark = pytest.mark.browser


ITEMS = ".q-menu .q-item"
FOCUSED = ".q-menu .q-manual-focusable--focused"  # the option the arrow keys are on


def _option_texts(driver: WebDriver, css: str) -> list[str]:
    """The texts of the menu items matching `css` (the menu re-renders: stale items count as none)."""
    try:
        return [item.text for item in driver.find_elements(By.CSS_SELECTOR, css)]
    except StaleElementReferenceException:
        return []


def _option_codes(driver: WebDriver, css: str) -> list[str]:
    """The codes of those menu items ("KODE – tekst")."""
    return [text.split(" – ")[0] for text in _option_texts(driver, css)]


def choose_by_keyboard(driver: WebDriver, mark: str, typed: str, wanted: tuple[str, ...]) -> str:
    """Type into a code field, then arrow down to the first option among `wanted` and take it with Enter."""
    field = input_of(driver, mark)
    field.send_keys(typed)
    # The server answers every keystroke: wait for the answer to the whole text before moving in the list.
    WebDriverWait(driver, TIMEOUT).until(lambda d: set(_option_codes(d, ITEMS)) & set(wanted) and all(
        typed.lower() in text.lower() for text in _option_texts(d, ITEMS)))
    focused: list[str] = []
    for _ in range(LIMIT):
        previous = focused
        field.send_keys(Keys.ARROW_DOWN)
        WebDriverWait(driver, TIMEOUT).until(lambda d, p=previous: _option_codes(d, FOCUSED) not in ([], p))
        focused = _option_codes(driver, FOCUSED)
        if set(focused) & set(wanted):
            break
    field.send_keys(Keys.ENTER)
    WebDriverWait(driver, TIMEOUT).until(lambda d: any(code in shown(d, mark) for code in wanted))
    return next(code for code in wanted if code in shown(driver, mark))


def shown(driver: WebDriver, mark: str) -> str:
    """What a select field shows: its chosen option's label sits in the input, or as text in the field."""
    return f"{input_of(driver, mark).get_attribute('value')} {field_of(driver, mark).text}"


def open_section(driver: WebDriver, key: str) -> None:
    """Open a closed section accordion with the keyboard (its header takes Enter)."""
    header = by_mark(driver, f"section-{key}").find_element(By.CSS_SELECTOR, ".q-item")
    if header.get_attribute("aria-expanded") != "true":
        header.send_keys(Keys.ENTER)
    WebDriverWait(driver, TIMEOUT).until(lambda d: header.get_attribute("aria-expanded") == "true")


def test_first_contact_by_keyboard_survives_a_reload_and_is_found_in_the_list(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    wait_text(browser, "Første kontakt")

    input_of(browser, "patient-cpr").send_keys("010180-1235", Keys.TAB)
    browser.switch_to.active_element.send_keys("Jens Hansen", Keys.TAB)
    wait_text(browser, "Jens Hansen")  # in the header
    input_of(browser, "course-start").send_keys("03-11-2026 09:30", Keys.TAB)
    wait_text(browser, "03-11-2026 09:30:00")

    chosen = choose_by_keyboard(browser, "course-start-marker", "udred", ("AFV01B",))  # issue 3: "udred" -> AFV01B
    WebDriverWait(browser, TIMEOUT).until(lambda d: by_mark(d, "header-marker").text == chosen)

    open_section(browser, "referral")
    wait_value(browser, "referral-time", "03-11-2026 09:30:00")  # the course start, copied
    method = choose_by_keyboard(browser, "referral-method", "ALDA0", ("ALDA00",))
    free_choice = choose_by_keyboard(browser, "referral-free-choice", "ALDB", ("ALDB00", "ALDB01", "ALDB02"))
    WebDriverWait(browser, TIMEOUT).until(lambda d: "frit valg" not in by_mark(d, "next-step-text").text)

    browser.refresh()
    wait_value(browser, "patient-cpr", "010180-1235")
    wait_value(browser, "patient-name", "Jens Hansen")
    wait_value(browser, "course-start", "03-11-2026 09:30:00")
    assert chosen in shown(browser, "course-start-marker")
    assert by_mark(browser, "header-marker").text == chosen
    open_section(browser, "referral")
    wait_value(browser, "referral-time", "03-11-2026 09:30:00")
    assert method in shown(browser, "referral-method")
    assert free_choice in shown(browser, "referral-free-choice")

    click(browser, "nav-forms")
    input_of(browser, "forms-search").send_keys("Jens")
    wait_text(browser, "010180-1235")
    rows = by_mark(browser, "forms-table").find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 1 and chosen in rows[0].text and "Kladde" in rows[0].text
