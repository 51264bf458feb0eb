"""First start (F1): a new data folder asks for the practice profile before the forms list; it can be skipped."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from seilocal.pages.first_start import FIRST_START_KEY
from seilocal.pages.sor_field import NO_CVR_NOTE
from seilocal.store.profile import load_profile

UNIT = "999921000016002"
VALID_CVR = "12345674"  # modulus 11 fits


def one(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


def pick(user: User, mark: str, query: str, code: str) -> None:
    found = user.find(marker=mark)
    found.trigger("inputValue", query)
    (select,) = found.elements
    assert code in select.options, list(select.options)
    with user.client:
        select.value = code


async def test_a_new_data_folder_asks_for_the_profile_and_keeps_the_answers(app_user: User) -> None:
    await app_user.open("/")
    await app_user.should_see("Velkommen til SEI-LPR lokal", marker="first-start")
    app_user.find(marker="first-start-clinic-name").type("Klinik Åbo")
    app_user.find(marker="first-start-cvr").type(VALID_CVR)
    pick(app_user, "settings-own-unit-add", "Demo Privatklinik", "999911000016001")
    pick(app_user, "first-start-unit", "Ortopæd", UNIT)
    pick(app_user, "first-start-payer", "ALFB", "ALFB01")
    app_user.find(marker="first-start-done").click()

    prefs = app_user.ctx.store.prefs
    assert prefs.get(FIRST_START_KEY) == "done"
    profile = load_profile(prefs)
    assert (profile.clinic_name, profile.cvr, profile.own_units, profile.responsible_unit, profile.payer) == (
        "Klinik Åbo", VALID_CVR, ["999911000016001"], UNIT, "ALFB01")
    assert prefs.get("profile.cvr") == VALID_CVR

    await app_user.open("/")  # asked once: the forms list comes straight away now
    await app_user.should_see(marker="create-form")
    await app_user.should_not_see(marker="first-start")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-cpr")
    form = app_user.ctx.store.forms.load(1).form
    assert (form.course.responsible_unit, form.payment.payer) == (UNIT, "ALFB01")


async def test_the_setup_can_be_skipped_and_done_later(app_user: User) -> None:
    await app_user.open("/")
    await app_user.should_see(marker="first-start")
    app_user.find(marker="first-start-skip").click()
    assert app_user.ctx.store.prefs.get(FIRST_START_KEY) == "skipped"
    await app_user.open("/")
    await app_user.should_not_see(marker="first-start")
    await app_user.open("/velkommen")  # later, on its own page
    await app_user.should_see(marker="first-start")
    await app_user.open("/indstillinger")
    await app_user.should_see(marker="settings-profile")


async def test_a_data_folder_with_forms_is_not_new(app_user: User) -> None:
    stored = app_user.ctx.store.forms.create()
    # A form somebody wrote in: a blank untouched draft is cleaned up by the list (issue 13, item 5).
    app_user.ctx.store.forms.save_edit(stored, "patient.name", "Jens Hansen")
    await app_user.open("/")
    await app_user.should_see(marker="forms-table")
    await app_user.should_not_see(marker="first-start")


async def test_the_cvr_gets_its_modulus_11_check(app_user: User) -> None:
    await app_user.open("/velkommen")
    app_user.find(marker="first-start-cvr").type("1234567")
    field = one(app_user, "first-start-cvr")
    assert field.props.get("error") is True and field.props.get("error-message") == "Et CVR-nummer har 8 cifre."
    app_user.find(marker="first-start-cvr").type("9")
    assert field.props.get("error") is not True
    assert "modulus 11" in field.props.get("hint", "")
    app_user.find(marker="first-start-cvr").clear().type(VALID_CVR)
    assert not field.props.get("hint") and field.props.get("error") is not True


async def test_mit_cvr_without_a_cvr_says_where_to_set_it(app_user: User) -> None:
    await app_user.open("/indstillinger")
    app_user.find(marker="settings-unit-lookup").click()
    with app_user.client:
        one(app_user, "settings-unit-tabs").value = "cvr_si"
    note = one(app_user, "settings-unit-no-cvr")
    assert note.visible and note.text == NO_CVR_NOTE
    app_user.find(marker="settings-cvr").type(VALID_CVR)
    with app_user.client:
        one(app_user, "settings-unit-tabs").value = "cvr_all"
    assert not note.visible
