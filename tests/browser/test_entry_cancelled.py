"""Issue 12, defect 7: a cancelled form's page is read-only (inputs disabled) with a banner that says why."""

from __future__ import annotations

from datetime import timedelta

import pytest
from selenium.webdriver.common.by import By

from tests.conftest import FIXED_NOW, start_app, stop_app
from tests.support.browser import by_mark, marked, stored_document, wait, wait_text
from tests.unit.submit_helpers import clean_form, set_practice

pytestmark = pytest.mark.browser


@pytest.fixture
def app_with_cancelled_form(tmp_path):
    """The real app over a data dir holding one submitted and then cancelled form."""
    from seilocal.export.submission import submit_form
    from seilocal.store import open_store
    from seilocal.store.versions import VersionStore

    data = tmp_path / "data"
    store = open_store(data)
    set_practice(store)
    stored = store.forms.create(clean_form(day=FIXED_NOW.date() - timedelta(days=1)))
    submit_form(store, stored, lambda: FIXED_NOW, write_bundle=False)
    VersionStore(store.db, store.forms, lambda: FIXED_NOW).cancel(stored, "Forkert patient")
    store.close()
    app = start_app(data)
    yield app
    stop_app(app)


def _input(driver, mark: str):
    element = marked(driver, mark)
    if element is None:
        return None
    return element if element.tag_name == "input" else element.find_element(By.CSS_SELECTOR, "input")


def test_a_cancelled_form_is_read_only_with_a_banner(browser, app_with_cancelled_form):
    app = app_with_cancelled_form
    before = stored_document(app.data_dir)
    assert before["status"] == "cancelled"
    browser.get(app.base + "/skema/1?token=" + app.token)
    wait_text(browser, "Skemainformation")
    wait(browser, lambda d: "annulleret" in by_mark(d, "cancelled-banner").text.lower(),
         message="no banner on a cancelled form")
    for mark in ("patient-name", "patient-cpr", "course-start", "course-label"):
        wait(browser, lambda d, m=mark: (e := _input(d, m)) is not None and not e.is_enabled(),
             message=f"{mark} is editable")
    assert not browser.find_elements(By.CSS_SELECTOR, ".q-notification"), "no toasts for a form one only reads"
    assert stored_document(app.data_dir) == before
