""""Importér" on the forms list: an LPR3 CDA document (.xml) or a form file of ours (.json) into a new form.

The same code path as `seilocal import FILE`: `import_cda` for a CDA document, `read_json_file` +
`Form.model_validate_json` + `FormStore.import_form` for a form file. The upload is written to `<data dir>/tmp`
(never the system temp folder) and removed afterwards; a refusal names what is wrong in Danish and stores
nothing. Nothing about the file (its name or content) is logged.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

from nicegui import events, ui
from pydantic import ValidationError

from seilocal.export.cda.importer import CdaImportRefused, import_cda
from seilocal.export.cda.parse import MAX_BYTES as MAX_CDA_BYTES
from seilocal.export.imports import import_form_file
from seilocal.model import Form, FormatError
from seilocal.safe_json import MAX_FORM_BYTES, JsonRefused, read_json_file
from seilocal.settings import DIR_MODE, TEMP_FOLDER

from .context import AppContext
from .import_result import ImportOutcome, cda_outcome, show_import_result

log = logging.getLogger(__name__)

NOTHING = "Intet er importeret."
_MB = 1024 * 1024

# The Danish text of the CDA reader's refusals of a document's content (its messages are English, for the CLI).
_CONTENT_DA = {
    "the document names no patient (recordTarget)": "dokumentet nævner ingen patient (recordTarget mangler)",
    "the document names no CPR or replacement number": "dokumentet har hverken et CPR-nummer eller et erstatnings-CPR",
    "the document has no LPR3 entries (no course, contact, procedure or report)":
        "dokumentet indeholder ingen LPR3-oplysninger (intet forløb, ingen kontakt, procedure eller "
        "resultatindberetning)",
}


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


def cda_refusal_da(name: str, exc: CdaImportRefused) -> str:
    """The Danish message for a CDA document that is refused."""
    what = f"Filen »{name}«"
    detail = exc.detail
    if exc.reason == "read":
        return f"{what} kunne ikke læses. {NOTHING}"
    if exc.reason == "too-large":
        return f"{what} er for stor: et LPR3-dokument fylder højst {MAX_CDA_BYTES // _MB} MB. {NOTHING}"
    if exc.reason == "dtd":
        return (f"{what} indeholder en DTD eller entitetserklæringer (<!DOCTYPE …> / <!ENTITY …>). Det har et "
                f"LPR3-dokument aldrig, så filen afvises, og intet i den udfoldes eller hentes udefra. {NOTHING}")
    if exc.reason == "xml":
        where = f" (fejl i linje {detail})" if detail else ""
        return f"{what} er ikke gyldig XML{where}. {NOTHING}"
    if exc.reason == "not-cda":
        return (f"{what} er ikke et HL7 CDA-dokument: dens rodelement er »{detail}«, ikke »ClinicalDocument«. "
                f"{NOTHING}")
    if exc.reason == "not-lpr3":
        return (f"{what} er et CDA-dokument, men ikke et LPR3-dokument (skabelonen DK Episode Of Care Summaries, "
                f"1.2.208.176.7.1.10.71, mangler). {NOTHING}")
    if exc.reason == "exists":
        course, form_no = detail
        return f"Forløbet {course} findes allerede her som skema {form_no}. {NOTHING}"
    cause = _CONTENT_DA.get(str(detail), f"{detail}")
    return f"{what} kan ikke læses som et LPR3-skema: {cause}. {NOTHING}"


def json_refusal_da(name: str, exc: Exception) -> str:
    """The Danish message for a form file (JSON) that is refused."""
    what = f"Filen »{name}«"
    if isinstance(exc, JsonRefused):
        text = str(exc)
        if "bytes allowed" in text:
            return f"{what} er for stor: en skemafil fylder højst {MAX_FORM_BYTES // _MB} MB. {NOTHING}"
        if "occurs twice" in text:
            key = text.split("'")[1] if text.count("'") >= 2 else ""
            return f"{what} nævner feltet »{key}« to gange i samme objekt; et skema siger hver ting én gang. {NOTHING}"
        if "nested" in text:
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


def import_file(store: Any, path: Path, name: str, kind: str) -> ImportOutcome:
    """Import the saved upload as `seilocal import` does (always as a draft); the new form, what was not kept and
    what is offered for the practice profile. Raises Refused."""
    if kind == "zip":
        raise Refused(f"Filen »{name}« er en ZIP-fil. Her importeres LPR3-dokumenter (.xml) og skemafiler (.json); "
                      f"en indberetningspakke indlæses med »seilocal import-bundle«. {NOTHING}")
    if kind == "cda":
        try:
            form_no, result = import_cda(store, path, name=name)
        except CdaImportRefused as exc:
            raise Refused(cda_refusal_da(name, exc)) from exc
        return cda_outcome(store, form_no, result)
    try:
        form = Form.model_validate_json(read_json_file(path))
    except (OSError, UnicodeDecodeError, JsonRefused, ValidationError, FormatError) as exc:
        raise Refused(json_refusal_da(name, exc)) from exc
    try:
        stored, notes = import_form_file(store, form)
    except ValueError as exc:  # the one refusal of import_form: the course is here already
        raise Refused(f"Et skema med forløbsID {form.course.id} findes allerede her. {NOTHING}") from exc
    return ImportOutcome(int(stored.form.form_no), notes)


def upload_folder(ctx: AppContext) -> Path:
    """`<data dir>/tmp`, where uploads are kept while they are read (created when missing)."""
    if ctx.store.path is None:
        raise Refused("Der er ingen datamappe at gemme filen i under importen. " + NOTHING)
    folder = Path(ctx.store.path).parent / TEMP_FOLDER
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    return folder


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
            temp: Path | None = None
            try:
                size = e.file.size()
                if size > MAX_CDA_BYTES:
                    raise Refused(f"Filen »{name}« er for stor ({size / _MB:.0f} MB): et LPR3-dokument fylder "
                                  f"højst {MAX_CDA_BYTES // _MB} MB, en skemafil højst {MAX_FORM_BYTES // _MB} MB. "
                                  f"{NOTHING}")
                temp = upload_folder(ctx) / f".form-import-{uuid.uuid4().hex}.tmp"
                await e.file.save(temp)
                with temp.open("rb") as handle_:
                    kind = file_kind(name, handle_.read(64))
                outcome = import_file(ctx.store, temp, name, kind)
            except Refused as exc:
                refuse(str(exc))
                return
            except OSError as exc:
                refuse(f"Filen »{name}« kunne ikke gemmes eller læses ({exc.strerror or type(exc).__name__}). "
                       f"{NOTHING}")
                return
            except Exception as exc:  # noqa: BLE001 - a defect must not show a stack trace with patient data
                log.error("form import failed: %s", type(exc).__name__)  # the type only: no content, no file name
                refuse(f"Filen »{name}« kunne ikke importeres (uventet fejl: {type(exc).__name__}). {NOTHING}")
                return
            finally:
                if temp is not None:
                    temp.unlink(missing_ok=True)
                upload.reset()
            status.set_text("")
            dialog.close()
            show_import_result(ctx, outcome)  # the notes and the profile offer first, then the form

        def too_large() -> None:
            refuse(f"Filen er for stor: et LPR3-dokument fylder højst {MAX_CDA_BYTES // _MB} MB. {NOTHING}")

        upload = (
            ui.upload(label="Vælg fil", on_upload=handle, on_rejected=too_large, auto_upload=True, max_files=1,
                      max_file_size=MAX_CDA_BYTES)
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
