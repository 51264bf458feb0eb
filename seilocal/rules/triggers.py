"""Result-report triggers (lpr3-reference §1.3): which objects of a form call for which result report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import repeat
from typing import Literal

from seilocal.model.form import Form, Procedure, ResultReport, Trigger
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.patient import birth_date_of
from seilocal.rules.result_types import MANUAL_ONLY, REPORT_TITLES, fields_of
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
    lists: tuple[str, ...] = ()  # the code lists whose membership made it hold (none for a manual request)


@dataclass(frozen=True, slots=True)
class TriggerScan:
    """Every trigger that holds, and the triggers that cannot be decided with the catalog at hand."""

    holds: list[PendingTrigger]
    # (report names, ref): those reports on that object cannot be decided. Grouped per object because the
    # starter catalog lacks several trigger lists, which leaves every row of a big form undecided, and only a
    # form with result reports ever asks (through `alive`).
    undecided: list[tuple[tuple[str, ...], str]]

    def alive(self) -> set[tuple[str, str]]:
        """The (name, ref) pairs that hold or cannot be decided: a report on one of them is not stale."""
        pairs = {(t.name, t.ref) for t in self.holds}
        for names, ref in self.undecided:
            pairs.update(zip(names, repeat(ref)))
        return pairs


# (report, list, what, restricted): for diagnoses "restricted" means action diagnoses only, for procedures
# contact procedures only. A code outside every list of its kind triggers nothing, which is most codes.
_DIAGNOSIS_LISTS: tuple[tuple[str, str, str, bool], ...] = (
    ("RAA01", "diag.car", "Kræftdiagnose", False),
    ("RAA04", "diag.abort", "Abortdiagnose", False),
    ("RAA02", "diag.foedmor", "Fødselsdiagnose (mor)", True),
    ("RAA03", "diag.foedbarn", "Fødselsdiagnose (barn)", True),
)
_PROCEDURE_LISTS: tuple[tuple[str, str, str, bool], ...] = (
    ("RAA08", "proc.implantat", "Implantatprocedure", False),
    ("RAA10", "proc.tvangsforanst", "Tvangsforanstaltning", False),
    ("RAA07", "proc.inhabil.suba", "Alarm- eller pejlesystem", False),
    ("RAA09", "proc.opr.komplikat", "Operation med komplikationsregistrering", True),
    ("RAA06", "proc.hoerescreen", "Neonatal hørescreening", False),
)
_COMPLICATION_LIST = "proc.opr.komplikat"
_INJURY_LISTS = ("admin.kontaarsag.skade", "admin.konttype.fysfr", "admin.prioritet.akut")


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


_Entry = tuple[str, str, str, bool]  # (report, list, what, restricted) of _DIAGNOSIS_LISTS / _PROCEDURE_LISTS


class _Candidates(dict[tuple[str, bool], tuple[tuple[_Entry, ...], tuple[str, ...]]]):
    """Per distinct code, the trigger lists that may hold it at some time (membership without a date).

    A code outside a list at every time is outside it at any one date, so a single undated question per
    distinct code spares the dated questions for the many rows that trigger nothing. Likewise an undated
    None (the list is unknown; the code is not blank here) is None at every date: those reports are
    undecided for every row with the code, again without a dated question per row.

    `candidates[code, restricted_too]` gives (the entries to ask per date, the reports undecided at once),
    leaving out restricted entries unless `restricted_too`. It is a dict so the per-row lookup stays in C.
    """

    def __init__(self, member: Member, lists: tuple[_Entry, ...]) -> None:
        super().__init__()
        self._member = member
        self._lists = lists

    def __missing__(self, key: tuple[str, bool]) -> tuple[tuple[_Entry, ...], tuple[str, ...]]:
        code, restricted_too = key
        entries = [entry for entry in self._lists if restricted_too or not entry[3]]
        answers = [(entry, self._member(entry[1], code, None)) for entry in entries]
        found = self[key] = (
            tuple(entry for entry, answer in answers if answer),
            tuple(entry[0] for entry, answer in answers if answer is None),
        )
        return found


# What the scan found for one contact: (triggers that hold, undecided reports with the id they are about).
ContactScan = tuple[list[PendingTrigger], list[tuple[tuple[str, ...], str]]]


def scan(
    form: Form, member: Member, birth: date | None = None, kept: dict[int, ContactScan] | None = None
) -> TriggerScan:
    """Evaluate every trigger rule over the form.

    `kept` carries each contact's share of the answer from one scan to the next (the incremental validator
    drops a contact's entry when it is edited, and all of them when the patient or the catalog changes)."""
    all_holds: list[PendingTrigger] = []
    all_undecided: list[tuple[tuple[str, ...], str]] = []
    diagnosis_lists = _Candidates(member, _DIAGNOSIS_LISTS)
    procedure_lists = _Candidates(member, _PROCEDURE_LISTS)
    for i, contact in enumerate(form.contacts):
        known = kept.get(i) if kept is not None else None
        if known is not None:
            all_holds.extend(known[0])
            all_undecided.extend(known[1])
            continue
        holds: list[PendingTrigger] = []
        undecided: list[tuple[tuple[str, ...], str]] = []
        days: tuple[date | None, date | None] | None = None
        for j, d in enumerate(contact.diagnoses):
            code = d.code
            if is_blank(code):
                continue
            candidates, unknown = diagnosis_lists[code, d.kind == "action"]  # type: ignore[index]
            if unknown:
                undecided.append((unknown, d.id))
            if not candidates:
                continue
            if days is None:
                at = _day(contact.start)
                days = (at, _day(contact.end) or at)
            for name, list_name, what, _ in candidates:
                # Cancer: a member at either end of the contact; the others: at its end (LPR3 §1.3).
                if name == "RAA01":
                    answer = _either(member, list_name, code, days[0], days[1])
                else:
                    answer = member(list_name, code, days[1])
                if answer is None:
                    undecided.append(((name,), d.id))
                elif answer:
                    holds.append(
                        PendingTrigger(
                            name,
                            d.id,
                            code,
                            contact.start,
                            f"{what} {code}",
                            f"contacts[{i}].diagnoses[{j}]",
                            "diagnosis",
                            (list_name,),
                        )
                    )
        if not is_blank(contact.reason):
            at = _day(contact.start)
            injury = _all(
                member(_INJURY_LISTS[0], contact.reason, at),
                member(_INJURY_LISTS[1], contact.type, at),
                member(_INJURY_LISTS[2], contact.priority, at),
            )
            if injury is None:
                undecided.append((("RAA05",), contact.id))
            elif injury:
                text = f"Akut fysisk fremmøde med kontaktårsag {contact.reason}"
                holds.append(
                    PendingTrigger(
                        "RAA05",
                        contact.id,
                        contact.reason,
                        contact.start,
                        text,
                        f"contacts[{i}]",
                        "contact",
                        _INJURY_LISTS,
                    )
                )
        for j, proc in enumerate(contact.procedures):
            code = proc.code
            if code and not code.isspace():
                # Most procedures of a contact can trigger no report (only be undecided for lists the catalog
                # lacks) and were requested nothing by hand: settled here, without the call below.
                lists, unknown = procedure_lists[code, True]
                if not lists and not requested_reports(proc):
                    if unknown:
                        undecided.append((unknown, proc.id))
                    continue
            _procedure_triggers(holds, undecided, member, procedure_lists, proc, i, j, birth)
        all_holds.extend(holds)
        all_undecided.extend(undecided)
        if kept is not None:
            kept[i] = (holds, undecided)
    for j, proc in enumerate(form.procedures):
        _procedure_triggers(all_holds, all_undecided, member, procedure_lists, proc, None, j, birth)
    return TriggerScan(all_holds, all_undecided)


def _either(
    member: Member, list_name: str, code: str | None, start: date | None, end: date | None
) -> bool | None:
    first = member(list_name, code, start)
    if first is None or first or end == start:
        return first
    return member(list_name, code, end)


def _procedure_triggers(
    holds: list[PendingTrigger],
    undecided: list[tuple[tuple[str, ...], str]],
    member: Member,
    candidates: _Candidates,
    proc: Procedure,
    contact_index: int | None,
    index: int,
    birth: date | None,
) -> None:
    """Add the triggers of one procedure (of contact `contact_index`, or without contact when None)."""
    code = proc.code
    on_contact = contact_index is not None
    requested = requested_reports(proc)
    for name in requested:
        text = f"{MANUAL_REPORTS[name][1]} (valgt manuelt) ved procedure {code or ''}".rstrip()
        path = _procedure_path(contact_index, index)
        holds.append(PendingTrigger(name, proc.id, code, proc.start, text, path, "procedure"))
    if is_blank(code):
        return
    lists, unknown = candidates[code, on_contact]  # type: ignore[index]
    if unknown:
        if requested:  # those held above, by hand, are not undecided (rare: else the tuple stays as it is)
            unknown = tuple(name for name in unknown if name not in requested)
        undecided.append((unknown, proc.id))
    if not on_contact and member(_COMPLICATION_LIST, code, None) is not False:
        # RAA09 is required only for contact procedures, but LPR3 accepts one on any listed procedure
        # (RAA09.3): such a report is alive, not stale.
        undecided.append((("RAA09",), proc.id))
    if not lists:
        return  # most procedures trigger nothing: build no objects for them
    at = _day(proc.start)
    for name, list_name, what, _ in lists:
        if name in requested:
            continue
        answer = member(list_name, code, at)
        if name == "RAA06" and answer and at is not None:
            # Only screenings within 90 days of birth call for a report; without a birth date we cannot tell.
            answer = None if birth is None else at - timedelta(days=90) <= birth
        if answer is None:
            undecided.append(((name,), proc.id))
        elif answer:
            path = _procedure_path(contact_index, index)
            text = f"{what} {code}"
            holds.append(PendingTrigger(name, proc.id, code, proc.start, text, path, "procedure", (list_name,)))


# Reports a user can ask for by hand on a procedure: report name -> (the procedure's flag, Danish text).
MANUAL_REPORTS: dict[str, tuple[str, str]] = {
    "RAA08": ("implant_report_requested", "Implantat"),
    "RAA10": ("coercion_report_requested", "Tvangsforanstaltning"),
}


_MANUAL_FLAGS = tuple((name, flag) for name, (flag, _) in MANUAL_REPORTS.items())
_NONE_REQUESTED: frozenset[str] = frozenset()


def requested_reports(proc: Procedure) -> frozenset[str]:
    """The report names the user asked for by hand on this procedure."""
    # Asked for every procedure of every validation; almost always none, so no new set is built for those.
    names = [name for name, flag in _MANUAL_FLAGS if getattr(proc, flag)]
    return frozenset(names) if names else _NONE_REQUESTED


def _procedure_path(contact_index: int | None, index: int) -> str:
    if contact_index is None:
        return f"procedures[{index}]"
    return f"contacts[{contact_index}].procedures[{index}]"


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
    alive = result.alive()
    return [
        r.id for r in form.result_reports
        if (r.name or "", r.trigger.ref or "") not in alive
        # A report made by hand (RAA11-RAA13) lives as long as its contact or procedure does.
        and not (r.name in MANUAL_ONLY and trigger_kind(form, r.trigger.ref) in ("contact", "procedure"))
    ]


def manual_report(name: str, form: Form, ref: str) -> ResultReport:
    """A new, incomplete result report made by hand ("Opret resultatindberetning") on a contact or procedure.

    Its time and trigger code are the object's start and code (a contact's reason), as for a triggered report.
    """
    code: str | None = None
    time: str | None = None
    for contact in form.contacts:
        if contact.id == ref:
            code, time = contact.reason, contact.start
        for proc in contact.procedures:
            if proc.id == ref:
                code, time = proc.code, proc.start
    for proc in form.procedures:
        if proc.id == ref:
            code, time = proc.code, proc.start
    return ResultReport(
        name=name,
        trigger=Trigger(ref=ref, code=code or None),
        time=time,
        status="incomplete",
        results={f.code: None for f in fields_of(name)},
    )


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


_KIND_DA: dict[str, str] = {
    "course": "Forløb",
    "marker": "Forløbsmarkør",
    "contact": "Patientkontakt",
    "diagnosis": "Diagnose",
    "procedure": "Procedure",
}


def trigger_kind(form: Form, ref: str | None) -> str | None:
    """What kind of object of the form the id `ref` names (course, marker, contact, diagnosis, procedure)."""
    if not ref:
        return None
    if form.course.id == ref:
        return "course"
    if any(m.id == ref for m in form.markers):
        return "marker"
    if any(p.id == ref for p in form.procedures):
        return "procedure"
    for contact in form.contacts:
        if contact.id == ref:
            return "contact"
        if any(d.id == ref for d in contact.diagnoses):
            return "diagnosis"
        if any(p.id == ref for p in contact.procedures):
            return "procedure"
    return None


def trigger_text(form: Form, report: ResultReport, text_of: Callable[[str], str | None]) -> str:
    """The table's trigger text: the SKS text of the triggering code, or the kind of object when it has none."""
    code = report.trigger.code
    text = text_of(code) if code else None
    if text:
        return text
    kind = trigger_kind(form, report.trigger.ref)
    return _KIND_DA.get(kind or "", "Ukendt udløser")
