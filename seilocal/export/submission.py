"""What "Indberet" and `seilocal submit` do: validate, store the version, store its bundle in the database.

The bundle holds the patient's data, so it is kept inside the encrypted database (`store/bundles.py`); a plain
file is written only when the user exports it (`seilocal export --out DIR`, the history page, the month export).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from seilocal.rules import validate
from seilocal.store.bundles import BundleStore
from seilocal.store.forms import StoredForm
from seilocal.store.profile import load_profile
from seilocal.store.versions import Version, finding_dicts, versions_of

from .bundle import BundleError, build_bundle, bundle_name, prefetch_describe
from .cda.documents import bundle_documents


@dataclass
class SubmitResult:
    """A stored submission, its warnings, and the name its bundle is stored under (or why it could not be made)."""

    version: Version
    warnings: list[dict[str, Any]] = field(default_factory=list)
    bundle: str | None = None
    bundle_error: str | None = None


def findings_now(store: Any, stored: StoredForm, now: datetime) -> list[dict[str, Any]]:
    """The full validation of the form as it is, with the store's code catalog."""
    return finding_dicts(validate(stored.form, store.catalog, now))


def submit_form(store: Any, stored: StoredForm, clock: Callable[[], datetime] = datetime.now,
                write_bundle: bool = True) -> SubmitResult:
    """Validate and submit; raises SubmitRefused (errors remain) or TransitionRefused (nothing to submit).

    The version is committed before its bundle is made (the PDF takes a few hundred ms and needs the
    version's number and time): a bundle that cannot be made never undoes a submission, and
    `seilocal export --form N` makes it again.
    """
    findings = findings_now(store, stored, clock().replace(microsecond=0))
    version = versions_of(store, clock).submit(stored, findings)
    result = SubmitResult(version, [f for f in findings if f.get("severity") == "warning"])
    if write_bundle and store.path is not None:  # an in-memory store (tests, tools) keeps no bundle
        describe = prefetch_describe(stored.form, store.catalog.text)
        profile = load_profile(store.prefs)
        try:
            data = make_bundle(version, describe, profile.clinic_name, bundle_documents(profile))
            result.bundle = store_bundle(store.db, version, data)
        except BundleError as exc:
            result.bundle_error = str(exc)
    return result


def make_bundle(version: Version, describe: Any = None, clinic: str | None = None, lpr3: Any = None) -> bytes:
    """The bundle's bytes (no database: may run in a worker thread)."""
    try:
        return build_bundle(version, describe, clinic, lpr3)
    except (OSError, ValueError) as exc:
        if isinstance(exc, BundleError):
            raise
        raise BundleError(f"the bundle could not be made: {exc}") from exc


def store_bundle(db: Any, version: Version, data: bytes) -> str:
    """Keep a new submission's bundle in the database; return its name. A bundle once stored stays.

    After a backup restore the same form and version number can be submitted again with other content; the
    new bundle then gets the next free name (`...-v1-2.zip`). The same bytes again reuse the stored one.
    """
    try:
        return BundleStore(db).put(bundle_name(version).removesuffix(".zip"), data, version.form_no,
                                   version.version)
    except Exception as exc:  # noqa: BLE001 - a full disk or a locked database: the submission itself stays
        raise BundleError(f"the bundle could not be stored in the database: {exc}") from exc


def stored_bundle(store: Any, version: Version) -> bytes | None:
    """The bytes of the bundle stored when `version` was submitted (or imported), or None."""
    found = BundleStore(store.db).of_version(version.form_no, version.version)
    return None if found is None else found.data

