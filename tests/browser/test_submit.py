"""In a real browser: submit a clean form, edit it (status "Ændret efter indberetning"), print it (a PDF arrives)."""

from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.browser import (
    by_mark,
    click,
    marked,
    new_browser,
    poll,
    type_into,
    wait,
    wait_focus_in,
    wait_mark_text,
)
from tests.support.dbfile import bundle_names

pytestmark = pytest.mark.browser


@pytest.fixture
def downloads(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def download_browser(downloads):
    """Headless Chromium that saves downloads (the printed PDF among them: the shell shows none) into `downloads`."""
    driver = new_browser(downloads)
    yield driver
    driver.quit()


def _enabled(driver, mark: str) -> bool | None:
    """Whether the marked button is enabled now (None while it is not there: the header is redrawn after saves)."""
    element = marked(driver, mark)
    return None if element is None else element.is_enabled()


def test_submit_edit_and_print(download_browser, app_with_clean_form, downloads):
    browser, app = download_browser, app_with_clean_form
    browser.get(app.url)
    by_mark(browser, "create-form")
    browser.get(f"{app.base}/skema/1")
    wait_mark_text(browser, "header-status", "Kladde")

    click(browser, "action-submit")
    by_mark(browser, "submit-warnings")  # the deadline reminder is a warning: confirm it
    click(browser, "submit-confirm")
    wait_mark_text(browser, "header-status", "Indberettet")
    poll(lambda: bundle_names(app.data_dir) == ["seilocal-skema-1-v1.zip"], message="no bundle stored")
    assert not (app.data_dir / "bundles").exists()
    wait(browser, lambda d: _enabled(d, "action-submit") is False, message="Indberet still enabled")
    # The page reloads after a submission and hands the focus to "Historik": type only into the reloaded page.
    wait_focus_in(browser, "action-history")

    type_into(browser, "patient-name", "Anden Person", Keys.TAB, replace=True)
    wait_mark_text(browser, "header-status", "Ændret efter indberetning")
    wait(browser, lambda d: _enabled(d, "action-submit") is True, message="Indberet not enabled again")

    click(browser, "action-print")
    # A finished download has its final name (Chromium writes `*.crdownload` until then).
    pdfs = poll(lambda: [p for p in downloads.iterdir() if p.suffix == ".pdf"], message="no PDF downloaded")
    assert [p.name for p in pdfs] == ["skema-1.pdf"]
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    raw = subprocess.run(["pdftotext", "-raw", str(pdfs[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "ÆNDRET" in "".join(raw.split())  # the watermark of the current status
