"""Recording a contact in a real browser, keyboard first: times, type, an action diagnosis with a side, a
procedure, then "Kopiér kontakt" for the next visit.

Buttons are pressed with Enter and times typed; code options are clicked: picking them with arrow keys + Enter
loses the value in these fields (an IndexError in ui.select, reported to the lead), so that path is not used here.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.support.browser import (
    click,
    click_on,
    input_of,
    press,
    stored_document,
    type_into,
    wait,
    wait_stored,
    wait_text,
    wait_value,
)
from tests.support.keyboard import open_section, table_rows

pytestmark = pytest.mark.browser


def _pick(driver, mark: str, typed: str, code: str) -> None:
    """Type into a code field, wait for the server's hits, click `code` in the menu."""
    type_into(driver, mark, typed)

    def hit(d):
        items = [i for i in d.find_elements(By.CSS_SELECTOR, ".q-menu .q-item") if i.text.startswith(code)]
        return items[0] if items else None

    hit.__name__ = f"the option {code}"
    click_on(driver, hit)
    wait(driver, lambda d: (input_of(d, mark).get_attribute("value") or "").startswith(code),
         message=f"{mark} does not show {code}")


def test_record_a_contact_with_diagnosis_side_procedure_and_copy_it(browser, app_process):
    browser.get(app_process.url)
    click(browser, "create-form")
    wait_text(browser, "Skemainformation")
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    wait_text(browser, "03-11-2026 09:30:00")

    open_section(browser, "contacts")
    press(browser, "contacts-new")
    wait_stored(app_process.data_dir, lambda d: len(d["contacts"]) == 1)
    type_into(browser, "contact-start", "03-11-2026 10:00", Keys.TAB, replace=True)
    type_into(browser, "contact-end", "03-11-2026 10:45", Keys.TAB)
    wait_value(browser, "contact-end", "03-11-2026 10:45:00")
    _pick(browser, "contact-type", "ALCA00", "ALCA00")
    _pick(browser, "contact-priority", "ATA3", "ATA3")

    press(browser, "diagnosis-add-action")
    _pick(browser, "diagnosis-action-code", "DC509", "DC509")
    _pick(browser, "diagnosis-action-side", "TUL2", "TUL2")

    press(browser, "contact-procedures-new")
    wait_value(browser, "contact-procedure-start", "03-11-2026 10:00:00")  # pre-filled from the contact
    _pick(browser, "contact-procedure-code", "KHAC20", "KHAC20")
    wait(browser, lambda d: any("✓" in r for r in table_rows(d, "contacts-table")), message="no ✓ in the row")

    contact = stored_document(app_process.data_dir)["contacts"][0]
    assert (contact["start"], contact["end"], contact["type"], contact["priority"]) == (
        "2026-11-03T10:00:00", "2026-11-03T10:45:00", "ALCA00", "ATA3")
    assert contact["diagnoses"][0] | {"id": None} == {
        "id": None, "kind": "action", "code": "DC509", "side": "TUL2", "supplementary": [], "metastases": [],
        "local_recurrences": [], "no_metastases": False, "no_local_recurrences": False}
    assert contact["procedures"][0]["code"] == "KHAC20"

    press(browser, "contacts-copy")
    wait(browser, lambda d: len(table_rows(d, "contacts-table")) == 2, message="no second contact row")
    wait_value(browser, "contact-start", "03-11-2026 10:45:00")  # the copy is selected, starting at the end
    first, copy = stored_document(app_process.data_dir)["contacts"]
    assert (copy["start"], copy["end"]) == ("2026-11-03T10:45:00", "2026-11-03T11:30:00")
    assert copy["id"] != first["id"] and copy["diagnoses"][0]["id"] != first["diagnoses"][0]["id"]
    assert copy["diagnoses"][0]["code"] == "DC509" and copy["procedures"][0]["start"] == "2026-11-03T10:45:00"

    browser.refresh()
    open_section(browser, "contacts")
    # Rows arrive before their cells are drawn: wait for the text, not just the count.
    wait(browser, lambda d: [r[:19] for r in table_rows(d, "contacts-table")] == [
        "03-11-2026 10:00:00", "03-11-2026 10:45:00"], message="the two contacts are not listed after a reload")
