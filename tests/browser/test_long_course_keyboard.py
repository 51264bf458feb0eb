"""Issue 23.1: a long course's sections are built when first opened; the keyboard reaches them all the same."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from seilocal.model import Contact, Form
from seilocal.pages.long_course import LAZY_ROWS
from seilocal.store import open_store
from tests.support.browser import marked, type_keys, wait_row_details, wait_stored, wait_text
from tests.support.keyboard import open_section, tab_to

pytestmark = pytest.mark.browser

UNIT = "486811000016002"


def _long_course(data_dir) -> int:  # noqa: ANN001 - a Path
    form = Form()
    form.course.start, form.course.responsible_unit = "2026-11-03T09:30:00", UNIT
    for i in range(LAZY_ROWS + 5):
        form.contacts.append(Contact(start=f"2026-11-{4 + i:02d}T10:00:00", end=f"2026-11-{4 + i:02d}T10:30:00",
                                     responsible_unit=UNIT, type="ALCA00", priority="ATA3"))
    store = open_store(data_dir)
    try:
        return store.forms.create(form).form.form_no
    finally:
        store.close()


def test_tab_into_a_section_built_when_its_heading_is_reached_and_enter_adds_a_row(browser, app_process):
    form_no = _long_course(app_process.data_dir)
    browser.get(app_process.url)
    browser.get(f"{app_process.base}/skema/{form_no}")
    wait_text(browser, "Skemainformation")
    assert marked(browser, "contacts-table") is None  # not built before the section is reached

    open_section(browser, "contacts")  # the heading takes the focus: the section opens and is built
    tab_to(browser, "contacts-new", most=4)
    type_keys(browser, Keys.ENTER)
    stored = wait_stored(app_process.data_dir, lambda d: len(d["contacts"]) == LAZY_ROWS + 6, form_no=form_no)
    assert stored["contacts"][-1]["responsible_unit"] == UNIT  # a new contact, prefilled as "Ny" does
    wait_row_details(browser, "contacts", LAZY_ROWS + 5)  # the new contact's details
