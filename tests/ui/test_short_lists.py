"""Issue 13, item 4: a short list opens with all its options (text and code), typing still filters, a long list is
searched as before, and the search-mode switch costs no Tab stop (tabindex=-1, Alt+S in the field)."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from seilocal.pages.code_field import CodeField, code_field
from seilocal.store import memory_store

FREE_CHOICE = {  # admin.fritvalg as derived from the SKS subtree ALDB (SKS 2026-06 texts)
    "ALDB00": "ALDB00 – fritvalg ikke relevant",
    "ALDB01": "ALDB01 – frit sygehusvalg",
    "ALDB02": "ALDB02 – udvidet frit sygehusvalg",
    "ALDB03": "ALDB03 – offentligt udbud / samarbejdsaftale",
}


def build(list_name: str | None, value: str | None, changes: list, prefs: dict | None = None) -> list[CodeField]:
    store = memory_store()
    fields: list[CodeField] = []
    prefs = {} if prefs is None else prefs

    @ui.page("/")
    def page() -> None:
        fields.append(code_field(store.catalog, label="Frit valg", value=value, on_change=changes.append, mark="fv",
                                 list_name=list_name, get_pref=prefs.get, set_pref=prefs.__setitem__, pref_key="fv"))

    return fields


async def test_a_short_list_offers_all_its_options_before_anything_is_typed(user: User) -> None:
    changes: list = []
    fields = build("admin.fritvalg", None, changes)
    await user.open("/")
    assert fields[0].select.options == FREE_CHOICE  # text and code, in code order, nothing typed
    user.find(marker="fv").click()  # opens the menu, as a click or ↓ does in the browser
    for label in FREE_CHOICE.values():
        await user.should_see(label)
    user.find("ALDB02 – udvidet frit sygehusvalg").click()
    assert changes == ["ALDB02"]
    assert fields[0].value == "ALDB02"


async def test_typing_still_filters_and_an_empty_input_shows_all_again(user: User) -> None:
    changes: list = []
    fields = build("admin.fritvalg", "ALDB01", changes)
    await user.open("/")
    select = user.find(marker="fv")
    select.trigger("inputValue", "udvid")
    # The hit first, the current value kept after it (NiceGUI would otherwise drop the value).
    assert list(fields[0].select.options) == ["ALDB02", "ALDB01"]
    select.trigger("inputValue", "")
    assert fields[0].select.options == FREE_CHOICE
    select.trigger("inputValue", "udvid")
    select.trigger("focus")  # entering the field again: the whole list, not the last hits
    assert fields[0].select.options == FREE_CHOICE
    assert fields[0].value == "ALDB01" and changes == []


async def test_a_typed_code_is_taken_on_blur_and_an_unknown_value_is_kept(user: User) -> None:
    changes: list = []
    fields = build("admin.fritvalg", "XQ1", changes)
    await user.open("/")
    await user.should_see("XQ1 – ukendt kode")
    assert list(fields[0].select.options) == [*FREE_CHOICE, "XQ1"]  # the unknown value last, never dropped
    user.find(marker="fv").trigger("focusout", "aldb00")  # typed in full, then Tab
    assert changes == ["ALDB00"]


async def test_enter_on_typed_text_takes_the_text_not_an_old_highlight(user: User) -> None:
    changes: list = []
    fields = build("admin.fritvalg", "ALDB00", changes)
    await user.open("/")
    field = user.find(marker="fv")
    field.trigger("seilTypedEnter", "aldb01")  # typed over the value, Enter at once (focus.py sends the text)
    assert changes == ["ALDB01"]
    label = fields[0].select.options["ALDB01"]  # as the field shows it: "ALDB01 – frit sygehusvalg"
    field.trigger("seilTypedEnter", label)  # Enter on the value's own label: no change
    assert changes == ["ALDB01"]
    field.trigger("seilTypedEnter", "ALDB01 – Noget andet")  # no code: refused, the value stays
    assert changes == ["ALDB01"] and fields[0].value == "ALDB01"
    field.trigger("seilTypedEnter", "udvidet")  # one hit for the typed word: that one
    assert changes == ["ALDB01", "ALDB02"]


async def test_a_long_list_is_searched_not_shown_whole(user: User) -> None:
    fields = build("diag", "DC509", [])
    await user.open("/")
    assert list(fields[0].select.options) == ["DC509"]  # only the current value until the user types
    user.find(marker="fv").trigger("inputValue", "DC50")
    assert "DC509" in fields[0].select.options and len(fields[0].select.options) > 1
    user.find(marker="fv").trigger("inputValue", "")
    assert list(fields[0].select.options) == ["DC509"]


async def test_the_mode_switch_is_no_tab_stop_and_alt_s_switches_it(user: User) -> None:
    prefs: dict[str, str] = {}
    fields = build("diag", None, [], prefs)
    await user.open("/")
    (button,) = user.find(marker="fv-mode").elements
    assert str(button.props["tabindex"]) == "-1"
    assert "Alt+S" in fields[0]._mode_tip.text
    select = user.find(marker="fv")
    select.trigger("inputValue", "iabet")
    assert not fields[0].select.options  # no diagnosis text has a word starting "iabet"
    select.trigger("keydown")  # what the browser sends for Alt+S (the page's key filter lets only Alt+S through)
    assert prefs == {"fv": "contains"} and button.text == "Indeholder"
    assert fields[0].select.options  # the typed text searched again: "diabetes" contains "iabet"
    select.trigger("keydown")
    assert prefs == {"fv": "prefix"} and button.text == "Begynder med"
    assert not fields[0].select.options


async def test_the_form_opens_short_lists_whole_and_long_lists_empty(app_user: User) -> None:
    stored = app_user.ctx.store.forms.create(None)
    await app_user.open(f"/skema/{stored.form.form_no}")
    await app_user.should_see(marker="course-start")

    def options(mark: str) -> list[str]:
        (select,) = app_user.find(marker=mark).elements
        return list(select.options)

    assert options("referral-free-choice") == list(FREE_CHOICE)
    assert options("referral-method") == [
        "ALDA00", "ALDA11", "ALDA20", "ALDA30", "ALDA31", "ALDA40", "ALDA50", "ALDA90", "ALDA99"]
    assert options("course-label")[:3] == ["ALAL01", "ALAL02", "ALAL03"]
    assert options("payment-level")
    assert options("payment-payer") == []  # admin.betaler: 38 SKS codes (ALFB), more than a short list holds
    assert options("course-start-marker") == []  # forløbsmarkører: a long list, searched as before
    assert options("referral-reason") == []  # any SKS code: searched
