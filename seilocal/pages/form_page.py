"""The form page `/skema/N`: a sticky header summary, "Skemainformation" and one accordion per section."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from seilocal.model import STATUS_LABELS_DA
from seilocal.model.datetime_input import format_for_display
from seilocal.model.workflow import INVALID, is_invalid
from seilocal.security import from_own_pages
from seilocal.store import FormNotFound

from .context import AppContext
from .focus import focus_on_load
from .form_actions import form_actions
from .form_editor import FormEditor
from .frame import TOP_BAR_PX, frame
from .long_course import builds_sections_when_opened
from .next_step import next_step_view
from .open_forms import track
from .sections import section_builder
from .validation_panel import validation_panel

# The sections the guide fills at the first meeting with the patient (F2 "Din arbejdsgang"): open on every form.
FIRST_CONTACT = ("patient", "course", "referral", "payment")
SECTIONS = [
    ("patient", "Patient"),
    ("course", "Forløbsoplysninger"),
    ("referral", "Henvisning"),
    ("payment", "Betalingsoplysninger"),
    ("markers", "Forløbsmarkører"),
    ("contacts", "Patientkontakter"),
    ("procedures", "Procedurer uden patientkontakt"),
    ("result_reports", "Resultatindberetninger"),
]

# Compact actions in the header: small buttons, and the actions row takes only the width it needs.
HEADER_CSS = """
.seil-form-header .q-btn { min-height: 28px; padding: 0 8px; font-size: 13px; }
.seil-form-header [data-testid="form-actions"] { width: auto; flex-wrap: wrap; gap: 4px; }
.seil-form-header [data-testid="next-step"] { flex: 1 1 16rem; flex-wrap: nowrap; font-size: 13px; line-height: 1.3; }
.seil-form-header [data-testid="next-step"] > .q-icon { flex: none; }
"""


def _show(value: str | None) -> str:
    return value if value else "–"


def _checked(dotted: str, value: str | None, shown: str | None = None) -> tuple[str, bool]:
    """The header text of a value and whether it is invalid (then it says so: never shown as if fine)."""
    if is_invalid(dotted, value):
        return f"{value} ({INVALID})", True
    return _show(shown if shown is not None else value), False


def header(editor: FormEditor) -> None:
    """The F4.2 summary on one wrapping line: CPR, status, name, course start, end and start marker."""
    form = editor.form
    course = form.course
    items = [
        ("CPR", *_checked("patient.cpr", form.patient.cpr), "header-cpr"),
        ("Navn", _show(form.patient.name), False, "header-name"),
        ("Status", STATUS_LABELS_DA.get(form.status, form.status), False, "header-status"),
        ("Start", *_checked("course.start", course.start, format_for_display(course.start) or None), "header-start"),
        ("Slut", *_checked("course.end", course.end, format_for_display(course.end) or None), "header-end"),
        ("Startmarkør", _show(course.start_marker), False, "header-marker"),
    ]
    with ui.row().classes("w-full items-baseline gap-x-5 gap-y-0"):
        for label, value, invalid, mark in items:
            with ui.row().classes("items-baseline no-wrap gap-1"):
                ui.label(label).classes("text-caption text-grey-7")
                shown = ui.label(value).classes("text-body2 text-weight-medium").mark(mark)
                if invalid:
                    shown.classes("text-negative")


def _from_own_pages() -> bool:
    try:
        request = ui.context.client.request
    except (AttributeError, RuntimeError):  # no HTTP request behind the page (a test's simulated client)
        return True
    return from_own_pages(request.headers)


def form_page(ctx: AppContext, form_no: int) -> None:
    """Build the page of form `form_no`."""
    try:
        stored = ctx.store.forms.load(form_no)
    except FormNotFound:
        with frame("Skema findes ikke"):
            ui.label(f"Der findes intet skema med nummer {form_no}.").mark("form-missing")
            ui.link("Tilbage til skemaerne", "/")
        return
    if _from_own_pages():  # another local port's <img src="/skema/N"> adds no "Vist" row (issue 22)
        ctx.store.forms.record_view(form_no)
    track(ctx, ui.context.client, form_no)  # an untouched new draft is removed when its tab goes
    editor = FormEditor(ctx, stored)

    with frame(f"Skema {form_no}"):
        ui.add_css(HEADER_CSS)
        # Sticky below the fixed top bar (its height), so the summary stays in view while the sections scroll.
        with ui.card().classes("w-full sticky z-10 q-px-sm q-py-xs gap-1 seil-form-header").style(
                f"top: {TOP_BAR_PX}px").props("flat bordered").mark("form-header"):
            header_view = ui.refreshable(header)
            header_view(editor)
            # The workflow hint and the actions share one wrapping row: the header stays two or three lines.
            with ui.row().classes("w-full items-center justify-between gap-x-4 gap-y-1"):
                next_step_view(editor)
                form_actions(editor)
        editor.on_saved(lambda _path: _refresh(header_view))
        validation_panel(editor)

        with ui.expansion("Skemainformation", icon="info").classes("w-full").props("dense").mark(
                "form-info") as info:
            info_view = ui.refreshable(_info)
        # Built when first opened, like a long course's closed sections: closed, it is no Tab stop, and nobody
        # reads it on most opens; once built, every save refreshes its "Sidst ændret" (a refreshable that was
        # never built refreshes nothing).
        info.on_value_change(lambda e: _build_info_once(info, info_view, editor) if e.value else None)
        editor.on_saved(lambda _path: _refresh(info_view))

        long_course = builds_sections_when_opened(editor.form)
        with _sections_frame(editor):
            for key, title in SECTIONS:
                with ui.expansion(title, value=key in FIRST_CONTACT).classes("w-full").props(
                    "header-class=text-subtitle1 dense"
                ).mark(f"section-{key}") as expansion:
                    if key not in FIRST_CONTACT:
                        _open_when_reached(editor, key, expansion)
                    if key in FIRST_CONTACT or not long_course:
                        editor.section_openers[key] = _opener(expansion)
                        build_section(editor, key)
                    else:
                        editor.section_openers[key] = _build_when_opened(editor, key, expansion)
    first_focus(ctx, editor)


def _build_info_once(info: ui.expansion, view: ui.refreshable[..., None], editor: FormEditor) -> None:
    if not info.default_slot.children:
        with info:
            view(editor)


def build_section(editor: FormEditor, key: str) -> None:
    """The contents of one section, in the current container."""
    section_builder(key)(editor)


def _build_when_opened(editor: FormEditor, key: str, expansion: ui.expansion) -> Callable[[], None]:
    """Build a closed section's contents when it is first opened; the opener that builds, then opens.

    A closed section costs nothing on open (issue 23): a long course's table, timeline and result reports are
    hundreds of elements the server would build and the browser draw though nobody looks at them. Every way
    in (a click on the heading, Tab reaching it, a new row, a validation jump, the top bar's RI actions) goes
    through the expansion's value or `editor.section_openers`, so the contents are there before they are used.
    """
    built = {"done": False}

    def build() -> None:
        if built["done"] or expansion.is_deleted:
            return
        built["done"] = True
        with expansion:
            build_section(editor, key)

    def open_now() -> None:
        build()
        expansion.open()

    expansion.on_value_change(lambda e: build() if e.value else None)
    return open_now


def first_focus(ctx: AppContext, editor: FormEditor) -> None:
    """Where the focus starts: where an action before the reload sent it (e.g. "Indberet" to "Historik"), or
    on a new form the CPR field, its first field; an existing form starts at the top, as the browser puts it."""
    form_no = editor.form.form_no
    mark = after_reload(ctx).pop(form_no, None) if form_no is not None else None
    if mark is None and editor.form.status == "draft" and not editor.form.patient.cpr:
        mark = "patient-cpr"
    if mark:
        focus_on_load(mark)


def after_reload(ctx: AppContext) -> dict[int, str]:
    """Per form number, the mark the focus goes to when its page is built next (set before a reload)."""
    marks: dict[int, str] = ctx.extras.setdefault("focus_after_reload", {})
    return marks


def _refresh(view: ui.refreshable[..., None]) -> None:
    view.refresh()


def _opener(expansion: ui.expansion) -> Callable[[], None]:
    def open_now() -> None:
        expansion.open()

    return open_now


_WHEN_CLOSED = ("(e) => { const head = e.currentTarget && e.currentTarget.querySelector('.q-item');"
                " if (head && head.getAttribute('aria-expanded') === 'false') emit(); }")


def _open_when_reached(editor: FormEditor, key: str, expansion: ui.expansion) -> None:
    """Open a later section when the workflow reaches it: Tab reaches its heading, or it gets its first row.

    A section the user closed stays closed when Tab passes it again; a new row opens it all the same.
    """
    closed_by_user = {"value": False}

    def reached() -> None:
        if not expansion.value and not closed_by_user["value"]:
            expansion.open()

    def changed(open_now: bool) -> None:
        if not open_now:
            closed_by_user["value"] = True

    def saved(path: str) -> None:
        if path.startswith(f"{key}[") and not expansion.value:
            expansion.open()

    # Only a focus on the heading of a closed section reaches the server: Tab inside an open one costs nothing.
    expansion.on("focusin", reached, js_handler=_WHEN_CLOSED)
    expansion.on_value_change(lambda e: changed(bool(e.value)))
    editor.on_saved(saved)


def _sections_frame(editor: FormEditor) -> ui.element:
    """Where the sections go: a plain column, or for a cancelled form a disabled fieldset under a banner.

    A disabled <fieldset> disables every input and button inside it, also those a table or section builds
    later, so a cancelled form can be read (sections open, rows are selected) but not typed into.
    """
    if editor.form.status != "cancelled":
        return ui.column().classes("w-full gap-0")
    with ui.row().classes("w-full items-center gap-2 bg-grey-3 text-grey-10 q-pa-sm rounded-borders").mark(
            "cancelled-banner"):
        ui.icon("block", color="negative")
        ui.label("Skemaet er annulleret og kan kun læses: det kan ikke ændres eller indberettes igen. "
                 "Se begrundelsen under Historik.")
    return ui.element("fieldset").props("disabled").classes("w-full column no-wrap").style(
        "border: 0; padding: 0; margin: 0; min-width: 0")


def _info(editor: FormEditor) -> None:
    form = editor.form
    with ui.grid(columns=2).classes("gap-x-6 gap-y-1"):
        ui.label("Skemanummer")
        ui.label(str(form.form_no)).mark("info-form-no")
        ui.label("ForløbsID")
        with ui.row().classes("items-center gap-1"):
            ui.label(form.course.id).classes("font-mono").mark("info-course-id")
            ui.button(icon="content_copy", on_click=lambda: ui.clipboard.write(form.course.id)).props(
                "flat dense round size=sm").tooltip("Kopiér forløbsID")
        ui.label("Oprettet")
        ui.label(format_for_display(editor.stored.created_at))
        ui.label("Sidst ændret")
        ui.label(format_for_display(editor.stored.changed_at)).mark("info-changed")
