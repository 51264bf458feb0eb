"""Issue 21, "Done when": the keyboard only, from the forms list to the next form. Open an existing form from the
list, type over three picked values (Tab and Enter), jump to a finding of contact 15 of 20 and fix it, submit,
and open the next form from the deadline view; every assertion on the stored document (or on the focus)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import by_mark, type_keys, wait, wait_focus_in, wait_stored
from tests.support.keyboard import (
    BROKEN,
    FIRST,
    focus_in_view,
    select_all,
    shift_tab_to,
    tab_to,
    wait_dialog,
    wait_focus_left,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_keyboard_path_from_the_list_to_the_next_form(browser, app_with_forms, size):
    app = app_with_forms
    browser.set_window_size(*size)
    browser.get(app.url)
    wait_focus_in(browser, "forms-search")  # the list opens with the focus in its search box

    # 1. Open form 1 from the list: its number is a link, reached by Tab, opened by Enter.
    tab_to(browser, "open-form-1", most=80)
    type_keys(browser, Keys.ENTER)
    wait(browser, lambda d: by_mark(d, "header-name").text == "Test Testesen", message="form 1 did not open")

    # 2. Type over three picked values: Henvisningsmåde with Tab, Frit valg and Betaler with an Enter at once.
    tab_to(browser, "referral-method", most=80)
    select_all(browser)
    type_keys(browser, "ALDA30", Keys.TAB)
    wait_focus_left(browser, "referral-method")
    tab_to(browser, "referral-free-choice")
    select_all(browser)
    type_keys(browser, "ALDB01", Keys.ENTER)
    tab_to(browser, "payment-payer", most=20)
    select_all(browser)
    type_keys(browser, "ALFB02", Keys.ENTER)
    stored = wait_stored(app.data_dir, lambda d: d["payment"]["payer"] == "ALFB02")
    assert (stored["referral"]["method"], stored["referral"]["free_choice"]) == ("ALDA30", "ALDB01")

    # 3. Jump to the finding of contact 15 of 20: its end time is focused, in view below the sticky header.
    shift_tab_to(browser, "validation-run")
    type_keys(browser, Keys.ENTER)
    wait_focus_in(browser, "validation-list")  # "Validér" hands the focus to the first finding
    tab_to(browser, "finding-05.11", most=30)
    type_keys(browser, Keys.ENTER)
    wait_focus_in(browser, "contact-end")
    wait(browser, focus_in_view, message="contact 15's end time is focused but not in view below the header")
    broken_day = (FIRST + timedelta(days=BROKEN)).strftime("%d-%m-%Y")
    start = browser.execute_script(
        "const el = document.querySelector('[data-testid=\"contact-start\"]');"
        "return (el.matches('input') ? el : el.querySelector('input')).value;")
    assert start.startswith(broken_day), f"the focused end time is not contact 15's (its start is {start})"
    select_all(browser)
    type_keys(browser, f"{broken_day} 10:50", Keys.TAB)
    day = (FIRST + timedelta(days=BROKEN)).isoformat()
    wait_stored(app.data_dir, lambda d: d["contacts"][BROKEN]["end"] == f"{day}T10:50:00")

    # 4. Submit: Shift+Tab up to "Indberet", Enter, confirm the warnings with Tab and Enter.
    shift_tab_to(browser, "action-submit")
    type_keys(browser, Keys.ENTER)
    wait_dialog(browser, "submit-confirm")  # Tab only once the dialog is there with the focus
    tab_to(browser, "submit-confirm", most=10)
    type_keys(browser, Keys.ENTER)
    submitted = wait_stored(app.data_dir, lambda d: d["status"] == "submitted")
    assert submitted["payment"]["payer"] == "ALFB02" and len(submitted["contacts"]) == 20

    # 5. Back to the list by the top bar's link, and open the next form from the deadline view.
    wait(browser, lambda d: by_mark(d, "header-status").text == "Indberettet", message="the page did not reload")
    wait_focus_in(browser, "action-history")  # the focus rule: to what the submission made, its history
    assert focus_in_view(browser)
    shift_tab_to(browser, "nav-forms", most=40)
    type_keys(browser, Keys.ENTER)
    wait_focus_in(browser, "forms-search")
    tab_to(browser, "deadline-2", most=40)
    type_keys(browser, Keys.ENTER)
    wait(browser, lambda d: by_mark(d, "header-name").text == "Anden Patient", message="form 2 did not open")
    tab_to(browser, "patient-name", most=40)
    select_all(browser)
    type_keys(browser, "Anden Patientsen", Keys.TAB)
    wait_stored(app.data_dir, lambda d: d["patient"]["name"] == "Anden Patientsen", form_no=2)
    assert wait_stored(app.data_dir, lambda d: True)["status"] == "submitted"  # form 1 untouched since
