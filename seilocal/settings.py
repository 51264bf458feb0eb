"""Where the user's data lives: the platformdirs user data dir, or `--data-dir`, or env SEILOCAL_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "seilocal"
ENV_DATA_DIR = "SEILOCAL_DATA_DIR"
DB_FILE = "seilocal.sqlite3"


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


def prepare_data_dir(path: Path) -> Path:
    """Create the data dir if needed and prove it is writable; raise DataDirError with an English reason."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"cannot create the data dir {path}: {exc.strerror or exc}") from exc
    if not path.is_dir():
        raise DataDirError(f"the data dir {path} is not a folder")
    probe = path / ".write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(f"the data dir {path} is not writable: {exc.strerror or exc}") from exc
    return path


def db_path(data_dir: Path) -> Path:
    """The user's SQLite file inside the data dir."""
    return data_dir / DB_FILE
