"""A child process for the crash tests: does work through the app's own code and prints each acknowledgement.

    python tests/support/crash_child.py edits DATA_DIR TOTAL
    python tests/support/crash_child.py submits DATA_DIR TOTAL
    python tests/support/crash_child.py import DATA_DIR SKS_FILE
    python tests/support/crash_child.py bundles DATA_DIR TOTAL
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from seilocal.store import FormNotFound, open_store  # noqa: E402

EDIT_PATH = "patient.name"


def say(*words: object) -> None:
    """Print one line in a single write: with PYTHONUNBUFFERED, print() writes word by word, and a kill between
    two of those writes left a bare "ACK" that the parent took for an acknowledgement."""
    os.write(1, (" ".join(str(word) for word in words) + "\n").encode())


def edit_value(i: int) -> str:
    """The value of the i-th edit (0-based): distinct, so the audit log shows each one."""
    return f"edit {i}"


def run_edits(data_dir: Path, total: int) -> None:
    """Edit form 1 until `total` edits are stored; print READY n, then ACK i after each save returns."""
    store = open_store(data_dir)
    forms = store.forms
    try:
        stored = forms.load(1)
    except FormNotFound:
        stored = forms.create()
    done = store.db.execute("SELECT count(*) FROM audit WHERE form_no = 1 AND action = 'set'").fetchone()[0]
    say("READY", done)
    for i in range(done, total):
        forms.save_edit(stored, EDIT_PATH, edit_value(i))
        say("ACK", i)
    say("FINISHED")


def run_submits(data_dir: Path, total: int) -> None:
    """Edit form 1 and submit it, `total` times; print SUB n after each submission returns (its version)."""
    from seilocal.store.versions import VersionStore

    store = open_store(data_dir)
    forms = store.forms
    versions = VersionStore(store.db, forms)
    try:
        stored = forms.load(1)
    except FormNotFound:
        stored = forms.create()
    done = len(versions.versions(1))
    say("READY", done)
    for i in range(done, total):
        forms.save_edit(stored, EDIT_PATH, edit_value(i))
        version = versions.submit(stored, [])
        say("SUB", version.version)
    say("FINISHED")


def run_bundled_submits(data_dir: Path, total: int) -> None:
    """As `run_submits`, through `submit_form` ("Indberet"): LPR3 document, bundle and version; print SUB n."""
    from datetime import datetime, timedelta

    from seilocal.export import submit_form
    from seilocal.store.versions import VersionStore
    from tests.support.submit_helpers import clean_form, set_practice

    store = open_store(data_dir)
    forms = store.forms
    versions = VersionStore(store.db, forms)
    try:
        stored = forms.load(1)
    except FormNotFound:
        set_practice(store)
        stored = forms.create(clean_form())
    done = len(versions.versions(1))
    say("READY", done)
    start = datetime(2026, 11, 25, 10, 30)
    for i in range(done, total):
        if i:
            forms.save_edit(stored, EDIT_PATH, edit_value(i))
        result = submit_form(store, stored, lambda i=i: start + timedelta(minutes=i))
        say("SUB", result.version.version)
    say("FINISHED")


def run_import(data_dir: Path, sks_file: Path) -> None:
    """Import an SKS file, printing the progress, then DONE."""
    from seilocal.store.catalog import import_sks

    store = open_store(data_dir)
    say("READY")
    import_sks(store.db, sks_file, progress=lambda f: say("P", round(f, 3)))
    say("DONE")


if __name__ == "__main__":
    mode, folder, arg = sys.argv[1:4]
    if mode == "edits":
        run_edits(Path(folder), int(arg))
    elif mode == "submits":
        run_submits(Path(folder), int(arg))
    elif mode == "bundles":
        run_bundled_submits(Path(folder), int(arg))
    else:
        run_import(Path(folder), Path(arg))
