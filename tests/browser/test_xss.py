"""Stored XSS (issue 11, finding 1): codes from an imported form are shown as text everywhere, never run as HTML.

The form is imported the way an attacker would deliver it (a JSON file), then every point of the course
timeline is hovered with the real mouse, so ECharts renders each tooltip.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from selenium.webdriver.common.action_chains import ActionChains

from seilocal.model import Form
from seilocal.model.form import Contact, Marker, Procedure
from tests.support.app import start_app, stop_app
from tests.support.browser import by_mark, wait, wait_text
from tests.support.keyboard import open_section

pytestmark = pytest.mark.browser

# Each payload marks the page if it ever runs: window.__xss and the document title.
MARKER_CODE = "<img src=x onerror=\"window.__xss='marker';document.title='XSS'\">"
PROCEDURE_CODE = "<svg onload=\"window.__xss='procedure'\"></svg>"
CONTACT_PROCEDURE_CODE = "\"><script>window.__xss='contact'</script><img src=y onerror=window.__xss=4>"
PAYLOADS = (MARKER_CODE, PROCEDURE_CODE, CONTACT_PROCEDURE_CODE)

_POINTS_JS = """
const chart = getElement(arguments[0]).chart;
const out = [];
chart.getOption().series.forEach((series, s) => {
  if (series.type !== 'scatter') return;
  series.data.forEach((item) => {
    const [x, y] = chart.convertToPixel({seriesIndex: s}, item.value);
    out.push([x, y]);
  });
});
return out;
"""


def _hostile_form() -> Form:
    form = Form()
    form.patient.cpr, form.patient.name = "0101801235", "Testa <b>Testesen</b>"
    form.course.start, form.course.end = "2026-11-01T08:00:00", "2026-11-20T16:00:00"
    form.markers.append(Marker(code=MARKER_CODE, time="2026-11-02T10:00:00"))
    form.procedures.append(Procedure(code=PROCEDURE_CODE, start="2026-11-10T10:00:00"))
    form.contacts.append(Contact(start="2026-11-05T09:00:00", end="2026-11-05T12:00:00",
                                 procedures=[Procedure(code=CONTACT_PROCEDURE_CODE, start="2026-11-05T10:00:00")]))
    return form


@pytest.fixture
def hostile_app(tmp_path, data_dir):
    """The app over a data dir holding the hostile form as form 1, imported with the command line."""
    data = data_dir
    source = tmp_path / "hostile.json"
    source.write_text(_hostile_form().to_json(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "seilocal", "import", str(source), "--data-dir", str(data)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "1", done.stderr
    app = start_app(data)
    yield app
    stop_app(app)


def _not_run(browser) -> None:
    assert browser.execute_script("return window.__xss === undefined"), browser.execute_script("return window.__xss")
    assert browser.title != "XSS"


def test_hovering_every_timeline_point_runs_no_script_and_shows_the_codes_as_text(browser, hostile_app):
    browser.get(hostile_app.url)
    browser.get(f"{hostile_app.base}/skema/1")
    wait_text(browser, "Testa <b>Testesen</b>")  # the name, literally, in the sticky header
    open_section(browser, "contacts")
    chart = by_mark(browser, "timeline")
    wait(browser, lambda d: chart.is_displayed() and d.execute_script(
        "const e = getElement(arguments[0]); return !!(e && e.chart && e.chart.getOption().series.length)",
        chart), message="the timeline chart is not drawn")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    points = browser.execute_script(_POINTS_JS, chart)
    assert len(points) == 4, points  # the contact start, two procedures and the marker
    width, height = chart.size["width"], chart.size["height"]
    shown: list[str] = []
    for x, y in points:
        before = set(shown)
        ActionChains(browser).move_to_element_with_offset(chart, int(x - width / 2), int(y - height / 2)).perform()
        wait(browser, lambda _d, seen=before: _tooltip(chart) not in seen | {""}, message="no new tooltip")
        shown.append(_tooltip(chart))
        _not_run(browser)
        ActionChains(browser).move_to_element_with_offset(chart, int(-width / 2) + 2, int(-height / 2) + 2).perform()
    text = "\n".join(shown)
    for payload in PAYLOADS:
        assert payload in text, f"{payload!r} not shown literally in the tooltips:\n{text}"
    # No element came from a payload: the tooltip holds text only.
    assert not chart.find_elements("css selector", "img, svg script, script")
    _not_run(browser)


def _tooltip(chart) -> str:
    """The text of the chart's visible tooltip (ECharts keeps it as a div inside the chart), or ''."""
    for div in chart.find_elements("css selector", "div"):
        style = div.get_attribute("style") or ""
        if "z-index: 9999999" in style and div.text.strip():
            return div.text
    return ""
