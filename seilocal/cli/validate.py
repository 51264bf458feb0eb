"""The `validate FILE.json [--json]` command: check a form document with the LPR3 rules.

From the command line the codes are judged with the user's catalog (the store is opened for it and closed);
a caller of `run_validate` may give its own (`args.catalog_factory`), else the rules run without one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from pydantic import ValidationError

from seilocal.clock import now
from seilocal.model.form import Form, FormatError
from seilocal.rules.catalog import CodeCatalog, EmptyCatalog
from seilocal.rules.engine import validate
from seilocal.safe_json import JsonRefused, read_json_file

from .common import opened_store


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the `validate` sub-command."""
    parser = sub.add_parser("validate", help="check a form document (JSON) with the LPR3 rules")
    parser.add_argument("file", type=Path, metavar="FILE.json", help="a seilocal.form/1 document")
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON array")
    parser.set_defaults(func=run_validate, user_catalog=True)


@contextmanager
def _catalog(args: argparse.Namespace) -> Iterator[CodeCatalog]:
    factory = getattr(args, "catalog_factory", None)
    if factory is not None:
        yield factory()
    elif getattr(args, "user_catalog", False):
        with opened_store(args) as store:
            yield store.catalog
    else:
        yield EmptyCatalog()


def _read(path: Path) -> Form:
    return Form.model_validate_json(read_json_file(path))


def run_validate(args: argparse.Namespace) -> int:
    """Validate one file: exit 0 without errors, 1 with errors, 2 when the file cannot be read."""
    try:
        form = _read(args.file)
    except FormatError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        # A FormatError raised inside the model arrives wrapped; show its own words.
        errors = exc.errors()
        reason = errors[0]["msg"] if errors else str(exc)
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        print(f"{args.file}: not a valid form document ({where}: {reason})", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.file}: cannot read the file ({exc})", file=sys.stderr)
        return 2
    except JsonRefused as exc:
        print(f"{args.file}: refused: {exc}", file=sys.stderr)
        return 2
    with _catalog(args) as catalog:
        findings = validate(form, catalog, now().replace(microsecond=0))
    if getattr(args, "json", False):
        print(json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{f.rule}\t{f.severity}\t{f.path}\t{f.message}")
    return 1 if any(f.severity == "error" for f in findings) else 0
