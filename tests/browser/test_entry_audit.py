"""Issue 12, defect 10: one audit row per saved change of a field, with the OS user and a Danish action name."""

from __future__ import annotations

import getpass

import pytest
from selenium.webdriver.common.keys import Keys

from seilocal.store.history import ACTION_LABELS_DA
from tests.support.browser import click_input, keys_in, type_into, type_keys, wait_stored
from tests.support.keyboard import audit_rows, new_form

pytestmark = pytest.mark.browser


def test_typing_a_name_with_pauses_is_one_audit_row_with_who(browser, app_process):
    new_form(browser, app_process.url)
    click_input(browser, "patient-name")
    for word in ("Jens", " Peter", " Hansen"):  # pauses long enough for a save after each word
        keys_in(browser, "patient-name", word)
        wait_stored(app_process.data_dir, lambda d, w=word: (d["patient"]["name"] or "").endswith(w.strip()))
    type_keys(browser, Keys.TAB)
    type_into(browser, "patient-cpr", "010180-1235", Keys.TAB)
    wait_stored(app_process.data_dir, lambda d: d["patient"]["cpr"] == "010180-1235")

    rows = audit_rows(app_process.data_dir)
    names = [r for r in rows if r["path"] == "patient.name"]
    assert [(r["action"], r["old_value"], r["new_value"]) for r in names] == [("set", None, '"Jens Peter Hansen"')]
    assert [r["new_value"] for r in rows if r["path"] == "patient.cpr"] == ['"010180-1235"']
    assert any(r["action"] == "view" for r in rows), "opening the form is logged"
    assert {r.get("user") for r in rows} == {getpass.getuser()}
    assert {r["action"] for r in rows} <= set(ACTION_LABELS_DA), "every action has a Danish name"
