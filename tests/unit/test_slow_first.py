"""`make test` hands the slowest modules out first (tests/support/slow_first.py); its list names real modules."""

from __future__ import annotations

import pytest

from tests.support import slow_first
from tests.support.env import REPO


def test_every_listed_module_exists() -> None:
    missing = [module for module in slow_first.SLOWEST if not (REPO / module).is_file()]
    assert not missing, f"renamed or removed: {missing}"
    assert len(set(slow_first.SLOWEST)) == len(slow_first.SLOWEST)


def test_the_listed_modules_go_first_in_their_order_and_the_rest_keep_theirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(slow_first, "SLOWEST", ("tests/reliability/test_crash.py", "tests/unit/test_b.py"))

    class Item:
        def __init__(self, nodeid: str) -> None:
            self.nodeid = nodeid

    collected = [Item(n) for n in ("tests/unit/test_a.py::one", "tests/unit/test_b.py::two", "tests/ui/test_c.py::x",
                                   "tests/unit/test_b.py::three", "tests/reliability/test_crash.py::kill",
                                   "tests/unit/test_a.py::four")]
    slow_first.pytest_collection_modifyitems(collected)  # type: ignore[arg-type]
    assert [item.nodeid for item in collected] == [
        "tests/reliability/test_crash.py::kill", "tests/unit/test_b.py::two", "tests/unit/test_b.py::three",
        "tests/unit/test_a.py::one", "tests/ui/test_c.py::x", "tests/unit/test_a.py::four",
    ]
