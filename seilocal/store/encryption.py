"""The key's life of a data folder, in the order it happens: read this file top to bottom.

`open_folder` (what `open_store` calls) takes a data folder from whatever is on disk to a keyed connection:

1. Refuse what is not ours: a plain SQLite file of another program or of a newer version, an encrypted file
   whose key file is lost (KeyFileMissing: the recovery key opens it). Nothing is changed by a refusal.
2. Resolve the key: from the recovery key, a new key for a new folder, or the passphrase / OS keyring.
3. Finish an interrupted rekey (a kill stopped `rekey`) before anything else opens a file.
4. Finish a file swap a kill cut short, migrate a plain database (after a verified backup) and plain backups.
5. Connect: the schema checks, a backup before a schema migration, WAL, migrations.

Later in the key's life: `rekey` (a new key and recovery key for the database and its backups), the way back
when the key file is lost (`backups_opened_by`, `restore_with_recovery`), and `folder_status` for the pages.

Its leaves, which never call back up here: keys.py (the key file `encryption.json`: wrapping, the keyring, the
key remembered in this process), crypto.py (SQLCipher connections and file probes), db.py (schema checks,
migration backup, connections), file_encryption.py (the crash-safe encryption of one file).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from seilocal.settings import db_path, prepare_data_dir

from . import crypto, file_encryption, keys
from .backup import backups_dir_for, list_backups, restore_backup
from .db import DatabaseRefused, inspect_schema, open_database
from .file_encryption import DONE, WRITING, encrypt_file, encrypt_plain_backups, finish_interrupted, migrate_database

PAGE_SIZE = 4096  # SQLCipher 4's default


class KeyFileMissing(DatabaseRefused):
    """Not a plain database and no key file: a foreign file, or an encrypted one whose key file is lost."""


@dataclass(frozen=True)
class Unlocked:
    """The key of a folder and, on the folder's first start, the recovery key to show once."""

    key: bytes
    recovery: str | None


@dataclass(frozen=True)
class Opened:
    """The folder's database, keyed, checked and migrated, and a recovery key to show once (or None)."""

    db: Database
    recovery: str | None


def open_folder(data_dir: Path, passphrase: str | None = None, recovery: str | None = None) -> Opened:
    """Steps 1-5: the folder's key (`folder_key`), then the connection to its database."""
    unlocked = folder_key(data_dir, passphrase, recovery)
    return Opened(open_database(db_path(data_dir), unlocked.key), unlocked.recovery)  # 5. connect


def folder_key(data_dir: Path, passphrase: str | None = None, recovery: str | None = None) -> Unlocked:
    """Steps 1-4: the folder's key (made on a new folder), every file of the folder encrypted with it.

    Raises keys.KeyNeeded / keys.WrongKey when the key cannot be had; DatabaseRefused for a database that is
    not ours. Nothing is changed by a refusal.
    """
    path = db_path(prepare_data_dir(data_dir))
    envelope = keys.read_envelope(data_dir)

    # 1. Refuse what is not ours.
    _refuse_what_is_not_ours(path, envelope, recovery)

    # 2. Resolve the key.
    if recovery is not None:
        key, shown = _key_from_recovery(data_dir, path, envelope, recovery, passphrase), None
    elif envelope is None:
        key, shown = keys.new_key(data_dir, passphrase)  # a new folder: its recovery key is shown once
    else:
        key = keys.unlock(data_dir, passphrase)
        shown = keys.pending_recovery(data_dir, key)

    # 3. Finish an interrupted rekey: its new key is recorded in the key file, wrapped by the key we now have
    #    (from the passphrase, the keyring or the old recovery key; the key file then follows the passphrase
    #    given, as after any recovery).
    if keys.rekey_secret(data_dir, key) is not None:
        rekey(data_dir, key, passphrase)
        key = keys.unlock(data_dir, passphrase)
        shown = keys.pending_recovery(data_dir, key)

    # 4. Finish an interrupted swap; encrypt a plain database and plain backups (each after a verified copy).
    finish_interrupted(path, key)
    if _has_content(path) and crypto.is_plain(path):
        migrate_database(path, key)
    encrypt_plain_backups(path.parent / "backups", key)
    return Unlocked(key, shown)


def _has_content(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def _refuse_what_is_not_ours(path: Path, envelope: keys.Envelope | None, recovery: str | None) -> None:
    if not _has_content(path):
        return  # a new folder
    if crypto.is_plain(path):
        pending, newer = inspect_schema(path)  # refuses a file of another program, a damaged one, a locked one
        del pending
        if newer:
            raise DatabaseRefused(f"{path} was written by a newer version of SEI-LPR lokal; update the program. "
                                  "The file was left untouched")
        return
    if envelope is None and recovery is None and not file_encryption.has_interrupted_swap(path):
        # An SQLCipher file is whole pages: then it may be ours with its key file lost (ask for the recovery
        # key); anything else is simply not ours.
        kind = KeyFileMissing if path.stat().st_size % PAGE_SIZE == 0 else DatabaseRefused
        raise kind(
            f"{path} is not a SEI-LPR lokal database (not an SQLite file), or an encrypted one whose key "
            f"file {keys.KEY_FILE} is missing; it was left untouched. If it is yours, "
            "`seilocal encryption recover` opens it with the recovery key")


def _key_from_recovery(data_dir: Path, path: Path, envelope: keys.Envelope | None, recovery: str,
                       passphrase: str | None) -> bytes:
    """The key of a typed recovery key, proved on the database; the key file is written for it when needed."""
    key = keys.unlock_with_recovery(data_dir, recovery)
    if keys.rekey_secret(data_dir, key) is not None:
        # An interrupted rekey, whose new key the key file holds wrapped by this one (which proves the recovery
        # key): the database may already be keyed anew, and step 3 finishes the rekey.
        return key
    if _has_content(path) and not crypto.is_plain(path) and not crypto.key_opens(path, key):
        raise keys.WrongKey("the recovery key does not open this database")
    if envelope is None or envelope.check != keys.check_value(key) or passphrase is not None:
        keys.adopt_key(data_dir, key, passphrase)  # a lost key file, another machine, or a new passphrase
    return key


def rekey(data_dir: Path, key: bytes, passphrase: str | None = None, live: Database | None = None) -> str:
    """A new database key and recovery key: the database and its backups re-encrypted; the new recovery key.

    Crash-safe: the new key is recorded (wrapped by the old) first, each file is swapped as above, and the
    key file follows last; a start after a kill finishes the rekey (`folder_key`, step 3). Backups keyed with
    an older key (from before an earlier rekey) are left as they are: their own recovery key opens them.

    `live`: the running app's open connection to the database. Its file cannot be swapped under it, so it is
    re-encrypted through that connection (`PRAGMA rekey`, one transaction: a kill leaves it keyed with the
    old or the new key, and the next start finishes the rest). Other connections open a new one afterwards
    (they take the key from `keys.unlock`, which knows the new key once the key file follows).
    """
    secret = keys.start_rekey(data_dir, key)
    new = keys.key_from_recovery(secret)
    path = db_path(data_dir)
    finish_interrupted(path, key, new)
    if live is not None:
        crypto.rekey_connection(live.conn, new)
    files = ([] if live is not None else [path]) + sorted((path.parent / "backups").glob("*.sqlite3"))
    file_encryption.reencrypt(files, key, new)
    keys.finish_rekey(data_dir, secret, passphrase)
    return keys.format_recovery(secret)


# --- the way back when the key file is lost: the backups a recovery key opens ------------------------------

def _recovery_key(recovery: str) -> bytes:
    secret = keys.parse_recovery(recovery)
    if secret is None:
        raise keys.WrongKey("a recovery key has 32 letters and digits (eight groups of four)")
    return keys.key_from_recovery(secret)


def backups_opened_by(data_dir: Path, recovery: str) -> list[Path]:
    """The backups of the folder that `recovery` opens, newest first (a backup keeps the key it was made with)."""
    key = _recovery_key(recovery)
    return [info.path for info in list_backups(backups_dir_for(db_path(data_dir)))
            if not crypto.is_plain(info.path) and crypto.key_opens(info.path, key)]


def restore_with_recovery(data_dir: Path, backup: Path, recovery: str, passphrase: str | None = None) -> Path | None:
    """Put `backup` in place of a database whose key is lost, opened by `recovery`; return the kept old file.

    The database that no known key opens is never overwritten: `restore_backup` keeps it in the backups folder
    first. The key file then holds the backup's key (keyring, or `passphrase`); KeyNeeded(new=True) when there is
    neither, WrongKey when the recovery key does not open the backup: nothing written in both cases.
    """
    if backup not in backups_opened_by(data_dir, recovery):
        raise keys.WrongKey("the recovery key does not open this backup")
    keys.adopt_key(data_dir, _recovery_key(recovery), passphrase)
    return restore_backup(backup, db_path(data_dir))


# --- what the pages and `seilocal encryption status` show -------------------------------------------------

@dataclass(frozen=True)
class FolderStatus:
    """What the settings page and `seilocal encryption status` say about a folder's encryption."""

    encrypted: bool
    keyring: bool
    passphrase: bool
    recovery_pending: bool
    backups: int
    plain_backups: int


def folder_status(data_dir: Path) -> FolderStatus:
    """The encryption of a data folder as it is on disk (reads the key file and the files' first bytes)."""
    path = db_path(data_dir)
    envelope = keys.read_envelope(data_dir)
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    return FolderStatus(
        encrypted=path.exists() and not crypto.is_plain(path),
        keyring=bool(envelope and envelope.keyring),
        passphrase=bool(envelope and envelope.passphrase is not None),
        recovery_pending=bool(envelope and envelope.recovery_pending is not None),
        backups=len(backups),
        plain_backups=sum(1 for b in backups if crypto.is_plain(b)),
    )


__all__ = [  # the file steps are file_encryption's; named here too, where callers have always found them
    "DONE", "WRITING", "FolderStatus", "KeyFileMissing", "Opened", "Unlocked", "backups_opened_by",
    "encrypt_file", "encrypt_plain_backups", "finish_interrupted", "folder_key", "folder_status",
    "migrate_database", "open_folder", "rekey", "restore_with_recovery",
]
