"""Small waits for the browser tests: NiceGUI renders through a WebSocket, so everything arrives a bit later."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 10


def by_mark(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """The element NiceGUI marked with `mark` (mirrored into the DOM as `data-testid`)."""
    return WebDriverWait(driver, timeout).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, f'[data-testid="{mark}"]')))


def input_of(driver: WebDriver, mark: str) -> WebElement:
    """The <input> inside a marked Quasar field."""
    element = by_mark(driver, mark)
    if element.tag_name in ("input", "textarea"):
        return element
    return element.find_element(By.CSS_SELECTOR, "input, textarea")


def wait_text(driver: WebDriver, text: str, timeout: float = TIMEOUT) -> None:
    """Wait until `text` appears anywhere on the page."""
    WebDriverWait(driver, timeout).until(lambda d: text in d.find_element(By.TAG_NAME, "body").text)


def wait_value(driver: WebDriver, mark: str, value: str, timeout: float = TIMEOUT) -> None:
    """Wait until a marked input shows `value`."""
    WebDriverWait(driver, timeout).until(lambda d: input_of(d, mark).get_attribute("value") == value)


def field_of(driver: WebDriver, mark: str) -> WebElement:
    """The Quasar field (the element that carries q-field--error) around a marked input."""
    return by_mark(driver, mark).find_element(By.XPATH, "ancestor-or-self::*[contains(@class, 'q-field ')][1]")
