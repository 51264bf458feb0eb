"""The diagnoses of one contact (F4.8): one aktionsdiagnose, any number of bidiagnoser, each with its details.

Side shows when the code needs one (`diag.lateral`); metastases and local recurrence show, and are required,
for cancer diagnoses (`diag.car` / `diag.primkraeft`, and any code DC00-DC97 but DC77-DC79 without a list).
Each of the two takes codes or a tick "Ingen metastaser" / "Ingen lokalrecidiv" (LPR3 rules 12111/12112: "none"
is info too); the two exclude each other, so neither is ever lost behind the other. Supplementary codes are
optional and several.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from seilocal.model.cancer import (
    NO_LOCAL_RECURRENCE_CODE,
    NO_LOCAL_RECURRENCE_TEXT,
    NO_METASTASES_CODE,
    NO_METASTASES_TEXT,
    is_certain_cancer,
)
from seilocal.model.datetime_input import parse_stored
from seilocal.model.prefill import new_diagnosis

from .code_field import code_field, code_label
from .fields import code_select
from .focus import focus_mark
from .form_editor import FormEditor
from .stale_fields import clear_stale

REQUIRED_CANCER = "Skal udfyldes for en kræftdiagnose"
# The ticks say what LPR3 gets: the SKS code of the statement beside its text.
NONE_LABELS = {"no_metastases": f"{NO_METASTASES_TEXT} ({NO_METASTASES_CODE})",
               "no_local_recurrences": f"{NO_LOCAL_RECURRENCE_TEXT} ({NO_LOCAL_RECURRENCE_CODE})"}
STALE_NAMES = {"side": "Sideangivelse", "metastases": "Metastaser", "local_recurrences": "Lokalrecidiv",
               **NONE_LABELS}
NONE_BLOCKED = "Fjern koderne ovenfor for at angive »{text}«"


def contact_date(editor: FormEditor, contact_path: str) -> date | None:
    """The date of the contact's start, which dates every code of the contact (None when unreadable)."""
    moment = parse_stored(editor.get(f"{contact_path}.start"))
    return moment.date() if moment else None


def needs_side(editor: FormEditor, code: str | None, at: date | None) -> bool:
    """True when the diagnosis code is one that LPR3 wants a side (sideangivelse) for."""
    if not code:
        return False
    return editor.ctx.store.catalog.in_list("diag.lateral", code, at)


def is_cancer(editor: FormEditor, code: str | None, at: date | None) -> bool:
    """True for a cancer diagnosis, which must carry metastases and local recurrence."""
    if is_certain_cancer(code):
        return True  # decided by the code itself, whatever lists the catalog has
    if not code:
        return False
    catalog = editor.ctx.store.catalog
    return catalog.in_list("diag.car", code, at) or catalog.in_list("diag.primkraeft", code, at)


# Backspace or Delete on a chip (its ✕ has the focus) removes it; Backspace in the empty search field removes the
# last chip. Quasar may hand one keydown to a listener twice: the event is marked, so one key is one removal.
_CHIP_KEY_JS = ("(e) => { if ((e.key === 'Backspace' || e.key === 'Delete') && !e.seilDone) "
                "{ e.seilDone = true; e.preventDefault(); emit(); } }")
_EMPTY_BACKSPACE_JS = ("(e) => { if (e.key === 'Backspace' && !e.seilDone && e.target && e.target.value === '') "
                       "{ e.seilDone = true; emit(); } }")


def code_list_field(editor: FormEditor, label: str, path: str, *, mark: str, list_name: str | None,
                    date_path: str | None = None, required: str | None = None,
                    none: tuple[str, str] | None = None) -> None:
    """Several codes at `path` (a list): chips that can be removed and a search field that adds a code.

    `required` is the message shown while the list is empty (the field is marked red then). `none` is
    (path of a bool, its label): a tick that states "none" instead of codes; while it is ticked the search field is
    off, while there are codes the tick is.
    """
    catalog = editor.ctx.store.catalog

    def at() -> date | None:
        moment = parse_stored(editor.get(date_path)) if date_path else None
        return moment.date() if moment else None

    def save(codes: list[str]) -> None:
        if editor.save(path, codes):
            chips.refresh()
            show_required()
            lock()

    def remove(code: str) -> None:
        """A chip's ✕ (or Backspace/Delete on it, or Backspace in the empty search field): the focus stays in
        the search field, never on the page."""
        save([x for x in editor.get(path) if x != code])
        focus_mark(mark)

    def remove_last() -> None:
        codes = list(editor.get(path))
        if codes:
            remove(codes[-1])

    def stated_none() -> bool:
        return bool(none and editor.get(none[0]))

    def tick(value: bool) -> None:
        if none is None or bool(editor.get(none[0])) == value:
            return
        if value and editor.get(path):
            none_box.set_value(False)  # codes first out: a tick never hides codes
            return
        if not editor.save(none[0], value):
            none_box.set_value(not value)
            return
        show_required()
        lock()

    def lock() -> None:
        """The search field is off while "none" is ticked; the tick is off while there are codes."""
        if none is None:
            return
        adder.select.set_enabled(not stated_none())
        has_codes = bool(editor.get(path))
        none_box.set_enabled(not has_codes)
        none_hint.set_visibility(has_codes)

    def picked(code: str | None) -> None:
        if not code:
            return
        codes = list(editor.get(path))
        if code not in codes:
            save([*codes, code])
        adder.set_value(None)

    @ui.refreshable
    def chips() -> None:
        with ui.row().classes("gap-1 items-center"):
            for code in editor.get(path):
                ui.chip(code_label(code, catalog.text(code)), removable=True,
                        on_value_change=lambda _e, c=code: remove(c)).props("dense").mark(f"{mark}-chip").on(
                    "keydown", lambda _e, c=code: remove(c), js_handler=_CHIP_KEY_JS)

    def show_required(external: str | None = None) -> None:
        message = external or (required if required and not editor.get(path) and not stated_none() else None)
        adder.set_error(message)

    with ui.column().classes("w-full gap-0"):
        chips()
        adder = code_field(
            catalog, label=f"{label}{' *' if required else ''}", value=None, on_change=picked, mark=mark,
            list_name=list_name, at=at if date_path else None, get_pref=editor.ctx.store.prefs.get,
            set_pref=editor.ctx.store.prefs.set, pref_key=f"code-mode.list.{list_name or 'all'}",
        )
        if none is not None:
            none_box = ui.checkbox(none[1], value=stated_none(),
                                   on_change=lambda e: tick(bool(e.value))).props("dense").mark(f"{mark}-none")
            none_hint = ui.label(NONE_BLOCKED.format(text=none[1].lower())).classes("text-caption text-grey-7")
    adder.select.on("keydown", remove_last, js_handler=_EMPTY_BACKSPACE_JS)
    show_required()
    lock()
    editor.register_field(path, show_required, adder.focus)


def diagnosis_card(editor: FormEditor, contact_path: str, index: int, on_removed: Callable[[int], None]) -> None:
    """One diagnosis: code, then the fields its code calls for (side, supplementary, cancer fields)."""
    path = f"{contact_path}.diagnoses[{index}]"
    diagnosis = editor.get(path)
    action = diagnosis.kind == "action"
    prefix = "diagnosis-action" if action else f"diagnosis-{index}"

    @ui.refreshable
    def dependent() -> None:
        at = contact_date(editor, contact_path)
        code = editor.get(f"{path}.code")
        if needs_side(editor, code, at):
            code_select(editor, "Sideangivelse *", f"{path}.side", mark=f"{prefix}-side",
                        list_name="spec.lateraldiag", at_path=f"{contact_path}.start")
        if is_cancer(editor, code, at):
            code_list_field(editor, "Metastaser", f"{path}.metastases", mark=f"{prefix}-metastases",
                            list_name="diag.metastase", date_path=f"{contact_path}.start", required=REQUIRED_CANCER,
                            none=(f"{path}.no_metastases", NONE_LABELS["no_metastases"]))
            code_list_field(editor, "Lokalrecidiv", f"{path}.local_recurrences", mark=f"{prefix}-recurrences",
                            list_name="diag.lokalrecidiv", date_path=f"{contact_path}.start",
                            required=REQUIRED_CANCER,
                            none=(f"{path}.no_local_recurrences", NONE_LABELS["no_local_recurrences"]))
        code_list_field(editor, "Tillægskoder", f"{path}.supplementary", mark=f"{prefix}-supplementary",
                        list_name=None, date_path=f"{contact_path}.start")

    last = {"code": editor.get(f"{path}.code")}

    def code_saved(code: str | None) -> None:
        previous, last["code"] = last["code"], code
        at = contact_date(editor, contact_path)
        side_appears = needs_side(editor, code, at) and not needs_side(editor, previous, at)
        stale: dict[str, object] = {}
        if not needs_side(editor, code, at):
            stale[f"{path}.side"] = None
        if not is_cancer(editor, code, at):
            stale.update({f"{path}.metastases": [], f"{path}.local_recurrences": []})
            # Only a ticked "none" is a value to clear (False is the empty state).
            stale.update({f"{path}.{name}": False for name in ("no_metastases", "no_local_recurrences")
                          if editor.get(f"{path}.{name}")})

        def shown_again(old: object) -> None:
            last["code"] = old
            code_widget.set_value(old)  # type: ignore[arg-type]

        clear_stale(editor, stale, changed=f"{path}.code", previous=previous, box=notice, names=STALE_NAMES,
                    restore_shown=shown_again, refresh=dependent.refresh)
        dependent.refresh()
        if side_appears:
            _focus_new_side_field(prefix)

    with ui.card().classes("w-full q-pa-sm").props("flat bordered").mark(f"{prefix}-card"):
        with ui.row().classes("w-full items-center no-wrap"):
            ui.label("Aktionsdiagnose" if action else "Bidiagnose").classes("text-subtitle2")
            ui.space()
            ui.button(icon="delete", on_click=lambda: on_removed(index)).props("flat dense round size=sm").tooltip(
                "Fjern diagnosen").mark(f"{prefix}-remove")
        code_widget = code_select(editor, "Diagnosekode *" if action else "Diagnosekode", f"{path}.code",
                                  mark=f"{prefix}-code", list_name="diag", at_path=f"{contact_path}.start",
                                  on_saved=code_saved)
        notice = ui.column().classes("w-full gap-0")
        dependent()


# A practitioner who picks a code and presses Tab at once is a step ahead of the server: the side field is drawn a
# round trip later, so Tab has already gone past the card (its later fields are redrawn with it). Bring the focus
# back to the new side field then (only from this diagnosis area, e.g. the "add" buttons below the card, or from
# nowhere), so its mandatory value is not skipped. The field may still be on its way: look for it a few times.
_FOCUS_SIDE_JS = """
(() => {
  const card = document.querySelector('[data-testid="%(prefix)s-card"]');
  if (!card) return;
  const code = card.querySelector('[data-testid="%(prefix)s-code"]');
  let tries = 0;
  const attempt = () => {
    const mark = card.querySelector('[data-testid="%(prefix)s-side"]');
    const side = mark && (mark.matches('input') ? mark : mark.querySelector('input'));
    const f = document.activeElement;
    if (!side) { if (++tries < 20) setTimeout(attempt, 50); return; }
    if (f === side || (code && code.contains(f))) return;
    const area = card.parentElement || card;
    if (!f || f === document.body || area.contains(f)) side.focus();
  };
  attempt();
})();
"""


def _focus_new_side_field(prefix: str) -> None:
    ui.run_javascript(_FOCUS_SIDE_JS % {"prefix": prefix})


def diagnoses_editor(editor: FormEditor, contact_path: str) -> None:
    """Build the diagnoses part of the contact at `contact_path` (e.g. `contacts[2]`)."""
    list_path = f"{contact_path}.diagnoses"

    def add(kind: str) -> None:
        contact = editor.get(contact_path)
        diagnosis = new_diagnosis(contact)
        diagnosis.kind = kind  # type: ignore[assignment]
        # The action diagnosis comes first in the document, as in LPR3's own messages.
        index = 0 if kind == "action" else None
        if editor.add_row(list_path, diagnosis, index=index) is not None:
            undo_box.clear()
            view.refresh()
            # The focus rule: to the code field of the diagnosis just made.
            focus_mark("diagnosis-action-code" if kind == "action"
                       else f"diagnosis-{len(editor.get(list_path)) - 1}-code")

    def remove(index: int) -> None:
        removed = editor.remove_row(list_path, index)
        if removed is None:
            return
        view.refresh()
        undo_box.clear()

        def undo() -> None:
            undo_box.clear()
            if editor.add_row(list_path, removed, index=index, action="undo") is not None:
                view.refresh()

        # Built in undo_box: the clicked button's own card goes with the refresh above.
        with undo_box, ui.row().classes("items-center gap-2"):
            ui.label("Diagnosen er fjernet.")
            ui.button("Fortryd", on_click=undo).props("flat dense no-caps").mark("diagnosis-undo")

    @ui.refreshable
    def view() -> None:
        contact = editor.get(contact_path)
        order = sorted(range(len(contact.diagnoses)), key=lambda i: contact.diagnoses[i].kind != "action")
        for index in order:
            diagnosis_card(editor, contact_path, index, remove)
        with ui.row().classes("gap-2"):
            if contact.action_diagnosis is None:
                ui.button("Tilføj aktionsdiagnose", icon="add", on_click=lambda: add("action")).props(
                    "dense no-caps").mark("diagnosis-add-action")
            ui.button("Tilføj bidiagnose", icon="add", on_click=lambda: add("secondary")).props(
                "dense flat no-caps").mark("diagnosis-add-secondary")

    with ui.column().classes("w-full gap-2").mark("contact-diagnoses"):
        ui.label("Diagnoser").classes("text-subtitle1")
        undo_box = ui.column().classes("w-full gap-0")
        view()
