"""Shared fixtures: a store in a temp data dir, the pages registered for the user fixture, a real app process, a
catalog database. Helpers shared between tests live in tests/support (a test module never imports another)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support.env import FIXED_NOW

# The whole suite runs on a set day, whatever the calendar says: the clock of this process and of every app or CLI
# process a test starts (they inherit the environment). seilocal.clock reads the variable when it is first
# imported, so it is set before the imports below, which import seilocal (a run without xdist imported the clock
# first and ran on the wall clock). A test about the clock itself sets its own.
os.environ["SEILOCAL_NOW"] = FIXED_NOW.isoformat()
os.environ["SEILOCAL_PASSPHRASE"], os.environ["SEILOCAL_SCRYPT_N"] = "test passphrase", "1024"  # encrypted, fast

from tests.support.app import RunningApp, start_app, stop_app  # noqa: E402
from tests.support.catalog import catalog_copy  # noqa: E402

if TYPE_CHECKING:
    from nicegui.testing import User
    from sqlite_utils import Database

    from seilocal.store import Store



@pytest.fixture(scope="session")
def new_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir as its first start leaves it (key, schema, the bundled catalog), made once per test process:
    loading the catalog takes most of a first start, and every test of a fresh store would pay it again."""
    from seilocal.store import open_store

    folder: Path = tmp_path_factory.mktemp("first-start") / "data"
    open_store(folder).close()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, new_data_dir: Path) -> Path:
    """A fresh data dir at tmp_path/"data", as its first start leaves it (a copy of `new_data_dir`)."""
    folder: Path = shutil.copytree(new_data_dir, tmp_path / "data")
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """An opened store in a fresh data dir."""
    from seilocal.store import open_store

    opened = open_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def catalog_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh in-memory catalog database: the schema, and what the test's `catalog` marker loads
    (`@pytest.mark.catalog(starter=..., sks=..., sor=...)`, tests/support/catalog.py); a copy of one built once."""
    marker = request.node.get_closest_marker("catalog")
    db = catalog_copy(**(marker.kwargs if marker else {}))
    yield db
    db.close()


@pytest.fixture
async def app_user(user: User, store: Store) -> AsyncIterator[User]:
    """The NiceGUI user fixture with the app's pages registered on a fresh store and a fixed clock."""
    from seilocal.heap import settle_heap
    from seilocal.pages.context import AppContext
    from seilocal.pages.routes import register_pages

    ctx = AppContext(store=store, clock=lambda: FIXED_NOW)
    register_pages(ctx)
    # As the app does once its store and pages are ready (`app._opened`). Here it also keeps what earlier tests of
    # this process left alive out of the collections NiceGUI's test harness runs before and after every test:
    # those walked every object of the process, 0.06 s at the first test of a worker and 0.2 s after 15.
    settle_heap()
    user.ctx = ctx  # type: ignore[attr-defined]  # the tests reach the store through it
    yield user


@pytest.fixture
def running_app(data_dir: Path) -> Iterator[RunningApp]:
    """A real app process on a fresh data dir."""
    app = start_app(data_dir)
    yield app
    stop_app(app)
