"""Danish everywhere: a wrong address, a bad form number, the connection banner (the real app process)."""

from __future__ import annotations

import html

import httpx
import pytest
from nicegui import ui
from nicegui.testing import User

from seilocal.pages.error_pages import ERROR_TITLE, NOT_FOUND_TEXT, NOT_FOUND_TITLE
from tests.support.app import start_app, stop_app


@pytest.fixture(scope="module")
def app_process(tmp_path_factory):
    """One real app process for the module: these tests only read."""
    app = start_app(tmp_path_factory.mktemp("danish") / "data")
    yield app
    stop_app(app)


def _get(app, path: str) -> httpx.Response:
    with httpx.Client(base_url=app.base, cookies={f"seilocal_{app.port}": app.token}) as client:
        return client.get(path)


def _text(response: httpx.Response) -> str:
    """The page as a user reads it: NiceGUI ships the elements as JSON inside the HTML."""
    return html.unescape(response.text).encode("latin-1", "backslashreplace").decode("unicode_escape")


@pytest.mark.parametrize("path", ["/skema/abc", "/skema/abc/historik", "/findes-ikke", "/skema/"])
def test_a_wrong_address_gets_a_danish_page_not_json(app_process, path: str) -> None:
    response = _get(app_process, path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert NOT_FOUND_TITLE in _text(response)
    assert '"detail"' not in response.text and "doesn't exist" not in response.text


def test_the_connection_banner_is_danish(app_process) -> None:
    text = _text(_get(app_process, "/"))
    assert "Forbindelsen til programmet er afbrudt." in text and "Prøver at forbinde igen" in text
    assert "Connection lost" not in text and "Trying to reconnect" not in text


async def test_an_error_inside_a_page_shows_a_danish_page_without_its_text(app_user: User, caplog) -> None:
    @ui.page("/fejl-i-siden")
    def broken() -> None:
        raise RuntimeError("0101801235 Jens Hansen")  # stands for patient data in an exception

    response = await app_user.http_client.get("/fejl-i-siden")
    assert response.status_code == 500
    text = _text(response)
    assert ERROR_TITLE in text and "0101801235" not in text and "Jens Hansen" not in text
    response = await app_user.http_client.get("/skema/abc")
    assert response.status_code == 404 and NOT_FOUND_TEXT in _text(response)
    caplog.clear()  # the page's error is logged on purpose (by NiceGUI); the fixture would count it as a failure


@pytest.mark.parametrize("path", ["/", "/indstillinger", "/velkommen"])
async def test_every_page_writes_buttons_as_written_not_in_capitals(app_user: User, path: str) -> None:
    from seilocal.pages.frame import BUTTON_CASE_CSS

    response = await app_user.http_client.get(path)
    assert response.status_code == 200 and BUTTON_CASE_CSS in response.text
