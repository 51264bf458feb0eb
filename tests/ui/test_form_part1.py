"""Stories of the form's first part in the user fixture: course, referral, payment, markers, hint, settings."""

from __future__ import annotations

from nicegui import events, ui
from nicegui.testing import User

from seilocal.model import Form, Marker
from seilocal.model.profile import PracticeProfile, new_form_from_profile
from seilocal.pages.form_editor import FormEditor
from seilocal.store.profile import load_profile, save_profile

UNIT = "999921000016002"


def one(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


def pick(user: User, mark: str, query: str, code: str) -> None:
    """Type `query` into a code or SOR field, check `code` is offered, choose it."""
    found = user.find(marker=mark)
    found.trigger("inputValue", query)
    (select,) = found.elements
    assert code in select.options, f"{code} not offered for {query!r}: {list(select.options)}"
    with user.client:
        select.value = code


def type_time(user: User, mark: str, text: str) -> None:
    user.find(marker=mark).clear().type(text).trigger("blur")


async def new_form(user: User, template: Form | None = None) -> Form:
    stored = user.ctx.store.forms.create(template)
    await user.open(f"/skema/{stored.form.form_no}")
    await user.should_see(marker="course-start")
    return stored.form


def saved(user: User) -> Form:
    return user.ctx.store.forms.load(1).form


async def test_course_fields_are_saved_and_kept_after_reload(app_user: User) -> None:
    await new_form(app_user)
    type_time(app_user, "course-start", "03-11-2026 09:30")
    pick(app_user, "course-unit", "Ortopæd", UNIT)
    pick(app_user, "course-label", "kræft", "ALAL01")
    pick(app_user, "course-start-marker", "AFV01A1", "AFV01A1")
    course = saved(app_user).course
    assert (course.start, course.responsible_unit, course.label, course.start_marker) == (
        "2026-11-03T09:30:00", UNIT, "ALAL01", "AFV01A1")
    await app_user.should_see("AFV01A1", marker="header-marker")
    assert one(app_user, "course-id").text == course.id

    await app_user.open("/skema/1")
    assert one(app_user, "course-start").value == "03-11-2026 09:30:00"
    assert one(app_user, "course-unit").value == UNIT
    assert one(app_user, "course-label").value == "ALAL01"
    assert one(app_user, "course-start-marker").value == "AFV01A1"


async def test_start_marker_offers_only_markers(app_user: User) -> None:
    await new_form(app_user)
    found = app_user.find(marker="course-start-marker")
    found.trigger("inputValue", "ALDA")
    (select,) = found.elements
    assert select.options == {}
    found.trigger("inputValue", "AFV01")
    assert "AFV01B" in select.options and all(code.startswith("AFV") for code in select.options)


async def test_start_time_propagates_to_referral_time_until_edited_by_hand(app_user: User) -> None:
    await new_form(app_user)
    type_time(app_user, "course-start", "03-11-2026 09:30")
    assert saved(app_user).referral.time == "2026-11-03T09:30:00"
    assert one(app_user, "referral-time").value == "03-11-2026 09:30:00"

    type_time(app_user, "course-start", "04-11-2026 08:00")  # still following
    assert saved(app_user).referral.time == "2026-11-04T08:00:00"
    assert one(app_user, "referral-time").value == "04-11-2026 08:00:00"

    type_time(app_user, "referral-time", "01-11-2026 12:00")  # by hand
    type_time(app_user, "course-start", "05-11-2026 08:00")
    assert saved(app_user).course.start == "2026-11-05T08:00:00"
    assert saved(app_user).referral.time == "2026-11-01T12:00:00"
    assert one(app_user, "referral-time").value == "01-11-2026 12:00:00"


async def test_start_time_propagation_survives_a_reload(app_user: User) -> None:
    await new_form(app_user)
    type_time(app_user, "course-start", "03-11-2026 09:30")
    await app_user.open("/skema/1")
    type_time(app_user, "course-start", "03-11-2026 10:00")
    assert saved(app_user).referral.time == "2026-11-03T10:00:00"


async def test_an_end_opens_the_closing_fields_with_a_warning(app_user: User) -> None:
    await new_form(app_user)
    await app_user.should_not_see(marker="course-closing")
    await app_user.should_not_see(marker="course-completion")
    type_time(app_user, "course-end", "20-11-2026 12:00")
    await app_user.should_see(marker="course-completion")
    await app_user.should_see("færdigbehandlet", marker="course-close-warning")
    pick(app_user, "course-completion", "ALAC", "ALAC20")
    assert saved(app_user).course.completion == "ALAC20"
    await app_user.should_see("Forløbet er afsluttet", marker="next-step-text")

    await app_user.open("/skema/1")
    assert one(app_user, "course-closing").visible
    assert one(app_user, "course-completion").value == "ALAC20"


async def test_referral_fields_are_saved_and_kept_after_reload(app_user: User) -> None:
    await new_form(app_user)
    pick(app_user, "referral-unit", "Demo", UNIT)
    type_time(app_user, "referral-time", "02-11-2026 14:00")
    pick(app_user, "referral-method", "ALDA", "ALDA30")
    pick(app_user, "referral-free-choice", "ALDB", "ALDB00")
    app_user.find(marker="referral-reference-id").type("abc-123")
    pick(app_user, "referral-reference-type", "ALAA", "ALAA01")
    referral = saved(app_user).referral
    assert (referral.referring_unit, referral.time, referral.method, referral.free_choice,
            referral.reference_id, referral.reference_type) == (
        UNIT, "2026-11-02T14:00:00", "ALDA30", "ALDB00", "abc-123", "ALAA01")
    assert one(app_user, "referral-method").props["label"].endswith("*")

    await app_user.open("/skema/1")
    assert one(app_user, "referral-method").value == "ALDA30"
    assert one(app_user, "referral-free-choice").value == "ALDB00"
    assert one(app_user, "referral-reference-id").value == "abc-123"
    assert one(app_user, "referral-time").value == "02-11-2026 14:00:00"


async def test_payment_is_saved_and_brug_standard_fills_the_practice_default(app_user: User) -> None:
    await new_form(app_user)
    pick(app_user, "payment-payer", "ALFB", "ALFB01")
    assert saved(app_user).payment.payer == "ALFB01"

    app_user.find(marker="payment-use-default").click()  # no default yet: says so, changes nothing
    await app_user.should_see("ingen standardbetaling")
    assert saved(app_user).payment.payer == "ALFB01"

    save_profile(app_user.ctx.store.prefs, PracticeProfile(payer="ALFB02", agreement="ALFA2",
                                                           specialisation_level="ALFC4"))
    app_user.find(marker="payment-use-default").click()
    payment = saved(app_user).payment
    assert (payment.payer, payment.agreement, payment.specialisation_level) == ("ALFB02", "ALFA2", "ALFC4")
    assert one(app_user, "payment-agreement").value == "ALFA2"

    await app_user.open("/skema/1")
    assert one(app_user, "payment-level").value == "ALFC4"


async def test_opret_skema_pre_fills_the_practice_default(app_user: User) -> None:
    # Needs forms_list.create() to build the form with new_form_from_profile (see the issue 4 report).
    save_profile(app_user.ctx.store.prefs, PracticeProfile(responsible_unit=UNIT, payer="ALFB01"))
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="course-start")
    form = saved(app_user)
    assert form.payment.payer == "ALFB01" and form.course.responsible_unit == UNIT


async def test_markers_add_edit_sort_delete_and_undo(app_user: User) -> None:
    template = new_form_from_profile(PracticeProfile())
    template.course.start, template.course.start_marker = "2026-11-03T09:30:00", "AFV01A1"
    await new_form(app_user, template)
    table = one(app_user, "markers-table")
    assert [(r["code"], r["time"]) for r in table.rows] == [("AFV01A1", "03-11-2026 09:30:00")]

    app_user.find(marker="markers-new").click()
    await app_user.should_see(marker="marker-code")
    assert saved(app_user).markers[0].time == "2026-11-25T10:30:00"  # the clock's now, to the minute
    pick(app_user, "marker-code", "AFV01B", "AFV01B")
    type_time(app_user, "marker-time", "04-11-2026 10:00")
    assert saved(app_user).markers[0].code == "AFV01B"

    app_user.find(marker="markers-new").click()  # the second one is now in the details
    await app_user.should_see("25-11-2026 10:30:00", marker="marker-time")
    pick(app_user, "marker-code", "AFV01F", "AFV01F")
    type_time(app_user, "marker-time", "03-11-2026 12:00")
    # Sorted by time under the start marker, whatever the order of entry.
    assert [r["code"] for r in table.rows] == ["AFV01A1", "AFV01F", "AFV01B"]

    await app_user.open("/skema/1")
    table = one(app_user, "markers-table")
    assert [r["code"] for r in table.rows] == ["AFV01A1", "AFV01F", "AFV01B"]
    await app_user.should_see(marker="marker-none")

    # Select the AFV01B row (markers[0]) and edit it in the details.
    table_rows_before = len(table.rows)
    pick_row(app_user, table, table.rows[2]["key"])
    await app_user.should_see(marker="marker-code")
    assert one(app_user, "marker-code").value == "AFV01B"
    type_time(app_user, "marker-time", "06-11-2026 10:00")
    assert saved(app_user).markers[0].time == "2026-11-06T10:00:00"

    # Delete with the confirmation, then undo: back at its old place.
    app_user.find(marker="markers-delete").click()
    await app_user.should_see(marker="markers-delete-dialog")
    app_user.find(marker="markers-delete-confirm").click()
    assert [m.code for m in saved(app_user).markers] == ["AFV01F"]
    assert len(table.rows) == table_rows_before - 1
    await app_user.should_see(marker="markers-undo-bar")
    app_user.find(marker="markers-undo").click()
    assert [m.code for m in saved(app_user).markers] == ["AFV01B", "AFV01F"]
    await app_user.should_not_see(marker="markers-undo-bar")
    await app_user.should_see(marker="marker-code")
    assert one(app_user, "marker-code").value == "AFV01B"  # the row is back and selected
    actions = [r["action"] for r in app_user.ctx.store.forms.audit_rows(1)]
    assert actions[-2:] == ["delete", "undo"]


async def test_cancel_in_the_delete_dialog_keeps_the_marker(app_user: User) -> None:
    template = Form()
    template.markers.append(Marker(code="AFV01B", time="2026-11-04T10:00:00"))
    await new_form(app_user, template)
    table = one(app_user, "markers-table")
    pick_row(app_user, table, table.rows[1]["key"])
    await app_user.should_see(marker="marker-code")
    app_user.find(marker="markers-delete").click()
    app_user.find(marker="markers-delete-cancel").click()
    assert len(saved(app_user).markers) == 1


async def test_start_marker_row_is_read_only_and_points_to_the_course(app_user: User) -> None:
    await new_form(app_user)
    table = one(app_user, "markers-table")
    pick_row(app_user, table, "start")
    await app_user.should_see(marker="marker-start-note")
    assert not one(app_user, "markers-delete").enabled
    await app_user.should_not_see(marker="marker-code")


async def test_a_validation_jump_selects_the_marker_row(app_user: User, monkeypatch) -> None:
    editors = record_editors(monkeypatch)
    template = Form()
    template.markers += [Marker(code="AFV01B", time="2026-11-04T10:00:00"),
                         Marker(code="AFV01F", time="bad time")]
    await new_form(app_user, template)
    await app_user.should_see(marker="marker-none")
    editor = editors[-1]
    with app_user.client:
        editor.reveal("markers[1].time", "markers")
    await app_user.should_see(marker="marker-time")
    assert one(app_user, "marker-time").value == "bad time"
    assert one(app_user, "marker-code").value == "AFV01F"
    assert "markers[1].time" in editor.fields


async def test_details_can_be_hidden_and_shown(app_user: User) -> None:
    await new_form(app_user)
    await app_user.should_see(marker="markers-details")
    app_user.find(marker="markers-toggle-details").click()
    await app_user.should_not_see(marker="markers-details")
    await app_user.should_see("Vis detaljer")
    app_user.find(marker="markers-toggle-details").click()
    await app_user.should_see(marker="markers-details")


async def test_next_step_hint_follows_the_workflow(app_user: User) -> None:
    await new_form(app_user)
    await app_user.should_see("Første kontakt", marker="next-step-text")
    await app_user.should_see("frit valg", marker="next-step-text")
    pick(app_user, "referral-free-choice", "ALDB", "ALDB00")
    await app_user.should_not_see("frit valg", marker="next-step-text")
    type_time(app_user, "course-end", "20-11-2026 12:00")
    await app_user.should_see("afslutningsmåde", marker="next-step-text")


async def test_settings_profile_is_saved_on_change_and_kept(app_user: User) -> None:
    await app_user.open("/indstillinger")
    await app_user.should_see("Praksisprofil")
    app_user.find(marker="settings-clinic-name").type("Klinik Ø")
    app_user.find(marker="settings-cvr").type("1234")
    assert one(app_user, "settings-cvr").props.get("error") is True
    await app_user.should_see("8 cifre")
    prefs = app_user.ctx.store.prefs
    assert load_profile(prefs).cvr == "1234" and prefs.get("profile.cvr") == ""
    app_user.find(marker="settings-cvr").type("5678")
    assert one(app_user, "settings-cvr").props.get("error") is not True
    assert prefs.get("profile.cvr") == "12345678"
    pick(app_user, "settings-unit", "Ortopæd", UNIT)
    pick(app_user, "settings-payer", "ALFB", "ALFB01")
    pick(app_user, "settings-own-unit-add", "Demo", "999911000016001")
    await app_user.should_see(marker="settings-own-unit")

    profile = load_profile(prefs)
    assert (profile.clinic_name, profile.cvr, profile.responsible_unit, profile.payer, profile.own_units) == (
        "Klinik Ø", "12345678", UNIT, "ALFB01", ["999911000016001"])

    await app_user.open("/indstillinger")
    assert one(app_user, "settings-clinic-name").value == "Klinik Ø"
    assert one(app_user, "settings-payer").value == "ALFB01"
    app_user.find(marker="settings-own-unit-remove-999911000016001").click()
    assert load_profile(prefs).own_units == []
    await app_user.should_see(marker="settings-own-units-empty")
    await app_user.should_see(marker="catalog-import-kind")  # the Kodelister part


def pick_row(user: User, table: ui.table, key: str) -> None:
    """Click a table row as the browser does (a rowClick event carrying the row)."""
    row = next(r for r in table.rows if r["key"] == key)
    with user.client:
        for listener in table._event_listeners.values():
            if listener.type == "rowClick":
                events.handle_event(listener.handler, events.GenericEventArguments(
                    sender=table, client=user.client, args=[{}, row, 0]))


def record_editors(monkeypatch) -> list[FormEditor]:
    """Collect every FormEditor the pages build, so a test can act as the validation panel does."""
    editors: list[FormEditor] = []
    original = FormEditor.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        editors.append(self)

    monkeypatch.setattr(FormEditor, "__init__", init)
    return editors
