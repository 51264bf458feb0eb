"""The real-browser tier: Debian's headless Chromium driven by selenium against the real app process, and the apps
over prepared data folders that several modules use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support.app import RunningApp, shared_app_over, start_app, stop_app
from tests.support.browser import new_browser
from tests.support.env import FIXED_NOW
from tests.support.keyboard import twenty_contacts_form
from tests.support.submit_helpers import clean_form, set_practice


@pytest.fixture
def browser():
    """A headless Chromium with a fresh profile; the tier fails (not skips) when it is missing."""
    driver = new_browser()
    yield driver
    driver.quit()


@pytest.fixture
def app_process(data_dir):
    """The real app on a fresh data dir, started as a user starts it (without opening a browser itself)."""
    app = start_app(data_dir)
    yield app
    stop_app(app)


@pytest.fixture(scope="module")
def module_app(tmp_path_factory: pytest.TempPathFactory, new_data_dir: Path) -> Iterator[RunningApp]:
    """One real app on a fresh data dir for a whole module (issue 23.5: an app's start is ~1 s of CPU, a third of
    a short browser test). For modules whose tests each make a form of their own (`new_form` says its number),
    change nothing every form shares (the practice profile, the catalog) and type no patient another test types
    (a CPR seen before fills in its name, F4.3); the others keep `app_process`."""
    for shared in shared_app_over(tmp_path_factory.mktemp("module-app"), new_data_dir):
        yield shared.app


def _app_over(data_dir, fill):
    """The real app over `data_dir` after `fill(store)` has put forms in it (with the practice profile set)."""
    from seilocal.store import open_store

    store = open_store(data_dir)
    set_practice(store)  # the reporting unit and CVR the LPR3 document needs (else Indberet refuses)
    fill(store)
    store.close()
    app = start_app(data_dir)
    yield app
    stop_app(app)


@pytest.fixture
def app_with_forms(data_dir):
    """The real app over two drafts: form 1 with 20 contacts, form 2 a clean one of another patient."""

    def fill(store):
        store.forms.create(twenty_contacts_form())
        other = clean_form()
        other.patient.cpr, other.patient.name = "0202804321", "Anden Patient"
        store.forms.create(other)

    yield from _app_over(data_dir, fill)


@pytest.fixture
def app_with_clean_form(data_dir):
    """The real app over a data dir that holds one clean draft, treated yesterday (so it is within its deadline)."""
    yesterday = FIXED_NOW.date() - timedelta(days=1)
    yield from _app_over(data_dir, lambda store: store.forms.create(clean_form(day=yesterday)))


@pytest.fixture
def app_with_cancelled_form(data_dir):
    """The real app over a data dir holding one submitted and then cancelled form."""
    from seilocal.export.submission import submit_form
    from seilocal.store.versions import VersionStore

    def fill(store):
        stored = store.forms.create(clean_form(day=FIXED_NOW.date() - timedelta(days=1)))
        submit_form(store, stored, lambda: FIXED_NOW, write_bundle=False)
        VersionStore(store.db, store.forms, lambda: FIXED_NOW).cancel(stored, "Forkert patient")

    yield from _app_over(data_dir, fill)
