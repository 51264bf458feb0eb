"""Helpers of the tests that drive pages with NiceGUI's user fixture: the one element with a mark, a wait for a
condition, a code picked as a user picks it, a form with a course."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, cast

from nicegui import ui
from nicegui.testing import User

from seilocal.model import Contact, ResultReport

UNIT = "486811000016002"


def one(user: User, mark: str) -> Any:
    """The single element marked `mark` (fails naming how many there were)."""
    elements = user.find(marker=mark).elements
    assert len(elements) == 1, f"{mark}: {len(elements)} elements"
    return next(iter(elements))


def marked_input(user: User, mark: str) -> ui.input:
    """The one input marked `mark`."""
    (element,) = user.find(marker=mark).elements
    return cast(ui.input, element)


async def until(condition: Callable[[], object], timeout: float = 15.0) -> None:
    """Wait until `condition()` holds (a timer or a worker thread does the work); fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


def pick(user: User, mark: str, typed: str, code: str) -> None:
    """Type into a code field and pick `code` among the hits, as a user does."""
    user.find(marker=mark).trigger("inputValue", typed)
    select = one(user, mark)
    assert code in select.options, f"{code} not among {list(select.options)}"
    select.value = code


def table(user: User, mark: str = "contacts") -> ui.table:
    """The table of a section."""
    return cast(ui.table, one(user, f"{mark}-table"))


def form_with_course(user: User, contacts: list[Contact] | None = None,
                     reports: list[ResultReport] | None = None) -> Any:
    """A stored form with a course start and unit, and the given contacts and result reports."""
    forms = user.ctx.store.forms
    stored = forms.create()
    forms.save_edit(stored, "course.start", "2026-11-03T09:30:00")
    forms.save_edit(stored, "course.responsible_unit", UNIT)
    for contact in contacts or []:
        forms.add_row(stored, "contacts", contact)
    for report in reports or []:
        forms.add_row(stored, "result_reports", report)
    return stored


def saved(user: User) -> Any:
    """Form 1 as stored."""
    return user.ctx.store.forms.load(1).form
