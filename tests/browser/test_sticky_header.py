"""Issue 13, item 10: the sticky form header is compact and never hides the field with the focus."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from tests.support.browser import click_input, keys_in, type_into, wait, wait_stored, wait_text
from tests.support.keyboard import new_form

pytestmark = pytest.mark.browser

# How tall the header may be: two lines of summary and hint plus one row of buttons, padding and border.
MAX_HEADER_PX = {(1280, 800): 110, (1024, 768): 130}
# The tests share one app, and a CPR seen before fills in its name (F4.3): each test types a patient of its own.
CPR = {(1280, 800): "010180-1235", (1024, 768): "010180-1237", "tab": "010180-1239"}

# Where the focused element is relative to the sticky header, and whether it lies in the page's flow (not in the
# header, the top bar, a dialog or a drop-down menu, which do not scroll with the page).
_PLACE = """
const header = document.querySelector('[data-testid="form-header"]').getBoundingClientRect();
const el = document.activeElement;
const rect = el.getBoundingClientRect();
const inFlow = !el.closest('[data-testid="form-header"], .q-header, .q-dialog, .q-menu') && el !== document.body;
const mark = el.closest('[data-testid]');
return {top: rect.top, bottom: rect.bottom, headerBottom: header.bottom, height: window.innerHeight,
        inFlow: inFlow, mark: mark ? mark.dataset.testid : '', tag: el.tagName,
        section: (el.closest('[data-testid^="section-"]') || {dataset: {}}).dataset.testid || ''};
"""


# Scroll the page so the focused element sits just below the sticky header (as after scrolling down by hand).
_TO_HEADER_EDGE = """
const header = document.querySelector('[data-testid="form-header"]').getBoundingClientRect();
window.scrollBy(0, document.activeElement.getBoundingClientRect().top - header.bottom - 2);
"""


def _viewport(driver: WebDriver, width: int, height: int) -> None:
    """Make the page's viewport exactly `width` x `height` CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def _header_height(driver: WebDriver) -> float:
    return driver.execute_script(
        "return document.querySelector('[data-testid=\"form-header\"]').getBoundingClientRect().height;")


def _clear_of_header(driver: WebDriver) -> dict:
    """Wait until the focused element shows fully between the header's bottom and the window's bottom; where it is."""
    def visible(d: WebDriver) -> dict | bool:
        place = d.execute_script(_PLACE)
        if not place["inFlow"]:
            return place
        return place if place["top"] >= place["headerBottom"] and place["bottom"] <= place["height"] else False

    try:
        return wait(driver, visible, timeout=5)
    except TimeoutException:
        raise AssertionError(f"the focused element is hidden: {driver.execute_script(_PLACE)}") from None


def _tab(driver: WebDriver, backwards: bool = False) -> None:
    before = driver.switch_to.active_element
    if backwards:
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    else:
        ActionChains(driver).send_keys(Keys.TAB).perform()
    wait(driver, lambda d: d.switch_to.active_element != before, message="the key did not move the focus")


@pytest.mark.parametrize("size", sorted(MAX_HEADER_PX))
def test_the_header_is_compact(browser, module_app, size):
    _viewport(browser, *size)
    form = new_form(browser, module_app.url)
    type_into(browser, "patient-cpr", CPR[size], Keys.TAB)
    keys_in(browser, "patient-name", "Kirstine Margrethe Østergaard-Rasmussen", Keys.TAB)
    wait_text(browser, "Kirstine Margrethe Østergaard-Rasmussen")  # in the header: a long name
    type_into(browser, "course-start", "03-11-2026 09:30", Keys.TAB)
    wait_text(browser, "03-11-2026 09:30:00")
    height = _header_height(browser)
    header_text = browser.execute_script("return document.querySelector('[data-testid=\"form-header\"]').innerText")
    assert height <= MAX_HEADER_PX[size], f"header {height} px at {size}, showing: {header_text!r}"
    document = wait_stored(module_app.data_dir, lambda d: d["course"]["start"] == "2026-11-03T09:30:00", form_no=form)
    assert document["patient"]["name"] == "Kirstine Margrethe Østergaard-Rasmussen"


def test_tab_through_the_first_contact_never_hides_the_focus_under_the_header(browser, module_app):
    _viewport(browser, 1024, 768)
    form = new_form(browser, module_app.url)
    click_input(browser, "patient-cpr")
    typed = {"patient-cpr": CPR["tab"], "patient-name": "Jens Hansen", "course-start": "03-11-2026 09:30",
             "referral-reference-id": "REF-1"}
    visited: list[dict] = []
    for _ in range(80):  # forward: every stop of patient, course, referral and payment, into the markers
        place = _clear_of_header(browser)
        visited.append(place)
        if place["section"] == "section-markers":
            break
        if place["mark"] in typed and place["tag"] == "INPUT":
            ActionChains(browser).send_keys(typed.pop(place["mark"])).perform()
        _tab(browser)
    else:
        raise AssertionError(f"80 Tabs did not reach the markers section: {[p['mark'] for p in visited]}")
    marks = [place["mark"] for place in visited]
    for mark in ("patient-cpr", "patient-name", "course-start", "course-unit", "course-label", "course-start-marker",
                 "course-end", "referral-unit", "referral-time", "referral-method", "referral-free-choice",
                 "referral-reason", "referral-reference-id", "referral-reference-type", "payment-payer",
                 "payment-agreement", "payment-level"):
        assert mark in marks, f"Tab never reached {mark}: {marks}"
    order = [marks.index(mark) for mark in ("patient-cpr", "course-start", "referral-unit", "payment-payer")]
    assert order == sorted(order), f"not the guide's order: {marks}"
    assert not typed, f"never typed into {list(typed)}"
    # The markers section opened when Tab reached it.
    wait(browser, lambda d: d.execute_script(
        "return document.querySelector('[data-testid=\"section-markers\"] .q-item')"
        ".getAttribute('aria-expanded') === 'true';"), message="the markers section did not open")

    for _ in range(80):  # and back up with Shift+Tab, each time from a field scrolled up to the header's edge:
        # the field before it then lies under the header, where the browser sees it "in view" and does not scroll.
        browser.execute_script(_TO_HEADER_EDGE)
        _tab(browser, backwards=True)
        place = _clear_of_header(browser)
        assert place["section"] in ("section-patient", "section-course", "section-referral", "section-payment"), \
            f"Shift+Tab left the first contact: {place}"
        if place["mark"] == "patient-cpr" and place["tag"] == "INPUT":
            break
    else:
        raise AssertionError("Shift+Tab did not come back to the CPR field")

    document = wait_stored(module_app.data_dir, lambda d: d["referral"]["reference_id"] == "REF-1", form_no=form)
    assert document["patient"]["cpr"] == CPR["tab"]
    assert document["patient"]["name"] == "Jens Hansen"
    assert document["course"]["start"] == "2026-11-03T09:30:00"


# What the page loaded and how its Tailwind classes came out (issue 23.1: Tailwind compiled ahead of time).
_STYLES = """
const header = document.querySelector('[data-testid="form-header"]');
return {position: getComputedStyle(header).position, zIndex: getComputedStyle(header).zIndex,
        widthRatio: header.getBoundingClientRect().width / (header.parentElement.clientWidth
          - parseFloat(getComputedStyle(header.parentElement).paddingLeft)
          - parseFloat(getComputedStyle(header.parentElement).paddingRight)),
        tailwindScript: [...document.scripts].some(s => (s.src || '').includes('tailwindcss')),
        tailwindRuntimeStyle: !!document.querySelector('style[type="text/tailwindcss"]')};
"""


def test_tailwind_classes_are_styled_without_tailwinds_browser_build(browser, module_app):
    new_form(browser, module_app.url)
    click_input(browser, "patient-cpr")
    styles = browser.execute_script(_STYLES)
    # `sticky z-10 w-full` on the header: styled by assets/css/tailwind.css, not by a script in the page.
    assert styles == {"position": "sticky", "zIndex": "10", "widthRatio": 1, "tailwindScript": False,
                      "tailwindRuntimeStyle": False}, styles
