"""Procedure rules (11.x, 111xx) and the payment of procedures without contact (11.31)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from seilocal.model.form import Procedure
from seilocal.rules.context import Context
from seilocal.rules.registration import rules
from seilocal.rules.sor_periods import standing
from seilocal.rules.timeparse import format_da, is_blank

# Records one finding of a procedure: (rule, field path after the procedure's own, message).
_Add = Callable[[str, str, str], None]


@rules(
    "PROCEDURE",
    ("11.01", "error", "Procedure end after procedure start"),
    ("11.12", "error", "Start of a procedure without contact not before course start"),
    ("11.13", "error", "Start of a procedure without contact before course end"),
    ("11.15", "error", "End of a procedure without contact not after course end"),
    ("11.22", "error", "Start of a contact procedure not before contact start"),
    ("11.23", "error", "Start of a contact procedure before contact end"),
    ("11.25", "error", "End of a contact procedure not after contact end"),
)
def procedure_periods(ctx: Context) -> None:
    for view in ctx.procedures:
        start, end, p = view.start, view.end, view.path
        if start and end and end <= start:
            ctx.add("11.01", f"{p}.end", "Procedurens sluttidspunkt skal ligge efter starttidspunktet")
        if view.contact is None:
            first, last, where, rules_ = (
                ctx.course_start,
                ctx.course_end,
                "forløbets",
                ("11.12", "11.13", "11.15"),
            )
        else:
            first, last, where, rules_ = (
                view.contact.start,
                view.contact.end,
                "kontaktens",
                ("11.22", "11.23", "11.25"),
            )
        if start and first and start < first:
            ctx.add(rules_[0], f"{p}.start", f"Proceduren starter før {where} start ({format_da(first)})")
        if start and last and start >= last:
            ctx.add(
                rules_[1], f"{p}.start", f"Proceduren skal starte før {where} slutning ({format_da(last)})"
            )
        if end and last and end > last:
            ctx.add(rules_[2], f"{p}.end", f"Proceduren slutter efter {where} slutning ({format_da(last)})")


@rules(
    "PROCEDURE",
    ("11.11", "error", "On a closed course, procedures without contact in proc.sluttid have an end"),
    ("11.21", "error", "On a closed contact, its procedures in proc.sluttid have an end"),
    (
        "11111",
        "error",
        "Procedures of a 'diagnoseindberetning' contact (admin.konttype.diagindb) start at the contact start and"
        " have no end",
    ),
)
def procedure_ends(ctx: Context) -> None:
    for view in ctx.procedures:
        proc = view.procedure
        closed = (
            not is_blank(ctx.form.course.end)
            if view.contact is None
            else not is_blank(view.contact.contact.end)
        )
        if closed and is_blank(proc.end) and ctx.is_in("proc.sluttid", proc.code, view.start_day):
            rule = "11.11" if view.contact is None else "11.21"
            ctx.add(rule, f"{view.path}.end", f"Procedure {proc.code} skal have et sluttidspunkt")
        if view.contact is not None:
            contact = view.contact
            if ctx.member_in(
                "admin.konttype.diagindb", contact.contact.type, contact.start_day, contact.end_day
            ):
                if view.start and contact.start and view.start != contact.start:
                    ctx.add(
                        "11111",
                        f"{view.path}.start",
                        "Ved diagnoseindberetning skal proceduren starte når kontakten starter",
                    )
                if not is_blank(proc.end):
                    ctx.add(
                        "11111",
                        f"{view.path}.end",
                        "Ved diagnoseindberetning må proceduren ikke have sluttidspunkt",
                    )


@rules("PROCEDURE", ("11.31", "error", "A procedure without contact has its own payment"))
def procedure_payment(ctx: Context) -> None:
    for view in ctx.procedures:
        if view.contact is None and view.procedure.payment is None:
            ctx.add(
                "11.31", f"{view.path}.payment", "En procedure uden kontakt skal have betalingsoplysninger"
            )


@rules(
    "PROCEDURE",
    ("11.41", "error", "Producing SOR unit already open at procedure start"),
    ("11.42", "error", "Producing SOR unit not closed before procedure start"),
    (
        "11.43",
        "error",
        "A procedure in proc.sluttid whose producer has closed ends no later than the unit's last day",
    ),
    ("11.44", "error", "Producing SOR unit valid at procedure end"),
)
def procedure_unit(ctx: Context) -> None:
    for view in ctx.procedures:
        path = f"{view.path}.producer"
        end = view.end.date() if view.end is not None else None
        st = standing(ctx, view.procedure.producer, view.start_day, end)
        if st.not_open_at_start:
            ctx.add("11.41", path, "Producerende enhed er endnu ikke åbnet i SOR på procedurens startdato")
        if st.closed_before_start:
            ctx.add("11.42", path, "Producerende enhed er lukket i SOR før procedurens startdato")
            continue
        if st.closed_before_end:
            ctx.add("11.44", path, "Producerende enhed er ikke gyldig i SOR på procedurens slutdato")
        if (st.closed_before_end or (st.closed_while_open and not st.not_open_at_start)) and ctx.member_in(
            "proc.sluttid", view.procedure.code, view.start_day, end
        ):
            ctx.add(
                "11.43",
                f"{view.path}.end",
                "Proceduren slutter efter, at den producerende enhed er lukket i SOR"
                if st.closed_before_end
                else "Producerende enhed er lukket i SOR; proceduren skal afsluttes",
            )


def _code_checks(ctx: Context, proc: Procedure, at: date | None, end: date | None, add: _Add) -> None:
    code = proc.code
    if ctx.in_any(("proc.act", "proc.opr", "proc.und"), code, at) is False:
        add("11101", ".code", f"{code} er ikke en procedurekode")
    if ctx.valid(code, at) is False:
        add("11.52", ".code", f"Procedurekode {code} er ikke gyldig på procedurens startdato")
    if end and ctx.valid(code, end) is False:
        add("11.53", ".code", f"Procedurekode {code} er ikke gyldig på procedurens slutdato")
    if is_blank(proc.side) and ctx.is_in("proc.lateral", code, at):
        add("11102", ".side", f"Procedure {code} kræver sideangivelse")
    if is_blank(proc.action_spec) and ctx.is_in("proc.handling", code, at):
        add("11103", ".action_spec", f"Procedure {code} kræver handlingsspecifikation")
    if is_blank(proc.contrast) and ctx.is_in("proc.kontrast", code, at):
        add("11104", ".contrast", f"Procedure {code} kræver angivelse af anvendt kontrast")
    if is_blank(proc.staff_category) and ctx.is_in("proc.inhabil.subb", code, at):
        add(
            "11107", ".staff_category", "Personalekategori for den ansvarlige for beslutningen mangler"
        )


def _detail_checks(ctx: Context, proc: Procedure, at: date | None, add: _Add) -> None:
    if ctx.valid(proc.side, at) is False:
        add("11.54", ".side", f"Sideangivelse {proc.side} er ikke gyldig på procedurens startdato")
    if ctx.valid(proc.action_spec, at) is False:
        add(
            "11.56",
            ".action_spec",
            f"Handlingsspecifikation {proc.action_spec} er ikke gyldig på startdatoen",
        )
    for k, extra in enumerate(proc.supplementary):
        if ctx.valid(extra, at) is False:
            add(
                "11.59",
                f".supplementary[{k}]",
                f"Tillægskode {extra} er ikke gyldig på procedurens startdato",
            )
    if ctx.not_in("spec.lateralproc", proc.side, at):
        add("11.b", ".side", f"{proc.side} er ikke en sideangivelse for procedurer")
    if ctx.not_in("spec.handspec", proc.action_spec, at):
        add("11.c", ".action_spec", f"{proc.action_spec} er ikke en handlingsspecifikation")
    if ctx.not_in("spec.anvkontrast", proc.contrast, at):
        add("11.d", ".contrast", f"{proc.contrast} er ikke en kode for anvendt kontrast")
    if ctx.not_in("admin.personale", proc.staff_category, at):
        add("11.f", ".staff_category", f"{proc.staff_category} er ikke en personalekategori")


@rules(
    "PROCEDURE",
    ("11101", "error", "Procedure code in proc.act, proc.opr or proc.und"),
    ("11102", "error", "Codes in proc.lateral need a side"),
    ("11103", "error", "Codes in proc.handling need a handlingsspecifikation"),
    ("11104", "error", "Codes in proc.kontrast need anvendt kontrast"),
    ("11107", "error", "Codes in proc.inhabil.subb need a staff category"),
    ("11.52", "error", "Procedure code valid at procedure start"),
    ("11.53", "error", "Procedure code valid at procedure end"),
    ("11.54", "error", "Side code valid at procedure start"),
    ("11.56", "error", "Handlingsspecifikation valid at procedure start"),
    ("11.59", "error", "Supplementary codes valid at procedure start"),
    ("11.b", "error", "Side in list spec.lateralproc"),
    ("11.c", "error", "Handlingsspecifikation in list spec.handspec"),
    ("11.d", "error", "Anvendt kontrast in list spec.anvkontrast"),
    ("11.f", "error", "Staff category in list admin.personale"),
)
def procedure_codes(ctx: Context) -> None:
    # A big form repeats a few procedures on a few days: their findings depend only on the key below, so each
    # distinct key is checked once per validation and its findings are replayed at each row's path.
    memo: dict[tuple[object, ...], list[tuple[str, str, str]]] = {}
    for view in ctx.procedures:
        proc = view.procedure
        end = view.end.date() if view.end else None
        key = (proc.code, proc.side, proc.action_spec, proc.contrast, proc.staff_category,
               tuple(proc.supplementary), view.start_day, end)
        found = memo.get(key)
        if found is None:
            found = memo[key] = []

            def add(rule: str, field: str, message: str, found: list[tuple[str, str, str]] = found) -> None:
                found.append((rule, field, message))

            _code_checks(ctx, proc, view.start_day, end, add)
            _detail_checks(ctx, proc, view.start_day, add)
        for rule, field, message in found:
            ctx.add(rule, view.path + field, message)
