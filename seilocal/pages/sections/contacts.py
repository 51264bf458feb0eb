"""Section "Patientkontakter" (F4.8): the course timeline, the contacts table and the selected contact's details."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from seilocal.model import Contact, Form
from seilocal.model.datetime_input import format_for_display, parse_stored
from seilocal.model.prefill import copy_contact, new_contact

from ..contact_details import contact_details
from ..form_editor import FormEditor
from ..row_table import Column, RowTable, row_table, tick
from ..timeline import timeline_view


def reports_pointing_at(form: Form, contact: Contact) -> list[str]:
    """The names of the result reports triggered by the contact or one of its diagnoses or procedures."""
    refs = {contact.id, *(d.id for d in contact.diagnoses), *(p.id for p in contact.procedures)}
    return [r.name or "uden navn" for r in form.result_reports if r.trigger.ref in refs]


def contact_sort_key(contact: Contact) -> tuple[bool, str]:
    """Contacts by start; a start that does not parse sorts last."""
    return (parse_stored(contact.start) is None, contact.start or "")


def _code_text(editor: FormEditor) -> Callable[[str | None], str]:
    """`code -> "CODE text"`, cached per page: a table of 1,000 contacts repeats a handful of codes."""
    cache: dict[str, str] = {}

    def show(code: str | None) -> str:
        if not code:
            return ""
        if code not in cache:
            text = editor.ctx.store.catalog.text(code)
            cache[code] = f"{code} {text}" if text else code
        return cache[code]

    return show


def build(editor: FormEditor) -> None:
    """Build the contacts section."""
    show = _code_text(editor)

    def warning(contact: Contact) -> str | None:
        names = reports_pointing_at(editor.form, contact)
        if not names:
            return None
        return ("Resultatindberetninger bygger på denne kontakt: " + ", ".join(names)
                + ". De mister deres grundlag, hvis kontakten slettes.")

    def copy_selected(table: RowTable) -> None:
        index = table.selected_index
        if index is None:
            ui.notify("Vælg først den kontakt, der skal kopieres.", type="warning")
            return
        copy = copy_contact(editor.form, editor.form.contacts[index], editor.ctx.clock())
        if table.add(copy) is not None:
            ui.notify("Kontakten er kopieret med nye tider.", type="positive")

    def toolbar(table: RowTable) -> None:
        ui.button("Kopiér kontakt", icon="content_copy", on_click=lambda: copy_selected(table)).props(
            "dense flat no-caps").mark("contacts-copy")

    timeline_view(editor)
    row_table(
        editor, "contacts", mark="contacts", noun="kontakt",
        columns=[
            Column("start", "Start", lambda c: format_for_display(c.start)),
            Column("end", "Slut", lambda c: format_for_display(c.end)),
            Column("type", "Type", lambda c: show(c.type)),
            Column("priority", "Prioritet", lambda c: show(c.priority)),
            Column("action", "Aktionsdiagnose", lambda c: tick(c.action_diagnosis is not None
                                                               and bool(c.action_diagnosis.code)), "center"),
            Column("procedures", "Procedurer", lambda c: tick(bool(c.procedures)), "center"),
        ],
        new_row=lambda: new_contact(editor.form, editor.ctx.clock()),
        details=lambda path, _index: contact_details(editor, path),
        sort_key=contact_sort_key,
        delete_warning=warning,
        toolbar=toolbar,
    )
