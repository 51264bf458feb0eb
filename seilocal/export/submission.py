"""What "Indberet" and `seilocal submit` do: validate, build and check the LPR3 documents, make the bundle, and
store the version with its bundle in one transaction. Nothing is stored when any step fails.

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
from seilocal.store.versions import Prepared, Version, finding_dicts, versions_of

from .bundle import BundleError, build_bundle, bundle_name, prefetch_describe
from .cda.build import Header
from .cda.documents import bundle_documents, reporter
from .cda.integrity import IntegrityError, Problem, check_integrity
from .refusal import SubmissionRefused


@dataclass
class SubmitResult:
    """A stored submission, its warnings, and the name its bundle is stored under.

    `bundle` is None only for an in-memory store (tests, tools keep no bundle); `bundle_error` is kept for
    callers of older versions and is always None now: a submission without its documents is refused."""

    version: Version
    warnings: list[dict[str, Any]] = field(default_factory=list)
    bundle: str | None = None
    bundle_error: str | None = None


def findings_now(store: Any, stored: StoredForm, now: datetime) -> list[dict[str, Any]]:
    """The full validation of the form as it is, with the store's code catalog."""
    return finding_dicts(validate(stored.form, store.catalog, now))


@dataclass
class Preparation:
    """What the bundle of a submission is made from (the parts that need the database, read on its thread)."""

    prepared: Prepared
    documents: dict[str, bytes]
    describe: Any
    clinic: str | None


def prepare_submission(store: Any, stored: StoredForm, findings: list[dict[str, Any]],
                       clock: Callable[[], datetime] = datetime.now) -> Preparation:
    """The version-to-be and its LPR3 documents, built and checked now; nothing is stored.

    Raises SubmitRefused (rule errors), TransitionRefused, or SubmissionRefused when the documents cannot be
    written or fail our integrity checks (with the store's catalog): the form then stays as it is.
    """
    prepared = versions_of(store, clock).prepare(stored, findings)
    profile = load_profile(store.prefs)
    version = prepared.version
    unit, cvr = reporter(profile)
    header = Header(version=version.version, effective=version.submitted_at, author_unit=unit, custodian_cvr=cvr)
    try:
        check_integrity(version.form(), header, catalog=store.catalog)
        documents = bundle_documents(profile)(version)
    except IntegrityError as exc:
        raise SubmissionRefused.of(exc) from exc
    except (ValueError, TypeError, KeyError) as exc:  # a defect of the writer: refused all the same, never half-done
        raise SubmissionRefused([Problem("build_failed", "", "the LPR3 document", type(exc).__name__)]) from exc
    return Preparation(prepared, documents, prefetch_describe(stored.form, store.catalog.text), profile.clinic_name)


def bundle_of(preparation: Preparation) -> bytes:
    """The bundle's bytes with the documents already built (no database: may run in a worker thread)."""
    documents = preparation.documents
    return make_bundle(preparation.prepared.version, preparation.describe, preparation.clinic,
                       lambda _version: documents)


def commit_submission(store: Any, stored: StoredForm, findings: list[dict[str, Any]], preparation: Preparation,
                      data: bytes | None, clock: Callable[[], datetime] = datetime.now) -> SubmitResult:
    """Store the version and its bundle in one transaction (StaleForm when the form changed meanwhile)."""
    prepared = preparation.prepared
    if data is not None:
        prepared.bundle = (bundle_name(prepared.version).removesuffix(".zip"), data)
    version = versions_of(store, clock).submit(stored, findings, prepared)
    return SubmitResult(version, [f for f in findings if f.get("severity") == "warning"], prepared.bundle_name)


def submit_form(store: Any, stored: StoredForm, clock: Callable[[], datetime] = datetime.now,
                write_bundle: bool = True) -> SubmitResult:
    """Validate, build and check the LPR3 documents, make the bundle, then store version and bundle together.

    Raises SubmitRefused (errors remain), TransitionRefused (nothing to submit), SubmissionRefused (the
    documents cannot be written) or BundleError (the bundle cannot be made): in every case nothing is stored.
    """
    findings = findings_now(store, stored, clock().replace(microsecond=0))
    preparation = prepare_submission(store, stored, findings, clock)
    keep = write_bundle and store.path is not None  # an in-memory store (tests, tools) keeps no bundle
    data = bundle_of(preparation) if keep else None
    return commit_submission(store, stored, findings, preparation, data, clock)


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

