"""Loading a verified bundle into another installation without duplicating the form.

Policy (one forløbsID = one form): a course not yet here is added as a new form with the bundle's version.
A course already here is updated only when the bundle's version is newer than every version here AND the
local form has no unsubmitted edits (status submitted): then nothing local is lost. Everything else is
refused with the reason: an equal or older version would duplicate or roll back, and overwriting a draft,
a changed or a cancelled form would silently drop local work or undo a cancellation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from seilocal.store.versions import durable, versions_of

from .bundle import Bundle, read_bundle


class ImportRefused(ValueError):
    """The bundle is fine but loading it would duplicate or overwrite a form; nothing was changed."""


def import_bundle(store: Any, path: Path | str) -> int:
    """Verify the bundle at `path` and load it into `store`; return the local form number.

    Raises BundleError (damaged, foreign, newer format, wrong checksum) or ImportRefused.
    """
    bundle = read_bundle(Path(path))
    versions = versions_of(store)
    db = store.db
    row = db.execute("SELECT form_no, status FROM forms WHERE course_id = ?", [bundle.form.course.id]).fetchone()
    if row is not None:
        _check_update(versions, bundle, row[0], row[1])
    now = store.forms.clock().replace(microsecond=0).isoformat()
    form = bundle.form.model_copy(deep=True)
    with durable(db), db.atomic():
        if row is None:
            form_no = store.forms.import_form(form).form.form_no
        else:
            form_no = row[0]
            form.form_no = form_no
            db.execute("UPDATE forms SET revision = revision + 1 WHERE form_no = ?", [form_no])
            store.forms._write_document(form, now)  # noqa: SLF001 - the store's one save path
        form.form_no = form_no
        db.execute(
            "INSERT INTO versions (form_no, course_id, version, submitted_at, document, findings, source) "
            "VALUES (?, ?, ?, ?, ?, ?, 'bundle')",
            [form_no, form.course.id, bundle.version, bundle.submitted_at, form.to_json(),
             json.dumps(bundle.findings, ensure_ascii=False)],
        )
        store.forms._audit(form_no, "import-bundle", "status", None,  # noqa: SLF001
                           {"status": form.status, "version": bundle.version,
                            "submitted_at": bundle.submitted_at}, now)
    return form_no


def _check_update(versions: Any, bundle: Bundle, form_no: int, status: str) -> None:
    latest = versions.latest(form_no)
    have = latest.version if latest else 0
    if bundle.version <= have:
        raise ImportRefused(
            f"form {form_no} here already has version {have} of this course; the bundle holds version "
            f"{bundle.version}, so nothing was imported"
        )
    if status != "submitted":
        raise ImportRefused(
            f"form {form_no} here has the same course with status {status!r} (local changes or a "
            "cancellation that the bundle would overwrite); nothing was imported"
        )
