"""Procedures without contact (F4.9) in the user fixture: add with defaults, edit, payment, delete, undo, reload."""

from __future__ import annotations

from nicegui.testing import User

from tests.support.user import UNIT
from tests.support.user import form_with_course as _form_with_course
from tests.support.user import one as _one
from tests.support.user import pick as _pick
from tests.support.user import saved as _saved
from tests.support.user import table as _table


async def test_add_edit_delete_undo_and_reload_a_procedure_without_contact(app_user: User) -> None:
    stored = _form_with_course(app_user)
    app_user.ctx.store.forms.save_edit(stored, "payment.payer", "ALFB01")
    await app_user.open("/skema/1")
    await app_user.should_see(marker="procedures-new")
    app_user.find(marker="procedures-new").click()

    procedure = _saved(app_user).procedures[0]
    assert (procedure.start, procedure.producer) == ("2026-11-25T10:30:00", UNIT)
    assert procedure.payment is not None and procedure.payment.payer == "ALFB01"
    await app_user.should_see(marker="procedure-payer")
    assert _one(app_user, "procedure-payer").value == "ALFB01"

    _pick(app_user, "procedure-code", "KHAC", "KHAC20")
    app_user.find(marker="procedure-start").clear().type("24-11-2026 08:15").trigger("blur")
    _pick(app_user, "procedure-action-spec", "AWX1", "AWX1")
    _pick(app_user, "procedure-agreement", "ALFA", "ALFA2")
    saved = _saved(app_user).procedures[0]
    assert (saved.code, saved.start, saved.action_spec, saved.payment.agreement) == (
        "KHAC20", "2026-11-24T08:15:00", "AWX1", "ALFA2")
    row = _table(app_user, "procedures").rows[0]
    assert (row["code"], row["start"]) == ("KHAC20", "24-11-2026 08:15:00")
    # Not a radiology code: no contrast field.
    await app_user.should_not_see(marker="procedure-contrast")

    await app_user.open("/skema/1")
    await app_user.should_see(marker="procedures-table")
    assert _table(app_user, "procedures").rows[0]["code"] == "KHAC20"

    app_user.find(marker="procedures-table").trigger("rowClick", [{}, {"id": saved.id}, 0])
    app_user.find(marker="procedures-delete").click()
    await app_user.should_see(marker="procedures-delete-dialog")
    app_user.find(marker="procedures-delete-confirm").click()
    assert _saved(app_user).procedures == []
    assert _table(app_user, "procedures").rows == []
    app_user.find(marker="procedures-undo").click()
    assert [p.id for p in _saved(app_user).procedures] == [saved.id]
    assert _saved(app_user).procedures[0].payment.agreement == "ALFA2"  # the row comes back whole
    await app_user.should_see(marker="procedure-code")


async def test_delete_without_selection_says_what_to_do(app_user: User) -> None:
    _form_with_course(app_user)
    await app_user.open("/skema/1")
    await app_user.should_see(marker="procedures-new")
    assert not _one(app_user, "procedures-delete").enabled
    await app_user.should_see(marker="procedures-empty-details")
