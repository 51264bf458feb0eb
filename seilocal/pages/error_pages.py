"""Danish pages for a wrong address and an error in a page, instead of FastAPI's JSON or NiceGUI's English page.

An error page shows no exception text: it could hold patient data (the log has the details, without values).
"""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from nicegui import Client, app, ui
from nicegui.page import page
from starlette.exceptions import HTTPException

from .frame import frame

NOT_FOUND_TITLE = "Siden findes ikke"
NOT_FOUND_TEXT = "Adressen findes ikke i SEI-LPR lokal. Måske er den skrevet forkert, eller skemaet findes ikke."
ERROR_TITLE = "Der skete en fejl"
ERROR_TEXT = ("Siden kunne ikke vises. Intet er ændret. Prøv igen, og skriv til den, der har installeret "
              "programmet, hvis det sker igen.")


def error_content(title: str, text: str, mark: str) -> None:
    """The body of an error page: what happened, in Danish, and the way back to the forms."""
    with frame(title):
        with ui.column().classes("w-full items-center q-pa-xl gap-4").mark(mark):
            ui.icon("sentiment_dissatisfied", size="xl", color="grey-7")
            ui.label(title).classes("text-h5")
            ui.label(text).classes("text-grey-8")
            ui.link("Til skemaerne", "/").mark(f"{mark}-home")


async def _not_found(request: Request, exception: Exception) -> Response:
    if request.url.path.startswith("/_nicegui") and isinstance(exception, HTTPException):
        return await http_exception_handler(request, exception)  # the app's own resources: no page to show
    with Client(page(""), request=request) as client:
        error_content(NOT_FOUND_TITLE, NOT_FOUND_TEXT, "error-not-found")
    return client.build_response(request, 404)


def _page_error() -> None:
    error_content(ERROR_TITLE, ERROR_TEXT, "error-page")


def install_error_pages() -> None:
    """Register the Danish pages for 404, a bad address part (e.g. /skema/abc) and an error inside a page."""
    app.add_exception_handler(404, _not_found)
    app.add_exception_handler(RequestValidationError, _not_found)  # /skema/abc: not a number, so no such form
    app.on_page_exception(_page_error)
