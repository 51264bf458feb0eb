"""Kept for tests written before tests/support/ existed: the browser tier's helpers live in tests.support."""

from tests.support.browser import *  # noqa: F403
from tests.support.browser import (  # noqa: F401 - re-exported names
    TIMEOUT,
    by_mark,
    click,
    click_on,
    field_of,
    focus,
    input_of,
    press,
    scroll_to,
    stored_document,
    type_into,
    type_keys,
    wait,
    wait_focus_in,
    wait_stored,
    wait_text,
    wait_value,
)
