"""Pre-filled new contacts and procedures, and "Kopiér kontakt" (pure)."""

from __future__ import annotations

from datetime import datetime

from seilocal.model import Contact, Diagnosis, Form, Procedure
from seilocal.model.prefill import copy_contact, new_contact, new_diagnosis, new_procedure, next_start

NOW = datetime(2026, 11, 25, 10, 30, 47)
UNIT = "486811000016002"


def _form(*contacts: Contact) -> Form:
    form = Form()
    form.course.responsible_unit = UNIT
    form.payment.payer = "ALFB01"
    form.contacts = list(contacts)
    return form


def test_first_contact_starts_now_floored_to_the_minute_with_the_course_unit():
    contact = new_contact(_form(), NOW)
    assert contact.start == "2026-11-25T10:30:00"
    assert contact.responsible_unit == UNIT
    assert (contact.type, contact.priority, contact.end) == (None, None, None)


def test_next_contact_starts_at_the_last_contacts_end_and_takes_its_type_priority_and_unit():
    early = Contact(start="2026-11-03T10:00:00", end="2026-11-03T10:45:00", type="ALCA03", priority="ATA1",
                    responsible_unit="111")
    late = Contact(start="2026-11-10T09:00:00", end="2026-11-10T09:20:00", type="ALCA00", priority="ATA3",
                   responsible_unit="222")
    contact = new_contact(_form(late, early), NOW)  # stored order differs from time order
    assert contact.start == "2026-11-10T09:20:00"
    assert (contact.type, contact.priority, contact.responsible_unit) == ("ALCA00", "ATA3", "222")


def test_last_contact_without_a_readable_end_gives_now():
    assert next_start(_form(Contact(start="2026-11-10T09:00:00", end="31-02-2026")), NOW) == "2026-11-25T10:30:00"
    assert next_start(_form(Contact(start="2026-11-10T09:00:00")), NOW) == "2026-11-25T10:30:00"


def test_previous_contact_without_unit_falls_back_to_the_course_unit():
    contact = new_contact(_form(Contact(start="2026-11-10T09:00:00", type="ALCA00")), NOW)
    assert contact.responsible_unit == UNIT and contact.type == "ALCA00"


def test_new_diagnosis_is_the_action_diagnosis_first_then_secondary():
    contact = Contact()
    assert new_diagnosis(contact).kind == "action"
    contact.diagnoses.append(Diagnosis(kind="action", code="DC509"))
    assert new_diagnosis(contact).kind == "secondary"


def test_new_procedure_on_a_contact_starts_with_it_and_has_no_payment():
    contact = Contact(start="2026-11-03T10:00:00")
    procedure = new_procedure(_form(contact), NOW, contact)
    assert procedure.start == "2026-11-03T10:00:00"
    assert procedure.producer == UNIT and procedure.payment is None


def test_procedure_without_contact_starts_now_and_copies_the_forms_payment():
    form = _form()
    procedure = new_procedure(form, NOW)
    assert procedure.start == "2026-11-25T10:30:00"
    assert procedure.payment is not None and procedure.payment.payer == "ALFB01"
    procedure.payment.payer = "ALFB02"
    assert form.payment.payer == "ALFB01"  # a copy, not the form's own object


def test_copy_contact_gets_new_ids_and_shifts_every_time_by_the_same_offset():
    source = Contact(
        start="2026-11-03T10:00:00", end="2026-11-03T10:45:00", type="ALCA00", priority="ATA3",
        diagnoses=[Diagnosis(kind="action", code="DC509", side="TUL2", supplementary=["ZDW10"])],
        procedures=[Procedure(code="KHAC20", start="2026-11-03T10:05:00", end="2026-11-03T10:25:00")],
    )
    form = _form(source)
    copy = copy_contact(form, source, NOW)
    # Starts at the end of the last contact: an offset of 45 minutes.
    assert (copy.start, copy.end) == ("2026-11-03T10:45:00", "2026-11-03T11:30:00")
    assert copy.procedures[0].start == "2026-11-03T10:50:00" and copy.procedures[0].end == "2026-11-03T11:10:00"
    assert copy.id != source.id
    assert copy.diagnoses[0].id != source.diagnoses[0].id and copy.procedures[0].id != source.procedures[0].id
    assert (copy.diagnoses[0].code, copy.diagnoses[0].side, copy.diagnoses[0].supplementary) == (
        "DC509", "TUL2", ["ZDW10"])
    assert copy.procedures[0].code == "KHAC20" and copy.type == "ALCA00"
    copy.diagnoses[0].supplementary.append("X")
    assert source.diagnoses[0].supplementary == ["ZDW10"]  # a deep copy
    assert source.start == "2026-11-03T10:00:00"  # the source is untouched


def test_copy_of_a_contact_with_an_unreadable_start_keeps_the_other_times_verbatim():
    source = Contact(start="3-11", end="2026-11-03T10:45:00",
                     procedures=[Procedure(start="2026-11-03T10:05:00")])
    copy = copy_contact(_form(), source, NOW)
    assert copy.start == "2026-11-25T10:30:00"
    assert copy.end == "2026-11-03T10:45:00" and copy.procedures[0].start == "2026-11-03T10:05:00"
