"""What happened at start that the user must hear of in the app, not only on the console: a scheduled restore
done (or refused). The start stores a kind and its values (app.py); the forms list says it in Danish, once."""

from __future__ import annotations

import json

from nicegui import ui

from seilocal.store.forms import Prefs

KEY = "notice.start"
TEXTS_DA = {
    "restored": "Backuppen {name} er gendannet. Databasen, som den var før, er gemt som en backup.",
    "restore-failed": "Den planlagte gendannelse kunne ikke gennemføres. Intet er ændret: databasen er, som den var.",
}


def remember(prefs: Prefs, kind: str, **values: str) -> None:
    """Keep a start notice for the forms list (kind: a key of TEXTS_DA)."""
    prefs.set(KEY, json.dumps({"kind": kind, **values}))


def start_notice(prefs: Prefs) -> None:
    """Show the start notice, if any, until the user closes it with "OK" (Enter on the focused button)."""
    raw = prefs.get(KEY)
    if not raw:
        return
    try:
        data = json.loads(raw)
        text = TEXTS_DA[data.pop("kind")].format(**data)
    except (ValueError, KeyError, TypeError, AttributeError):
        prefs.set(KEY, "")
        return

    def close() -> None:
        prefs.set(KEY, "")
        card.delete()

    with ui.row().classes("w-full items-center gap-2 bg-green-1 q-pa-sm rounded-borders").mark(
            "start-notice") as card:
        ui.icon("restore", color="positive")
        ui.label(text).classes("grow").mark("start-notice-text")
        ui.button("OK", on_click=close).props("flat dense").mark("start-notice-ok")
