"""Issue 21: a restore scheduled in the app and done at the next start is confirmed in the app, in Danish (not
only on the console, in English)."""

from __future__ import annotations

import html

import httpx

from seilocal.settings import db_path
from seilocal.store import open_store
from seilocal.store.backup import make_backup, schedule_restore
from tests.support.app import start_app, stop_app


def test_a_scheduled_restore_is_confirmed_in_danish_on_the_forms_list(tmp_path):
    data = tmp_path / "data"
    store = open_store(data)
    store.forms.create()
    store.close()
    backup = make_backup(db_path(data))
    schedule_restore(backup, data)
    app = start_app(data)
    try:
        with httpx.Client(base_url=app.base, cookies={f"seilocal_{app.port}": app.token}) as client:
            page = html.unescape(client.get("/").text).encode("latin-1", "backslashreplace").decode("unicode_escape")
    finally:
        stop_app(app)
    assert f"Backuppen {backup.name} er gendannet." in page
