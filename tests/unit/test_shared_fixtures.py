"""The suite's shared fixtures give each test its own fresh copy: a catalog database built once per process, and a
data dir copied from one first start, are never shared between two tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.settings import db_path
from seilocal.store import open_store
from tests.support import dbfile
from tests.support.catalog import DATA, catalog_copy


def _codes(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM catalog_codes").fetchone()[0])


def test_without_a_marker_the_catalog_db_holds_the_schema_only(catalog_db: Database) -> None:
    assert _codes(catalog_db) == 0


@pytest.mark.catalog(sks=DATA / "sks_small.txt")
def test_the_marker_says_what_the_catalog_db_loads(catalog_db: Database) -> None:
    assert _codes(catalog_db) == 14  # the records of sks_small.txt


def test_a_change_to_one_copy_is_not_in_the_next() -> None:
    first = catalog_copy(sks=DATA / "sks_small.txt")
    first.execute("DELETE FROM catalog_codes")
    first.conn.commit()
    assert _codes(first) == 0
    assert _codes(catalog_copy(sks=DATA / "sks_small.txt")) == 14


def test_a_data_dir_is_a_first_start_of_its_own(new_data_dir: Path, tmp_path: Path) -> None:
    one = shutil.copytree(new_data_dir, tmp_path / "one")
    store = open_store(one)
    try:
        store.forms.create()
        assert len(store.forms.search()) == 1
    finally:
        store.close()
    other = open_store(shutil.copytree(new_data_dir, tmp_path / "other"))
    try:
        assert other.forms.search() == []
    finally:
        other.close()
    template = dbfile.connect(db_path(new_data_dir), readonly=True)  # the template itself is untouched
    try:
        assert template.execute("SELECT count(*) FROM forms").fetchone()[0] == 0
    finally:
        template.close()
