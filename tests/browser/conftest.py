"""The real-browser tier: Debian's headless Chromium driven by selenium against the real app process."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import start_app, stop_app


def _chrome_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000"):
        options.add_argument(flag)
    return options


@pytest.fixture
def browser(tmp_path):
    """A headless Chromium; the tier fails (not skips) in CI when Chromium is missing."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = shutil.which("chromedriver")
    if not driver_path or not shutil.which("chromium"):
        pytest.fail("Debian's chromium and chromium-driver are needed for the browser tests (make test installs them)")
    options = _chrome_options()
    options.add_argument(f"--user-data-dir={tmp_path / 'chrome-profile'}")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture
def app_process(tmp_path):
    """The real app, started as a user starts it (without opening a browser itself)."""
    app = start_app(tmp_path / "data")
    yield app
    stop_app(app)
