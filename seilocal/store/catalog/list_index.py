"""The index of LPR3 named code lists (assets/catalog/list_index.tsv) and the state of each list in the catalog.

A list is `official` when an import of list members (`list_import`) brought its members, `derived` when the
bundled SKS data evidences it (derive.py: a heading, an `RG` node or a record type that names it), `starter` when only
our bundled, unverified compilation has members for it, and `missing` when the catalog has none. The six
header names (`admin`, `proc`, ...) group lists and never have members of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from seilocal.refusals import Kind
from seilocal.resources import asset_path

from .common import CatalogImportError
from .schema import LIST_EVIDENCE, LIST_IMPORTS, LISTS

INDEX_FIELDS = ("list_name", "oid", "kind", "origin", "description")
State = Literal["official", "derived", "starter", "missing", "header"]
STATE_DA: dict[str, str] = {
    "official": "officiel",
    "derived": "afledt af SKS 2026-06",
    "starter": "startliste (ikke bekræftet)",
    "missing": "mangler",
    "header": "overskrift",
}


@dataclass(frozen=True, slots=True)
class ListInfo:
    """One named list of the index: its name, OID (may be empty), kind, origin and our Danish description."""

    name: str
    oid: str
    kind: str  # "list" or "header"
    origin: str  # "index": in the official 2018-02-27 index; "rules": named only by the 2018-09-21 rules
    description: str


@dataclass(frozen=True, slots=True)
class ListState:
    """A list of the index with its state in this catalog."""

    info: ListInfo
    state: State
    members: int = 0
    imported_at: str | None = None
    file_name: str | None = None
    evidence: str | None = None  # a derived list: which SKS heading, node or record type makes it the list

    def detail_da(self) -> str:
        """A short Danish text of the state, e.g. 'officiel, indlæst 2026-12-01 fra lister.csv (12 koder)'."""
        text = STATE_DA[self.state]
        if self.state == "official":
            return f"{text}, indlæst {self.imported_at} fra {self.file_name} ({self.members} koder)"
        if self.state == "derived":
            return f"{text} ({self.members} koder): {self.evidence}"
        if self.state == "starter":
            return f"{text}, {self.members} koder"
        return text


def read_index(path: Path) -> tuple[ListInfo, ...]:
    """The lists of an index file (UTF-8, tab separated, header `list_name oid kind origin description`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != INDEX_FIELDS:
        raise CatalogImportError(Kind.HEADER_DIFFERS, 1, file=path.name, found=header, expected=INDEX_FIELDS)
    infos = []
    for line_no, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(INDEX_FIELDS) or cells[2] not in ("list", "header"):
            raise CatalogImportError(Kind.BAD_INDEX_LINE, line_no, file=path.name)
        infos.append(ListInfo(*cells))
    return tuple(infos)


@cache
def list_index() -> tuple[ListInfo, ...]:
    """The bundled index of named lists, in name order."""
    return read_index(asset_path("catalog") / "list_index.tsv")


@cache
def index_by_name() -> dict[str, ListInfo]:
    """The bundled index by list name."""
    return {info.name: info for info in list_index()}


def list_states(db: Database) -> list[ListState]:
    """Every list of the index with its state in this catalog, in name order."""
    counts: dict[str, dict[str, int]] = {}
    for name, source, n in db.conn.execute(
        f"SELECT list_name, source, count(*) FROM {LISTS} GROUP BY list_name, source"
    ):
        counts.setdefault(name, {})[source] = n
    imports = {
        row[0]: row[1:]
        for row in db.conn.execute(f"SELECT list_name, imported_at, file_name, members FROM {LIST_IMPORTS}")
    }
    evidence = {
        row[0]: row[1:] for row in db.conn.execute(f"SELECT list_name, evidence, members FROM {LIST_EVIDENCE}")
    }
    states = []
    for info in list_index():
        if info.kind == "header":
            states.append(ListState(info, "header"))
        elif info.name in imports:
            at, file_name, members = imports[info.name]
            states.append(ListState(info, "official", members, at, file_name))
        elif counts.get(info.name, {}).get("sks") and info.name in evidence:
            text, members = evidence[info.name]
            states.append(ListState(info, "derived", members, evidence=text))
        elif counts.get(info.name, {}).get("starter"):
            states.append(ListState(info, "starter", counts[info.name]["starter"]))
        else:
            states.append(ListState(info, "missing"))
    return states


def official_lists(db: Database) -> set[str]:
    """The names of the lists an official import brought."""
    return {row[0] for row in db.conn.execute(f"SELECT list_name FROM {LIST_IMPORTS}")}
