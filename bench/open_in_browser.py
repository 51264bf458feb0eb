"""Benchmark: open a form in real headless Chromium until it can be typed in, against the floor (issue 23.1).

The floor is a bare NiceGUI page with one input, served by its own process (`--floor-server`, the same NiceGUI,
no app code): nothing we build can open faster. The real app runs on a temp data dir holding a 20-, a 200- and a
1,000-contact form (built like bench/form_edit.py). Each round opens the floor and then each form once, so the
machine's load (shared today) weighs on all of them alike, and times from navigating to the URL until the input
(the floor's, the form's CPR field) is there and enabled. The first open (cold: the JS is loaded) is apart.
Goals: a form <= 2x the floor at 20 contacts, <= 3x at 200, <= 5x at 1,000 (p50 against the floor's p50).
Ends with `BENCH open_in_browser floor_p50_ms=.. contacts20_p50_ms=.. ratio20=.. ... load=..`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = (20, 200, 1000)
GOALS = {20: 2.0, 200: 3.0, 1000: 5.0}  # times the floor
ROUNDS = 7
INPUT = '[data-testid="{mark}"]'


def floor_server(port: int) -> None:
    """The floor: one NiceGUI page with one input, nothing else (run in its own process)."""
    from nicegui import ui

    @ui.page("/")
    def page() -> None:
        ui.input("CPR-nummer").props("outlined dense data-testid=floor-input")

    ui.run(host="127.0.0.1", port=port, reload=False, show=False, show_welcome_message=False,
           uvicorn_logging_level="warning", language="da")


def _chrome(profile: Path):  # noqa: ANN202 - selenium is imported here only
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()  # the browser tests' flags
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--window-size=1400,1000", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def time_open(driver, url: str, mark: str) -> float:  # noqa: ANN001
    """Milliseconds from navigation until the marked input can take keys."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    started = time.perf_counter()
    driver.get(url)
    WebDriverWait(driver, 60, poll_frequency=0.01).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, INPUT.format(mark=mark))))
    return (time.perf_counter() - started) * 1000


def _start_floor(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    from seilocal.app import find_free_port

    port = find_free_port()
    env = {**os.environ, "NICEGUI_STORAGE_PATH": str(tmp / "floor-storage")}
    env.pop("PYTEST_CURRENT_TEST", None)
    process = subprocess.Popen([sys.executable, __file__, "--floor-server", str(port)], env=env, cwd=tmp,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the floor page did not start")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --floor-server PORT, serve the floor page)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--floor-server", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    if args.floor_server:
        floor_server(args.floor_server)
        return 0

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from bench.form_edit import build, rss_mb
    from seilocal.store import open_store
    from tests.support.app import start_app, stop_app

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        store = open_store(data)
        numbers = {n: store.forms.create(build(n)).form.form_no for n in SIZES}
        store.close()
        app = start_app(data)
        floor, floor_url = _start_floor(tmp)
        driver = _chrome(tmp / "profile")
        try:
            driver.get(app.url)  # the token becomes a cookie
            cold_floor = time_open(driver, floor_url, "floor-input")
            cold = time_open(driver, f"{app.base}/skema/{numbers[20]}", "patient-cpr")
            results: dict[str, list[float]] = {"floor": [], **{str(n): [] for n in SIZES}}
            for _ in range(args.rounds):
                results["floor"].append(time_open(driver, floor_url, "floor-input"))
                for n, no in numbers.items():
                    results[str(n)].append(time_open(driver, f"{app.base}/skema/{no}", "patient-cpr"))
            # Issue 23.4: the app's memory with the 1,000-contact form open in the browser, its contacts section
            # (table, timeline) opened and its validation done.
            time_open(driver, f"{app.base}/skema/{numbers[1000]}", "patient-cpr")
            driver.execute_script("document.querySelector('[data-testid=\"section-contacts\"] .q-item').click()")
            WebDriverWait(driver, 60, poll_frequency=0.05).until(
                ec.presence_of_element_located((By.CSS_SELECTOR, '[data-testid="contacts-table"]')))
            WebDriverWait(driver, 60, poll_frequency=0.05).until(
                lambda d: "Validerer" not in d.find_element(By.CSS_SELECTOR, '[data-testid="validation-summary"]').text)
            rss = rss_mb(app.process.pid)
        finally:
            driver.quit()
            floor.terminate()
            floor.wait()
            stop_app(app)
    load = max(load, os.getloadavg()[0])
    floor_p50 = statistics.median(results["floor"])
    print(f"{'page':>14} {'p50_ms':>8} {'max_ms':>8} {'ratio':>6} {'goal':>5}")
    print(f"{'bare NiceGUI':>14} {floor_p50:8.0f} {max(results['floor']):8.0f} {1:6.2f} {'':>5}")
    fields = [f"floor_p50_ms={floor_p50:.0f}"]
    for n in SIZES:
        p50 = statistics.median(results[str(n)])
        ratio = p50 / floor_p50
        print(f"{f'{n} contacts':>14} {p50:8.0f} {max(results[str(n)]):8.0f} {ratio:6.2f} {GOALS[n]:5.1f}")
        fields += [f"contacts{n}_p50_ms={p50:.0f}", f"ratio{n}={ratio:.2f}", f"goal{n}={GOALS[n]:g}"]
    print(f"cold: floor {cold_floor:.0f} ms, 20-contact form {cold:.0f} ms; load average up to {load:.1f}")
    print(f"app RSS with the 1,000-contact form open (contacts section open, validated): {rss:.0f} MB")
    print(f"BENCH open_in_browser {' '.join(fields)} contacts20_max_ms={max(results['20']):.0f} "
          f"cold_ms={cold:.0f} budget_ms=1000 rss_open1000_mb={rss:.0f} load={load:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
