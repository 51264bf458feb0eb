"""The `codes` command: import the official SKS and SOR files and list membership, search codes and SOR units.

Exit codes: 0 done (a search printed at least one hit), 1 a search found nothing,
2 bad input (unreadable or malformed file, bad date); the message goes to stderr and nothing is written.
Does not import nicegui.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from seilocal.store.catalog import CatalogImportError, import_sks
from seilocal.store.catalog.common import ImportResult
from seilocal.store.catalog.list_import import export_lists, import_lists
from seilocal.store.catalog.list_index import list_states
from seilocal.store.catalog.sks_bundle import EDITION
from seilocal.store.catalog.sor_import import import_sor

from .common import error, opened_store

T = TypeVar("T")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `codes` and its sub-commands on the main parser's sub-parsers."""
    codes = sub.add_parser("codes", help="import and search the code catalog (SKS codes, SOR units)")
    verbs = codes.add_subparsers(dest="codes_command", required=True)
    sks = verbs.add_parser("import-sks", help="import SKScomplete.txt (fixed width, Windows-1252)")
    sks.add_argument("file", type=Path)
    sks.set_defaults(func=cmd_import_sks)
    sor = verbs.add_parser(
        "import-sor",
        help="import SDS's SorEntity_daily.csv or Sor_complete.zip as downloaded (also our SOR CSV, the SOR XML)",
    )
    sor.add_argument("file", type=Path)
    sor.set_defaults(func=cmd_import_sor)
    lists = verbs.add_parser("lists", help="show every LPR3 named list: name, state, OID, description")
    lists.set_defaults(func=cmd_lists)
    imp = verbs.add_parser(
        "import-lists", help="import list membership (CSV/TSV: list_name, code, valid_from, valid_to)"
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import_lists)
    exp = verbs.add_parser("export-lists", help="write the imported lists in the import format (TSV)")
    exp.add_argument("file", type=Path, nargs="?", help="the file to write (default: standard output)")
    exp.add_argument("--all", action="store_true", help="include our unverified starter lists")
    exp.set_defaults(func=cmd_export_lists)
    search = verbs.add_parser("search", help="search SKS codes; prints code<TAB>text per hit")
    search.add_argument("text")
    search.add_argument("--list", dest="list_name", metavar="NAME", help="only members of this LPR3 list")
    search.add_argument("--mode", choices=("prefix", "contains"), default="prefix")
    search.add_argument("--at", metavar="YYYY-MM-DD", help="only codes valid on this date")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(func=cmd_search)
    sor_search = verbs.add_parser(
        "sor-search", help="search SOR units by code, name or owner CVR; prints id<TAB>name per hit"
    )
    sor_search.add_argument("text")
    sor_search.add_argument("--limit", type=int, default=50)
    sor_search.set_defaults(func=cmd_sor_search)


def _fail(message: str) -> int:
    error(message)
    return 2


def _imported(args: argparse.Namespace, importer: Callable[[Database, Path], T]) -> T | int:
    """Run one all-or-nothing import of `args.file`; its result, or the exit code after saying why it was refused."""
    path: Path = args.file
    if not path.is_file():
        return _fail(f"{path}: no such file")
    with opened_store(args) as store:
        try:
            return importer(store.db, path)
        except CatalogImportError as exc:
            return _fail(f"{path}: {exc} (nothing was imported)")
        except OSError as exc:
            return _fail(f"{path}: {exc.strerror or exc}")


def _run_import(args: argparse.Namespace, importer: Callable[[Database, Path], ImportResult], what: str) -> int:
    result = _imported(args, importer)
    if isinstance(result, int):
        return result
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
    print(f"{what} import done: {counts}")
    return 0


def cmd_import_sks(args: argparse.Namespace) -> int:
    """`codes import-sks FILE`."""
    return _run_import(args, import_sks, "SKS")


def cmd_import_sor(args: argparse.Namespace) -> int:
    """`codes import-sor FILE`."""
    return _run_import(args, import_sor, "SOR")


def cmd_lists(args: argparse.Namespace) -> int:
    """`codes lists`: one line per list of the index: name, state, OID, members/import, description."""
    with opened_store(args) as store:
        states = list_states(store.db)
    for st in states:
        if st.state == "official":
            detail = f"{st.members} members, imported {st.imported_at} from {st.file_name}"
        elif st.state == "derived":
            detail = f"{st.members} members, derived from SKS {EDITION}: {st.evidence}"
        elif st.state == "starter":
            detail = f"{st.members} members, unverified"
        else:
            detail = ""
        print(f"{st.info.name}\t{st.state}\t{st.info.oid}\t{detail}\t{st.info.description}")
    return 0


def cmd_import_lists(args: argparse.Namespace) -> int:
    """`codes import-lists FILE`: all or nothing; unknown codes are reported, not refused."""
    result = _imported(args, import_lists)
    if isinstance(result, int):
        return result
    print(f"list import done: {result.members} members in {len(result.lists)} lists")
    for name, n in result.lists.items():
        print(f"  {name}\t{n}")
    if result.unknown_codes:
        shown = ", ".join(result.unknown_codes[:20])
        more = f" and {len(result.unknown_codes) - 20} more" if len(result.unknown_codes) > 20 else ""
        print(f"warning: {len(result.unknown_codes)} codes are not in the SKS catalog: {shown}{more}")
    return 0


def cmd_export_lists(args: argparse.Namespace) -> int:
    """`codes export-lists [FILE] [--all]`."""
    with opened_store(args) as store:
        if args.file is None:
            export_lists(store.db, sys.stdout, include_starter=args.all)
            return 0
        try:
            with args.file.open("w", encoding="utf-8", newline="") as out:
                n = export_lists(store.db, out, include_starter=args.all)
        except OSError as exc:
            return _fail(f"{args.file}: {exc.strerror or exc}")
    print(f"wrote {n} members to {args.file}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """`codes search TEXT [--list NAME] [--mode prefix|contains] [--at YYYY-MM-DD]`."""
    at = None
    if args.at:
        try:
            at = date.fromisoformat(args.at)
        except ValueError:
            return _fail(f"--at {args.at!r} is not a date YYYY-MM-DD")
    with opened_store(args) as store:
        hits = store.catalog.search(args.text, list_name=args.list_name, mode=args.mode, at=at, limit=args.limit)
    for hit in hits:
        print(f"{hit.code}\t{hit.text}")
    return 0 if hits else 1


def cmd_sor_search(args: argparse.Namespace) -> int:
    """`codes sor-search TEXT`."""
    with opened_store(args) as store:
        units = store.catalog.sor_search(args.text, limit=args.limit)
    for unit in units:
        print(f"{unit.sor_id}\t{unit.name}")
    return 0 if units else 1
