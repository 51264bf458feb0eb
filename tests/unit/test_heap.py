"""The app sets its start-up objects aside from the garbage collector once its store and pages are ready."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from seilocal import app
from seilocal.heap import settle_heap


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """This test process's heap as it was: frozen objects are never collected, so they are let go again."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_objects_alive_at_the_settling_are_left_out_of_collections(unfrozen: None) -> None:
    class Node:
        """A tracked object, as the app's classes and pages are."""

    long_lived = Node()
    assert gc.is_tracked(long_lived) and any(obj is long_lived for obj in gc.get_objects())
    frozen = settle_heap()
    assert frozen > 0
    assert not any(obj is long_lived for obj in gc.get_objects())  # no collection walks it any more
    made_later = Node()
    assert any(obj is made_later for obj in gc.get_objects())  # what is made after is collected as before


def test_the_app_settles_its_heap_when_the_store_and_pages_are_ready(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch, store, data_dir: Path
) -> None:
    import seilocal.pages.routes as routes

    registered: list[object] = []
    monkeypatch.setattr(routes, "register_pages", registered.append)
    assert gc.get_freeze_count() == 0
    app._opened(data_dir, store, [], new_folder=True)
    assert registered, "the pages were registered"
    assert gc.get_freeze_count() > 0
