"""Issue 22 item 4: only the app's own pages (or the user's own navigation) add "Vist" rows to the audit log.

Cookies do not separate ports: a page on another port of 127.0.0.1 could put `<img src="http://127.0.0.1:PORT/
skema/1">` in front of the browser, which sends the cookie along, and each load used to log a view.
"""

from __future__ import annotations

import httpx

from seilocal.store import open_store
from tests.support.app import start_app, stop_app
from tests.support.submit_helpers import clean_form


def _views(data) -> int:
    store = open_store(data)
    try:
        return store.db.execute("SELECT count(*) FROM audit WHERE action = 'view'").fetchone()[0]
    finally:
        store.close()


def test_an_img_from_another_port_adds_no_view_but_the_apps_own_pages_do(tmp_path):
    data = tmp_path / "data"
    store = open_store(data)
    store.forms.create(clean_form())
    store.close()
    app = start_app(data)
    try:
        with httpx.Client(base_url=app.base, cookies={f"seilocal_{app.port}": app.token}, timeout=30) as client:
            # What Chromium and Firefox send for an <img>, and for a link, on another port of 127.0.0.1:
            for dest, mode in (("image", "no-cors"), ("document", "navigate")):
                answer = client.get("/skema/1", headers={"Sec-Fetch-Site": "same-site", "Sec-Fetch-Dest": dest,
                                                         "Sec-Fetch-Mode": mode})
                assert answer.status_code == 200
            client.get("/skema/1", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "image"})
            # The app's own link, and the address bar:
            client.get("/skema/1", headers={"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Dest": "document"})
            client.get("/skema/1", headers={"Sec-Fetch-Site": "none", "Sec-Fetch-Dest": "document"})
    finally:
        stop_app(app)
    assert _views(data) == 2
