"""The backup panel in the user fixture: take a backup, and restore one after a confirmation, on next start."""

from __future__ import annotations

import asyncio

from nicegui import ui
from nicegui.testing import User

from seilocal.pages.backup_panel import backup_panel, storage_error_text
from seilocal.store.backup import apply_pending_restore, pending_restore


async def _open_panel(app_user: User, shutdowns: list[int]) -> None:
    ctx = app_user.ctx
    ctx.extras["shutdown"] = lambda: shutdowns.append(1)

    @ui.page("/test-backups")
    def _page() -> None:
        backup_panel(ctx)

    await app_user.open("/test-backups")


async def test_take_a_backup_then_restore_it_on_the_next_start(app_user: User) -> None:
    shutdowns: list[int] = []
    store = app_user.ctx.store
    stored = store.forms.create()
    store.forms.save_edit(stored, "patient.name", "Anna")
    await _open_panel(app_user, shutdowns)
    await app_user.should_see(marker="backups-empty")

    app_user.find(marker="backup-now").click()
    await app_user.should_see("Backup gemt", retries=100)  # made, checked and encrypted in a worker thread
    await app_user.should_see(marker="backup-restore-0")
    store.forms.save_edit(stored, "patient.name", "Later")

    app_user.find(marker="backup-restore-0").click()
    await app_user.should_see(marker="restore-dialog")
    app_user.find(marker="restore-abort").click()
    assert pending_restore(store.path.parent) is None  # nothing without the confirmation

    app_user.find(marker="backup-restore-0").click()
    app_user.find(marker="restore-confirm").click()
    await app_user.should_see(marker="restore-pending")
    await app_user.should_see("Start det igen")
    assert pending_restore(store.path.parent) is not None
    assert store.forms.load(1).form.patient.name == "Later"  # the running app's data is not pulled away
    await asyncio.sleep(1.3)
    assert shutdowns == [1]  # the app stops itself so that the next start can restore

    store.close()  # what the app's shutdown does; then the next start
    assert apply_pending_restore(store.path.parent, store.path) is not None
    from seilocal.store import open_store

    reopened = open_store(store.path.parent)
    try:
        assert reopened.forms.load(1).form.patient.name == "Anna"
    finally:
        reopened.close()


async def test_a_scheduled_restore_can_be_cancelled(app_user: User) -> None:
    shutdowns: list[int] = []
    app_user.ctx.store.forms.create()
    await _open_panel(app_user, shutdowns)
    app_user.find(marker="backup-now").click()
    await app_user.should_see(marker="backup-restore-0", retries=100)  # the backup runs in a worker thread
    app_user.find(marker="backup-restore-0").click()
    app_user.find(marker="restore-confirm").click()
    await app_user.should_see(marker="restore-cancel")
    app_user.find(marker="restore-cancel").click()
    await app_user.should_not_see(marker="restore-pending")
    assert pending_restore(app_user.ctx.store.path.parent) is None


def test_storage_errors_have_a_danish_message() -> None:
    import sqlite3

    assert "ikke plads" in storage_error_text(sqlite3.OperationalError("database or disk is full"))
    assert "skrivebeskyttet" in storage_error_text(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "andet program" in storage_error_text(sqlite3.OperationalError("database is locked"))


async def test_the_refused_database_page_explains_and_offers_the_newest_backup(user: User, tmp_path) -> None:
    from seilocal.pages.backup_panel import database_refused_page
    from seilocal.store import DatabaseRefused, open_store
    from seilocal.store.backup import make_backup
    from tests.support.dbfile import damage, database_with_forms

    data = tmp_path / "data"
    db = database_with_forms(data, ["Anna"])
    make_backup(db)
    damage(db, page=1)
    try:
        open_store(data)
    except DatabaseRefused as exc:
        reason = str(exc)
    stops: list[int] = []

    @ui.page("/")
    def _page() -> None:
        database_refused_page(data, reason, shutdown=lambda: stops.append(1))

    await user.open("/")
    await user.should_see("Databasen er beskadiget", marker="refused-reason")
    await user.should_see("er ikke ændret")
    user.find(marker="refused-restore-0").click()
    await user.should_see("Start det igen")
    assert pending_restore(data) is not None
    await asyncio.sleep(1.3)
    assert stops == [1]


async def test_the_restore_dialog_says_which_submitted_versions_the_backup_lacks(app_user: User) -> None:
    from seilocal.export import submit_form
    from seilocal.settings import db_path
    from seilocal.store.backup import make_backup
    from tests.support.submit_helpers import clean_form, set_practice

    store = app_user.ctx.store
    set_practice(store)
    stored = store.forms.create(clean_form())
    make_backup(db_path(store.path.parent), reason="manual")
    await _open_panel(app_user, [])
    app_user.find(marker="backup-restore-0").click()
    await app_user.should_see(marker="restore-dialog")
    await app_user.should_not_see(marker="restore-hidden-versions")  # nothing submitted since: nothing to say
    app_user.find(marker="restore-abort").click()
    submit_form(store, stored, app_user.ctx.clock)
    app_user.find(marker="backup-restore-0").click()
    await app_user.should_see("skema 1 version 1", marker="restore-hidden-versions")
    await app_user.should_see("indberettet før gendannelse", marker="restore-hidden-versions")
