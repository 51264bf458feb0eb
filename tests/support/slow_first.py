"""A pytest plugin for `make test` and the tier targets: the slowest test modules are handed out first.

pytest-xdist's `--dist loadfile` gives each worker one module at a time, in the order of the queue, and by default
sorts that queue by the number of tests in a module. A module of one long test (a crash loop, a schematron
compile) then comes last and runs alone on one core while the other core has nothing left: the suite's tail.
With `--no-loadscope-reorder` the queue is the collection order, and this plugin puts the modules of SLOWEST
first (in that order), everything else after them as collected: the longest jobs start first, the short ones
fill the gaps. Nothing about a test changes but when it starts; a module missing from the list only starts later.

    pytest -p tests.support.slow_first --no-loadscope-reorder -n auto --dist loadfile tests/...
"""

from __future__ import annotations

import pytest

# The slowest modules of the whole suite, slowest first: every module whose tests took 8 s or more in all, in one
# pytest run of every folder on the quiet 2-core machine (2026-12-07; docs/performance.md, "The suite in one pytest
# run"). Kept by hand; a stale entry costs only time (tests/unit/test_slow_first.py checks each names a module).
SLOWEST: tuple[str, ...] = (
    "tests/reliability/test_crash_encryption.py",
    "tests/reliability/test_crash.py",
    "tests/browser/test_keyboard_paths.py",
    "tests/browser/test_focus_after_actions.py",
    "tests/browser/test_keyboard_done.py",
    "tests/browser/test_type_over.py",
    "tests/browser/test_entry_select.py",
    "tests/fuzz/test_bad_input.py",
    "tests/browser/test_entry_tab.py",
    "tests/browser/test_sticky_header.py",
    "tests/unit/test_cda_property.py",
    "tests/unit/test_encryption.py",
    "tests/reliability/test_backup.py",
    "tests/browser/test_sor_keyboard.py",
    "tests/browser/test_skeleton.py",
    "tests/unit/test_cda_import.py",
    "tests/browser/test_contacts.py",
    "tests/unit/test_cda_cli.py",
    "tests/browser/test_first_contact.py",
    "tests/browser/test_practitioner_cancer_submit.py",
    "tests/ui/test_lost_key.py",
    "tests/browser/test_short_lists.py",
    "tests/browser/test_result_report_top_bar.py",
    "tests/reliability/test_bad_database.py",
    "tests/browser/test_open_by_keyboard.py",
    "tests/browser/test_entry_jump.py",
    "tests/browser/test_xss.py",
    "tests/reliability/test_backup_panel.py",
    "tests/browser/test_entry_typing.py",
)


def rank(module: str) -> int:
    """The position of a module (its path relative to the repository, with /) in the queue's head."""
    try:
        return SLOWEST.index(module)
    except ValueError:
        return len(SLOWEST)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the tests of the slowest modules to the front; a stable sort keeps every other order."""
    items.sort(key=lambda item: rank(item.nodeid.split("::", 1)[0]))
