"""Issue 12, defect 4: a click on a finding brings its field into view below the sticky header, then focuses it."""

from __future__ import annotations

import pytest

from tests.support.browser import click, input_of, marked, wait
from tests.support.keyboard import new_form, open_section

pytestmark = pytest.mark.browser

IN_VIEW = """
const el = arguments[0], header = document.querySelector('[data-testid="form-header"]');
const r = el.getBoundingClientRect(), top = header ? header.getBoundingClientRect().bottom : 0;
return r.height > 0 && r.top >= top && r.bottom <= window.innerHeight;
"""


def test_clicking_a_finding_scrolls_its_field_into_view_and_focuses_it(browser, app_process):
    browser.set_window_size(1400, 800)
    new_form(browser, app_process.url)
    for key in ("referral", "markers", "contacts", "procedures", "result_reports"):
        open_section(browser, key)  # a long page: the payment fields far below the validation box
    click(browser, "validation-run")
    wait(browser, lambda d: (e := marked(d, "finding-SEI-B03")) is not None and e.is_displayed(),
         message="finding SEI-B03 not shown")
    browser.execute_script("window.scrollTo(0, 0)")
    click(browser, "finding-SEI-B03")

    def focused_and_seen(d) -> bool:
        field = d.execute_script(
            "const el = document.querySelector('[data-testid=\"payment-level\"]');"
            "return el && (el.matches('input') ? el : el.querySelector('input'));")
        return bool(field) and d.switch_to.active_element == field and d.execute_script(IN_VIEW, field)

    wait(browser, focused_and_seen, message="the field is not focused in view below the sticky header")
    assert input_of(browser, "payment-level")
