"""What "Indberet" and `seilocal submit` do: validate, store the version, write its bundle."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seilocal.rules import validate
from seilocal.store.forms import StoredForm
from seilocal.store.profile import load_profile
from seilocal.store.versions import Version, finding_dicts, versions_of

from .bundle import BundleError, bundle_name, prefetch_describe, write_bundles
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
            result.bundle = write_new_bundle(version, folder, describe, profile.clinic_name,
                                             bundle_documents(profile))
        except BundleError as exc:
            result.bundle_error = str(exc)
    return result


def write_new_bundle(version: Version, folder: Path, describe: Any = None, clinic: str | None = None,
                     lpr3: Any = None) -> Path:
    """Write the bundle of a new submission without ever replacing a file: a bundle once written stays.

    After a backup restore the same form and version number can be submitted again with other content; the
    new bundle then gets the next free name (`...-v1-2.zip`). The same bytes again reuse the existing file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".seilocal-staging-", dir=folder))
    try:
        made = write_bundles([version], staging, describe, clinic_name=clinic, lpr3=lpr3)[0]
        data = made.read_bytes()
        stem = bundle_name(version).removesuffix(".zip")
        for n in range(1, 1000):
            target = folder / (f"{stem}.zip" if n == 1 else f"{stem}-{n}.zip")
            try:
                _place(made, target, data)
                return target
            except FileExistsError:
                if target.read_bytes() == data:
                    return target
        raise BundleError(f"no free file name for {stem} in {folder}")
    except OSError as exc:
        raise BundleError(f"cannot write to {folder}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _place(made: Path, target: Path, data: bytes) -> None:
    """Put the finished bundle at `target`, raising FileExistsError rather than replacing a file there."""
    try:
        os.link(made, target)  # atomic and never replaces
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (a FAT stick): exclusive create, then the bytes
        with target.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
