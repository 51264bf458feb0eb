"""Kept for tests written before tests/support/ existed: the keyboard paths live in tests.support.keyboard."""

from tests.support.keyboard import *  # noqa: F403
from tests.support.keyboard import (  # noqa: F401 - re-exported names
    FOCUSED,
    ITEMS,
    arrow_to,
    audit_rows,
    choose_here,
    new_form,
    open_section,
    option_codes,
    pick,
    select_all,
    shown,
    tab_to,
    wait_focus_left,
)


def click_fresh(driver, mark: str) -> None:  # noqa: ANN001
    """Click a marked element that may be redrawn meanwhile (now what tests.support.browser.click does)."""
    from tests.support.browser import click

    click(driver, mark)
