"""Keyboard paths shared by the browser tests: pick a code with the arrow keys, open a section, Tab to a field,
read what a select shows; the twenty-contact form of the keyboard tests."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

if TYPE_CHECKING:
    from seilocal.model import Form

from .browser import (
    TIMEOUT,
    click,
    click_input,
    click_on,
    field_of,
    input_of,
    marked,
    type_keys,
    wait,
    wait_row_details,
    wait_text,
)

ITEMS = ".q-menu .q-item"
FOCUSED = ".q-menu .q-manual-focusable--focused"  # the option the arrow keys are on


def option_codes(driver: WebDriver, css: str = ITEMS) -> list[str]:
    """The codes of the open menu's items ("KODE – tekst"); a menu redrawn meanwhile counts as empty."""
    return [text.split(" – ")[0] for text in option_texts(driver, css)]


def option_texts(driver: WebDriver, css: str = ITEMS) -> list[str]:
    """The labels of the open menu's items; a menu redrawn meanwhile counts as empty."""
    try:
        return [item.text for item in driver.find_elements(By.CSS_SELECTOR, css)]
    except StaleElementReferenceException:
        return []


def arrow_to(driver: WebDriver, press_down, code: str) -> None:  # noqa: ANN001 - press_down: a no-argument callable
    """Press ↓ until the menu's highlighted option is `code`. A server answer may redraw the menu under a key press
    and swallow it: when no option lights up soon, press again (the menu wraps, so going past comes round)."""
    for _ in range(40):
        press_down()
        try:
            wait(driver, lambda d: option_codes(d, FOCUSED) != [], timeout=3)
        except TimeoutException:
            continue
        if option_codes(driver, FOCUSED) == [code]:
            return
    raise AssertionError(f"the arrow keys never reached {code}; the menu shows {option_codes(driver)}")


def shown(driver: WebDriver, mark: str) -> str:
    """What a select field shows: its chosen option's label sits in the input, or as text in the field."""
    return f"{input_of(driver, mark).get_attribute('value')} {field_of(driver, mark).text}"


def select_all(driver: WebDriver) -> None:
    """Ctrl+A in the focused field (held down, as a person does), so what is typed next replaces its text."""
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()


def choose_here(driver: WebDriver, mark: str, typed: str, code: str) -> None:
    """In the focused select: type, wait for the hits, arrow down to `code`, take it with Enter."""
    type_keys(driver, typed)
    try:
        wait(driver, lambda d: code in option_codes(d))
    except TimeoutException:  # say what the field and its menu showed: the evidence for a fix
        raise AssertionError(f"{code} not among the hits for {typed!r}: the field holds "
                             f"{input_of(driver, mark).get_attribute('value')!r}, the menu {option_texts(driver)}, "
                             f"the focus is in {driver.switch_to.active_element.get_attribute('outerHTML')[:200]}"
                             ) from None
    arrow_to(driver, lambda: type_keys(driver, Keys.ARROW_DOWN), code)
    type_keys(driver, Keys.ENTER)
    wait(driver, lambda d: code in shown(d, mark), message=f"{mark} does not show {code}")


def pick(driver: WebDriver, mark: str, typed: str, code: str) -> None:
    """Click into a select, replace its text by `typed`, arrow down to `code` among the hits, take it with Enter."""
    click_input(driver, mark)
    select_all(driver)  # a chosen option's label fills the input: typing replaces it
    choose_here(driver, mark, typed, code)


def open_section(driver: WebDriver, key: str) -> None:
    """Go to a section's header and open it if closed (the header takes Enter); the focus is then on the header,
    also for a section that was open already (the first contact's are), so Tab goes on into the section.

    A closed section opens by itself when its header gets the focus (the workflow reaching it), a round trip to
    the server later; Enter pressed meanwhile would toggle it shut again. So: focus, wait for that, and only then
    use Enter, as a user who sees the section stay closed would."""
    def header(d: WebDriver) -> WebElement | None:  # looked up each time: a redrawn section has a new header
        section = marked(d, f"section-{key}")
        items = section.find_elements(By.CSS_SELECTOR, ".q-item") if section else []
        return items[0] if items else None

    def focus_header(d: WebDriver) -> bool:
        element = header(d)
        if element is None:
            return False
        d.execute_script("arguments[0].focus();", element)
        return d.switch_to.active_element == element

    wait(driver, focus_header, message=f"the header of section {key} could not take the focus")

    def expanded(d: WebDriver) -> bool:
        element = header(d)
        return element is not None and element.get_attribute("aria-expanded") == "true"

    for _attempt in range(4):
        try:
            wait(driver, expanded, timeout=3, message=f"section {key} not open")
            break
        except TimeoutException:
            wait(driver, focus_header, message=f"the header of section {key} could not take the focus")
            type_keys(driver, Keys.ENTER)
    else:
        wait(driver, expanded, message=f"section {key} not open")
    wait(driver, lambda d: _still(d, key), message=f"section {key} is still sliding open")


def _still(driver: WebDriver, key: str) -> bool:
    """No animation runs inside the section (its content has slid open)."""
    return bool(driver.execute_script(
        "const s = document.querySelector(`[data-testid='section-${arguments[0]}']`);"
        "return !!s && !document.getAnimations().some(a => a.playState === 'running' && a.effect && a.effect.target"
        " && a.effect.getComputedTiming().iterations !== Infinity"
        " && (s.contains(a.effect.target) || a.effect.target.contains(s)));", key))


def new_form(driver: WebDriver, url: str) -> int:
    """Open the app and create a draft; wait until its page is there; the draft's number (from /skema/N)."""
    driver.get(url)
    click(driver, "create-form")
    wait_text(driver, "Skemainformation")
    return shown_form_no(driver)


def shown_form_no(driver: WebDriver) -> int:
    """The number of the form the page shows, from its address (/skema/N)."""
    match = re.search(r"/skema/(\d+)", driver.current_url)
    assert match, f"no form page: {driver.current_url}"
    return int(match.group(1))


def wait_focus_left(driver: WebDriver, mark: str) -> None:
    """Wait until the focus has left the input of `mark` for another element of the page (not <body>)."""
    def moved(d: WebDriver) -> bool:
        return bool(d.execute_script(
            "const f = document.activeElement; const el = document.querySelector(`[data-testid='${arguments[0]}']`);"
            "const input = el && (el.matches('input') ? el : el.querySelector('input'));"
            "return f && f !== document.body && f !== input;", mark))
    try:
        wait(driver, moved)
    except TimeoutException:  # say where the focus is and what the field holds: the evidence for a fix
        raise AssertionError(f"the focus did not move on from {mark} (or fell to <body>): the focus is in "
                             f"{driver.switch_to.active_element.get_attribute('outerHTML')[:300]}, the field holds "
                             f"{input_of(driver, mark).get_attribute('value')!r}, the menu {option_texts(driver)}"
                             ) from None


def wait_dialog(driver: WebDriver, mark: str) -> None:
    """Wait until a dialog holding the element marked `mark` is shown and has taken the focus: it opens a round
    trip after the key that asked for it, and a Tab pressed before then walks the page behind it."""
    def open_with_focus(d: WebDriver) -> bool:
        element = marked(d, mark)
        return element is not None and element.is_displayed() and bool(
            d.execute_script("return !!document.activeElement.closest('.q-dialog')"))
    wait(driver, open_with_focus, message=f"no dialog with {mark} took the focus")


def tab_to(driver: WebDriver, mark: str, most: int = 12) -> None:
    """Press Tab until the focus is in the field marked `mark` (past clear icons and mode toggles on the way)."""
    script = ("const el = document.querySelector(`[data-testid='${arguments[0]}']`); const f = document.activeElement;"
              "return !!(el && f && (el === f || el.contains(f)));")
    for _ in range(most):
        if driver.execute_script(script, mark):
            return
        before = driver.switch_to.active_element
        type_keys(driver, Keys.TAB)
        wait(driver, lambda d, b=before: d.switch_to.active_element != b, message="Tab did not move the focus")
    raise AssertionError(f"{most} Tabs did not reach {mark}")


def audit_rows(data_dir: Path, form_no: int = 1) -> list[dict]:
    """The audit rows of a form as the app stored them (read-only)."""
    from seilocal.settings import DB_FILE
    from tests.support import dbfile

    with dbfile.connect(data_dir / DB_FILE, readonly=True) as conn:
        cursor = conn.execute("SELECT * FROM audit WHERE form_no = ? ORDER BY id", [form_no])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def table_rows(driver: WebDriver, mark: str) -> list[str]:
    """The texts of a marked table's body rows; a table redrawn while read counts as empty (read again)."""
    try:
        table = marked(driver, mark)
        return [row.text for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")] if table else []
    except StaleElementReferenceException:
        return []


def row_of(mark: str, index: int = 0):  # noqa: ANN201 - a finder for click_on
    """A finder (for `click_on`) of the body row `index` of the table marked `mark`."""
    def find(driver: WebDriver) -> WebElement | None:
        table = marked(driver, mark)
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr") if table else []
        return rows[index] if len(rows) > index else None
    find.__name__ = f"row {index} of {mark}"
    return find


# How long a row's details may take to follow its click before the click counts as lost.
ROW_CLICK_TAKES = 5.0


def select_row(driver: WebDriver, table: str, index: int = 0, timeout: float = TIMEOUT) -> None:
    """Click body row `index` of the row table marked `table` (`<table>-table`) until its details show that row.

    A click on a row the page redraws between the press and the release (the section still opening, the rows
    rebuilt after a save) selects nothing and raises nothing: the next step then waited in vain for a field of
    the details (seen in `make test-stress`). Choosing the row that is chosen already changes nothing, so the
    row is clicked again when its details have not followed within ROW_CLICK_TAKES."""
    deadline = time.monotonic() + timeout
    while True:
        click_on(driver, row_of(f"{table}-table", index), max(0.1, deadline - time.monotonic()))
        try:
            wait_row_details(driver, table, index, min(ROW_CLICK_TAKES, max(0.1, deadline - time.monotonic())))
            return
        except TimeoutException:  # what `wait` raises (an AssertionError here let the first lost click fail)
            if time.monotonic() >= deadline:
                raise


# The keyboard tests' twenty-contact form (twenty_contacts_form).
FIRST = date(2026, 11, 3)
BROKEN = 14  # contact 15 of 20 ends before it starts (rule 05.11): the one error of the form


# The focused element is shown whole, below the top bar and the form's sticky header, inside the window.
FOCUS_IN_VIEW = """
const el = document.activeElement;
if (!el || el === document.body) return false;
let top = 0;
for (const bar of document.querySelectorAll('.q-header, [data-testid="form-header"]')) {
  const r = bar.getBoundingClientRect();
  if (r.height > 0 && r.top < top + 4) top = Math.max(top, r.bottom);
}
const r = el.getBoundingClientRect();
return r.height > 0 && r.top >= top && r.bottom <= window.innerHeight;
"""


def twenty_contacts_form() -> Form:
    """A clean draft (tests/support/submit_helpers) with 20 contacts on 20 days; contact 15 ends before it starts."""
    from seilocal.model import Contact, Diagnosis, Procedure
    from tests.support.submit_helpers import clean_form

    form = clean_form()
    model = form.contacts[0]
    form.contacts = []
    for index in range(20):
        day = (FIRST + timedelta(days=index)).isoformat()
        end = f"{day}T09:45:00" if index == BROKEN else f"{day}T10:45:00"
        form.contacts.append(Contact(
            start=f"{day}T10:00:00", end=end, responsible_unit=model.responsible_unit, type=model.type,
            priority=model.priority, diagnoses=[Diagnosis(kind="action", code="DJ069")],
            procedures=[] if index == BROKEN else [  # no procedure that could end up outside the contact
                Procedure(code="KHAC20", start=f"{day}T10:05:00", producer=model.responsible_unit, side="TUL1")]))
    return form


def shift_tab_to(driver: WebDriver, mark: str, most: int = 200) -> None:
    """Press Shift+Tab until the focus is in the element marked `mark` (the way back through the form)."""
    script = ("const el = document.querySelector(`[data-testid='${arguments[0]}']`); const f = document.activeElement;"
              "return !!(el && f && (el === f || el.contains(f)));")
    for _ in range(most):
        if driver.execute_script(script, mark):
            return
        before = driver.switch_to.active_element
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        wait(driver, lambda d, b=before: d.switch_to.active_element != b, message="Shift+Tab did not move the focus")
    raise AssertionError(f"{most} Shift+Tabs did not reach {mark}")


def focus_in_view(driver: WebDriver) -> bool:
    """Whether the focused element is shown whole, below the top bar and the sticky header, inside the window."""
    return bool(driver.execute_script(FOCUS_IN_VIEW))
