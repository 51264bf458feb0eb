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
    """This test process's heap as it was: frozen objects are never collected, so they are let go again, and the
    collector's thresholds are put back."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


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


def test_a_long_course_is_validated_without_a_collection_once_the_heap_is_settled(unfrozen: None) -> None:
    """A 1,000-contact validation's objects all live until it ends: walking them in the middle frees nothing."""
    from bench.validate import NOW, build
    from seilocal.rules import validate
    from tests.support.rules_fakes import FakeCatalog

    form = build(1000)
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    def validate_counting() -> list[int]:
        gc.collect()  # the same start for both: nothing young waiting
        collections.clear()
        gc.callbacks.append(count)
        try:
            validate(form, FakeCatalog(), NOW)  # type: ignore[arg-type]
        finally:
            gc.callbacks.remove(count)
        return list(collections)

    gc.set_threshold(700, 10, 10)  # CPython's defaults (an earlier test of this process may have settled it)
    assert validate_counting(), "the default thresholds collect during the validation"
    settle_heap()
    assert validate_counting() == []


async def test_pages_deleted_together_are_swept_by_one_full_collection_a_moment_later() -> None:
    """A closed page is a cycle: with the young generation collected seldom, only a sweep frees it promptly."""
    import asyncio
    import weakref

    from seilocal.heap import GarbageSweep

    class Page:
        """Refers to itself, as a page's elements and editor do."""

        def __init__(self) -> None:
            self.me = self

    page = Page()
    gone = weakref.ref(page)
    del page
    full: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(count)
    gc.disable()  # no automatic collection of this process in between: only the sweep's counts
    try:
        sweep = GarbageSweep(delay=0.05)
        for _ in range(60):  # NiceGUI prunes many clients in one pass
            sweep.request()
        assert gone() is not None and not full  # nothing yet: the sweep waits for the pass to end
        for _ in range(200):
            if full:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
    finally:
        gc.enable()
        gc.callbacks.remove(count)
    assert full == [1]
    assert gone() is None
