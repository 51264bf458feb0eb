"""Waits and keyboard helpers for the browser tests.

NiceGUI renders through a WebSocket, accordions animate and the sticky header covers the top of the page, so a
helper never acts on an element before it is there, shown, enabled and scrolled into the middle of the view; and
the judge of what was typed is the stored document, read from the app's database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests import dbfile

# Generous: the tier must pass on a loaded 2-core machine; a wait ends as soon as its condition holds.
TIMEOUT = 30
IGNORED = (StaleElementReferenceException,)


def wait(driver: WebDriver, condition, timeout: float = TIMEOUT, message: str = ""):
    """Wait for `condition(driver)` to be truthy; elements redrawn meanwhile (stale) are looked up again."""
    return WebDriverWait(driver, timeout, ignored_exceptions=IGNORED).until(condition, message)


def by_mark(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """The element NiceGUI marked with `mark` (mirrored into the DOM as `data-testid`)."""
    return WebDriverWait(driver, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, f'[data-testid="{mark}"]')), f"no element marked {mark}")


def scroll_to(driver: WebDriver, element: WebElement) -> WebElement:
    """Scroll `element` to the middle of the view, clear of the sticky header."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element)
    return element


def _usable_input(driver: WebDriver, mark: str) -> WebElement | bool:
    element = driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{mark}"]')
    if not element:
        return False
    element = element[0]
    if element.tag_name not in ("input", "textarea"):
        inner = element.find_elements(By.CSS_SELECTOR, "input, textarea")
        if not inner:
            return False
        element = inner[0]
    if not (element.is_displayed() and element.is_enabled()):
        return False
    return element


def input_of(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """The <input> inside a marked Quasar field, once it is shown and enabled, scrolled into view."""
    element = wait(driver, lambda d: _usable_input(d, mark), timeout, f"input {mark} not shown and enabled")
    return scroll_to(driver, element)


def focused(driver: WebDriver) -> WebElement:
    """The element that has the keyboard focus."""
    return driver.switch_to.active_element


def wait_focus_in(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """Wait until the focus is inside the element marked `mark` (e.g. after Tab); that element's input."""
    def inside(d: WebDriver) -> WebElement | bool:
        try:
            return d.execute_script(
                "const el = document.querySelector(`[data-testid='${arguments[0]}']`);"
                "const f = document.activeElement; return el && f && (el === f || el.contains(f)) ? f : null;",
                mark) or False
        except WebDriverException:
            return False
    return wait(driver, inside, timeout, f"focus did not reach {mark}")


def type_keys(driver: WebDriver, *keys: str) -> None:
    """Type into whatever has the focus, as a person at the keyboard does."""
    ActionChains(driver).send_keys(*keys).perform()


def press(driver: WebDriver, mark: str) -> None:
    """Activate a button from the keyboard: wait until usable, focus it, press Enter."""
    button = wait(driver, lambda d: (b := by_mark(d, mark)).is_displayed() and b.is_enabled() and b,
                  message=f"button {mark} not usable")
    scroll_to(driver, button)
    driver.execute_script("arguments[0].focus();", button)
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def click(driver: WebDriver, mark: str) -> None:
    """Click a marked element once it is shown, after scrolling it clear of the sticky header."""
    element = wait(driver, lambda d: (e := by_mark(d, mark)).is_displayed() and e, message=f"{mark} not shown")
    scroll_to(driver, element).click()


def wait_text(driver: WebDriver, text: str, timeout: float = TIMEOUT) -> None:
    """Wait until `text` appears anywhere on the page."""
    wait(driver, lambda d: text in d.find_element(By.TAG_NAME, "body").text, timeout, f"text {text!r} not shown")


def wait_value(driver: WebDriver, mark: str, value: str, timeout: float = TIMEOUT) -> None:
    """Wait until a marked input shows `value`."""
    wait(driver, lambda d: input_of(d, mark).get_attribute("value") == value, timeout,
         f"{mark} does not show {value!r}")


def field_of(driver: WebDriver, mark: str) -> WebElement:
    """The Quasar field (the element that carries q-field--error) around a marked input."""
    return by_mark(driver, mark).find_element(By.XPATH, "ancestor-or-self::*[contains(@class, 'q-field ')][1]")


def stored_document(data_dir: Path, form_no: int = 1) -> dict[str, Any]:
    """The form as saved in the app's database (read-only; WAL lets a second reader in while the app runs)."""
    from seilocal.settings import DB_FILE

    with dbfile.connect(data_dir / DB_FILE, readonly=True) as conn:
        row = conn.execute("SELECT document FROM forms WHERE form_no = ?", [form_no]).fetchone()
    return json.loads(row[0]) if row else {}


def wait_stored(data_dir: Path, condition, form_no: int = 1, timeout: float = TIMEOUT) -> dict[str, Any]:
    """Wait until the stored document satisfies `condition`; the document."""
    import time

    deadline = time.monotonic() + timeout
    document: dict[str, Any] = {}
    while time.monotonic() < deadline:
        document = stored_document(data_dir, form_no)
        if condition(document):
            return document
        time.sleep(0.05)  # polling the database file: there is no event to wait on
    raise AssertionError(f"the stored form never met the condition; last stored: {json.dumps(document)[:2000]}")
