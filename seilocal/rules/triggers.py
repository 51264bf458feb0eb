"""Result-report triggers (lpr3-reference §1.3): which objects of a form call for which result report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from seilocal.model.form import Contact, Form, ResultReport, Trigger
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.patient import birth_date_of
from seilocal.rules.result_types import REPORT_TITLES, fields_of
from seilocal.rules.timeparse import is_blank, parse_time

TriggerKind = Literal["course", "marker", "contact", "diagnosis", "procedure"]
Member = Callable[[str, str | None, date | None], bool | None]


@dataclass(frozen=True, slots=True)
class PendingTrigger:
    """An object of the form that calls for a result report."""

    name: str
    ref: str
    code: str | None
    time: str | None
    text: str
    path: str
    kind: TriggerKind


@dataclass(frozen=True, slots=True)
class TriggerScan:
    """Every trigger that holds, and the (name, ref) pairs that cannot be decided with the catalog at hand."""

    holds: list[PendingTrigger]
    undecided: set[tuple[str, str]]


def catalog_member(catalog: CodeCatalog) -> Member:
    """A cached, tri-state list-membership function over a catalog (None when the list is unknown)."""
    known: dict[str, bool] = {}
    cache: dict[tuple[str, str, date | None], bool] = {}

    def member(list_name: str, code: str | None, at: date | None) -> bool | None:
        if not code:
            return None
        if list_name not in known:
            known[list_name] = bool(catalog.knows_list(list_name))
        if not known[list_name]:
            return None
        key = (list_name, code, at)
        if key not in cache:
            cache[key] = bool(catalog.in_list(list_name, code, at))
        return cache[key]

    return member


def _all(*answers: bool | None) -> bool | None:
    if any(a is False for a in answers):
        return False
    if all(a is True for a in answers):
        return True
    return None


def _day(text: str | None) -> date | None:
    moment = parse_time(text)
    return moment.date() if moment else None


def _contact_day(contact: Contact) -> date | None:
    return _day(contact.start)


def scan(form: Form, member: Member, birth: date | None = None) -> TriggerScan:
    """Evaluate every trigger rule over the form."""
    holds: list[PendingTrigger] = []
    undecided: set[tuple[str, str]] = set()

    def note(answer: bool | None, trigger: PendingTrigger) -> None:
        if answer:
            holds.append(trigger)
        elif answer is None:
            undecided.add((trigger.name, trigger.ref))

    for i, contact in enumerate(form.contacts):
        cpath = f"contacts[{i}]"
        at = _contact_day(contact)
        end_at = _day(contact.end) or at
        for j, d in enumerate(contact.diagnoses):
            dpath = f"{cpath}.diagnoses[{j}]"
            if is_blank(d.code):
                continue
            checks: list[tuple[str, bool | None, str]] = [
                ("RAA01", _either(member, "diag.car", d.code, at, end_at), "Kræftdiagnose"),
                ("RAA04", member("diag.abort", d.code, end_at), "Abortdiagnose"),
            ]
            if d.kind == "action":
                checks.append(("RAA02", member("diag.foedmor", d.code, end_at), "Fødselsdiagnose (mor)"))
                checks.append(("RAA03", member("diag.foedbarn", d.code, end_at), "Fødselsdiagnose (barn)"))
            for name, answer, what in checks:
                if answer is False:
                    continue
                note(
                    answer,
                    PendingTrigger(name, d.id, d.code, contact.start, f"{what} {d.code}", dpath, "diagnosis"),
                )
        if not is_blank(contact.reason):
            injury = _all(
                member("admin.kontaarsag.skade", contact.reason, at),
                member("admin.konttype.fysfr", contact.type, at),
                member("admin.prioritet.akut", contact.priority, at),
            )
            text = f"Akut fysisk fremmøde med kontaktårsag {contact.reason}"
            note(
                injury,
                PendingTrigger("RAA05", contact.id, contact.reason, contact.start, text, cpath, "contact"),
            )
        for j, proc in enumerate(contact.procedures):
            _procedure_triggers(note, member, proc, f"{cpath}.procedures[{j}]", True, birth)
    for i, proc in enumerate(form.procedures):
        _procedure_triggers(note, member, proc, f"procedures[{i}]", False, birth)
    return TriggerScan(holds, undecided)


def _either(
    member: Member, list_name: str, code: str | None, start: date | None, end: date | None
) -> bool | None:
    first = member(list_name, code, start)
    if first is None or first or end == start:
        return first
    return member(list_name, code, end)


def _procedure_triggers(note, member: Member, proc, path: str, on_contact: bool, birth: date | None) -> None:  # noqa: ANN001
    at = _day(proc.start)
    code = proc.code
    answers: list[tuple[str, bool | None, str]] = []
    if proc.implant_report_requested:
        answers.append(("RAA08", True, f"Implantat (valgt manuelt) ved procedure {code or ''}".rstrip()))
    elif not is_blank(code):
        answers.append(("RAA08", member("proc.implantat", code, at), "Implantatprocedure"))
    if not is_blank(code):
        answers.append(("RAA10", member("proc.tvangsforanst", code, at), "Tvangsforanstaltning"))
        answers.append(("RAA07", member("proc.inhabil.suba", code, at), "Alarm- eller pejlesystem"))
        if on_contact:
            answers.append(
                ("RAA09", member("proc.opr.komplikat", code, at), "Operation med komplikationsregistrering")
            )
        hearing = member("proc.hoerescreen", code, at)
        if hearing and at is not None:
            # Only screenings within 90 days of birth call for a report; without a birth date we cannot tell.
            hearing = None if birth is None else at - timedelta(days=90) <= birth
        answers.append(("RAA06", hearing, "Neonatal hørescreening"))
    for name, answer, what in answers:
        if answer is False:
            continue  # most procedures trigger nothing: build no objects for them
        text = what if what.startswith("Implantat (") else f"{what} {code}"
        note(answer, PendingTrigger(name, proc.id, code, proc.start, text, path, "procedure"))


def _reported(form: Form) -> set[tuple[str, str]]:
    return {(r.name or "", r.trigger.ref or "") for r in form.result_reports}


def pending_triggers(form: Form, catalog: CodeCatalog, birth: date | None = None) -> list[PendingTrigger]:
    """Triggers that hold and have no result report yet (the UI's "Vis ubehandlede RI")."""
    done = _reported(form)
    found = scan(form, catalog_member(catalog), birth or birth_date_of(form)).holds
    return [t for t in found if (t.name, t.ref) not in done]


def stale_reports(form: Form, catalog: CodeCatalog, birth: date | None = None) -> list[str]:
    """Ids of result reports whose trigger no longer holds (or no longer exists)."""
    result = scan(form, catalog_member(catalog), birth or birth_date_of(form))
    alive = {(t.name, t.ref) for t in result.holds} | result.undecided
    return [r.id for r in form.result_reports if (r.name or "", r.trigger.ref or "") not in alive]


def make_report(trigger: PendingTrigger) -> ResultReport:
    """A new, incomplete result report for a trigger, with every result field present and empty."""
    return ResultReport(
        name=trigger.name,
        trigger=Trigger(ref=trigger.ref, code=trigger.code),
        time=trigger.time,
        status="incomplete",
        results={f.code: None for f in fields_of(trigger.name)},
    )


def trigger_title(name: str) -> str:
    """The Danish title of a report name, e.g. 'Skadeindberetning'."""
    return REPORT_TITLES.get(name, name)
