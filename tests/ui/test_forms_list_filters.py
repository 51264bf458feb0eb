"""Forms list (F3): a deadline column and filter, marker and unit filters with texts, search that ignores case
for æ, ø and å too."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from seilocal.model.form import Contact
from seilocal.store.versions import VersionStore


def table_of(user: User) -> ui.table:
    return user.find(marker="forms-table").elements.pop()


def one(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


def new_form(user: User, name: str, **values: str) -> int:
    forms = user.ctx.store.forms
    stored = forms.create()
    forms.save_edit(stored, "patient.name", name)
    for path, value in values.items():
        forms.save_edit(stored, path.replace("__", "."), value)
    return stored.form.form_no


async def test_search_ignores_case_for_danish_letters(app_user: User) -> None:
    names = {new_form(app_user, name): name for name in ("Åse Hansen", "Karen ÆRØ", "Ib Østergård", "Anne Aase")}
    await app_user.open("/")
    table = table_of(app_user)
    for typed, expected in (("åse", ["Åse Hansen"]), ("ÅSE", ["Åse Hansen"]), ("ærø", ["Karen ÆRØ"]),
                            ("østergård", ["Ib Østergård"]), ("ØSTERGÅRD", ["Ib Østergård"]),
                            ("aase", ["Anne Aase"]), ("50%", [])):
        app_user.find(marker="forms-search").clear().type(typed)
        assert [row["name"] for row in table.rows] == expected, typed
    assert len(names) == 4


async def test_marker_and_unit_filters_show_texts(app_user: User) -> None:
    first = new_form(app_user, "Anna", course__start_marker="AFV01A1", course__responsible_unit="999921000016002")
    new_form(app_user, "Bent", course__start_marker="AFV01B", course__responsible_unit="999931000016003")
    await app_user.open("/")
    marker = one(app_user, "filter-marker")
    unit = one(app_user, "filter-unit")
    assert marker.options["AFV01A1"] == "AFV01A1 – Henvist til udredning"
    assert unit.options["999921000016002"] == "999921000016002 – Demo Privatklinik ApS, Ortopædkirurgi"
    with app_user.client:
        marker.value = "AFV01A1"
    assert [row["form_no"] for row in table_of(app_user).rows] == [first]
    with app_user.client:
        marker.value = ""
        unit.value = "999931000016003"
    assert [row["name"] for row in table_of(app_user).rows] == ["Bent"]


async def test_deadline_column_and_filter(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    late = new_form(app_user, "Sen")  # treated in October: due 10-11-2026, today is 25-11-2026
    stored = forms.load(late)
    forms.add_row(stored, "contacts", Contact(start="2026-10-05T09:00:00"))
    due = new_form(app_user, "Til tiden")  # treated in November: due 10-12-2026
    stored = forms.load(due)
    forms.add_row(stored, "contacts", Contact(start="2026-11-20T09:00:00"))
    empty = new_form(app_user, "Uden behandling")  # nothing dated to report yet
    done = new_form(app_user, "Indberettet")
    VersionStore(app_user.ctx.store.db, forms).submit(forms.load(done), [])

    await app_user.open("/")
    table = table_of(app_user)
    deadline = {row["name"]: row["deadline"] for row in table.rows}
    assert deadline == {"Sen": "10-11-2026 (15 dage overskredet)", "Til tiden": "10-12-2026 (15 dage tilbage)",
                        "Uden behandling": "", "Indberettet": ""}
    choose = one(app_user, "filter-deadline")
    for value, expected in (("overdue", [late]), ("week", []), ("pending", [due, late]), ("none", [done, empty]),
                            ("", [done, empty, due, late])):
        with app_user.client:
            choose.value = value
        assert [row["form_no"] for row in table.rows] == expected, value

    # An edit moves the deadline at the next refresh (the cache follows the revision).
    stored = forms.load(due)
    forms.add_row(stored, "contacts", Contact(start="2026-09-01T09:00:00"))
    with app_user.client:
        choose.value = "overdue"
    assert [row["form_no"] for row in table.rows] == [due, late]


async def test_a_course_without_contacts_has_a_deadline_and_counts_as_pending(app_user: User) -> None:
    # Issue 21: started 15-11 with "Henvist til udredning" and nothing else: due 10-12 like any other change.
    started = new_form(app_user, "Kun startet", course__start="2026-11-15T09:00:00", course__start_marker="AFV01A1")
    await app_user.open("/")
    table = table_of(app_user)
    assert [row["deadline"] for row in table.rows] == ["10-12-2026 (15 dage tilbage)"]
    await app_user.should_see("Frist 10-12-2026", marker=f"deadline-{started}")
    choose = one(app_user, "filter-deadline")
    for value, expected in (("pending", [started]), ("none", [])):
        with app_user.client:
            choose.value = value
        assert [row["form_no"] for row in table.rows] == expected, value


async def test_enter_in_the_search_opens_the_one_form_found(app_user: User) -> None:
    first = new_form(app_user, "Anna", patient__cpr="0101801235")
    new_form(app_user, "Bent", patient__cpr="0202804321")
    await app_user.open("/")
    search = app_user.find(marker="forms-search")
    search.type("1235")  # the last four CPR digits
    assert [row["form_no"] for row in table_of(app_user).rows] == [first]
    search.trigger("keydown.enter")
    await app_user.should_see(marker="header-name")
    await app_user.should_see("Anna", marker="header-name")


async def test_a_restore_done_at_start_is_said_in_danish_until_ok(app_user: User) -> None:
    from seilocal.pages.start_notice import remember

    remember(app_user.ctx.store.prefs, "restored", name="seilocal-2026-11-24.db")
    await app_user.open("/")
    await app_user.should_see("Backuppen seilocal-2026-11-24.db er gendannet.", marker="start-notice-text")
    app_user.find(marker="start-notice-ok").click()
    await app_user.should_not_see(marker="start-notice")
    await app_user.open("/")
    await app_user.should_not_see(marker="start-notice")  # said once
