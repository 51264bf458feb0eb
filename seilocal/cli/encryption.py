"""`seilocal encryption status|migrate|rekey|recover|recovery-key`: the database's encryption at rest."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from seilocal.instance import InstanceLock
from seilocal.settings import db_path

from .common import Command, error, prepared_data_dir


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `encryption` and its actions."""
    enc = sub.add_parser("encryption", help="encryption at rest: status, migrate, rekey, recover, recovery-key")
    actions = enc.add_subparsers(dest="action", required=True)

    def action(name: str, func: Command, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = actions.add_parser(name, help=text)
        parser.set_defaults(func=func)
        return parser

    action("status", _status, "is the database encrypted, where is its key, are backups encrypted")
    action("migrate", _migrate, "encrypt a plain database and its backups now (the app does it at start)")
    action("rekey", _rekey, "new database key and recovery key (the old recovery key stops working)")
    recover = action("recover", _recover, "open the folder with its recovery key (a new machine, a lost "
                                          "passphrase); keeps the key in the keyring or SEILOCAL_PASSPHRASE")
    recover.add_argument("--recovery-key", help="the recovery key (default: asked for, or read from stdin)")
    action("recovery-key", _recovery_key, "show the recovery key made at the first start, once, if not shown yet")
    action("passphrase", _passphrase, "change the passphrase (old one, then the new one twice; from a terminal, "
                                      "or three lines on stdin)")


def _status(args: argparse.Namespace) -> int:
    from seilocal.store import crypto, keys

    data_dir = prepared_data_dir(args)
    path = db_path(data_dir)
    envelope = keys.read_envelope(data_dir)
    if not path.exists():
        state = "no database yet (it is encrypted from its first start)"
    else:
        state = "NOT encrypted (encrypted at the next start, or `seilocal encryption migrate`)" \
            if crypto.is_plain(path) else "encrypted (SQLCipher 4, AES-256)"
    print(f"database: {path}: {state}")
    if envelope is None:
        print(f"key file: none ({keys.KEY_FILE})")
    else:
        where = [name for name, on in (("OS keyring", envelope.keyring),
                                       ("passphrase", envelope.passphrase is not None)) if on]
        print(f"key: kept by {' and '.join(where) or 'nothing (use the recovery key)'}")
        print("recovery key: " + ("made, not shown yet (`seilocal encryption recovery-key`)"
                                  if envelope.recovery_pending else "shown (on paper with the practice's papers)"))
        if envelope.next is not None:
            print("rekey: interrupted; it is finished at the next start or `seilocal encryption rekey`")
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    plain = [b for b in backups if crypto.is_plain(b)]
    print(f"backups: {len(backups)}, of which {len(plain)} not encrypted")
    return 0


@contextmanager
def _alone_in(args: argparse.Namespace) -> Iterator[Path | None]:
    """The data folder with the app's instance lock held while the block runs; None (after saying why) when the
    app is running for it, since a key change under a running app would leave it with the old key."""
    data_dir = prepared_data_dir(args)
    lock = InstanceLock(data_dir)
    if not lock.acquire():
        error("SEI-LPR lokal is running for this data folder; close it first")
        yield None
        return
    try:
        yield data_dir
    finally:
        lock.release()


def _migrate(args: argparse.Namespace) -> int:
    from seilocal.store.encryption import folder_key

    with _alone_in(args) as data_dir:
        if data_dir is None:
            return 1
        unlocked = folder_key(data_dir)
    print(f"encrypted: {db_path(data_dir)} and its backups")
    if unlocked.recovery:
        print("a recovery key was made: `seilocal encryption recovery-key` shows it once")
    return 0


def _rekey(args: argparse.Namespace) -> int:
    from seilocal.store import keys
    from seilocal.store.encryption import folder_key, rekey

    with _alone_in(args) as data_dir:
        if data_dir is None:
            return 1
        unlocked = folder_key(data_dir)
        recovery = rekey(data_dir, unlocked.key)
        keys.recovery_shown(data_dir)
    print("new database key; the old recovery key no longer opens the database (older backups keep theirs).")
    print(f"new recovery key (print it and keep it with the practice's papers): {recovery}")
    return 0


def _read_recovery(args: argparse.Namespace) -> str:
    if args.recovery_key:
        return str(args.recovery_key)
    if sys.stdin.isatty():
        return getpass.getpass("Recovery key: ")
    return sys.stdin.readline().strip()


def _recover(args: argparse.Namespace) -> int:
    from seilocal.store import keys
    from seilocal.store.encryption import folder_key

    with _alone_in(args) as data_dir:
        if data_dir is None:
            return 1
        for attempt in range(3):
            try:
                unlocked = folder_key(data_dir, recovery=_read_recovery(args))
                keys.adopt_key(data_dir, unlocked.key)  # this machine's keyring, or SEILOCAL_PASSPHRASE
                break
            except keys.WrongKey as exc:
                error(f"{exc}; nothing was changed")
                if args.recovery_key or not sys.stdin.isatty() or attempt == 2:
                    return 2
    print(f"opened {db_path(data_dir)} with the recovery key; its key is kept for the next start")
    if unlocked.recovery:  # the key of an interrupted rekey, finished now: the typed recovery key is void
        print("an interrupted rekey was finished: the recovery key you typed no longer opens the database; "
              "`seilocal encryption recovery-key` shows the new one, once")
    return 0


def _recovery_key(args: argparse.Namespace) -> int:
    from seilocal.store import keys

    data_dir = prepared_data_dir(args)
    key = keys.unlock(data_dir)
    recovery = keys.pending_recovery(data_dir, key)
    if recovery is None:
        error("the recovery key was shown already (`seilocal encryption rekey` makes a new one)")
        return 1
    print(f"recovery key (print it and keep it with the practice's papers): {recovery}")
    keys.recovery_shown(data_dir)
    return 0


def _passphrase(args: argparse.Namespace) -> int:
    from seilocal.store import keys
    from seilocal.store.passphrase_rules import passphrase_hint_en, passphrase_problem

    data_dir = prepared_data_dir(args)

    def ask(prompt: str) -> str:
        return getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")

    old, new, again = ask("Current passphrase: "), ask("New passphrase: "), ask("New passphrase again: ")
    problem = passphrase_problem(new)
    if problem:
        error(f"{passphrase_hint_en(problem)}; nothing was changed")
        return 2
    if new != again:
        error("the new passphrase was not typed the same twice; nothing was changed")
        return 2
    try:
        keys.change_passphrase(data_dir, old, new)
    except keys.KeyProblem as exc:
        error(f"{exc}; nothing was changed")
        return 2
    print(f"passphrase changed for {data_dir} (set SEILOCAL_PASSPHRASE to the new one where scripts use it)")
    return 0
