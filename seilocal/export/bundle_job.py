"""One bundle job: the three steps every bundle is made in, written once for the command line's submit, the app's
"Indberet" and the history page's repair of a missing bundle.

1. prepare: read what the bundle needs from the database (the version, the catalog's code texts, the clinic's
   name, the LPR3 documents or the writer of them). A connection belongs to its thread, so this runs where the
   store is used: on the event loop in the app.
2. build: the ZIP with its PDF (a few hundred ms). No database: the app runs it in a worker thread.
3. store: write the result, on the store's thread again (a submission: version and bundle in one transaction;
   a repair: the bundle).

A job is made by its prepare step (`submission_job` in submission.py, `repair_job` here) and run by `run` (all on
this thread: the command line) or `run_async` (the build in a worker thread: the app).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from seilocal.store import Store
from seilocal.store.bundles import BundleStore
from seilocal.store.profile import load_profile
from seilocal.store.versions import Version

from .bundle import BundleError, Describe, Lpr3Documents, build_bundle, bundle_name, prefetch_describe

T = TypeVar("T")


@dataclass
class BundleJob(Generic[T]):
    """A prepared bundle job: what the bundle is made of, and the store step that takes the bytes.

    `wanted` False (an in-memory store: tests, tools keep no bundle) skips the build: the store step gets None.
    """

    version: Version
    describe: Describe | None
    clinic: str | None
    lpr3: Lpr3Documents | None
    store: Callable[[bytes | None], T]
    wanted: bool = True

    def build(self) -> bytes:
        """The bundle's bytes (no database: may run in a worker thread); BundleError when it cannot be made."""
        return make_bundle(self.version, self.describe, self.clinic, self.lpr3)

    def run(self) -> T:
        """Build and store on this thread."""
        return self.store(self.build() if self.wanted else None)

    async def run_async(self, in_thread: Callable[[Callable[[], bytes]], Awaitable[bytes | None]]) -> T:
        """Build in a worker thread (`in_thread`, e.g. nicegui's `run.io_bound`), then store on this thread."""
        if not self.wanted:
            return self.store(None)
        data = await in_thread(self.build)
        if data is None:  # nicegui's run.io_bound answers None when the app is shutting down: store nothing
            raise BundleError("the bundle was not made: the app is shutting down")
        return self.store(data)


def make_bundle(version: Version, describe: Describe | None = None, clinic: str | None = None,
                lpr3: Lpr3Documents | None = None) -> bytes:
    """The bundle's bytes (no database: may run in a worker thread)."""
    try:
        return build_bundle(version, describe, clinic, lpr3)
    except (OSError, ValueError) as exc:
        if isinstance(exc, BundleError):
            raise
        raise BundleError(f"the bundle could not be made: {exc}") from exc


def store_bundle(store: Store, version: Version, data: bytes) -> str:
    """Keep a version's bundle in the database; return its name. A bundle once stored stays.

    After a backup restore the same form and version number can be submitted again with other content; the
    new bundle then gets the next free name (`...-v1-2.zip`). The same bytes again reuse the stored one.
    """
    try:
        return BundleStore(store.db).put(bundle_name(version).removesuffix(".zip"), data, version.form_no,
                                         version.version)
    except Exception as exc:  # noqa: BLE001 - a full disk or a locked database: the submission itself stays
        raise BundleError(f"the bundle could not be stored in the database: {exc}") from exc


def stored_bundle(store: Store, version: Version) -> bytes | None:
    """The bytes of the bundle stored when `version` was submitted (or imported), or None."""
    found = BundleStore(store.db).of_version(version.form_no, version.version)
    return None if found is None else found.data


def repair_job(store: Store, version: Version) -> BundleJob[bytes]:
    """The job that makes the bundle of a version that has none (its making failed at submission, e.g. a full
    disk) and keeps it; the job's result is the bundle's bytes."""
    from .cda.documents import bundle_documents  # the CDA writer: imported only when a bundle is made

    profile = load_profile(store.prefs)

    def keep(data: bytes | None) -> bytes:
        assert data is not None  # a repair always builds
        store_bundle(store, version, data)
        return data

    return BundleJob(version, prefetch_describe(version.form(), store.catalog.text), profile.clinic_name,
                     bundle_documents(profile), keep)
