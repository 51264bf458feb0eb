"""What "Indberet" and `seilocal submit` do: validate, store the version, write its bundle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seilocal.rules import validate
from seilocal.store.forms import StoredForm
from seilocal.store.profile import load_profile
from seilocal.store.versions import Version, finding_dicts, versions_of

from .bundle import BundleError, prefetch_describe, write_bundles
from .cda.documents import bundle_documents

BUNDLES_FOLDER = "bundles"


@dataclass
class SubmitResult:
    """A stored submission, its warnings, and where its bundle went (or why it could not be written)."""

    version: Version
    warnings: list[dict[str, Any]] = field(default_factory=list)
    bundle: Path | None = None
    bundle_error: str | None = None


def bundles_dir(store: Any) -> Path | None:
    """`<data dir>/bundles` of an opened store; None for an in-memory store."""
    return None if store.path is None else Path(store.path).parent / BUNDLES_FOLDER


def findings_now(store: Any, stored: StoredForm, now: datetime) -> list[dict[str, Any]]:
    """The full validation of the form as it is, with the store's code catalog."""
    return finding_dicts(validate(stored.form, store.catalog, now))


def submit_form(store: Any, stored: StoredForm, clock: Callable[[], datetime] = datetime.now,
                write_bundle: bool = True) -> SubmitResult:
    """Validate and submit; raises SubmitRefused (errors remain) or TransitionRefused (nothing to submit).

    The version is committed before its bundle is written: a bundle that cannot be written (full disk)
    never undoes a submission, and `seilocal export --form N` can write it again.
    """
    findings = findings_now(store, stored, clock().replace(microsecond=0))
    version = versions_of(store, clock).submit(stored, findings)
    result = SubmitResult(version, [f for f in findings if f.get("severity") == "warning"])
    folder = bundles_dir(store)
    if write_bundle and folder is not None:
        describe = prefetch_describe(stored.form, store.catalog.text)
        try:
            profile = load_profile(store.prefs)
            result.bundle = write_bundles([version], folder, describe, clinic_name=profile.clinic_name,
                                          lpr3=bundle_documents(profile))[0]
        except BundleError as exc:
            result.bundle_error = str(exc)
    return result
