"""The app's pages, registered once per launch (or once per test) with the context they share."""

from __future__ import annotations

from nicegui import ui

from .context import AppContext
from .error_pages import install_error_pages
from .first_start import SETUP_PATH, first_start_page
from .form_page import form_page
from .forms_list import forms_list_page
from .history_page import history_page
from .settings_page import settings_page
from .testids import install as install_testids


def register_pages(ctx: AppContext) -> None:
    """Register every page of the app on NiceGUI's router."""
    install_testids()
    install_error_pages()

    @ui.page("/")
    def _forms() -> None:
        forms_list_page(ctx)

    @ui.page("/skema/{form_no}")
    def _form(form_no: int) -> None:
        form_page(ctx, form_no)

    @ui.page(SETUP_PATH)
    def _first_start() -> None:
        first_start_page(ctx)

    @ui.page("/indstillinger")
    def _settings() -> None:
        settings_page(ctx)

    @ui.page("/skema/{form_no}/historik")
    def _history(form_no: int) -> None:  # int: /skema/abc/historik is a wrong address (Danish 404 page)
        history_page(ctx, form_no)
