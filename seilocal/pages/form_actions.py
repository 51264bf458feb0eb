"""The status buttons in the form header: Indberet, Annuller, Slet kladde, Print and Historik (F5, B6, B7).

While the form has untreated result-report triggers the row also offers "Vis ubehandlede RI (n)" and
"Behandl alle" (F4.10, as the quick guide's top bar); they are the RI section's actions (`ri_actions`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import run, ui

from seilocal.export.bundle import BundleError, prefetch_describe
from seilocal.export.refusal import SubmissionRefused
from seilocal.export.submission import findings_now, submission_job
from seilocal.model.lifecycle import TransitionRefused, can
from seilocal.store import StaleForm
from seilocal.store.profile import load_profile
from seilocal.store.versions import SubmitRefused, VersionStore, blocking_errors

from .form_editor import FormEditor
from .ri_actions import ri_state, ri_top_buttons


def form_actions(editor: FormEditor) -> None:
    """The action buttons of the open form; they follow its status as it changes."""
    versions = VersionStore(editor.ctx.store.db, editor.ctx.store.forms, editor.ctx.clock)
    ri_state(editor)  # before the refresh below is registered: its triggers are recomputed first on each save
    buttons = ui.refreshable(_buttons)
    buttons(editor, versions)

    def refresh(_path: str) -> None:
        buttons.refresh()

    editor.on_saved(refresh)


def _buttons(editor: FormEditor, versions: VersionStore) -> None:
    status = editor.form.status
    form_no = editor.form.form_no
    with ui.row().classes("w-full items-center gap-2").mark("form-actions"):
        submit = ui.button("Indberet", icon="send", on_click=lambda: start_submit(editor, versions)).mark(
            "action-submit")
        if not can(status, "submit"):
            submit.disable()
            submit.tooltip("Skemaet er annulleret." if status == "cancelled"
                           else "Ingen ændringer siden sidste indberetning.")
        if can(status, "cancel"):
            ui.button("Annullér", icon="block", on_click=lambda: _cancel_dialog(editor, versions)).props(
                "outline color=negative").mark("action-cancel")
        if can(status, "delete"):
            ui.button("Slet kladde", icon="delete", on_click=lambda: _delete_dialog(editor, versions)).props(
                "outline color=negative").mark("action-delete")
        ui.button("Print", icon="print", on_click=lambda: print_pdf(editor)).props("outline").mark("action-print")
        ui.button("Historik", icon="history", on_click=lambda: ui.navigate.to(f"/skema/{form_no}/historik")).props(
            "flat").mark("action-history")
        ri_top_buttons(editor)


# -- Indberet ------------------------------------------------------------------------------------------


async def start_submit(editor: FormEditor, versions: VersionStore) -> None:
    """Validate; errors are shown and block, warnings ask for a confirmation, a clean form is submitted."""
    ctx = editor.ctx
    findings = findings_now(ctx.store, editor.stored, ctx.clock().replace(microsecond=0))
    errors = blocking_errors(findings)
    # Warnings (and a deadline already passed) ask for a confirmation; "cannot be checked here" notes do not.
    warnings = [f for f in findings if f not in errors and f.get("severity") != "info"]
    if errors:
        _findings_dialog(editor, errors)
        return
    if warnings:
        _warnings_dialog(editor, warnings, lambda: _submit(editor, versions, findings))
        return
    await _submit(editor, versions, findings)


def _status_change(change: Callable[[], Any]) -> tuple[bool, Any]:
    """Run one status change of the store; (False, None) after telling the user why it could not be done."""
    try:
        return True, change()
    except (StaleForm, TransitionRefused) as exc:
        _tell_refused(exc)
    return False, None


def _tell_refused(exc: StaleForm | TransitionRefused) -> None:
    """Why a status change could not be done: changed elsewhere, or not allowed from the form's status."""
    if isinstance(exc, StaleForm):
        ui.notify("Skemaet er ændret i et andet vindue. Genindlæs og prøv igen.", type="negative")
    else:
        ui.notify(exc.message_da, type="warning")


async def _submit(editor: FormEditor, versions: VersionStore, findings: list[dict[str, Any]]) -> None:
    """The submission's bundle job: build and check the LPR3 documents, make the bundle off the event loop, then
    store version and bundle in one transaction. Any refusal leaves the form as it was and says why."""
    ctx = editor.ctx
    try:
        done, job = _status_change(lambda: submission_job(ctx.store, editor.stored, findings, ctx.clock))
    except SubmitRefused as exc:
        _findings_dialog(editor, exc.errors)
        return
    except SubmissionRefused as exc:
        _document_dialog(exc.danish())
        return
    if not done:
        return
    try:  # the PDF inside takes a few hundred ms: built off the event loop, stored back on it
        result = await job.run_async(run.io_bound)
    except BundleError:
        _document_dialog(["Indberetningspakken (PDF og LPR3-dokument) kunne ikke dannes. "
                          "Prøv igen; skemaet er ikke ændret."])
        return
    except (StaleForm, TransitionRefused) as exc:
        _tell_refused(exc)
        return
    written = " Indberetningspakken er gemt krypteret; den hentes under Historik." if result.bundle else ""
    ui.notify(f"Skemaet er indberettet (version {result.version.version}).{written}", type="positive")
    # The focus rule: to what the submission made, the version and its bundle under "Historik".
    ctx.extras.setdefault("focus_after_reload", {})[editor.form.form_no] = "action-history"
    ui.navigate.reload()


def _document_dialog(reasons: list[str]) -> None:
    """The submission was refused because its LPR3 document cannot be written: every reason, nothing stored."""
    with ui.dialog(value=True) as dialog, ui.card().classes("min-w-[28rem]").mark("submit-refused"):
        ui.label("Skemaet kan ikke indberettes").classes("text-h6 text-negative")
        ui.label("LPR3-dokumentet kan ikke dannes. Intet er indberettet, og skemaet er uændret:")
        with ui.column().classes("gap-1"):
            for reason in reasons:
                ui.label(reason).classes("text-negative").mark("submit-refused-reason")
        ui.button("Luk", on_click=dialog.close).props("flat").mark("submit-refused-close")


def _finding_text(finding: dict[str, Any]) -> str:
    return f"{finding['rule']}: {finding['message']}"


def _findings_dialog(editor: FormEditor, errors: list[dict[str, Any]]) -> None:
    with ui.dialog(value=True) as dialog, ui.card().classes("min-w-[28rem]").mark("submit-errors"):
        ui.label("Skemaet kan ikke indberettes").classes("text-h6 text-negative")
        ui.label(f"Ret {'fejlen' if len(errors) == 1 else f'de {len(errors)} fejl'} først:")
        with ui.column().classes("gap-1"):
            for finding in errors:
                def jump(f: dict[str, Any] = finding) -> None:
                    dialog.close()
                    editor.reveal(f["path"], f["section"])

                ui.label(_finding_text(finding)).classes("text-negative cursor-pointer underline").on(
                    "click", jump).mark("submit-error")
        ui.button("Luk", on_click=dialog.close).props("flat").mark("submit-errors-close")


def _warnings_dialog(editor: FormEditor, warnings: list[dict[str, Any]], confirm: Callable[[], Any]) -> None:
    async def go() -> None:
        dialog.close()
        await confirm()

    with ui.dialog(value=True) as dialog, ui.card().classes("min-w-[28rem]").mark("submit-warnings"):
        ui.label("Indberet med advarsler?").classes("text-h6")
        for finding in warnings:
            ui.label(_finding_text(finding)).classes("text-warning").mark("submit-warning")
        with ui.row():
            ui.button("Indberet alligevel", on_click=go).mark("submit-confirm")
            ui.button("Fortryd", on_click=dialog.close).props("flat").mark("submit-abort")


# -- Annuller and Slet kladde ----------------------------------------------------------------------------


def _cancel_dialog(editor: FormEditor, versions: VersionStore) -> None:
    def confirm() -> None:
        text = (reason.value or "").strip()
        if not text:
            reason.error = "Skriv hvorfor skemaet annulleres."
            return
        if not _status_change(lambda: versions.cancel(editor.stored, text))[0]:
            return
        dialog.close()
        ui.navigate.reload()

    with ui.dialog(value=True) as dialog, ui.card().classes("min-w-[28rem]").mark("cancel-dialog"):
        ui.label("Annullér skemaet").classes("text-h6")
        ui.label("Et annulleret skema kan ikke ændres eller indberettes igen. Det slettes ikke.")
        reason = ui.textarea("Begrundelse").props("outlined autofocus").classes("w-full").mark("cancel-reason")
        with ui.row():
            ui.button("Annullér skemaet", on_click=confirm).props("color=negative").mark("cancel-confirm")
            ui.button("Fortryd", on_click=dialog.close).props("flat").mark("cancel-abort")


def _delete_dialog(editor: FormEditor, versions: VersionStore) -> None:
    def confirm() -> None:
        if not _status_change(lambda: versions.delete_draft(editor.stored))[0]:
            return
        dialog.close()
        ui.navigate.to("/")

    with ui.dialog(value=True) as dialog, ui.card().mark("delete-dialog"):
        ui.label("Slet kladden?").classes("text-h6")
        ui.label("Kladden og alt, hvad der er skrevet i den, slettes. Det kan ikke fortrydes.")
        with ui.row():
            ui.button("Slet", on_click=confirm).props("color=negative").mark("delete-confirm")
            ui.button("Fortryd", on_click=dialog.close).props("flat").mark("delete-abort")


# -- Print ---------------------------------------------------------------------------------------------


def _render(form: Any, describe: Any, printed_at: Any, clinic_name: str | None) -> bytes:
    from seilocal.print import render_form_pdf  # 0.4 s to import: only when someone prints

    return render_form_pdf(form, describe=describe, printed_at=printed_at, clinic_name=clinic_name)


async def print_pdf(editor: FormEditor) -> None:
    """Download the form as a PDF watermarked with its current status (for an invoice)."""
    ctx = editor.ctx
    form = editor.form.model_copy(deep=True)  # a snapshot: later edits must not race the rendering
    describe = prefetch_describe(form, ctx.store.catalog.text)
    clinic = load_profile(ctx.store.prefs).clinic_name
    pdf = await run.io_bound(_render, form, describe, ctx.clock().replace(microsecond=0), clinic)
    if pdf is None or form.form_no is None:  # run.io_bound answers None when the app is shutting down
        return
    ctx.store.forms.record_view(form.form_no, "print")
    ui.download(pdf, f"skema-{form.form_no}.pdf", "application/pdf")
