"""The command line's way to a locked data folder: a prompt on a terminal, else a clear error (exit 2)."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

TRIES = 3


def can_prompt() -> bool:
    """True when a person sits at the terminal (never for scripts, pipes or CI)."""
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def prompt_unlock(data_dir: Path, new: bool) -> bool:
    """Ask for the passphrase (or recovery key), or for a new passphrase on a new folder; True once unlocked."""
    from seilocal.store import keys
    from seilocal.store.encryption import folder_key
    from seilocal.store.passphrase_rules import MIN_PASSPHRASE, passphrase_hint_en, passphrase_problem

    if new:
        print(f"{data_dir} is a new data folder and no OS keyring can keep its key: choose a passphrase.",
              file=sys.stderr)
        for _ in range(TRIES):
            first = getpass.getpass(f"New passphrase (at least {MIN_PASSPHRASE} characters): ")
            problem = passphrase_problem(first)
            if problem:
                print(passphrase_hint_en(problem), file=sys.stderr)
                continue
            if getpass.getpass("The same again: ") != first:
                print("the two differ", file=sys.stderr)
                continue
            folder_key(data_dir, passphrase=first)
            return True
        return False
    for _ in range(TRIES):
        typed = getpass.getpass("Passphrase or recovery key of the data folder: ")
        try:
            if keys.parse_recovery(typed) is not None:
                folder_key(data_dir, recovery=typed)
            else:
                folder_key(data_dir, passphrase=typed)
            return True
        except keys.WrongKey as exc:
            print(f"error: {exc}; nothing was changed", file=sys.stderr)
        except keys.KeyNeeded as exc:
            print(f"error: {exc}", file=sys.stderr)
            return False
    return False
