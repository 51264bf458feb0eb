"""Stories of the skeleton in the user fixture: create a form, type a CPR and a name, find it in the list."""

from __future__ import annotations

from nicegui.testing import User

from tests.support.user import marked_input as _input


async def test_create_a_form_type_cpr_and_find_it_in_the_list(app_user: User) -> None:
    await app_user.open("/")
    await app_user.should_see(marker="forms-empty")
    app_user.find(marker="create-form").click()
    await app_user.should_see("Skemainformation")
    await app_user.should_see(marker="header-cpr")

    app_user.find(marker="patient-cpr").type("010180-1235")
    app_user.find(marker="patient-name").type("Jens Hansen")
    await app_user.should_see("010180-1235", marker="header-cpr")
    await app_user.should_see("Jens Hansen", marker="header-name")

    stored = app_user.ctx.store.forms.load(1).form
    assert stored.patient.cpr == "010180-1235" and stored.patient.name == "Jens Hansen"

    await app_user.open("/")
    app_user.find(marker="forms-search").type("010180")
    table = app_user.find(marker="forms-table").elements.pop()
    assert [row["form_no"] for row in table.rows] == [1]
    assert table.rows[0]["name"] == "Jens Hansen" and table.rows[0]["status"] == "Kladde"

    app_user.find(marker="forms-search").clear().type("Nobody")
    assert table.rows == []


async def test_invalid_cpr_is_kept_marked_red_and_saved(app_user: User) -> None:
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-cpr")
    app_user.find(marker="patient-cpr").type("31AB80-1235")
    field = _input(app_user, "patient-cpr")
    assert field.props.get("error") is True
    assert field.props.get("error-message")
    assert app_user.ctx.store.forms.load(1).form.patient.cpr == "31AB80-1235"

    await app_user.open("/skema/1")  # a reload keeps what was typed, still red
    field = _input(app_user, "patient-cpr")
    assert field.value == "31AB80-1235" and field.props.get("error") is True


async def test_course_fields_save_and_feed_header_and_list(app_user: User) -> None:
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="course-start")
    app_user.find(marker="course-start").type("03-11-2026 09:30").trigger("blur")
    # The unit and the start marker are type-ahead selects: search, then choose a hit.
    for mark, query, code in (("course-unit", "Ortopæd", "999921000016002"),
                              ("course-start-marker", "AFV01A1", "AFV01A1")):
        (select,) = app_user.find(marker=mark).trigger("inputValue", query).elements
        assert code in select.options
        with app_user.client:
            select.value = code
    await app_user.should_see("03-11-2026 09:30:00", marker="header-start")
    await app_user.should_see("AFV01A1", marker="header-marker")
    course = app_user.ctx.store.forms.load(1).form.course
    assert (course.start, course.responsible_unit, course.start_marker) == (
        "2026-11-03T09:30:00", "999921000016002", "AFV01A1")

    await app_user.open("/")
    table = app_user.find(marker="forms-table").elements.pop()
    assert table.rows[0]["course_start"] == "03-11-2026 09:30:00"
    app_user.find(marker="filter-start").type("11-2026")
    assert len(table.rows) == 1
    app_user.find(marker="filter-start").clear().type("12-2026")
    assert table.rows == []


async def test_known_patient_name_is_filled_from_the_local_register(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    earlier = forms.create()
    forms.save_edit(earlier, "patient.cpr", "0101801235")
    forms.save_edit(earlier, "patient.name", "Jens Hansen")
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-cpr")
    app_user.find(marker="patient-cpr").type("0101801235")
    assert _input(app_user, "patient-name").value == "Jens Hansen"
    assert forms.load(2).form.patient.name == "Jens Hansen"


async def test_unknown_form_number_says_so(app_user: User) -> None:
    await app_user.open("/skema/42")
    await app_user.should_see("Der findes intet skema med nummer 42.")


async def test_every_edit_writes_audit_rows(app_user: User) -> None:
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-name")
    app_user.find(marker="patient-name").type("Ole")
    rows = app_user.ctx.store.forms.audit_rows(1)
    assert [r["action"] for r in rows[:2]] == ["create", "view"]  # opening the form is logged too (B6)
    edits = rows[2:]
    assert edits and all(r["action"] == "set" and r["path"] == "patient.name" for r in edits)
    assert edits[-1]["new_value"] == '"Ole"'


async def test_the_date_filters_take_the_date_shortcuts(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    for start in ("2026-11-25T08:00:00", "2026-11-12T08:00:00", "2026-01-12T08:00:00"):
        forms.save_edit(forms.create(), "course.start", start)
    await app_user.open("/")
    table = app_user.find(marker="forms-table").elements.pop()
    starts = {"d": ["25-11-2026 08:00:00"], "12": ["12-11-2026 08:00:00"], "12.01": ["12-01-2026 08:00:00"]}
    for typed, expected in starts.items():
        app_user.find(marker="filter-start").clear().type(typed)
        assert [row["course_start"] for row in table.rows] == expected, typed
