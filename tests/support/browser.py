"""The browser tier's waits: each one waits for what the next step needs, never for presence alone, never for a
fixed time.

NiceGUI renders through a WebSocket, accordions slide open, the sticky header covers the top of the page and the
server redraws elements under the test's hands. So:

- to *read* an element, `by_mark` (presence is enough to read a text);
- to *click*, `click` / `click_on`: the element is shown, enabled, scrolled into view, not moving (no running
  animation around it, the same place on two looks in a row) and really the thing at its centre (no menu, dialog
  or header over it). A click that still bounces (intercepted, not interactable, the element redrawn) dispatched
  nothing, so it is tried again with a fresh look-up until the time is up;
- to *type*, `type_into` / `press`: the focus is put on the element and the test waits until it is there before a
  single key is sent, so no key lands on <body> or on a field being redrawn;
- to *check what was typed*, `wait_stored`: the stored document, read from the app's database, is the judge.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    JavascriptException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from tests.support import dbfile

# Generous: the tier must pass on a loaded 2-core machine; a wait ends as soon as its condition holds.
TIMEOUT = 30
POLL = 0.05  # how often a condition is looked at again (Selenium's default, 0.5 s, only slows the tier)
IGNORED = (StaleElementReferenceException,)
# A click or a key that bounced off an element dispatched nothing: look again and retry.
BOUNCED = (StaleElementReferenceException, ElementClickInterceptedException, ElementNotInteractableException)

Target = str | Callable[[WebDriver], WebElement | None]


def wait(driver: WebDriver, condition, timeout: float = TIMEOUT, message: str = ""):
    """Wait for `condition(driver)` to be truthy; elements redrawn meanwhile (stale) are looked up again."""
    return WebDriverWait(driver, timeout, poll_frequency=POLL, ignored_exceptions=IGNORED).until(condition, message)


def by_mark(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """The element NiceGUI marked with `mark` (mirrored into the DOM as `data-testid`), once it exists: for
    reading. To act on an element use `click`, `press` or `type_into`, which wait until it can take the action."""
    return WebDriverWait(driver, timeout, poll_frequency=POLL).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, f'[data-testid="{mark}"]')), f"no element marked {mark}")


def marked(driver: WebDriver, mark: str) -> WebElement | None:
    """The element marked `mark` now, or None (no wait)."""
    found = driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{mark}"]')
    return found[0] if found else None


def scroll_to(driver: WebDriver, element: WebElement) -> WebElement:
    """Scroll `element` to the middle of the view, clear of the sticky header."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element)
    return element


# Why an element cannot take a click now ('' = it can): shown, in the view, not moving, the thing at its centre.
# The last place seen is kept on the element, so "not moving" means the same rectangle on two looks in a row.
_BLOCKED = """
const el = arguments[0];
if (!el.isConnected) return 'detached';
const r = el.getBoundingClientRect();
if (r.width === 0 || r.height === 0) return 'not shown';
const place = [r.left, r.top, r.width, r.height].map(Math.round).join(',');
const moved = el.__lastPlace !== place;
el.__lastPlace = place;
if (moved) return 'moving';
// A finite animation or transition around it (a section sliding open); endless ones (spinners) never end.
const running = document.getAnimations().some(a => a.playState === 'running' && a.effect && a.effect.target
  && a.effect.getComputedTiming().iterations !== Infinity && a.effect.target.contains
  && a.effect.target.contains(el));
if (running) return 'animating';
const x = r.left + r.width / 2, y = r.top + r.height / 2;
if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) return 'out of view';
const hit = document.elementFromPoint(x, y);
if (!hit || !(hit === el || el.contains(hit))) return 'covered by ' + (hit ? hit.outerHTML.slice(0, 120) : 'nothing');
return '';
"""


def blocked(driver: WebDriver, element: WebElement) -> str:
    """Why `element` cannot be clicked now, or '' when it can."""
    try:
        return driver.execute_script(_BLOCKED, element)
    except (StaleElementReferenceException, JavascriptException):
        return "detached"


def _locate(driver: WebDriver, target: Target) -> WebElement | None:
    return marked(driver, target) if isinstance(target, str) else target(driver)


def actionable(driver: WebDriver, target: Target, timeout: float = TIMEOUT) -> WebElement:
    """Wait until the target is shown, enabled, scrolled into view, still and uncovered; the element."""
    last = {"why": "not found"}

    def ready(d: WebDriver) -> WebElement | bool:
        element = _locate(d, target)
        if element is None:
            last["why"] = "not found"
            return False
        if not (element.is_displayed() and element.is_enabled()):
            last["why"] = "not shown or disabled"
            return False
        why = blocked(d, element)
        if why == "out of view" or why.startswith("covered"):  # e.g. under the sticky header: to the middle
            scroll_to(d, element)
        last["why"] = why
        return element if not why else False

    try:
        return wait(driver, ready, timeout)
    except Exception as error:  # noqa: BLE001 - re-raised with the reason the element never became usable
        raise AssertionError(f"{_name(target)} never became clickable: {last['why']}") from error


def click_on(driver: WebDriver, target: Target, timeout: float = TIMEOUT) -> None:
    """Click the target (a mark, or a function that finds the element) once it can take the click; a click that
    bounced (intercepted, not interactable, redrawn) dispatched nothing and is tried again on a fresh look-up."""
    deadline = time.monotonic() + timeout
    while True:
        element = actionable(driver, target, max(0.1, deadline - time.monotonic()))
        try:
            element.click()
            return
        except BOUNCED as error:
            if time.monotonic() > deadline:
                raise AssertionError(f"{_name(target)} would not take a click: {error.msg}") from error


def click(driver: WebDriver, mark: str) -> None:
    """Click a marked element once it can take the click (see `click_on`)."""
    click_on(driver, mark)


def _name(target: Target) -> str:
    return target if isinstance(target, str) else getattr(target, "__name__", "the element")


def _usable_input(driver: WebDriver, mark: str) -> WebElement | bool:
    element = marked(driver, mark)
    if element is None:
        return False
    if element.tag_name not in ("input", "textarea"):
        inner = element.find_elements(By.CSS_SELECTOR, "input, textarea")
        if not inner:
            return False
        element = inner[0]
    if not (element.is_displayed() and element.is_enabled()):
        return False
    return element


def input_of(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """The <input> inside a marked Quasar field once it is shown, enabled, in view and still (for reading its
    value or handing it to `click_on`; to type into it use `type_into`)."""
    return actionable(driver, lambda d: _usable_input(d, mark) or None, timeout)


def click_input(driver: WebDriver, mark: str) -> None:
    """Click into a marked field (as a person does with the mouse) and wait until it has the focus."""
    click_on(driver, lambda d: _usable_input(d, mark) or None)
    wait_focus_in(driver, mark)


def focused(driver: WebDriver) -> WebElement:
    """The element that has the keyboard focus."""
    return driver.switch_to.active_element


_FOCUS_IN = ("const el = document.querySelector(`[data-testid='${arguments[0]}']`);"
             "const f = document.activeElement; return el && f && (el === f || el.contains(f)) ? f : null;")


def wait_row_details(driver: WebDriver, table: str, index: int, timeout: float = TIMEOUT) -> None:
    """Wait until the details under the table marked `table` show its row `index` (stored order). A new row or
    a new selection rebuilds them a round trip after the key that asked for it: Tab or typing before then walks
    (or writes into) the details that were there. The stored document is ready earlier than the page."""
    script = ("const e = document.querySelector(`[data-testid='${arguments[0]}-details']`);"
              "return !!e && e.dataset.row === String(arguments[1]);")
    wait(driver, lambda d: bool(d.execute_script(script, table, index)), timeout,
         f"the details of {table} do not show row {index}")


def wait_marked_count(driver: WebDriver, mark: str, count: int, timeout: float = TIMEOUT) -> None:
    """Wait until the page shows `count` elements marked `mark`: the page's answer to a key has arrived. The
    stored document is ready before it, and the answer may still move the focus (an action's `focus_mark`
    comes with the redraw): a key pressed before it arrives can have its focus taken back."""
    script = "return document.querySelectorAll(`[data-testid='${arguments[0]}']`).length;"
    wait(driver, lambda d: d.execute_script(script, mark) == count, timeout,
         f"the page does not show {count} of {mark}")


def wait_focus_in(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """Wait until the focus is inside the element marked `mark` (e.g. after Tab); the focused element."""
    def inside(d: WebDriver) -> WebElement | bool:
        try:
            return d.execute_script(_FOCUS_IN, mark) or False
        except WebDriverException:
            return False
    return wait(driver, inside, timeout, f"focus did not reach {mark}")


def focus(driver: WebDriver, mark: str, timeout: float = TIMEOUT) -> WebElement:
    """Put the keyboard focus on a marked field's input (or a marked button) and wait until it is there, as Tab
    would leave it; a field redrawn meanwhile is focused again. The focused element."""
    def focused_now(d: WebDriver) -> WebElement | bool:
        element = _usable_input(d, mark) or marked(d, mark)
        if element is None or not element.is_displayed() or not element.is_enabled():
            return False
        try:
            d.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});"
                             "arguments[0].focus();", element)
            return d.execute_script(_FOCUS_IN, mark) or False
        except (StaleElementReferenceException, JavascriptException):
            return False
    return wait(driver, focused_now, timeout, f"could not put the focus in {mark}")


def type_keys(driver: WebDriver, *keys: str) -> None:
    """Type into whatever has the focus, as a person at the keyboard does."""
    ActionChains(driver).send_keys(*keys).perform()


def keys_in(driver: WebDriver, mark: str, *keys: str) -> None:
    """Wait until the focus is in `mark`, then type `keys` there (a key never goes to the page or a stale field)."""
    wait_focus_in(driver, mark)
    type_keys(driver, *keys)


def type_into(driver: WebDriver, mark: str, *keys: str, replace: bool = False) -> None:
    """Focus a marked field, wait until it has the focus, then type `keys` (after Ctrl+A when `replace`)."""
    focus(driver, mark)
    if replace:
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
    else:  # the caret after what is there, as a click at the end of the text would leave it
        driver.execute_script("const f = document.activeElement;"
                              "if (f && f.setSelectionRange && f.value !== undefined)"
                              " f.setSelectionRange(f.value.length, f.value.length);")
    type_keys(driver, *keys)


def press(driver: WebDriver, mark: str) -> None:
    """Activate a button from the keyboard: focus it, wait until the focus is on it, press Enter."""
    focus(driver, mark)
    type_keys(driver, Keys.ENTER)


def wait_text(driver: WebDriver, text: str, timeout: float = TIMEOUT) -> None:
    """Wait until `text` appears anywhere on the page."""
    wait(driver, lambda d: text in d.find_element(By.TAG_NAME, "body").text, timeout, f"text {text!r} not shown")


def wait_mark_text(driver: WebDriver, mark: str, text: str, timeout: float = TIMEOUT) -> None:
    """Wait until the element marked `mark` reads exactly `text` (it may be redrawn meanwhile)."""
    wait(driver, lambda d: (e := marked(d, mark)) is not None and e.text == text, timeout,
         f"{mark} does not read {text!r}")


def _value(driver: WebDriver, mark: str) -> str | None:
    element = _usable_input(driver, mark)
    return element.get_attribute("value") if element else None


def wait_value(driver: WebDriver, mark: str, value: str, timeout: float = TIMEOUT) -> None:
    """Wait until a marked input shows `value`."""
    wait(driver, lambda d: _value(d, mark) == value, timeout, f"{mark} does not show {value!r}")


def field_of(driver: WebDriver, mark: str) -> WebElement:
    """The Quasar field (the element that carries q-field--error) around a marked input."""
    return by_mark(driver, mark).find_element(By.XPATH, "ancestor-or-self::*[contains(@class, 'q-field ')][1]")


def poll(condition: Callable[[], Any], timeout: float = TIMEOUT, message: str = "", every: float = POLL) -> Any:
    """Wait for something outside the browser (a file, a database row) that sends no event: look again every
    `every` seconds until `condition()` is truthy; its value. Fails with `message` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(message or "the condition was never met")
        time.sleep(every)


def stored_document(data_dir: Path, form_no: int = 1) -> dict[str, Any]:
    """The form as saved in the app's database (read-only; WAL lets a second reader in while the app runs)."""
    from seilocal.settings import DB_FILE

    with dbfile.connect(data_dir / DB_FILE, readonly=True) as conn:
        row = conn.execute("SELECT document FROM forms WHERE form_no = ?", [form_no]).fetchone()
    return json.loads(row[0]) if row else {}


def wait_stored(data_dir: Path, condition, form_no: int = 1, timeout: float = TIMEOUT) -> dict[str, Any]:
    """Wait until the stored document satisfies `condition`; the document."""
    last: dict[str, Any] = {}

    def met() -> dict[str, Any] | None:
        last["document"] = stored_document(data_dir, form_no)
        return last["document"] if condition(last["document"]) else None

    try:
        return poll(met, timeout)
    except AssertionError:
        raise AssertionError("the stored form never met the condition; last stored: "
                             f"{json.dumps(last.get('document'))[:2000]}") from None


# Debian's chromium-headless-shell: Chromium's own engine (Blink, V8, the same version as `chromium`) without the
# browser's window, tab strip and their WebUI renderer, which `chromium --headless=new` still runs. Each test
# costs ~20 % less CPU with it, most of it at the browser's start and a page's first open (docs/performance.md).
HEADLESS_SHELL = "chromium-headless-shell"
# The program itself, not Debian's /usr/bin wrapper: the wrapper runs it as a child without `exec`, so quitting
# the driver ended the wrapper and left every browser of the tier running (600 processes after one `make browser`).
HEADLESS_SHELL_BINARY = Path("/usr/lib/chromium/chromium-headless-shell")


def chrome_options() -> Options:
    """The options of every headless Chromium of the tier."""
    options = Options()
    options.binary_location = str(HEADLESS_SHELL_BINARY)
    # --font-render-hinting=none: the shell hints glyphs by default, which widened text enough for the form
    # header to take one more line at 1024 px than in Chromium (test_sticky_header: 130.7 px against 109.7 px).
    for flag in ("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000"):
        options.add_argument(flag)
    return options


def new_browser(downloads: Path | None = None) -> WebDriver:
    """A headless Chromium with a fresh profile (chromedriver makes one per session and deletes it on quit; the
    shell hangs at start on a `--user-data-dir` of ours); it saves downloads into `downloads` when given.

    Fails (not skips) when the browser or its driver is missing: `make test` installs both."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = shutil.which("chromedriver")
    if not driver_path or not HEADLESS_SHELL_BINARY.exists():
        raise AssertionError(f"Debian's {HEADLESS_SHELL} and chromium-driver are needed for the browser tests "
                             "(make test installs them)")
    driver = webdriver.Chrome(service=Service(driver_path), options=chrome_options())
    driver.implicitly_wait(0)
    if downloads is not None:  # the shell has no download preferences: DevTools tells it where to save
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver
