"""`seilocal import FILE.xml`: an LPR3 CDA document into a new form (the package's only store-facing module)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from seilocal.refusals import ImportRefused, Kind

from .parse import MAX_BYTES, MAX_ELEMENTS, CdaParseError
from .read import CdaImportError, ReadResult, read_document

if TYPE_CHECKING:
    from seilocal.store import Store


class CdaImportRefused(ImportRefused, ValueError):
    """The file cannot be imported, nothing was stored: a `Kind.CDA_*` and what it names (`name`, the file as
    messages call it), rendered by seilocal.refusals (`str(exc)` English, `render(exc, "da")` Danish)."""

    frame_da: ClassVar[str] = "{cause} Intet er importeret."

    @property
    def reason(self) -> str:
        """The kind without its family prefix: read, too-large, too-many, dtd, xml, not-cda, not-lpr3, ..."""
        return self.kind.removeprefix("cda-").removesuffix("-at")


_PARSE_KINDS = {"too-large": Kind.CDA_TOO_LARGE, "too-many": Kind.CDA_TOO_MANY, "dtd": Kind.CDA_DTD,
                "xml": Kind.CDA_XML}
_READ_KINDS = {"not-cda": Kind.CDA_NOT_CDA, "not-lpr3": Kind.CDA_NOT_LPR3, "no-patient": Kind.CDA_NO_PATIENT,
               "no-cpr": Kind.CDA_NO_CPR, "no-entries": Kind.CDA_NO_ENTRIES}


def _refused(exc: CdaParseError | CdaImportError, name: str) -> CdaImportRefused:
    """The refusal of a parse or read error, by its reason (never by its English text)."""
    if isinstance(exc, CdaImportError):
        return CdaImportRefused(_READ_KINDS[exc.reason], name=name, **exc.values)
    if exc.reason == "xml" and exc.line:
        return CdaImportRefused(Kind.CDA_XML_AT, name=name, line=exc.line, reason=str(exc))
    return CdaImportRefused(_PARSE_KINDS[exc.reason], name=name, reason=str(exc), limit_mb=MAX_BYTES >> 20,
                            limit=MAX_ELEMENTS)


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
            raise CdaImportRefused(Kind.CDA_READ, name=name, reason=exc.strerror or str(exc)) from exc
        except CdaParseError as exc:
            raise _refused(exc, name) from exc
    try:
        return read_document(data)
    except (CdaParseError, CdaImportError) as exc:
        raise _refused(exc, name) from exc


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
        raise CdaImportRefused(Kind.CDA_EXISTS, name=name, course=course_id, form_no=here[0])
    # The practice profile is never changed here: the document's author is offered for the user to accept
    # (`seilocal.export.imports.profile_offer`).
    stored = store.forms.import_form(result.form)
    return stored.form_no, result
