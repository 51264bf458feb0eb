"""Issue 23.1: a long course's closed sections are built when first opened, and every way in still works."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from nicegui import ui
from nicegui.testing import User

from seilocal.model import Contact, Diagnosis, Form
from seilocal.pages.long_course import LAZY_ROWS

UNIT = "486811000016002"


def _long_form(contacts: int = LAZY_ROWS + 5) -> Form:
    form = Form()
    form.course.start, form.course.responsible_unit = "2026-11-03T09:30:00", UNIT
    for i in range(contacts):
        form.contacts.append(Contact(start=f"2026-11-{4 + i // 8:02d}T{8 + i % 8:02d}:00:00",
                                     end=f"2026-11-{4 + i // 8:02d}T{8 + i % 8:02d}:30:00", responsible_unit=UNIT,
                                     diagnoses=[Diagnosis(kind="action", code="DC509")]))
    form.contacts[3].end = "2026-11-04T10:00:00"  # before its start: finding 05.11 on contacts[3]
    return form


def _found(user: User, mark: str) -> list[ui.element]:
    return list(user.find(marker=mark).elements) if _present(user, mark) else []


def _present(user: User, mark: str) -> bool:
    try:
        user.find(marker=mark).elements  # noqa: B018 - raises when nothing carries the mark
    except AssertionError:
        return False
    return True


def _one(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


async def _until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def _open(user: User, form: Form) -> int:
    stored = user.ctx.store.forms.create(form)
    await user.open(f"/skema/{stored.form.form_no}")
    await user.should_see(marker="section-contacts")
    return stored.form.form_no


async def test_closed_sections_of_a_long_course_are_built_when_opened(app_user: User) -> None:
    await _open(app_user, _long_form())
    for mark in ("contacts-table", "timeline", "ri-table", "procedures-table", "markers-table"):
        assert not _found(app_user, mark), f"{mark} built before its section was opened"

    with app_user.client:
        _one(app_user, "section-contacts").open()  # as a click on the heading does
    await app_user.should_see(marker="contacts-table")
    assert len(_one(app_user, "contacts-table").rows) == LAZY_ROWS + 5
    assert _found(app_user, "timeline")
    assert not _found(app_user, "ri-table")  # the other sections stay unbuilt

    # Opened again later: built once, not twice.
    with app_user.client:
        _one(app_user, "section-contacts").close()
        _one(app_user, "section-contacts").open()
    assert len(_found(app_user, "contacts-table")) == 1


async def test_tab_reaching_a_closed_heading_builds_and_opens_it(app_user: User) -> None:
    await _open(app_user, _long_form())
    app_user.find(marker="section-result_reports").trigger("focusin")
    await _until(lambda: _one(app_user, "section-result_reports").value is True)
    await app_user.should_see(marker="ri-table")


async def test_a_finding_in_an_unbuilt_section_jumps_to_its_row(app_user: User) -> None:
    await _open(app_user, _long_form())
    # The rules of a long course run once the page is in the browser, not while the server builds it.
    await _until(lambda: "Validerer" not in _one(app_user, "validation-summary").text)
    app_user.find(marker="validation-run").click()
    await app_user.should_see(marker="finding-05.11")
    assert not _found(app_user, "contacts-table")

    app_user.find(marker="finding-05.11").click()
    await app_user.should_see(marker="contact-end")
    assert _one(app_user, "section-contacts").value is True
    table = _one(app_user, "contacts-table")
    assert [row["_index"] for row in table.selected] == [3]
    assert _one(app_user, "contact-end").value == "04-11-2026 10:00:00"


async def test_the_top_bar_ri_action_builds_the_section_it_shows(app_user: User) -> None:
    await _open(app_user, _long_form())
    app_user.find(marker="top-ri-show").click()
    await app_user.should_see(marker="ri-pending-list")
    assert _one(app_user, "section-result_reports").value is True
    assert _found(app_user, "ri-table")


async def test_the_form_information_is_built_when_opened_and_follows_the_saves(app_user: User) -> None:
    form_no = await _open(app_user, Form())
    assert not _found(app_user, "info-form-no")  # closed: not built

    with app_user.client:
        _one(app_user, "form-info").open()  # as a click on its heading does
    await app_user.should_see(marker="info-form-no")
    assert _one(app_user, "info-form-no").text == str(form_no)  # type: ignore[attr-defined]
    before = _one(app_user, "info-changed")

    app_user.find(marker="patient-name").type("Jens Hansen")
    await _until(lambda: app_user.ctx.store.forms.load(form_no).form.patient.name == "Jens Hansen")
    await _until(lambda: _one(app_user, "info-changed") is not before)  # drawn again after the save
