"""The sections of the printed form, in the order of the screen, with the glossary's Danish labels."""

from __future__ import annotations

from seilocal.model.cancer import (
    NO_LOCAL_RECURRENCE_CODE,
    NO_LOCAL_RECURRENCE_TEXT,
    NO_METASTASES_CODE,
    NO_METASTASES_TEXT,
)
from seilocal.model.form import STATUS_LABELS_DA, Contact, Form, Payment, Procedure
from seilocal.print.page import FormPDF
from seilocal.print.text import (
    EMPTY,
    NONE_ROWS,
    Describe,
    code,
    codes,
    format_time,
    labelled_lines,
    value,
)

DIAGNOSIS_KINDS = {"action": "Aktionsdiagnose", "secondary": "Bidiagnose"}
REPORT_STATUSES = {"incomplete": "Ufuldstændig", "complete": "Komplet"}

# Widths in mm of the 180 mm text width: a time `dd-mm-åååå tt:mm` needs 28 mm to stay on one line.
CONTACT_HEADINGS = (
    "Nr.",
    "Start / slut",
    "Kontakttype",
    "Prioritet",
    "Kontaktårsag",
    "Kontaktansvar",
    "Aktionsdiagnose",
)
CONTACT_WIDTHS = (7, 28, 29, 23, 25, 30, 38)
PROCEDURE_HEADINGS = ("Nr.", "Procedure", "Start / slut", "Procedureansvar", "Detaljer")
PROCEDURE_WIDTHS = (7, 50, 28, 31, 64)
DIAGNOSIS_HEADINGS = ("Nr.", "Art", "Diagnose", "Sideangivelse", "Tillægskoder", "Metastaser", "Lokalrecidiv")
DIAGNOSIS_WIDTHS = (7, 28, 50, 25, 24, 23, 23)
REPORT_HEADINGS = ("Nr.", "Tidspunkt", "RI-navn", "Trigger", "Status", "Resultater")
REPORT_WIDTHS = (7, 28, 37, 34, 22, 52)  # RI-navn fits "Stofmisbrugsbehandling" unbroken


def stated(items: list[str], none: bool, none_text: str, describe: Describe | None) -> str:
    """A cancer diagnosis's metastasis (local-recurrence) cell: its codes, and the "none" code and text when stated."""
    shown = codes(items, describe)
    if not none:
        return shown
    return none_text if shown == EMPTY else f"{shown}\n{none_text}"


def span(start: str | None, end: str | None) -> str:
    """Start and end time on two lines of one cell."""
    return f"{format_time(start)}\n{format_time(end)}"


def write_form(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Every section of the form, each with its heading even when it is empty."""
    write_summary(pdf, form, describe)
    write_form_info(pdf, form)
    write_patient(pdf, form)
    write_course(pdf, form, describe)
    write_referral(pdf, form, describe)
    write_payment(pdf, form, describe)
    write_markers(pdf, form, describe)
    write_contacts(pdf, form, describe)
    write_procedures_without_contact(pdf, form, describe)
    write_result_reports(pdf, form, describe)


def write_summary(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """The header block of the screen: who, which status, when the course runs."""
    pdf.set_font(pdf.font_family, "B", 15)
    pdf.cell(pdf.epw, 9, "Indberetning til LPR3 (SEI-LPR)", new_x="LMARGIN", new_y="NEXT")
    pdf.fields(
        [
            ("CPR-nummer", value(form.patient.cpr)),
            ("Status", STATUS_LABELS_DA.get(form.status, form.status)),
            ("Navn", value(form.patient.name)),
            ("Startmarkør", code(form.course.start_marker, describe)),
            ("Forløbsstart", format_time(form.course.start)),
            ("Forløbsslut", format_time(form.course.end)),
        ]
    )


def write_form_info(pdf: FormPDF, form: Form) -> None:
    """Skemainformation: the form number and the forløbsID to quote when referring on."""
    pdf.heading("Skemainformation")
    form_no = str(form.form_no) if form.form_no is not None else EMPTY
    pdf.fields([("Skemanummer", form_no), ("ForløbsID", value(form.course.id))], per_row=1)


def write_patient(pdf: FormPDF, form: Form) -> None:
    """Patient: CPR and name."""
    pdf.heading("Patient")
    pdf.fields([("CPR-nummer", value(form.patient.cpr)), ("Navn", value(form.patient.name))])


def write_course(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Forløbsoplysninger."""
    course = form.course
    pdf.heading("Forløbsoplysninger")
    pdf.fields(
        [
            ("Starttidspunkt", format_time(course.start)),
            ("Sluttidspunkt", format_time(course.end)),
            ("Forløbsansvar (SOR)", value(course.responsible_unit)),
            ("Forløbslabel", code(course.label, describe)),
            ("Startmarkør", code(course.start_marker, describe)),
            ("Afslutningsmåde", code(course.completion, describe)),
        ]
    )


def write_referral(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Henvisning."""
    referral = form.referral
    pdf.heading("Henvisning")
    pdf.fields(
        [
            ("Henvisende enhed (SOR)", value(referral.referring_unit)),
            ("Henvisningstidspunkt", format_time(referral.time)),
            ("Henvisningsmåde", code(referral.method, describe)),
            ("Frit sygehusvalg", code(referral.free_choice, describe)),
            ("Henvisningsårsag", code(referral.reason, describe)),
            ("Reference-ID", value(referral.reference_id)),
            ("Referencetype", code(referral.reference_type, describe)),
        ]
    )


def payment_pairs(payment: Payment, describe: Describe | None) -> list[tuple[str, str]]:
    """The three payment fields with their labels."""
    return [
        ("Betaler", code(payment.payer, describe)),
        ("Betalingsaftale", code(payment.agreement, describe)),
        ("Specialiseringsniveau", code(payment.specialisation_level, describe)),
    ]


def write_payment(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Betaling (betalingsoplysninger)."""
    pdf.heading("Betaling")
    pdf.fields(payment_pairs(form.payment, describe))


def write_markers(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Forløbsmarkører as a table."""
    pdf.heading("Forløbsmarkører")
    if not form.markers:
        pdf.note(NONE_ROWS)
        return
    rows = [
        (str(n), code(marker.code, describe), format_time(marker.time))
        for n, marker in enumerate(form.markers, start=1)
    ]
    pdf.grid(("Nr.", "Forløbsmarkør", "Tidspunkt"), rows, (7, 133, 40))


def write_contacts(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Patientkontakter: an overview table, then each contact with its diagnoses and procedures."""
    pdf.heading("Patientkontakter")
    if not form.contacts:
        pdf.note(NONE_ROWS)
        return
    rows = []
    for n, contact in enumerate(form.contacts, start=1):
        action = contact.action_diagnosis
        rows.append(
            (
                str(n),
                span(contact.start, contact.end),
                code(contact.type, describe),
                code(contact.priority, describe),
                code(contact.reason, describe),
                value(contact.responsible_unit),
                code(action.code, describe) if action else EMPTY,
            )
        )
    pdf.grid(CONTACT_HEADINGS, rows, CONTACT_WIDTHS)
    for n, contact in enumerate(form.contacts, start=1):
        write_contact_details(pdf, n, contact, describe)


def write_contact_details(pdf: FormPDF, n: int, contact: Contact, describe: Describe | None) -> None:
    """One contact's diagnoses table and procedures table."""
    pdf.subheading(f"Kontakt {n}: {format_time(contact.start)} – {format_time(contact.end)}", room=30)
    pdf.set_font(pdf.font_family, "B", 8.5)
    pdf.cell(pdf.epw, 5, "Diagnoser", new_x="LMARGIN", new_y="NEXT")
    if contact.diagnoses:
        rows = [
            (
                str(i),
                DIAGNOSIS_KINDS.get(diagnosis.kind, diagnosis.kind),
                code(diagnosis.code, describe),
                code(diagnosis.side, describe),
                codes(diagnosis.supplementary, describe),
                stated(diagnosis.metastases, diagnosis.no_metastases,
                       f"{NO_METASTASES_CODE} {NO_METASTASES_TEXT}", describe),
                stated(diagnosis.local_recurrences, diagnosis.no_local_recurrences,
                       f"{NO_LOCAL_RECURRENCE_CODE} {NO_LOCAL_RECURRENCE_TEXT}", describe),
            )
            for i, diagnosis in enumerate(contact.diagnoses, start=1)
        ]
        pdf.grid(DIAGNOSIS_HEADINGS, rows, DIAGNOSIS_WIDTHS)
    else:
        pdf.note(NONE_ROWS)
    pdf.ensure_space(16)
    pdf.set_font(pdf.font_family, "B", 8.5)
    pdf.cell(pdf.epw, 5, "Procedurer", new_x="LMARGIN", new_y="NEXT")
    write_procedure_table(pdf, contact.procedures, describe)


def procedure_details(procedure: Procedure, describe: Describe | None) -> str:
    """The less used procedure fields as `Label: value` lines."""
    pairs: list[tuple[str, str | None]] = [
        ("Sideangivelse", code(procedure.side, describe)),
        ("Handlingsspecifikation", code(procedure.action_spec, describe)),
        ("Anvendt kontrast", code(procedure.contrast, describe)),
        ("Personalekategori", code(procedure.staff_category, describe)),
        ("Tillægskoder", ", ".join(code(c, describe) for c in procedure.supplementary if c and c.strip())),
    ]
    if procedure.payment is not None:
        pairs += payment_pairs(procedure.payment, describe)
    details = labelled_lines(pairs)
    for wanted, extra in ((procedure.implant_report_requested, "Implantatindberetning ønsket"),
                          (procedure.coercion_report_requested, "Tvangsindberetning ønsket")):
        if wanted:
            details = extra if details == EMPTY else f"{details}\n{extra}"
    return details


def write_procedure_table(pdf: FormPDF, procedures: list[Procedure], describe: Describe | None) -> None:
    """A table of procedures, or `Ingen`."""
    if not procedures:
        pdf.note(NONE_ROWS)
        return
    rows = [
        (
            str(i),
            code(procedure.code, describe),
            span(procedure.start, procedure.end),
            value(procedure.producer),
            procedure_details(procedure, describe),
        )
        for i, procedure in enumerate(procedures, start=1)
    ]
    pdf.grid(PROCEDURE_HEADINGS, rows, PROCEDURE_WIDTHS)


def write_procedures_without_contact(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Procedurer uden patientkontakt."""
    pdf.heading("Procedurer uden patientkontakt")
    write_procedure_table(pdf, form.procedures, describe)


def trigger_names(form: Form) -> dict[str, str]:
    """What each id of the form is called on paper, so a report's trigger reads as `Kontakt 2`, not a UUID."""
    names = {form.course.id: "Forløbet"}
    for n, marker in enumerate(form.markers, start=1):
        names[marker.id] = f"Forløbsmarkør {n}"
    for n, contact in enumerate(form.contacts, start=1):
        names[contact.id] = f"Kontakt {n}"
        for i, diagnosis in enumerate(contact.diagnoses, start=1):
            names[diagnosis.id] = f"Diagnose {i}, kontakt {n}"
        for i, procedure in enumerate(contact.procedures, start=1):
            names[procedure.id] = f"Procedure {i}, kontakt {n}"
    for n, procedure in enumerate(form.procedures, start=1):
        names[procedure.id] = f"Procedure uden kontakt {n}"
    return names


def write_result_reports(pdf: FormPDF, form: Form, describe: Describe | None) -> None:
    """Resultatindberetninger with their results."""
    pdf.heading("Resultatindberetninger")
    if not form.result_reports:
        pdf.note(NONE_ROWS)
        return
    names = trigger_names(form)
    rows = []
    for n, report in enumerate(form.result_reports, start=1):
        trigger = code(report.trigger.code, describe)
        ref = report.trigger.ref
        if ref:
            trigger = f"{trigger}\n({names.get(ref, value(ref))})"
        results = [f"{code(kind, describe)}: {format_time(result)}" for kind, result in report.results.items()]
        rows.append(
            (
                str(n),
                format_time(report.time),
                code(report.name, describe),
                trigger,
                REPORT_STATUSES.get(report.status, report.status),
                "\n".join(results) if results else EMPTY,
            )
        )
    pdf.grid(REPORT_HEADINGS, rows, REPORT_WIDTHS)
