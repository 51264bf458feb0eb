"""`seilocal import FILE.xml`: an LPR3 CDA document into a new form (the package's only store-facing module)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .parse import MAX_BYTES, CdaParseError
from .read import CdaImportError, ReadResult, read_document

if TYPE_CHECKING:
    from seilocal.store import Store


class CdaImportRefused(ValueError):
    """The file cannot be imported; the message says why in English, nothing was stored.

    `reason` names the kind for a translated message (the UI's): read, too-large, too-many, dtd, xml, not-cda, not-lpr3,
    content or exists; `detail` holds what the message names (a line number, a root element, a course and form).
    """

    def __init__(self, message: str, reason: str = "content", detail: Any = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail


def _reason(exc: CdaParseError | CdaImportError) -> tuple[str, Any]:
    """The kind of a parse or read error and what it names, for CdaImportRefused."""
    if isinstance(exc, CdaParseError):
        return exc.reason, exc.line
    text = str(exc)
    if text.startswith("not an HL7 CDA document"):
        return "not-cda", text.split("is ", 1)[-1].strip("')\"")
    if text.startswith("not an LPR3 document"):
        return "not-lpr3", None
    return "content", text


def read_cda(source: Path | str | bytes, name: str) -> ReadResult:
    """Read a document (a file, or an upload's bytes kept in memory) into a form; no store, so any thread."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with Path(source).open("rb") as handle:  # the size is checked before the whole file is read
                if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                    raise CdaParseError("the file is far too large for an LPR3 document", "too-large")
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CdaImportRefused(f"cannot read {name}: {exc.strerror or exc}", "read") from exc
        except CdaParseError as exc:
            raise CdaImportRefused(f"{name}: {exc}", *_reason(exc)) from exc
    try:
        return read_document(data)
    except (CdaParseError, CdaImportError) as exc:
        raise CdaImportRefused(f"{name}: {exc}", *_reason(exc)) from exc


def import_cda(store: Store, path: Path | str | bytes, name: str | None = None,
               result: ReadResult | None = None) -> tuple[int, ReadResult]:
    """Read the document at `path` into a new form; (form number, what was read and dropped).

    `name` is how messages call the file (default: its path; the app passes the uploaded file's name). `result`
    is the document already read by `read_cda` (the app reads it in a worker thread and stores it here).
    """
    name = (str(path) if not isinstance(path, bytes) else "the document") if name is None else name
    if result is None:
        result = read_cda(path, name)
    course_id = result.form.course.id
    here = store.forms.of_course(course_id, any_case=True)
    if here is not None:
        raise CdaImportRefused(f"{name}: the course {course_id} is already here as form {here[0]}", "exists",
                               (course_id, here[0]))
    # The practice profile is never changed here: the document's author is offered for the user to accept
    # (`seilocal.export.imports.profile_offer`).
    stored = store.forms.import_form(result.form)
    return stored.form_no, result
