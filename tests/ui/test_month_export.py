"""Exporting a month's submissions from the forms list: one ZIP of verified bundles, downloaded."""

from __future__ import annotations

import io
import zipfile

from nicegui import ui
from nicegui.testing import User

from seilocal.export.bundle import read_bundle
from seilocal.store.versions import versions_of
from tests.support.submit_helpers import clean_form


def _month_input(user: User) -> ui.input:
    (element,) = user.find(marker="month-export-month").elements
    return element


async def test_a_month_with_submissions_downloads_one_zip_of_valid_bundles(app_user: User) -> None:
    store = app_user.ctx.store
    for _ in range(2):
        stored = store.forms.create(clean_form())
        versions_of(store, app_user.ctx.clock).submit(stored, [])
    await app_user.open("/")
    assert _month_input(app_user).value == "2026-11"  # this month by the app's clock
    app_user.find(marker="month-export-run").click()
    response = await app_user.download.next(timeout=30)
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = sorted(archive.namelist())
        assert names == ["seilocal-skema-1-v1.zip", "seilocal-skema-2-v1.zip"]
        for name in names:
            bundle = read_bundle(archive.read(name))  # checksums verified; raises when anything is off
            assert bundle.form.status == "submitted"


async def test_a_month_without_submissions_or_a_bad_month_says_so(app_user: User) -> None:
    await app_user.open("/")
    app_user.find(marker="month-export-run").click()
    await app_user.should_see("Ingen indberetninger i 2026-11.")
    app_user.find(marker="month-export-month").clear().type("11-2026")
    app_user.find(marker="month-export-run").click()
    await app_user.should_see("Skriv måneden som åååå-mm, fx 2026-11.")
