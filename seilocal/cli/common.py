"""What every command shares: the one way to open the user's store (always closed), the data folder, errors.

Every command module has `add_commands(sub)`, which registers its sub-commands with
`set_defaults(func=...)`; `seilocal.cli.main` calls `args.func(args)`. A command that needs the database opens
it with `with opened_store(args) as store:` and nothing else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from seilocal.settings import prepare_data_dir, resolve_data_dir

if TYPE_CHECKING:  # the store is imported when a command opens it, so `--help` stays fast
    from seilocal.store import Store

Command = Callable[[argparse.Namespace], int]


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder named by --data-dir (else SEILOCAL_DATA_DIR, else the OS per-user folder), not created."""
    return resolve_data_dir(getattr(args, "data_dir", None))


def prepared_data_dir(args: argparse.Namespace) -> Path:
    """The data folder, created with the user's permissions when missing."""
    return prepare_data_dir(data_dir_of(args))


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    """The user's store for one command, closed when the command is done (also on an error).

    A store the caller already holds (`args.store`: a test's database) is used as it is and left open: its
    owner closes it.
    """
    given: Store | None = getattr(args, "store", None)
    if given is not None:
        yield given
        return
    from seilocal.store import open_store

    store = open_store(data_dir_of(args))
    try:
        yield store
    finally:
        store.close()


def error(message: str) -> None:
    """An error line on stderr, as every command writes it."""
    print(f"error: {message}", file=sys.stderr)
