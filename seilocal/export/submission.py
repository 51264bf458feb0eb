"""What "Indberet" and `seilocal submit` do: validate, build and check the LPR3 documents, make the bundle, and
store the version with its bundle in one transaction. Nothing is stored when any step fails.

Both run the same bundle job (`bundle_job.py`): `submission_job` is its prepare step, `submit_form` runs it all on
this thread (the command line), the app runs its build in a worker thread (`pages/form_actions.py`).

The bundle holds the patient's data, so it is kept inside the encrypted database (`store/bundles.py`); a plain
file is written only when the user exports it (`seilocal export --out DIR`, the history page, the month export).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from seilocal.rules import validate
from seilocal.store import Store
from seilocal.store.forms import StoredForm
from seilocal.store.profile import load_profile
from seilocal.store.versions import Version, finding_dicts, versions_of

from .bundle import bundle_name, prefetch_describe
from .bundle_job import BundleJob, stored_bundle
from .cda.documents import bundle_documents, reporter
from .cda.header import Header
from .cda.integrity import IntegrityError, Problem, check_integrity
from .refusal import SubmissionRefused

Clock = Callable[[], datetime]

# `stored_bundle` lives in bundle_job.py; it is named here too for the pages that import it from here.
__all__ = ["SubmitResult", "findings_now", "stored_bundle", "submission_job", "submit_form"]


@dataclass
class SubmitResult:
    """A stored submission, its warnings, and the name its bundle is stored under.

    `bundle` is None only for an in-memory store (tests, tools keep no bundle); `bundle_error` is kept for
    callers of older versions and is always None now: a submission without its documents is refused."""

    version: Version
    warnings: list[dict[str, Any]] = field(default_factory=list)
    bundle: str | None = None
    bundle_error: str | None = None


def findings_now(store: Store, stored: StoredForm, now: datetime) -> list[dict[str, Any]]:
    """The full validation of the form as it is, with the store's code catalog."""
    return finding_dicts(validate(stored.form, store.catalog, now))


def submission_job(store: Store, stored: StoredForm, findings: list[dict[str, Any]], clock: Clock = datetime.now,
                   write_bundle: bool = True) -> BundleJob[SubmitResult]:
    """The prepare step of a submission: the version-to-be and its LPR3 documents, built and checked now;
    nothing is stored until the job's store step (version and bundle in one transaction).

    Raises SubmitRefused (rule errors), TransitionRefused, or SubmissionRefused when the documents cannot be
    written or fail our integrity checks (with the store's catalog): the form then stays as it is. The store step
    raises StaleForm when the form changed meanwhile.
    """
    versions = versions_of(store, clock)
    prepared = versions.prepare(stored, findings)
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

    def commit(data: bytes | None) -> SubmitResult:
        if data is not None:
            prepared.bundle = (bundle_name(version).removesuffix(".zip"), data)
        stored_version = versions.submit(stored, findings, prepared)
        return SubmitResult(stored_version, [f for f in findings if f.get("severity") == "warning"],
                            prepared.bundle_name)

    return BundleJob(version, prefetch_describe(stored.form, store.catalog.text), profile.clinic_name,
                     lambda _version: documents, commit,
                     wanted=write_bundle and store.path is not None)  # an in-memory store keeps no bundle


def submit_form(store: Store, stored: StoredForm, clock: Clock = datetime.now,
                write_bundle: bool = True) -> SubmitResult:
    """Validate, build and check the LPR3 documents, make the bundle, then store version and bundle together.

    Raises SubmitRefused (errors remain), TransitionRefused (nothing to submit), SubmissionRefused (the
    documents cannot be written) or BundleError (the bundle cannot be made): in every case nothing is stored.
    """
    findings = findings_now(store, stored, clock().replace(microsecond=0))
    return submission_job(store, stored, findings, clock, write_bundle).run()
