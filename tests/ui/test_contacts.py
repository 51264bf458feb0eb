"""The contacts section in the user fixture: add, edit in details, diagnoses, procedures, delete, undo, copy, reload."""

from __future__ import annotations

from nicegui.testing import User

from seilocal.model import Contact, Diagnosis, Procedure, ResultReport, Trigger
from tests.support.user import UNIT
from tests.support.user import form_with_course as _form_with_course
from tests.support.user import one as _one
from tests.support.user import pick as _pick
from tests.support.user import saved as _saved
from tests.support.user import table as _table


async def test_new_contact_is_prefilled_edited_in_details_and_kept_after_reload(app_user: User) -> None:
    _form_with_course(app_user)
    await app_user.open("/skema/1")
    await app_user.should_see(marker="contacts-new")
    app_user.find(marker="contacts-new").click()

    contact = _saved(app_user).contacts[0]
    assert contact.start == "2026-11-25T10:30:00" and contact.responsible_unit == UNIT
    assert _one(app_user, "contact-start").value == "25-11-2026 10:30:00"
    rows = _table(app_user).rows
    assert len(rows) == 1 and rows[0]["start"] == "25-11-2026 10:30:00" and rows[0]["action"] == ""

    app_user.find(marker="contact-end").type("25-11-2026 11:15").trigger("blur")
    _pick(app_user, "contact-type", "ALCA00", "ALCA00")
    _pick(app_user, "contact-priority", "ATA3", "ATA3")
    saved = _saved(app_user).contacts[0]
    assert (saved.end, saved.type, saved.priority) == ("2026-11-25T11:15:00", "ALCA00", "ATA3")
    row = _table(app_user).rows[0]
    assert row["end"] == "25-11-2026 11:15:00" and row["type"].startswith("ALCA00")

    await app_user.open("/skema/1")
    await app_user.should_see(marker="contacts-table")
    row = _table(app_user).rows[0]
    assert row["end"] == "25-11-2026 11:15:00" and row["priority"].startswith("ATA3")


async def test_second_contact_starts_at_the_first_ones_end_and_table_sorts_by_start(app_user: User) -> None:
    _form_with_course(app_user, [Contact(start="2026-11-10T09:00:00", end="2026-11-10T09:20:00", type="ALCA00",
                                         priority="ATA3", responsible_unit=UNIT),
                                 Contact(start="2026-11-04T08:00:00", end="2026-11-04T08:30:00")])
    await app_user.open("/skema/1")
    await app_user.should_see(marker="contacts-table")
    assert [r["start"] for r in _table(app_user).rows] == ["04-11-2026 08:00:00", "10-11-2026 09:00:00"]
    app_user.find(marker="contacts-new").click()
    new = _saved(app_user).contacts[2]
    assert (new.start, new.type, new.priority) == ("2026-11-10T09:20:00", "ALCA00", "ATA3")
    assert [r["start"] for r in _table(app_user).rows][-1] == "10-11-2026 09:20:00"
    # The new row is the selected one and its details are shown.
    assert _table(app_user).selected[0]["id"] == new.id
    assert _one(app_user, "contact-start").value == "10-11-2026 09:20:00"


async def test_acute_priority_shows_the_reason_field_marked_required(app_user: User) -> None:
    _form_with_course(app_user, [Contact(start="2026-11-10T09:00:00")])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": _saved(app_user).contacts[0].id}, 0])
    await app_user.should_see(marker="contact-priority")
    await app_user.should_not_see(marker="contact-reason")
    _pick(app_user, "contact-priority", "ATA1", "ATA1")
    await app_user.should_see(marker="contact-reason")
    reason = _one(app_user, "contact-reason")
    assert reason.props.get("error") is True
    _pick(app_user, "contact-reason", "ALCC01", "ALCC01")
    assert _saved(app_user).contacts[0].reason == "ALCC01"
    assert not reason.props.get("error")


async def test_action_diagnosis_with_side_and_cancer_fields(app_user: User) -> None:
    _form_with_course(app_user, [Contact(start="2026-11-10T09:00:00")])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": _saved(app_user).contacts[0].id}, 0])
    app_user.find(marker="diagnosis-add-action").click()
    await app_user.should_see(marker="diagnosis-action-code")
    await app_user.should_not_see(marker="diagnosis-action-side")
    _pick(app_user, "diagnosis-action-code", "DC509", "DC509")
    await app_user.should_see(marker="diagnosis-action-side")
    await app_user.should_see(marker="diagnosis-action-metastases")
    assert _one(app_user, "diagnosis-action-metastases").props.get("error") is True
    _pick(app_user, "diagnosis-action-side", "TUL2", "TUL2")
    _pick(app_user, "diagnosis-action-metastases", "DC793C", "DC793C")
    diagnosis = _saved(app_user).contacts[0].diagnoses[0]
    assert (diagnosis.kind, diagnosis.code, diagnosis.side, diagnosis.metastases) == (
        "action", "DC509", "TUL2", ["DC793C"])
    assert not _one(app_user, "diagnosis-action-metastases").props.get("error")
    await app_user.should_see("DC793C", marker="diagnosis-action-metastases-chip")
    assert _table(app_user).rows[0]["action"] == "✓"
    # Only one action diagnosis: the button to add one is gone, a secondary one can be added.
    await app_user.should_not_see(marker="diagnosis-add-action")
    app_user.find(marker="diagnosis-add-secondary").click()
    assert [d.kind for d in _saved(app_user).contacts[0].diagnoses] == ["action", "secondary"]
    await app_user.should_see(marker="diagnosis-1-remove")  # a refresh lands on the next loop turn
    app_user.find(marker="diagnosis-1-remove").click()
    assert len(_saved(app_user).contacts[0].diagnoses) == 1
    await app_user.should_not_see(marker="diagnosis-1-card")
    app_user.find(marker="diagnosis-undo").click()
    assert [d.kind for d in _saved(app_user).contacts[0].diagnoses] == ["action", "secondary"]
    await app_user.should_see(marker="diagnosis-1-card")


async def test_procedure_on_a_contact_defaults_and_ticks(app_user: User) -> None:
    _form_with_course(app_user, [Contact(start="2026-11-10T09:00:00", responsible_unit="999")])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": _saved(app_user).contacts[0].id}, 0])
    app_user.find(marker="contact-procedures-new").click()
    procedure = _saved(app_user).contacts[0].procedures[0]
    assert (procedure.start, procedure.producer) == ("2026-11-10T09:00:00", UNIT)
    _pick(app_user, "contact-procedure-code", "UXCC00", "UXCC00")
    await app_user.should_see(marker="contact-procedure-contrast")
    _pick(app_user, "contact-procedure-side", "TUL1", "TUL1")
    app_user.find(marker="contact-procedure-implant").click()
    procedure = _saved(app_user).contacts[0].procedures[0]
    assert (procedure.code, procedure.side, procedure.implant_report_requested) == ("UXCC00", "TUL1", True)
    assert _table(app_user).rows[0]["procedures"] == "✓"
    assert _table(app_user, "contact-procedures").rows[0]["code"] == "UXCC00"


async def test_delete_asks_names_result_reports_and_undo_puts_the_row_back(app_user: User) -> None:
    diagnosis = Diagnosis(kind="action", code="DC509")
    first = Contact(start="2026-11-04T08:00:00", diagnoses=[diagnosis])
    second = Contact(start="2026-11-10T09:00:00")
    report = ResultReport(name="RAA01", trigger=Trigger(ref=diagnosis.id, code="DC509"))
    _form_with_course(app_user, [second, first], [report])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": first.id}, 1])
    app_user.find(marker="contacts-delete").click()
    await app_user.should_see(marker="contacts-delete-dialog")
    await app_user.should_see("Sletning kan have konsekvenser")
    await app_user.should_see("RAA01", marker="contacts-delete-warning")
    app_user.find(marker="contacts-delete-cancel").click()
    assert len(_saved(app_user).contacts) == 2

    app_user.find(marker="contacts-delete").click()
    app_user.find(marker="contacts-delete-confirm").click()
    assert [c.id for c in _saved(app_user).contacts] == [second.id]
    assert [r["id"] for r in _table(app_user).rows] == [second.id]
    await app_user.should_see(marker="contacts-empty-details")

    app_user.find(marker="contacts-undo").click()
    assert [c.id for c in _saved(app_user).contacts] == [second.id, first.id]  # back at its old index
    assert _table(app_user).selected[0]["id"] == first.id
    actions = [row["action"] for row in app_user.ctx.store.forms.audit_rows(1)]
    assert actions[-2:] == ["delete", "undo"]


async def test_deleting_a_contact_without_reports_has_no_extra_warning(app_user: User) -> None:
    only = Contact(start="2026-11-04T08:00:00")
    _form_with_course(app_user, [only])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": only.id}, 0])
    app_user.find(marker="contacts-delete").click()
    await app_user.should_see(marker="contacts-delete-dialog")
    await app_user.should_not_see(marker="contacts-delete-warning")


async def test_copy_contact_makes_new_ids_and_shifted_times(app_user: User) -> None:
    source = Contact(start="2026-11-04T08:00:00", end="2026-11-04T08:30:00", type="ALCA00",
                     diagnoses=[Diagnosis(kind="action", code="DC509", side="TUL2")],
                     procedures=[Procedure(code="KHAC20", start="2026-11-04T08:10:00")])
    _form_with_course(app_user, [source])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": source.id}, 0])
    app_user.find(marker="contacts-copy").click()
    contacts = _saved(app_user).contacts
    assert len(contacts) == 2
    copy = contacts[1]
    assert copy.id != source.id and copy.diagnoses[0].id != source.diagnoses[0].id
    assert (copy.start, copy.end, copy.procedures[0].start) == (
        "2026-11-04T08:30:00", "2026-11-04T09:00:00", "2026-11-04T08:40:00")
    assert copy.diagnoses[0].code == "DC509" and copy.diagnoses[0].side == "TUL2"
    assert _table(app_user).selected[0]["id"] == copy.id


async def test_selection_survives_refresh_and_hide_details(app_user: User) -> None:
    a, b = Contact(start="2026-11-04T08:00:00"), Contact(start="2026-11-05T08:00:00")
    _form_with_course(app_user, [a, b])
    await app_user.open("/skema/1")
    app_user.find(marker="contacts-table").trigger("rowClick", [{}, {"id": b.id}, 1])
    app_user.find(marker="contacts-refresh").click()
    assert _table(app_user).selected[0]["id"] == b.id
    assert _one(app_user, "contact-start").value == "05-11-2026 08:00:00"
    app_user.find(marker="contacts-toggle-details").click()
    await app_user.should_not_see(marker="contacts-details")
    await app_user.should_see("Vis detaljer")
    app_user.find(marker="contacts-toggle-details").click()
    await app_user.should_see(marker="contact-start")


async def test_row_selector_and_timeline_click_select_a_contact(app_user: User) -> None:
    a, b = Contact(start="2026-11-04T08:00:00", end="2026-11-04T09:00:00"), Contact(start="2026-11-05T08:00:00")
    _form_with_course(app_user, [a, b])
    await app_user.open("/skema/1")
    chart = _one(app_user, "timeline")
    names = [item["name"] for series in chart.options["series"] for item in series["data"]]
    assert "contacts[0]" in names and "contacts[1]" in names
    app_user.find(marker="timeline").trigger("componentClick", {
        "componentType": "series", "name": "contacts[1]", "seriesType": "scatter", "seriesIndex": 1,
        "seriesName": "Kontaktstart", "dataIndex": 1, "data": {}, "dataType": None, "value": []})
    assert _table(app_user).selected[0]["id"] == b.id
    assert _one(app_user, "contact-start").value == "05-11-2026 08:00:00"
