"""The `backup`, `backups` and `restore FILE` commands (B10). A backup works while the app runs; a restore does not."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from seilocal.instance import InstanceLock
from seilocal.settings import db_path
from seilocal.store.backup import (
    BackupError,
    backups_dir_for,
    hidden_by_restore,
    list_backups,
    make_backup,
    restore_backup,
)

from .common import error, prepared_data_dir


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the backup sub-commands."""
    backup = sub.add_parser("backup", help="make a verified backup of the database now (also while the app runs)")
    backup.set_defaults(func=run_backup)
    listing = sub.add_parser("backups", help="list the backups, newest first")
    listing.set_defaults(func=run_list)
    restore = sub.add_parser("restore", help="replace the database with a backup (the app must not be running)")
    restore.add_argument("file", help="a backup file, or its name in the backups folder")
    restore.set_defaults(func=run_restore)


def _paths(args: argparse.Namespace) -> tuple[Path, Path]:
    data_dir = prepared_data_dir(args)
    return data_dir, db_path(data_dir)


def run_backup(args: argparse.Namespace) -> int:
    """Make a manual backup; print its path."""
    _data_dir, database = _paths(args)
    try:
        target = make_backup(database, reason="manual")
    except BackupError as exc:
        error(str(exc))
        return 1
    print(target)
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print one line per backup: time, reason, size, path."""
    _data_dir, database = _paths(args)
    backups = list_backups(backups_dir_for(database))
    if not backups:
        print(f"no backups in {backups_dir_for(database)}")
        return 0
    for info in backups:
        print(f"{info.created:%Y-%m-%d %H:%M:%S}  {info.reason:<17} {info.size / 1e6:9.2f} MB  {info.path}")
    return 0


def _find_backup(file: str, database: Path) -> Path:
    given = Path(file).expanduser()
    if given.exists():
        return given
    in_folder = backups_dir_for(database) / file
    return in_folder if in_folder.exists() else given


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the database while no app runs; the replaced file is kept in the backups folder."""
    data_dir, database = _paths(args)
    backup = _find_backup(args.file, database)
    if not backup.exists():
        error(f"no backup {args.file} (see `seilocal backups`)")
        return 2
    lock = InstanceLock(data_dir)
    if not lock.acquire():
        error("SEI-LPR lokal is running for this data folder; close it, then restore")
        return 1
    hidden = hidden_by_restore(backup, database)
    if hidden:  # said before the restore runs: these stay issued and are carried over
        listed = ", ".join(f"form {form_no} v{version}" for form_no, version in hidden)
        print(f"note: the backup lacks submitted versions made since ({listed}); they may already be at LPR3, so "
              "they are carried over as submitted before the restore, and the next submission gets the next "
              "number", file=sys.stderr)
    try:
        kept = restore_backup(backup, database)
    except BackupError as exc:
        error(f"{exc}; the database was not changed")
        return 1
    finally:
        lock.release()
    print(f"restored {backup}")
    if kept:
        print(f"the replaced database is kept as {kept}")
    return 0
