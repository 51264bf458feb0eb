"""The command line: `seilocal [run]` starts the app; other commands do a job and exit (English messages).

One style for every command: each module below registers its sub-commands in `add_commands(sub)` with
`set_defaults(func=...)`, and `main` runs `args.func(args)`; a command opens the database only through
`common.opened_store` (always closed). Only `run` imports nicegui, so the other commands answer fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from seilocal import __version__
from seilocal.settings import DataDirError

from . import backup, codes, encryption, forms, validate
from .common import Command, data_dir_of, error

_DATA_DIR_HELP = "folder of the user's data (default: env SEILOCAL_DATA_DIR, else the OS per-user data folder)"
# The modules that add their own sub-commands, in the order `seilocal --help` lists them.
_COMMAND_MODULES = (forms, codes, validate, backup, encryption)


def _cmd_run(args: argparse.Namespace) -> int:
    from seilocal.app import run_app  # the only place nicegui is imported

    return run_app(data_dir=data_dir_of(args), port=args.port, open_browser=not args.no_browser)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(prog="seilocal", description="SEI-LPR lokal: the LPR3 form, offline.")
    parser.add_argument("--data-dir", default=None, help=_DATA_DIR_HELP)
    parser.add_argument("--version", action="version", version=f"seilocal {__version__}")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="start the app (the default)")
    _add_run_options(run, argparse.SUPPRESS, argparse.SUPPRESS)
    run.set_defaults(func=_cmd_run)
    _add_run_options(parser, 0, False)
    parser.set_defaults(func=_cmd_run)  # no command: run the app

    for module in _COMMAND_MODULES:
        module.add_commands(sub)
    _give_data_dir(sub)
    return parser


def _give_data_dir(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Every sub-command, at every level (`codes search`, `encryption status`), takes --data-dir after its
    name too. Its default is SUPPRESS, so a --data-dir given before the name is not overwritten."""
    for choice in sub.choices.values():
        if not any("--data-dir" in action.option_strings for action in choice._actions):
            choice.add_argument("--data-dir", default=argparse.SUPPRESS, help=_DATA_DIR_HELP)
        for action in choice._actions:
            if isinstance(action, argparse._SubParsersAction):
                _give_data_dir(action)


def _add_run_options(parser: argparse.ArgumentParser, port_default: object, browser_default: object) -> None:
    parser.add_argument("--port", type=int, default=port_default, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--no-browser", action="store_true", default=browser_default,
                        help="do not open a browser; print the URL only")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `seilocal` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _run_unlocked(args.func, args)
        sys.stdout.flush()  # so a reader that went away (`| head`) shows here, not as a traceback at exit
        return code
    except BrokenPipeError:
        # The reader of our output closed it: nothing is wrong with the data. Send whatever is still buffered
        # nowhere, so Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except DataDirError as exc:
        error(str(exc))
        return 2
    except Exception as exc:  # a refused database is the common case; never a traceback for a user
        from seilocal.store import DatabaseRefused

        if isinstance(exc, DatabaseRefused):
            from seilocal.settings import db_path
            from seilocal.store.backup import recovery_hint

            error(f"{exc}\n{recovery_hint(db_path(data_dir_of(args)))}")
            return 2
        raise


def _run_unlocked(func: Command, args: argparse.Namespace) -> int:
    """Run the command; on a locked data folder ask for its passphrase on a terminal (else exit 2) and retry."""
    from seilocal.store.keys import KeyNeeded, KeyProblem

    try:
        return func(args)
    except KeyNeeded as exc:
        from .unlock import can_prompt, prompt_unlock

        if not can_prompt() or not prompt_unlock(exc.data_dir, exc.new):
            error(str(exc))
            return 2
    except KeyProblem as exc:
        error(f"{exc}; nothing was changed")
        return 2
    return func(args)
