"""The history page's "Indberetningspakker": the bundle kept in the encrypted database, downloaded as is."""

from __future__ import annotations

from nicegui.testing import User

from seilocal.export import read_bundle, stored_bundle, submit_form
from seilocal.store.versions import versions_of
from tests.support.submit_helpers import clean_form, set_practice


async def test_the_history_page_downloads_the_stored_bundle_and_says_the_copy_is_plain(app_user: User) -> None:
    store = app_user.ctx.store
    set_practice(store)
    stored = store.forms.create(clean_form())
    result = submit_form(store, stored, app_user.ctx.clock)
    kept = stored_bundle(store, result.version)
    assert kept is not None
    await app_user.open("/skema/1/historik")
    await app_user.should_see("ukrypteret kopi", marker="bundle-plain-note")
    app_user.find(marker="bundle-download-1").click()
    response = await app_user.download.next(timeout=30)
    assert response.content == kept  # the bundle of the submission, byte for byte
    assert not (store.path.parent / "bundles").exists()


async def test_a_version_without_a_stored_bundle_gets_one_made_and_kept(app_user: User) -> None:
    store = app_user.ctx.store
    stored = store.forms.create(clean_form())
    version = versions_of(store, app_user.ctx.clock).submit(stored, [])  # as if the bundle failed (full disk)
    assert stored_bundle(store, version) is None
    await app_user.open("/skema/1/historik")
    app_user.find(marker="bundle-download-1").click()
    response = await app_user.download.next(timeout=30)
    assert read_bundle(response.content).version == 1
    assert stored_bundle(store, version) == response.content  # kept for the next time
