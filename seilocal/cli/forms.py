"""Commands on stored forms: `import FILE`, `show N`, `submit N`, `export --form N | --month YYYY-MM [--cda]
--out DIR`, `cancel N`, `print N --out FILE.pdf`, `import-bundle BUNDLE`.

Exit codes: 0 done; 1 refused (validation errors, nothing to submit, no such form or version, the bundle
would duplicate a form); 2 bad input (an unreadable or damaged bundle, a folder or file that cannot be written).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from seilocal.clock import now
from seilocal.store.profile import load_profile

from .common import error as _error
from .common import opened_store

if TYPE_CHECKING:
    from seilocal.export.bundle import Describe
    from seilocal.store import Store
    from seilocal.store.versions import Version, VersionStore


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register import, show, submit, export, cancel, print and import-bundle."""
    imp = sub.add_parser("import",
                         help="add a form from a JSON document, a submission bundle (.zip) or an LPR3 CDA "
                              "document (.xml); prints its number")
    imp.add_argument("file")
    imp.add_argument("--use-author", action="store_true",
                     help="an LPR3 document into an empty practice profile: take its author's SOR unit and CVR")
    imp.set_defaults(func=run_import)

    show = sub.add_parser("show", help="print a form's stored document as JSON")
    show.add_argument("form_no", type=int)
    show.set_defaults(func=run_show)

    submit = sub.add_parser("submit", help="validate and submit a form (stores a version and writes its bundle)")
    submit.add_argument("form_no", type=int)
    submit.set_defaults(func=run_submit)

    export = sub.add_parser("export", help="write submission bundles (ZIP) of a form or of a month")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--form", type=int, metavar="N", help="every submitted version of form N")
    which.add_argument("--month", type=_month, metavar="YYYY-MM", help="every version submitted in that month")
    export.add_argument("--version", type=int, metavar="V", help="only version V (with --form)")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write the bundles to")
    export.add_argument("--cda", action="store_true",
                        help="write the LPR3 CDA documents (DIR/*.xml) instead of the bundles")
    export.set_defaults(func=run_export)

    cancel = sub.add_parser("cancel", help='cancel a submitted form, as "Annuller" does (it is kept, not deleted)')
    cancel.add_argument("form_no", type=int)
    cancel.add_argument("--reason", required=True, help="why the form is cancelled (kept in the audit log)")
    cancel.set_defaults(func=run_cancel)

    printer = sub.add_parser("print", help="write a form as a PDF with its status as a watermark")
    printer.add_argument("form_no", type=int)
    printer.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    printer.set_defaults(func=run_print)

    importer = sub.add_parser("import-bundle", help="load a submission bundle (ZIP) from another installation")
    importer.add_argument("bundle", type=Path, metavar="BUNDLE.zip")
    importer.set_defaults(func=run_import_bundle)


def _clock() -> datetime:
    """The time of a submission or a print (a seam for tests)."""
    return now()


def _month(text: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"not a month: {text!r} (expected YYYY-MM, e.g. 2026-11)")
    return text


def _finding_line(finding: dict[str, Any]) -> str:
    return f"{finding['rule']}\t{finding['severity']}\t{finding['path']}\t{finding['message']}"


def _not_now(form_no: int, exc: Exception) -> str:
    """The message when form N is missing (its own message names it) or its status does not allow the step."""
    from seilocal.store import FormNotFound

    return str(exc) if isinstance(exc, FormNotFound) else f"form {form_no}: {exc}"


def run_submit(args: argparse.Namespace) -> int:
    """Submit form N as "Indberet" does: exit 1 with the errors when any remain, or with the reasons when its
    LPR3 document cannot be written; warnings are printed. Nothing is stored unless everything is."""
    with opened_store(args) as store:
        return _submit(store, args)


def _submit(store: Store, args: argparse.Namespace) -> int:
    from seilocal.export import BundleError, submit_form
    from seilocal.export.refusal import SubmissionRefused
    from seilocal.model.lifecycle import TransitionRefused
    from seilocal.store import FormNotFound
    from seilocal.store.versions import SubmitRefused

    try:
        stored = store.forms.load(args.form_no)
        result = submit_form(store, stored, _clock)
    except (FormNotFound, TransitionRefused) as exc:
        _error(_not_now(args.form_no, exc))
        return 1
    except SubmitRefused as exc:
        _error(f"form {args.form_no} was not submitted: {len(exc.errors)} error(s) remain")
        for finding in exc.errors:
            print(_finding_line(finding))
        return 1
    except SubmissionRefused as exc:
        _error(f"form {args.form_no} was not submitted: its LPR3 document cannot be written; nothing was stored")
        for line in exc.english():
            print(f"document\terror\t{line}")
        return 1
    except BundleError as exc:
        _error(f"form {args.form_no} was not submitted: {exc}; nothing was stored")
        return 2
    for finding in result.warnings:
        print(_finding_line(finding))
    print(f"form {args.form_no} submitted as version {result.version.version}")
    if result.bundle:
        print(f"bundle: {result.bundle} (kept in the encrypted database; `seilocal export --out DIR` writes it)")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the bundles of a form's versions or of a month's submissions into --out (never over a file there)."""
    from seilocal.export import BundleError, stored_bundle, write_bundles
    from seilocal.export.bundle import prefetch_describe
    from seilocal.store.versions import versions_of

    if args.version is not None and args.form is None:
        _error("--version needs --form")
        return 2
    with opened_store(args) as store:
        versions = versions_of(store)
        if args.form is not None:
            chosen = versions.versions(args.form)
            if args.version is not None:
                chosen = [v for v in chosen if v.version == args.version]
            what = f"form {args.form}" + (f" version {args.version}" if args.version is not None else "")
        else:
            chosen = versions.submitted_in_month(args.month)
            what = f"month {args.month}"
        if args.cda:
            return _export_cda(store, chosen, args, what)
        if not chosen:
            _error(f"nothing submitted for {what}; nothing was written")
            return 1
        texts = {}
        for version in chosen:  # one catalog lookup per code of all forms
            lookup = prefetch_describe(version.form(), store.catalog.text)
            texts[version.form_no, version.version] = lookup
        describe_all = _merged(texts.values())
        clinic = load_profile(store.prefs).clinic_name
        try:
            # The bundle kept (encrypted) at submission is what goes out; the copy in --out is plain.
            code = _export_into(args.out, lambda staging: write_bundles(
                chosen, staging, describe_all, clinic_name=clinic, stored=lambda v: stored_bundle(store, v)))
        except BundleError as exc:
            _error(str(exc))
            return 2
    if code == 0:
        print(f"note: these bundles are plain copies (not encrypted) in {args.out}", file=sys.stderr)
    return code


def _export_into(folder: Path, write: Callable[[Path], list[Path]]) -> int:
    """Write an export into `folder` (all or nothing, never over a file there) and print where it went."""
    from seilocal.export.out_folder import export_into

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(f"cannot create the folder {folder}: {exc.strerror or exc}; nothing was written")
        return 2
    if not folder.is_dir():
        _error(f"{folder} is not a folder; nothing was written")
        return 2
    try:
        placed = export_into(folder, write)
    except OSError as exc:
        _error(f"cannot write to {folder}: {exc.strerror or exc}; nothing was written")
        return 2
    _print_placed(placed)
    return 0


def _print_placed(placed: list[tuple[Path, bool]]) -> None:
    for path, own_name in placed:
        if not own_name:
            print(f"note: a different file of that name is already in {path.parent}; kept it and wrote "
                  f"{path.name}", file=sys.stderr)
        print(path)


def _export_cda(store: Store, chosen: list[Version], args: argparse.Namespace, what: str) -> int:
    """Write the chosen versions' LPR3 documents and the removal documents of forms cancelled (a month: in that
    month; a form: that form, when it is cancelled) into --out."""
    from seilocal.export.cda import IntegrityError
    from seilocal.export.cda.documents import cancellation_document, version_document
    from seilocal.export.out_folder import write_files
    from seilocal.store.versions import versions_of

    versions = versions_of(store)
    profile = load_profile(store.prefs)
    if args.month is not None:
        cancelled = versions.cancelled_in_month(args.month)
    elif args.version is None and chosen and store.forms.load(args.form).form.status == "cancelled":
        cancelled = [(args.form, _cancelled_at(versions, args.form) or store.forms.load(args.form).changed_at)]
    else:
        cancelled = []
    if not chosen and not cancelled:
        _error(f"nothing submitted or cancelled for {what}; nothing was written")
        return 1
    files: dict[str, bytes] = {}
    try:
        for version in chosen:
            name, data = version_document(version, profile)
            files[name] = data
        for form_no, cancelled_at in cancelled:
            last = versions.latest(form_no)
            if last is None:  # a cancelled form always has a version; a damaged store is no reason to stop
                continue
            name, data = cancellation_document(store.forms.load(form_no).form, last.version, cancelled_at, profile)
            files[name] = data
    except IntegrityError as exc:
        _error(f"{exc}; nothing was written")
        return 2
    return _export_into(args.out, write_files(files))


def _cancelled_at(versions: VersionStore, form_no: int) -> str | None:
    events = [e for e in versions.status_events(form_no) if e.get("action") == "cancel"]
    return str(events[-1]["at"]) if events else None


def run_cancel(args: argparse.Namespace) -> int:
    """Cancel form N as "Annuller" does; exit 1 when it cannot be cancelled (draft, already cancelled, missing)."""
    from seilocal.model.lifecycle import TransitionRefused
    from seilocal.store import FormNotFound
    from seilocal.store.versions import versions_of

    if not args.reason.strip():
        _error("a cancellation needs a reason (--reason)")
        return 2
    with opened_store(args) as store:
        try:
            stored = store.forms.load(args.form_no)
            versions_of(store, _clock).cancel(stored, args.reason)
        except (FormNotFound, TransitionRefused) as exc:
            _error(_not_now(args.form_no, exc))
            return 1
    print(f"form {args.form_no} cancelled; `seilocal export --form {args.form_no} --cda --out DIR` writes the "
          "LPR3 document that removes its course")
    return 0


def run_import_cda(args: argparse.Namespace) -> int:
    """Import an LPR3 CDA document as a new form; exit 2 with the reason when it cannot be imported."""
    from seilocal.export.cda.importer import CdaImportRefused, import_cda
    from seilocal.export.imports import accept_offer, profile_offer

    with opened_store(args) as store:
        try:
            form_no, result = import_cda(store, args.file)
            offer = profile_offer(store, result.author_unit, result.custodian_cvr)
            if offer is not None and getattr(args, "use_author", False):
                accept_offer(store, offer)
        except CdaImportRefused as exc:
            _error(f"{exc}; nothing was imported")
            return 2
    for note in result.dropped:
        print(f"note: not kept: {note}", file=sys.stderr)
    if offer is not None:
        if getattr(args, "use_author", False):
            print(f"note: the practice profile now has the document's author: {offer.english}", file=sys.stderr)
        else:
            print(f"note: the practice profile is empty; the document's author is {offer.english}. It was not "
                  "taken over: import with --use-author, or fill in the profile under Indstillinger.",
                  file=sys.stderr)
    print(form_no)
    return 0


def _merged(lookups: Iterable[Describe | None]) -> Describe:
    functions = [f for f in lookups if f is not None]

    def describe(code: str) -> str | None:
        for lookup in functions:
            text = lookup(code)
            if text:
                return text
        return None

    return describe


def run_print(args: argparse.Namespace) -> int:
    """Write form N as a PDF, watermarked with its current status; written whole or not at all."""
    from seilocal.print import render_form_pdf
    from seilocal.store import FormNotFound

    with opened_store(args) as store:
        try:
            form = store.forms.load(args.form_no).form
            pdf = render_form_pdf(form, describe=store.catalog.text, printed_at=_clock().replace(microsecond=0),
                                  clinic_name=load_profile(store.prefs).clinic_name)
            store.forms.record_view(args.form_no, "print")
        except FormNotFound as exc:
            _error(str(exc))
            return 1
    out: Path = args.out
    try:
        _write_atomic(out, pdf)
    except OSError as exc:
        _error(f"cannot write {out}: {exc.strerror or exc}; nothing was written")
        return 2
    print(out)
    return 0


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file next to `path`, then rename: a reader never sees half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".seilocal-", suffix=".part", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def run_import_bundle(args: argparse.Namespace) -> int:
    """Load a bundle: exit 2 when it is damaged or foreign, 1 when it would duplicate or overwrite a form."""
    from seilocal.export import BundleError, ImportRefused, import_bundle

    with opened_store(args) as store:
        try:
            form_no = import_bundle(store, args.bundle)
        except BundleError as exc:
            _error(f"{exc}; nothing was imported")
            return 2
        except ImportRefused as exc:
            _error(str(exc))
            return 1
    print(form_no)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """`import FILE`: a submission bundle (.zip), an LPR3 CDA document (.xml) or a form document (JSON) as a
    new form; prints its number. Exit 2 when the file is unreadable or refused, 1 when the store refuses it."""
    from seilocal.model import Form, FormatError

    path = Path(args.file)
    if zipfile.is_zipfile(path):  # a submission bundle from another installation
        args.bundle = path
        return run_import_bundle(args)
    if path.suffix.lower() == ".xml" or _starts_like_xml(path):  # an LPR3 CDA document
        return run_import_cda(args)
    from seilocal.safe_json import JsonRefused, read_json_file

    try:
        text = read_json_file(path)
        form = Form.model_validate_json(text)
    except (OSError, UnicodeDecodeError) as exc:
        _error(f"cannot read {path}: {exc}")
        return 2
    except JsonRefused as exc:
        _error(f"{path} is refused: {exc}; nothing was imported")
        return 2
    except ValidationError as exc:
        _error(f"{path} is not a valid form document:\n{_describe_validation(exc)}")
        return 2
    except FormatError as exc:
        _error(str(exc))
        return 2
    from seilocal.export.imports import english_status_note, import_form_file

    with opened_store(args) as store:
        try:
            stored, notes = import_form_file(store, form)
        except ValueError as exc:
            _error(str(exc))
            return 1
    for note in notes:
        print(english_status_note(note), file=sys.stderr)
    print(stored.form.form_no)
    return 0


def _starts_like_xml(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    except OSError:
        return False


def _describe_validation(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(document)"
        lines.append(f"  {where}: {error['msg']}")
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    """`show N`: the form's stored document as JSON; exit 1 when there is no form N."""
    from seilocal.store import FormNotFound

    with opened_store(args) as store:
        try:
            print(store.forms.document_json(args.form_no))
        except FormNotFound as exc:
            _error(str(exc))
            return 1
    return 0
