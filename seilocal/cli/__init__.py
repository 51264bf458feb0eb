"""The command line: `seilocal [run]` starts the app; other commands do a job and exit (English messages).

Only `run` imports nicegui, so the other commands answer fast.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from seilocal import __version__
from seilocal.settings import DataDirError, resolve_data_dir

# Modules that add their own sub-commands: each has `add_commands(subparsers)`.
_COMMAND_MODULES = ("seilocal.cli.codes", "seilocal.cli.validate", "seilocal.cli.forms", "seilocal.cli.backup",
                    "seilocal.cli.encryption")


def _open_store(args: argparse.Namespace):
    from seilocal.store import open_store

    return open_store(resolve_data_dir(args.data_dir))


def _cmd_run(args: argparse.Namespace) -> int:
    from seilocal.app import run_app  # the only place nicegui is imported

    return run_app(
        data_dir=resolve_data_dir(args.data_dir), port=args.port, open_browser=not args.no_browser
    )


def _starts_like_xml(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    except OSError:
        return False


def _cmd_import(args: argparse.Namespace) -> int:
    from seilocal.model import Form, FormatError

    path = Path(args.file)
    if zipfile.is_zipfile(path):  # a submission bundle from another installation
        from seilocal.cli.forms import run_import_bundle

        args.bundle = path
        return run_import_bundle(args)
    if path.suffix.lower() == ".xml" or _starts_like_xml(path):  # an LPR3 CDA document
        from seilocal.cli.forms import run_import_cda

        return run_import_cda(args)
    from seilocal.safe_json import JsonRefused, read_json_file

    try:
        text = read_json_file(path)
        form = Form.model_validate_json(text)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    except JsonRefused as exc:
        print(f"error: {path} is refused: {exc}; nothing was imported", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"error: {path} is not a valid form document:\n{_describe_validation(exc)}", file=sys.stderr)
        return 2
    except FormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from seilocal.export.imports import english_status_note, import_form_file

    store = _open_store(args)
    try:
        stored, notes = import_form_file(store, form)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    for note in notes:
        print(english_status_note(note), file=sys.stderr)
    print(stored.form.form_no)
    return 0


def _describe_validation(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(document)"
        lines.append(f"  {where}: {error['msg']}")
    return "\n".join(lines)


def _cmd_show(args: argparse.Namespace) -> int:
    from seilocal.store import FormNotFound

    store = _open_store(args)
    try:
        print(store.forms.document_json(args.form_no))
    except FormNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    data_dir_help = "folder of the user's data (default: env SEILOCAL_DATA_DIR, else the OS per-user data folder)"
    # Sub-commands take the same options with SUPPRESS defaults, so an option given before the sub-command is
    # not overwritten by the sub-command's default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=data_dir_help)
    parser = argparse.ArgumentParser(prog="seilocal", description="SEI-LPR lokal: the LPR3 form, offline.")
    parser.add_argument("--data-dir", default=None, help=data_dir_help)
    parser.add_argument("--version", action="version", version=f"seilocal {__version__}")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", parents=[common], help="start the app (the default)")
    _add_run_options(run, argparse.SUPPRESS, argparse.SUPPRESS)
    run.set_defaults(func=_cmd_run)
    _add_run_options(parser, 0, False)

    imp = sub.add_parser("import", parents=[common],
                         help="add a form from a JSON document, a submission bundle (.zip) or an LPR3 CDA "
                              "document (.xml); prints its number")
    imp.add_argument("file")
    imp.add_argument("--use-author", action="store_true",
                     help="an LPR3 document into an empty practice profile: take its author's SOR unit and CVR")
    imp.set_defaults(func=_cmd_import)

    show = sub.add_parser("show", parents=[common], help="print a form's stored document as JSON")
    show.add_argument("form_no", type=int)
    show.set_defaults(func=_cmd_show)

    import importlib

    for module_name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # that part of the app is not built yet
        module.add_commands(sub)
    for choice in sub.choices.values():  # every sub-command knows --data-dir, even those added by modules
        if not any("--data-dir" in action.option_strings for action in choice._actions):
            choice.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _add_run_options(parser: argparse.ArgumentParser, port_default: object, browser_default: object) -> None:
    parser.add_argument("--port", type=int, default=port_default, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--no-browser", action="store_true", default=browser_default,
                        help="do not open a browser; print the URL only")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `seilocal` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", None) or getattr(args, "handler", _cmd_run)
    args.open_db = lambda: _open_store(args).db
    args.catalog_factory = lambda: _open_store(args).catalog
    try:
        return _run_unlocked(func, args)
    except DataDirError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a refused database is the common case; never a traceback for a user
        from seilocal.store import DatabaseRefused

        if isinstance(exc, DatabaseRefused):
            from seilocal.settings import db_path
            from seilocal.store.backup import recovery_hint

            print(f"error: {exc}\n{recovery_hint(db_path(resolve_data_dir(args.data_dir)))}", file=sys.stderr)
            return 2
        raise


def _run_unlocked(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run the command; on a locked data folder ask for its passphrase on a terminal (else exit 2) and retry."""
    from seilocal.store.keys import KeyNeeded, KeyProblem

    try:
        return func(args)
    except KeyNeeded as exc:
        from seilocal.cli.unlock import can_prompt, prompt_unlock

        if not can_prompt() or not prompt_unlock(exc.data_dir, exc.new):
            print(f"error: {exc}", file=sys.stderr)
            return 2
    except KeyProblem as exc:
        print(f"error: {exc}; nothing was changed", file=sys.stderr)
        return 2
    return func(args)


if __name__ == "__main__":
    sys.exit(main())
