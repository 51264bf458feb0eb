""""Importér" on the forms list: an LPR3 CDA document (.xml) or a form file of ours (.json) into a new form.

The same code path as `seilocal import FILE`: `read_cda` + `import_cda` for a CDA document, `read_json_bytes` +
`Form.model_validate_json` + `FormStore.import_form` for a form file. The upload is kept in memory only (a
`MemoryUpload`: no spool file, no temp file, nothing in clear on disk even for a moment, issue 22) and read in a
worker thread, so the page stays responsive; only the store write runs on the event loop. A refusal names what
is wrong in Danish and stores nothing. Nothing about the file (its name or content) is logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from nicegui import events, run, ui
from pydantic import ValidationError

from seilocal.export.cda.importer import CdaImportRefused, import_cda, read_cda
from seilocal.export.cda.parse import MAX_BYTES as MAX_CDA_BYTES
from seilocal.export.cda.read import ReadResult
from seilocal.export.imports import import_form_file
from seilocal.model import Form, FormatError
from seilocal.refusals import render
from seilocal.safe_json import MAX_FORM_BYTES, JsonRefused, read_json_bytes
from seilocal.store import Store

from .context import AppContext
from .import_result import ImportOutcome, cda_outcome, show_import_result
from .memory_upload import MemoryUpload

log = logging.getLogger(__name__)

NOTHING = "Intet er importeret."
_MB = 1024 * 1024

class Refused(ValueError):
    """An upload that is not imported; the message is the Danish text shown to the user."""


def file_kind(name: str, head: bytes) -> str:
    """"cda" for an XML document, "zip" for a ZIP file, else "json" (as `seilocal import` decides)."""
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if name.lower().endswith(".xml"):
        return "cda"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") or head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 XML has a BOM
        return "cda"
    return "json"


def json_refusal_da(name: str, exc: Exception) -> str:
    """The Danish message for a form file (JSON) that is refused."""
    what = f"Filen »{name}«"
    if isinstance(exc, JsonRefused):  # by its reason, never by its English text
        if exc.reason == "too-large":
            return f"{what} er for stor: en skemafil fylder højst {MAX_FORM_BYTES // _MB} MB. {NOTHING}"
        if exc.reason == "duplicate-key":
            return (f"{what} nævner feltet »{exc.key}« to gange i samme objekt; et skema siger hver ting én gang. "
                    f"{NOTHING}")
        if exc.reason == "too-deep":
            return f"{what} er indlejret for dybt til at være en skemafil. {NOTHING}"
        return f"{what} er hverken et LPR3-dokument (XML) eller en skemafil (JSON). {NOTHING}"
    if isinstance(exc, UnicodeDecodeError):
        return f"{what} er ikke tekst i UTF-8, som en skemafil er. {NOTHING}"
    if isinstance(exc, FormatError):
        return f"{what} er et skema i et format, som denne version ikke kan læse ({exc}). {NOTHING}"
    if isinstance(exc, ValidationError):
        fields = [".".join(str(p) for p in e["loc"]) or "(dokumentet)" for e in exc.errors()]
        shown = ", ".join(f"»{f}«" for f in fields[:3]) + (f" og {len(fields) - 3} flere" if len(fields) > 3 else "")
        return f"{what} er JSON, men ikke et gyldigt skema: fejl i {shown}. {NOTHING}"
    return f"{what} kunne ikke læses. {NOTHING}"


@dataclass
class Parsed:
    """An upload read into a form (in a worker thread), ready to be stored (on the event loop)."""

    name: str
    form: Form | None = None  # a form file
    cda: ReadResult | None = None  # an LPR3 document


def parse_upload(data: bytes, name: str) -> Parsed:
    """Read an upload's bytes into a form, as `seilocal import` reads a file; no store, so any thread. Refused."""
    kind = file_kind(name, data[:64])
    if kind == "zip":
        raise Refused(f"Filen »{name}« er en ZIP-fil. Her importeres LPR3-dokumenter (.xml) og skemafiler (.json); "
                      f"en indberetningspakke indlæses med »seilocal import-bundle«. {NOTHING}")
    if kind == "cda":
        try:
            return Parsed(name, cda=read_cda(data, name))
        except CdaImportRefused as exc:
            raise Refused(render(exc, "da")) from exc
    try:
        return Parsed(name, form=Form.model_validate_json(read_json_bytes(data)))
    except (UnicodeDecodeError, JsonRefused, ValidationError, FormatError) as exc:
        raise Refused(json_refusal_da(name, exc)) from exc


def store_parsed(store: Store, parsed: Parsed) -> ImportOutcome:
    """Store what `parse_upload` read as a new form (always a draft); the new form, what was not kept and what is
    offered for the practice profile. Raises Refused."""
    name = parsed.name
    if parsed.cda is not None:
        try:
            form_no, _result = import_cda(store, b"", name=name, result=parsed.cda)
        except CdaImportRefused as exc:
            raise Refused(render(exc, "da")) from exc
        return cda_outcome(store, form_no, parsed.cda)
    form = parsed.form
    assert form is not None
    try:
        stored, notes = import_form_file(store, form)
    except ValueError as exc:  # the one refusal of import_form: the course is here already
        raise Refused(f"Et skema med forløbsID {form.course.id} findes allerede her. {NOTHING}") from exc
    return ImportOutcome(stored.form_no, notes)


def import_file(store: Store, data: bytes, name: str) -> ImportOutcome:
    """Import an upload's bytes in one go (parse and store on this thread), as `store_parsed` says."""
    return store_parsed(store, parse_upload(data, name))


def form_import_button(ctx: AppContext) -> None:
    """The "Importér" button and its dialog: choose a file, import it into a new form and open that form."""
    with ui.dialog() as dialog, ui.card().classes("min-w-[32rem]").mark("form-import-dialog"):
        ui.label("Importér skema").classes("text-h6")
        ui.label("Vælg et LPR3-dokument (CDA, .xml) eller en skemafil fra SEI-LPR lokal (.json). Det bliver et nyt "
                 "skema, som åbnes bagefter.").classes("text-body2")
        status = ui.label("").classes("text-negative").mark("form-import-status")

        def refuse(text: str) -> None:
            status.set_text(text)
            ui.notify(text, type="negative", multi_line=True)

        async def handle(e: events.UploadEventArguments) -> None:
            name = Path(e.file.name or "filen").name
            try:
                size = e.file.size()
                if size > MAX_CDA_BYTES:
                    raise Refused(f"Filen »{name}« er for stor ({size / _MB:.0f} MB): et LPR3-dokument fylder "
                                  f"højst {MAX_CDA_BYTES // _MB} MB, en skemafil højst {MAX_FORM_BYTES // _MB} MB. "
                                  f"{NOTHING}")
                data = await e.file.read()  # in memory: a MemoryUpload never spools to disk
                # Parsing a large document takes seconds: a worker thread, so every page stays responsive.
                parsed = await run.io_bound(parse_upload, data, name)
                del data
                if parsed is None:  # the app is shutting down
                    return
                outcome = store_parsed(ctx.store, parsed)
            except Refused as exc:
                refuse(str(exc))
                return
            except Exception as exc:  # noqa: BLE001 - a defect must not show a stack trace with patient data
                log.error("form import failed: %s", type(exc).__name__)  # the type only: no content, no file name
                refuse(f"Filen »{name}« kunne ikke importeres (uventet fejl: {type(exc).__name__}). {NOTHING}")
                return
            finally:
                upload.reset()
            status.set_text("")
            dialog.close()
            show_import_result(ctx, outcome)  # the notes and the profile offer first, then the form

        def too_large() -> None:
            refuse(f"Filen er for stor: et LPR3-dokument fylder højst {MAX_CDA_BYTES // _MB} MB. {NOTHING}")

        upload = (
            MemoryUpload(label="Vælg fil", on_upload=handle, on_rejected=too_large, auto_upload=True, max_files=1,
                         max_bytes=MAX_CDA_BYTES)
            .props('accept=".xml,.json"')
            .classes("w-full")
            .mark("form-import-upload")
        )
        with ui.row().classes("w-full justify-end"):
            ui.button("Luk", on_click=dialog.close).props("flat").mark("form-import-close")

    def open_dialog() -> None:
        status.set_text("")
        dialog.open()

    ui.button("Importér", icon="upload_file", on_click=open_dialog).props("outline").mark("form-import")
