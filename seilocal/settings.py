"""Where the user's data lives: the platformdirs user data dir, or `--data-dir`, or env SEILOCAL_DATA_DIR."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import uuid
from pathlib import Path

APP_NAME = "seilocal"
ENV_DATA_DIR = "SEILOCAL_DATA_DIR"
DB_FILE = "seilocal.sqlite3"
DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_FOLDER = "tmp"


class DataDirError(RuntimeError):
    """The data dir cannot be used (missing rights, not a folder, ...)."""


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: `--data-dir` first, then SEILOCAL_DATA_DIR, then the per-user platform folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    from platformdirs import user_data_dir  # imported late: only needed when nothing was given

    return Path(user_data_dir(APP_NAME, appauthor=False)).resolve()


def prepare_data_dir(path: Path, *, os_name: str = os.name) -> Path:
    """Create the data dir if needed and prove it is writable; raise DataDirError with an English reason.

    `os_name` is `os.name`, injected by the tests to run the Windows ("nt") branch elsewhere.
    """
    if os_name == "posix":
        os.umask(0o077)  # before anything is created: the data dir and all in it are for this user only
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"cannot create the data dir {path}: {exc.strerror or exc}") from exc
    if not path.is_dir():
        raise DataDirError(f"the data dir {path} is not a folder")
    # A name of its own per call: parallel runs on one data dir must not delete each other's probe (issue 11).
    probe = path / f".write-test-{os.getpid()}-{uuid.uuid4().hex}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(f"the data dir {path} is not writable: {exc.strerror or exc}") from exc
    restrict_data_dir(path, os_name=os_name)
    return path


def restrict_data_dir(path: Path, *, os_name: str = os.name) -> int:
    """Make the data dir readable by its user only: umask 077 for what comes, 0700/0600 for what is there.

    Returns how many folders and files had wider rights (and says so on stderr: a count, no names, no data).
    POSIX only: on Windows chmod can only set or clear read-only, and the data dir lives in the user's profile
    (%LOCALAPPDATA%), whose access list already keeps other users out; nothing is changed there.
    """
    if os_name != "posix":
        return 0
    os.umask(0o077)  # the database, its WAL and SHM, backups, bundles, instance.json: created 0600 from now on
    fixed = 0
    for folder, dirs, files in os.walk(path):
        for entry, wanted in [(folder, DIR_MODE)] + [(os.path.join(folder, f), FILE_MODE) for f in files]:
            try:
                info = os.lstat(entry)
                if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) & 0o077 == 0:
                    continue
                os.chmod(entry, stat.S_IMODE(info.st_mode) & wanted)
                fixed += 1
            except OSError:
                continue  # not ours to change (another owner): the rest is still tightened
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
    if fixed:
        print(f"note: {fixed} file(s) and folder(s) in the data dir were readable by other users; "
              "they are now readable by this user only", file=sys.stderr)
    return fixed


def private_temp_dir(data_dir: Path) -> Path:
    """Point this process's temp files (uploads over 1 MB spill to disk) at `<data dir>/tmp`, emptied first.

    Starlette and NiceGUI write large uploads with the `tempfile` module; its folder is the system temp
    folder unless `tempfile.tempdir` says otherwise, and a code list or a form must not land there.
    """
    folder = data_dir / TEMP_FOLDER
    folder.mkdir(mode=DIR_MODE, exist_ok=True)
    for leftover in folder.iterdir():  # from a run that was killed mid-upload
        if leftover.is_file() or leftover.is_symlink():
            leftover.unlink(missing_ok=True)
    # Only this process: TMPDIR stays as it was, so the browser the app starts keeps its own temp folder.
    tempfile.tempdir = str(folder)
    return folder


def db_path(data_dir: Path) -> Path:
    """The user's SQLite file inside the data dir."""
    return data_dir / DB_FILE
