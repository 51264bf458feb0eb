"""A cancer diagnosis takes "ingen metastaser" / "ingen lokalrecidiv" (F4.8, LPR3 rules 12111/12112), in the UI."""

from __future__ import annotations

from nicegui.testing import User

from seilocal.model import Contact, Diagnosis
from seilocal.rules import validate
from tests.support.env import FIXED_NOW

UNIT = "486811000016002"
CANCER_RULES = {"12111", "12.111a", "12112", "12.112a"}


def _one(user: User, mark: str):
    elements = user.find(marker=mark).elements
    assert len(elements) == 1, f"{mark}: {len(elements)} elements"
    return next(iter(elements))


def _pick(user: User, mark: str, typed: str, code: str) -> None:
    user.find(marker=mark).trigger("inputValue", typed)
    select = _one(user, mark)
    assert code in select.options, f"{code} not among {list(select.options)}"
    select.value = code


def _form(user: User, diagnoses: list[Diagnosis] | None = None) -> None:
    forms = user.ctx.store.forms
    stored = forms.create()
    forms.save_edit(stored, "course.start", "2026-11-03T09:30:00")
    forms.save_edit(stored, "course.responsible_unit", UNIT)
    forms.add_row(stored, "contacts", Contact(start="2026-11-10T09:00:00", diagnoses=diagnoses or []))


def _saved(user: User):
    return user.ctx.store.forms.load(1).form


def _cancer_errors(user: User) -> set[tuple[str, str]]:
    findings = validate(_saved(user), user.ctx.store.catalog, FIXED_NOW)
    return {(f.rule, f.severity) for f in findings if f.rule in CANCER_RULES}


async def _open_contact(user: User) -> None:
    await user.open("/skema/1")
    user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": _saved(user).contacts[0].id}, 0])


async def test_ticking_none_states_no_metastases_and_no_recurrence_and_clears_the_errors(app_user: User) -> None:
    _form(app_user)
    await _open_contact(app_user)
    app_user.find(marker="diagnosis-add-action").click()
    await app_user.should_see(marker="diagnosis-action-code")
    _pick(app_user, "diagnosis-action-code", "DC509", "DC509")
    await app_user.should_see(marker="diagnosis-action-metastases-none")
    assert "DZ061A" in _one(app_user, "diagnosis-action-metastases-none").text
    assert "DZ063A" in _one(app_user, "diagnosis-action-recurrences-none").text
    # Without a statement the official errors block, even with the bundled starter catalog.
    assert _cancer_errors(app_user) == {("12111", "error"), ("12112", "error")}
    assert _one(app_user, "diagnosis-action-metastases").props.get("error") is True

    app_user.find(marker="diagnosis-action-metastases-none").click()
    app_user.find(marker="diagnosis-action-recurrences-none").click()
    diagnosis = _saved(app_user).contacts[0].diagnoses[0]
    assert (diagnosis.no_metastases, diagnosis.metastases) == (True, [])
    assert (diagnosis.no_local_recurrences, diagnosis.local_recurrences) == (True, [])
    assert _cancer_errors(app_user) == set()
    assert not _one(app_user, "diagnosis-action-metastases").props.get("error")
    assert not _one(app_user, "diagnosis-action-recurrences").props.get("error")
    # While "none" is ticked no code can be added beside it.
    assert not _one(app_user, "diagnosis-action-metastases").enabled

    # Untick: the statement is gone and the error is back.
    app_user.find(marker="diagnosis-action-metastases-none").click()
    assert _saved(app_user).contacts[0].diagnoses[0].no_metastases is False
    assert _cancer_errors(app_user) == {("12111", "error")}
    assert _one(app_user, "diagnosis-action-metastases").enabled


async def test_the_tick_is_off_while_there_are_metastasis_codes(app_user: User) -> None:
    _form(app_user, [Diagnosis(kind="action", code="DC509", metastases=["DC793C"])])
    await _open_contact(app_user)
    await app_user.should_see(marker="diagnosis-action-metastases-none")
    assert not _one(app_user, "diagnosis-action-metastases-none").enabled
    assert _one(app_user, "diagnosis-action-recurrences-none").enabled


async def test_a_new_code_that_is_no_cancer_clears_the_tick_with_undo(app_user: User) -> None:
    _form(app_user, [Diagnosis(kind="action", code="DC509", no_metastases=True, no_local_recurrences=True)])
    await _open_contact(app_user)
    await app_user.should_see(marker="diagnosis-action-metastases-none")
    assert _one(app_user, "diagnosis-action-metastases-none").value is True
    _pick(app_user, "diagnosis-action-code", "DJ069", "DJ069")
    await app_user.should_not_see(marker="diagnosis-action-metastases-none")
    diagnosis = _saved(app_user).contacts[0].diagnoses[0]
    assert (diagnosis.code, diagnosis.no_metastases, diagnosis.no_local_recurrences) == ("DJ069", False, False)
    await app_user.should_see("Ingen fjernmetastaser påvist (DZ061A)", marker="stale-notice-text")
    app_user.find(marker="stale-undo").click()
    diagnosis = _saved(app_user).contacts[0].diagnoses[0]
    assert (diagnosis.code, diagnosis.no_metastases, diagnosis.no_local_recurrences) == ("DC509", True, True)
