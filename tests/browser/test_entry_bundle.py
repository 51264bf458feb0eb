"""Issue 12, defect 8 and issue 19: a bundle once written is never overwritten, and a version number once issued is
never issued again, not even after a backup restore (the submission after it is version 2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from selenium.webdriver.common.keys import Keys

from tests.support.app import start_app, stop_app
from tests.support.browser import by_mark, click, poll, type_into, wait_stored
from tests.support.dbfile import bundle_names, stored_bundle
from tests.support.env import FIXED_NOW
from tests.support.submit_helpers import clean_form, set_practice

pytestmark = pytest.mark.browser


@pytest.fixture
def app_restored_after_submit(data_dir):
    """A form submitted as v1 (its bundle written), then the database restored from a backup made before."""
    from seilocal.export.submission import submit_form
    from seilocal.settings import db_path
    from seilocal.store import open_store
    from seilocal.store.backup import make_backup, restore_backup

    data = data_dir
    store = open_store(data)
    set_practice(store)
    stored = store.forms.create(clean_form(day=FIXED_NOW.date() - timedelta(days=1)))
    store.close()
    backup = make_backup(db_path(data), reason="test")
    store = open_store(data)
    result = submit_form(store, store.forms.load(stored.form.form_no), lambda: FIXED_NOW)
    store.close()
    assert result.bundle == "seilocal-skema-1-v1.zip"
    original = stored_bundle(data, result.bundle)
    restore_backup(backup, db_path(data))
    app = start_app(data)
    yield app, original
    stop_app(app)


def test_submitting_after_a_restore_gives_version_2_and_keeps_the_first_bundle(browser, app_restored_after_submit):
    app, original = app_restored_after_submit
    browser.get(app.url)
    by_mark(browser, "create-form")
    browser.get(f"{app.base}/skema/1")
    type_into(browser, "patient-name", "Anden Person", Keys.TAB, replace=True)
    wait_stored(app.data_dir, lambda d: d["patient"]["name"] == "Anden Person")

    # The version submitted before the restore was carried over: the form is "changed", and (no deadline
    # reminder for a form already reported) Indberet submits at once, as version 2.
    click(browser, "action-submit")  # the header is redrawn after the save: `click` looks the button up afresh
    wait_stored(app.data_dir, lambda d: d["status"] == "submitted")
    poll(lambda: len(bundle_names(app.data_dir)) == 2,
         message=f"no second bundle next to the first: {bundle_names(app.data_dir)}")
    assert bundle_names(app.data_dir) == ["seilocal-skema-1-v1.zip", "seilocal-skema-1-v2.zip"]
    assert stored_bundle(app.data_dir, "seilocal-skema-1-v1.zip") == original, "the bundle made first was replaced"
    assert not (app.data_dir / "bundles").exists(), "no plain bundle in the data folder"
