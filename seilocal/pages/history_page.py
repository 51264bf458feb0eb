"""The history of a form `/skema/N/historik` (B6): its versions, a diff of two of them, the patient's audit log."""

from __future__ import annotations

import json
from typing import Any

from nicegui import ui

from seilocal.model import STATUS_LABELS_DA
from seilocal.model.datetime_input import format_for_display
from seilocal.store import FormNotFound
from seilocal.store.history import audit_action_text, audit_csv, audit_field_text, diff_documents
from seilocal.store.versions import Version, VersionStore

from .bundle_downloads import bundles_part
from .context import AppContext
from .frame import frame

CURRENT = "current"
_SOURCES = {"local": "Indberettet her", "bundle": "Indlæst fra indberetningspakke",
            "before-restore": "Indberettet før gendannelse"}
_EVENTS = {
    "create": "Oprettet", "import": "Importeret", "submit": "Indberettet", "cancel": "Annulleret",
    "import-bundle": "Indlæst fra indberetningspakke", "delete": "Kladde slettet",
    "carry": "Indberettet før gendannelse",
}
_CHANGES = {"changed": "", "added": " (ny række)", "removed": " (række fjernet)"}


def history_page(ctx: AppContext, form_no: int) -> None:
    """Build the history page of form `form_no`."""
    try:
        stored = ctx.store.forms.load(form_no)
    except FormNotFound:
        with frame("Skema findes ikke"):
            ui.label(f"Der findes intet skema med nummer {form_no}.").mark("form-missing")
            ui.link("Tilbage til skemaerne", "/")
        return
    versions = VersionStore(ctx.store.db, ctx.store.forms, ctx.clock)
    form = stored.form
    with frame(f"Historik – skema {form_no}"):
        with ui.row().classes("w-full items-center"):
            ui.label(f"Historik for skema {form_no}").classes("text-h5")
            ui.space()
            ui.link("Tilbage til skemaet", f"/skema/{form_no}").mark("history-back")
        ui.label(f"Status nu: {STATUS_LABELS_DA.get(form.status, form.status)}").mark("history-status")
        submitted = versions.versions(form_no)
        _versions_table(submitted)
        _lpr3_part(ctx, versions, submitted, form)
        bundles_part(ctx, submitted)
        _events_table(versions.status_events(form_no))
        _diff_part(form, submitted)
        _audit_part(versions, form.patient.cpr, form_no)


def _versions_table(submitted: list[Version]) -> None:
    ui.label("Indberetninger").classes("text-h6 q-mt-md")
    if not submitted:
        ui.label("Skemaet er ikke indberettet endnu.").classes("text-grey-7").mark("versions-empty")
        return
    rows = [
        {"version": v.version, "submitted_at": format_for_display(v.submitted_at), "status": "Indberettet",
         "warnings": len(v.findings_list()), "source": _SOURCES.get(v.source, v.source)}
        for v in reversed(submitted)
    ]
    columns = [
        {"name": "version", "label": "Version", "field": "version", "align": "left"},
        {"name": "submitted_at", "label": "Tidspunkt", "field": "submitted_at", "align": "left"},
        {"name": "status", "label": "Status", "field": "status", "align": "left"},
        {"name": "warnings", "label": "Advarsler", "field": "warnings", "align": "left"},
        {"name": "source", "label": "Kilde", "field": "source", "align": "left"},
    ]
    ui.table(columns=columns, rows=rows, row_key="version").props("flat bordered dense").classes("w-full").mark(
        "versions-table")


def _lpr3_part(ctx: AppContext, versions: VersionStore, submitted: list[Version], form: Any) -> None:
    """The LPR3 CDA documents of the versions (and of the cancellation), each with a download."""
    from seilocal.export.cda import IntegrityError
    from seilocal.export.cda.documents import cancellation_document, document_name, version_document
    from seilocal.store.profile import load_profile

    ui.label("LPR3-dokumenter (CDA)").classes("text-h6 q-mt-md")
    if not submitted:
        ui.label("Der er ingen LPR3-dokumenter, før skemaet er indberettet.").classes("text-grey-7")
        return
    ui.label("Hver indberettet version som det dokument, LPR3 modtager; en senere version erstatter de "
             "tidligere.").classes("text-grey-7")

    def make(version: Version | None) -> tuple[str, bytes]:
        profile = load_profile(ctx.store.prefs)
        if version is not None:
            return version_document(version, profile)
        events = [e for e in versions.status_events(form.form_no) if e["action"] == "cancel"]
        at = str(events[-1]["at"]) if events else ctx.clock().replace(microsecond=0).isoformat()
        return cancellation_document(form, submitted[-1].version, at, profile)

    def download(version: Version | None) -> None:
        # Made in memory and sent over the page's connection: never a file in the system temp dir.
        try:
            name, data = make(version)
        except IntegrityError as exc:
            ui.notify("LPR3-dokumentet kan ikke dannes: " + "; ".join(exc.problems), type="negative",
                      multi_line=True, timeout=0, close_button=True)
            return
        ui.download(data, name, "application/xml")

    entries: list[tuple[str, Version | None]] = [
        (document_name(form.form_no, v.version), v) for v in reversed(submitted)]
    if form.status == "cancelled":
        entries.insert(0, (document_name(form.form_no, submitted[-1].version + 1, cancellation=True), None))
    with ui.column().classes("gap-1").mark("lpr3-docs"):
        for name, version in entries:
            with ui.row().classes("items-center gap-2"):
                label = f"Version {version.version}" if version else "Annullering (fjerner forløbet i LPR3)"
                ui.label(f"{label}: {name}")
                mark = f"lpr3-download-{version.version}" if version else "lpr3-download-cancel"
                ui.button("Hent", icon="download", on_click=lambda v=version: download(v)).props(
                    "flat dense").mark(mark)


def _event_detail(row: dict[str, Any]) -> str:
    if not row.get("new_value"):
        return ""
    try:
        value = json.loads(row["new_value"])
    except ValueError:
        return ""
    if isinstance(value, dict):
        parts = []
        if value.get("version"):
            parts.append(f"version {value['version']}")
        if value.get("reason"):
            parts.append(f"Begrundelse: {value['reason']}")
        return ", ".join(parts)
    return ""


def _events_table(events: list[dict[str, Any]]) -> None:
    rows = [
        {"id": e["id"], "at": format_for_display(e["at"]), "event": _EVENTS.get(e["action"], e["action"]),
         "detail": _event_detail(e)}
        for e in events
    ]
    columns = [
        {"name": "at", "label": "Tidspunkt", "field": "at", "align": "left"},
        {"name": "event", "label": "Hændelse", "field": "event", "align": "left"},
        {"name": "detail", "label": "Detaljer", "field": "detail", "align": "left"},
    ]
    ui.label("Statusændringer").classes("text-h6 q-mt-md")
    ui.table(columns=columns, rows=rows, row_key="id").props("flat bordered dense").classes("w-full").mark(
        "events-table")


def _diff_part(form: Any, submitted: list[Version]) -> None:
    ui.label("Forskelle mellem to udgaver").classes("text-h6 q-mt-md")
    if not submitted:
        ui.label("Der er ingen indberettede udgaver at sammenligne.").classes("text-grey-7")
        return
    documents: dict[Any, Any] = {v.version: v.document for v in submitted}
    documents[CURRENT] = form
    options: dict[Any, str] = {v.version: f"Version {v.version} ({format_for_display(v.submitted_at)})"
                               for v in submitted}
    options[CURRENT] = "Skemaet nu"
    last = submitted[-1].version
    first = submitted[-2].version if len(submitted) > 1 and form.status == "submitted" else last
    second: Any = last if form.status == "submitted" else CURRENT

    def show() -> None:
        diff_view.refresh(documents.get(older.value), documents.get(newer.value))

    with ui.row().classes("items-center gap-4"):
        older = ui.select(options, value=first, label="Fra", on_change=show).props("dense outlined").classes(
            "w-72").mark("diff-from")
        newer = ui.select(options, value=second, label="Til", on_change=show).props("dense outlined").classes(
            "w-72").mark("diff-to")
    diff_view = ui.refreshable(_diff_table)
    diff_view(documents.get(first), documents.get(second))


def _diff_table(old: Any, new: Any) -> None:
    if old is None or new is None:
        return
    rows = [
        {"key": i, "label": d.label + _CHANGES[d.change], "old": d.old, "new": d.new}
        for i, d in enumerate(diff_documents(old, new))
    ]
    if not rows:
        ui.label("Ingen forskelle.").classes("text-grey-7").mark("diff-empty")
        return
    columns = [
        {"name": "label", "label": "Felt", "field": "label", "align": "left"},
        {"name": "old", "label": "Før", "field": "old", "align": "left"},
        {"name": "new", "label": "Efter", "field": "new", "align": "left"},
    ]
    ui.table(columns=columns, rows=rows, row_key="key").props("flat bordered dense").classes("w-full").mark(
        "diff-table")


def _audit_part(versions: VersionStore, cpr: str | None, form_no: int) -> None:
    ui.label("Adgangslog for patienten").classes("text-h6 q-mt-md")
    if not cpr:
        ui.label("Skemaet har intet CPR-nummer endnu.").classes("text-grey-7")
        return
    rows = versions.patient_audit(cpr)
    ui.label(f"Alle ændringer i alle skemaer med dette CPR-nummer ({len(rows)} i alt).").classes("text-grey-7")

    def export() -> None:
        # Made in memory and sent over the page's connection: never a file in the system temp dir.
        ui.download(audit_csv(versions.patient_audit(cpr)), f"adgangslog-skema-{form_no}.csv", "text/csv")

    ui.button("Eksportér som CSV", icon="download", on_click=export).props("outline").mark("audit-export")
    table_rows = [
        {"id": r["id"], "at": format_for_display(r["at"]), "form_no": r["form_no"],
         "action": audit_action_text(r["action"], r["path"]), "field": audit_field_text(r["action"], r["path"])}
        for r in rows[-500:]  # the page shows the newest 500; the CSV has everything
    ]
    columns = [
        {"name": "at", "label": "Tidspunkt", "field": "at", "align": "left"},
        {"name": "form_no", "label": "Skema", "field": "form_no", "align": "left"},
        {"name": "action", "label": "Handling", "field": "action", "align": "left"},
        {"name": "field", "label": "Felt", "field": "field", "align": "left"},
    ]
    ui.table(columns=columns, rows=table_rows, row_key="id", pagination=25).props(
        "flat bordered dense").classes("w-full").mark("audit-table")
