"""Benchmark: open a form in real headless Chromium until it can be typed in (budget: 20 contacts <= 1 s).

Starts the real app on a temp data dir holding a 20-contact and a 200-contact form (built like
bench/form_edit.py), then times, in Chromium, from navigating to /skema/N until the CPR field is there and
enabled. Each form is opened several times; the first open (cold) is reported apart.
Ends with `BENCH open_in_browser contacts20_p50_ms=.. contacts20_max_ms=.. contacts200_p50_ms=.. cold_ms=..`.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from bench.form_edit import build  # noqa: E402
from seilocal.store import open_store  # noqa: E402
from tests.support.app import start_app, stop_app  # noqa: E402
from tests.support.browser import chrome_options as _chrome_options  # noqa: E402

ROUNDS = 7


def time_open(driver: webdriver.Chrome, url: str) -> float:
    """Milliseconds from navigation until the CPR input can take keys."""
    started = time.perf_counter()
    driver.get(url)
    WebDriverWait(driver, 30, poll_frequency=0.01).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="patient-cpr"]')))
    return (time.perf_counter() - started) * 1000


def main() -> int:
    """Run the benchmark."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = open_store(data)
        numbers = {n: store.forms.create(build(n)).form.form_no for n in (20, 200)}
        store.close()
        app = start_app(data)
        options = _chrome_options()
        options.add_argument(f"--user-data-dir={Path(tmp) / 'profile'}")
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(app.url)  # the token becomes a cookie
            WebDriverWait(driver, 30).until(
                ec.presence_of_element_located((By.CSS_SELECTOR, '[data-testid="forms-table"]')))
            cold = time_open(driver, f"{app.base}/skema/{numbers[20]}")
            results = {n: [time_open(driver, f"{app.base}/skema/{no}") for _ in range(ROUNDS)]
                       for n, no in numbers.items()}
        finally:
            driver.quit()
            stop_app(app)
    print(f"{'contacts':>8} {'p50_ms':>8} {'max_ms':>8}")
    for n, values in results.items():
        print(f"{n:8} {statistics.median(values):8.0f} {max(values):8.0f}")
    print(f"BENCH open_in_browser contacts20_p50_ms={statistics.median(results[20]):.0f} "
          f"contacts20_max_ms={max(results[20]):.0f} contacts200_p50_ms={statistics.median(results[200]):.0f} "
          f"cold_ms={cold:.0f} budget_ms=1000")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
