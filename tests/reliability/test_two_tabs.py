"""No lost update: two tabs on one form; a write based on an old version is refused and the tab told to reload."""

from __future__ import annotations

import pytest
from nicegui.testing import User

from seilocal.store import crypto


async def test_the_second_tab_is_told_to_reload_and_overwrites_nothing(app_user: User, create_user) -> None:
    forms = app_user.ctx.store.forms
    stored = forms.create()
    forms.save_edit(stored, "patient.name", "Anna Andersen")

    first, second = app_user, create_user()
    await first.open("/skema/1")
    await second.open("/skema/1")  # both tabs show revision 2
    first.find(marker="patient-name").clear().type("Bente Berg")
    assert forms.load(1).form.patient.name == "Bente Berg"
    revision = forms.revision(1)

    second.find(marker="patient-name").clear().type("Carl Carlsen")  # based on the old revision
    await second.should_see(marker="stale-dialog")
    await second.should_see("Genindlæs")
    assert forms.load(1).form.patient.name == "Bente Berg" and forms.revision(1) == revision
    assert "Carl" not in (forms.audit_rows(1)[-1]["new_value"] or "")

    await second.open("/skema/1")  # what "Genindlæs" does: the tab shows the newest version and saves again
    (field,) = second.find(marker="patient-name").elements
    assert field.value == "Bente Berg"
    second.find(marker="patient-name").clear().type("Carl Carlsen")
    assert forms.load(1).form.patient.name == "Carl Carlsen"


async def test_a_full_disk_during_typing_gives_a_danish_message(app_user: User) -> None:
    store = app_user.ctx.store
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.name", "Anna")
    await app_user.open("/skema/1")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    try:
        (field,) = app_user.find(marker="patient-name").elements
        with app_user.client:
            field.value = "B" * 50_000  # one change (a paste) that needs more room than the disk has
        await app_user.should_see("ikke gemt")
    except crypto.OperationalError:
        pytest.fail("the error escaped to the event handler")
    finally:
        store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    assert store.forms.load(1).form.patient.name == "Anna"
