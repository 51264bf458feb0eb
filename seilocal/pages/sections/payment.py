"""Section "Betalingsoplysninger" (F4.6): payer, agreement and specialisation level; practice default."""

from __future__ import annotations

from nicegui import ui

from seilocal.store.profile import load_profile

from ..code_field import CodeField
from ..fields import code_select
from ..form_editor import FormEditor

FIELDS = [
    ("payer", "Betaler *", "admin.betaler", "payment-payer"),
    ("agreement", "Betalingsaftale *", "admin.betalaftale", "payment-agreement"),
    ("specialisation_level", "Specialiseringsniveau *", "admin.specialeniv", "payment-level"),
]


def build(editor: FormEditor) -> None:
    """Build the payment section."""
    widgets: dict[str, CodeField] = {}
    with ui.grid(columns=3).classes("w-full gap-4"):
        for name, label, list_name, mark in FIELDS:
            widgets[name] = code_select(editor, label, f"payment.{name}", mark=mark, list_name=list_name,
                                        at_path="course.start")

    def use_default() -> None:
        profile = load_profile(editor.ctx.store.prefs)
        if not profile.has_default_payment:
            ui.notify("Der er ingen standardbetaling endnu. Den vælges under Indstillinger.", type="warning")
            return
        default = profile.default_payment()
        for name, widget in widgets.items():
            value = getattr(default, name)
            if value and editor.save(f"payment.{name}", value):
                widget.set_value(value)
        ui.notify("Standardbetalingen er indsat.")

    with ui.row().classes("items-center gap-2"):
        ui.button("Brug standard", icon="restore", on_click=use_default).props("flat dense").mark(
            "payment-use-default")
        ui.link("Ret standarden under Indstillinger", "/indstillinger").classes("text-caption")
