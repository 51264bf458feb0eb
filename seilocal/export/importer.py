"""Loading a verified bundle into another installation without duplicating the form.

Policy (one forløbsID = one form): a course not yet here is added as a new form with the bundle's version.
A course already here is updated only when the bundle's version is newer than every version here AND the
local form has no unsubmitted edits (status submitted): then nothing local is lost. Everything else is
refused with the reason: an equal or older version would duplicate or roll back, and overwriting a draft,
a changed or a cancelled form would silently drop local work or undo a cancellation.

The policy is decided here; the writing is the store's (`VersionStore.import_version`).
"""

from __future__ import annotations

import json
from pathlib import Path

from seilocal.store import Store
from seilocal.store.versions import VersionStore, versions_of

from .bundle import Bundle, read_bundle


class ImportRefused(ValueError):
    """The bundle is fine but loading it would duplicate or overwrite a form; nothing was changed."""


def import_bundle(store: Store, path: Path | str) -> int:
    """Verify the bundle at `path` and load it into `store`; return the local form number.

    Raises BundleError (damaged, foreign, newer format, wrong checksum) or ImportRefused.
    """
    bundle = read_bundle(Path(path))
    versions = versions_of(store)
    here = store.forms.of_course(bundle.form.course.id)
    if here is not None:
        _check_update(versions, bundle, *here)
    return versions.import_version(bundle.form, bundle.version, bundle.submitted_at,
                                   json.dumps(bundle.findings, ensure_ascii=False),
                                   form_no=None if here is None else here[0])


def _check_update(versions: VersionStore, bundle: Bundle, form_no: int, status: str) -> None:
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
