"""Result-report rules: required reports and deadlines, triggers (RAA0x, 15.x, 16.x); values are in r_result_values."""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from seilocal.model.form import Contact, ResultReport
from seilocal.rules.context import Context, DiagnosisView, ProcedureView
from seilocal.rules.deadlines import result_report_due
from seilocal.rules.r_mandatory import birth_date
from seilocal.rules.registration import rules
from seilocal.rules.result_types import (
    MANUAL_ONLY,
    REPORT_TITLES,
    RESULT_FIELDS,
)
from seilocal.rules.timeparse import format_da, parse_time
from seilocal.rules.triggers import PendingTrigger, TriggerScan, requested_reports, scan


@dataclass(slots=True)
class Target:
    """The object a result report's trigger points at."""

    kind: str
    code: str | None
    path: str
    contact: Contact | None
    start: datetime | None
    end: datetime | None
    action: bool = False
    requested: frozenset[str] = frozenset()  # reports asked for by hand (implant, coercion)


def _scan(ctx: Context) -> TriggerScan:
    kept = ctx.carried.setdefault("triggers", {})
    return ctx.memo(  # type: ignore[return-value]
        "triggers", lambda: scan(ctx.form, ctx.member, birth_date(ctx), kept)  # type: ignore[arg-type]
    )


def report_targets(ctx: Context) -> dict[str, Target]:
    """The objects result reports may point at, by id (computed once per validation)."""
    return _targets(ctx)


def _targets(ctx: Context) -> dict[str, Target]:
    def make() -> dict[str, Target]:
        out: dict[str, Target] = {}
        course = ctx.form.course
        out[course.id] = Target("course", course.label, "course", None, ctx.course_start, ctx.course_end)
        for i, marker in enumerate(ctx.form.markers):
            moment = parse_time(marker.time)
            out[marker.id] = Target("marker", marker.code, f"markers[{i}]", None, moment, moment)
        # Each contact's share (its own target, its diagnoses', its procedures') is carried between the
        # incremental validator's runs; merged kind by kind, as one pass over the form would add them.
        kept = ctx.carried.setdefault("targets", {})
        shares = [_contact_targets(ctx, kept, view.index) for view in ctx.contacts]
        out.update(_merged(ctx, shares))
        for view in ctx.procedures:
            if view.contact is None:
                out[view.procedure.id] = _procedure_target(view)
        return out

    return ctx.memo("targets", make)  # type: ignore[return-value]


_Share = tuple[dict[str, Target], dict[str, Target], dict[str, Target]]


@dataclass(slots=True)
class _Merged:
    """The contacts' targets merged into one dict, with the shares it was made of (carried between runs)."""

    targets: dict[str, Target]
    shares: list[_Share]
    unique: bool  # no id in two shares or kinds: a changed share can be swapped in place


def _merged(ctx: Context, shares: list[_Share]) -> dict[str, Target]:
    """Every contact's targets: contacts, then diagnoses, then procedures, as one pass over the form adds them.

    Merging 1,000 contacts' shares cost more than the rest of an incremental update, so the merge is carried
    (under the index -1, which no contact edit drops) and only the changed shares are swapped, as long as every
    id is unique (else a later share's id would hide an earlier one: then the merge is done again)."""
    holder = ctx.carried.setdefault("targets_merged", {})
    state = holder.get(-1)
    if isinstance(state, _Merged) and state.unique and len(state.shares) == len(shares):
        changed = [i for i, share in enumerate(shares) if share is not state.shares[i]]
        if len(changed) <= 8 and _swap(state, shares, changed):
            return state.targets
    targets: dict[str, Target] = {}
    for kind in range(3):
        for share in shares:
            targets.update(share[kind])
    unique = len(targets) == sum(len(share[0]) + len(share[1]) + len(share[2]) for share in shares)
    holder[-1] = _Merged(targets, list(shares), unique)
    return targets


def _swap(state: _Merged, shares: list[_Share], changed: list[int]) -> bool:
    """Swap the changed shares into the merge; False (merge again) when a new id is already there."""
    for i in changed:
        for part in state.shares[i]:
            for key in part:
                del state.targets[key]
    for i in changed:
        for part in shares[i]:
            for key, target in part.items():
                if key in state.targets:
                    return False
                state.targets[key] = target
        state.shares[i] = shares[i]
    return True


def _contact_targets(ctx: Context, kept: dict[int, object], index: int) -> _Share:
    """The targets of one contact: itself, its diagnoses, its procedures (carried from run to run)."""
    share = kept.get(index)
    if share is None:
        view = ctx.contacts[index] if ctx.scope is None else next(v for v in ctx.contacts if v.index == index)
        c = view.contact
        diagnoses = {}
        for dview in _of_contact(ctx.diagnoses, index):
            diagnoses[dview.diagnosis.id] = Target(
                    "diagnosis",
                dview.diagnosis.code,
                dview.path,
                c,
                view.start,
                view.end,
                action=dview.diagnosis.kind == "action",
            )
        procedures = {pview.procedure.id: _procedure_target(pview) for pview in _of_contact(ctx.procedures, index)}
        share = kept[index] = ({c.id: Target("contact", c.reason, view.path, c, view.start, view.end)},
                               diagnoses, procedures)
    return share  # type: ignore[return-value]


def _contact_index(view: DiagnosisView | ProcedureView) -> int:
    return sys.maxsize if view.contact is None else view.contact.index  # procedures without contact come last


_V = TypeVar("_V", DiagnosisView, ProcedureView)


def _of_contact(views: list[_V], index: int) -> list[_V]:
    """The views of contact `index`: they lie together, in contact order, so two bisections find them."""
    return views[bisect_left(views, index, key=_contact_index):bisect_right(views, index, key=_contact_index)]


def _procedure_target(view: ProcedureView) -> Target:
    p = view.procedure
    return Target(
        "procedure",
        p.code,
        view.path,
        view.contact.contact if view.contact else None,
        view.start,
        view.end,
        requested=requested_reports(p),
    )


def _reports_by_trigger(ctx: Context) -> dict[tuple[str, str], tuple[int, ResultReport]]:
    return ctx.memo(  # type: ignore[return-value]
        "reports",
        lambda: {(r.name or "", r.trigger.ref or ""): (i, r) for i, r in enumerate(ctx.form.result_reports)},
    )


_CODE_FIELD = {
    "diagnosis": "code",
    "procedure": "code",
    "contact": "reason",
    "marker": "code",
    "course": "label",
}

# Report name -> (rule for an action-diagnosis / contact / procedure trigger, rule for a secondary diagnosis).
_REQUIRED_RULES: dict[str, tuple[str, str | None]] = {
    "RAA01": ("RAA01.1", "RAA01.2"),
    "RAA02": ("RAA02.1", None),
    "RAA03": ("RAA03.1", None),
    "RAA04": ("RAA04.1", "RAA04.2"),
    "RAA05": ("RAA05.1", None),
    "RAA06": ("RAA06.1", None),
    "RAA07": ("RAA07.1", None),
    "RAA08": ("RAA08.1", None),
    "RAA09": ("RAA09.1", None),
    "RAA10": ("RAA10.1", None),
}


@rules(
    "RESULTATINDBERETNING",
    ("RAA01.1", "error", "A cancer action diagnosis (diag.car) has a RAA01 report"),
    ("RAA01.2", "error", "A cancer secondary diagnosis (diag.car) has a RAA01 report"),
    ("RAA02.1", "error", "Birth (mother, diag.foedmor) report complete within 7 days after contact end"),
    ("RAA02.1-w", "warning", "Birth (mother) report not yet complete, still within 7 days"),
    ("RAA03.1", "error", "Birth (child, diag.foedbarn) report complete within 7 days after contact end"),
    ("RAA03.1-w", "warning", "Birth (child) report not yet complete, still within 7 days"),
    ("RAA04.1", "error", "Abortion report (action diagnosis in diag.abort) complete within 7 days after contact end"),
    ("RAA04.1-w", "warning", "Abortion report (action diagnosis) not yet complete, still within 7 days"),
    ("RAA04.2", "error", "Abortion report (secondary diagnosis in diag.abort) complete within 7 days of contact end"),
    ("RAA04.2-w", "warning", "Abortion report (secondary diagnosis) not yet complete, still within 7 days"),
    (
        "RAA05.1",
        "error",
        "Injury report complete within 3 days after contact end (admin.kontaarsag.skade, acute physical contact)",
    ),
    ("RAA05.1-w", "warning", "Injury report not yet complete, still within 3 days"),
    ("RAA06.1", "error", "A hearing screening (proc.hoerescreen) within 90 days of birth has a complete RAA06 report"),
    ("RAA07.1", "error", "A procedure in proc.inhabil.suba has a complete RAA07 report"),
    (
        "RAA08.1",
        "error",
        "An implant procedure (proc.implantat, or marked by hand) has a complete RAA08 report",
    ),
    ("RAA09.1", "error", "Complication report (proc.opr.komplikat) complete within 3 days after contact end"),
    ("RAA09.1-w", "warning", "Complication report not yet complete, still within 3 days"),
    ("RAA10.1", "error", "A coercion procedure (proc.tvangsforanst) has a complete RAA10 report"),
)
def required_reports(ctx: Context) -> None:
    holds = _scan(ctx).holds
    if not holds:
        return
    reports = _reports_by_trigger(ctx)
    targets = _targets(ctx)
    for trigger in holds:
        _check_required(ctx, trigger, reports.get((trigger.name, trigger.ref)), targets.get(trigger.ref))


def _check_required(
    ctx: Context, trigger: PendingTrigger, found: tuple[int, ResultReport] | None, target: Target | None
) -> None:
    name = trigger.name
    main, secondary = _REQUIRED_RULES[name]
    rule = (
        secondary
        if (secondary and target is not None and target.kind == "diagnosis" and not target.action)
        else main
    )
    title = REPORT_TITLES[name]
    where = f"{trigger.path}.{_CODE_FIELD[trigger.kind]}"
    if name == "RAA01":
        # LPR3 wants the cancer report to exist; an incomplete one (status 'inkomplet') is accepted.
        if found is None:
            ctx.add(rule, where, f"{trigger.text} kræver en {title.lower()} (RAA01)", lists=trigger.lists)
        return
    complete = found is not None and found[1].status == "complete"
    if complete:
        return
    path = f"result_reports[{found[0]}].status" if found else where
    end = target.end if target is not None else None
    if target is not None and target.kind == "procedure" and name == "RAA09" and target.contact is not None:
        end = parse_time(target.contact.end)
    elif target is not None and target.kind in ("diagnosis", "contact"):
        end = parse_time(target.contact.end) if target.contact else None
    if name in ("RAA02", "RAA03", "RAA04", "RAA05", "RAA09"):
        if end is None:
            return  # the limit runs from the contact's end; an open contact has no deadline yet
        due = result_report_due(name, end)
        assert due is not None
        if ctx.now < due:
            ctx.add(f"{rule}-w", path, f"{title} skal være komplet senest {format_da(due)}")
        else:
            ctx.add(rule, path, f"{title} skulle have været komplet senest {format_da(due)}", lists=trigger.lists)
        return
    message = f"{trigger.text} kræver en komplet {title.lower()} ({name})"
    # A report requested by hand rests on no list: the user's own request is not in doubt.
    ctx.add(rule, path, message, lists=trigger.lists)


def report_day(report: ResultReport, target: Target | None) -> date | None:
    """The day a report speaks of: its own time, else the start of what triggered it."""
    moment = parse_time(report.time) or (target.start if target else None)
    return moment.date() if moment else None


_TRIGGER_RULES: dict[str, str] = {
    "RAA01": "RAA01.6",
    "RAA02": "RAA02.3",
    "RAA03": "RAA03.3",
    "RAA04": "RAA04.4",
    "RAA05": "RAA05.3",
    "RAA06": "RAA06.3",
    "RAA07": "RAA07.3",
    "RAA08": "RAA08.3",
    "RAA09": "RAA09.3",
    "RAA10": "RAA10.3",
}
_TRIGGER_KIND = {
    "RAA01": "diagnosis",
    "RAA02": "diagnosis",
    "RAA03": "diagnosis",
    "RAA04": "diagnosis",
    "RAA05": "contact",
    "RAA06": "procedure",
    "RAA07": "procedure",
    "RAA08": "procedure",
    "RAA09": "procedure",
    "RAA10": "procedure",
}


@rules(
    "RESULTATINDBERETNING",
    ("SEI-RI01", "error", "A result report has a known name RAA01-RAA13"),
    ("SEI-RI06", "error",
     "RAA11-RAA13 (made by hand; their official triggers are not public) point at a contact or a procedure"),
    ("SEI-RI02", "error", "A result report's trigger points at an object of the form"),
    ("RAA01.6", "error", "RAA01 only triggered by a diagnosis in diag.car"),
    ("RAA02.3", "error", "RAA02 only triggered by an action diagnosis in diag.foedmor"),
    ("RAA03.3", "error", "RAA03 only triggered by an action diagnosis in diag.foedbarn"),
    ("RAA04.4", "error", "RAA04 only triggered by a diagnosis in diag.abort"),
    ("RAA05.3", "error", "RAA05 only triggered by an acute physical contact, kontaktårsag in admin.kontaarsag.skade"),
    ("RAA06.3", "error", "RAA06 only triggered by a procedure in proc.hoerescreen"),
    ("RAA07.3", "error", "RAA07 only triggered by a procedure in proc.inhabil.suba"),
    (
        "RAA08.3",
        "error",
        "RAA08 only triggered by a procedure in proc.implantat (one marked by hand outside it: a warning)",
    ),
    ("RAA09.3", "error", "RAA09 only triggered by a procedure in proc.opr.komplikat"),
    (
        "RAA10.3",
        "error",
        "RAA10 only triggered by a procedure in proc.tvangsforanst (one marked by hand outside it: a warning)",
    ),
)
def report_triggers(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = _targets(ctx)
    result = _scan(ctx)
    alive = result.alive()
    for i, report in enumerate(ctx.form.result_reports):
        path = f"result_reports[{i}]"
        name = report.name or ""
        if name not in RESULT_FIELDS:
            ctx.add("SEI-RI01", f"{path}.name", f"Ukendt resultatindberetning {report.name or '(tom)'}")
            continue
        target = targets.get(report.trigger.ref or "")
        if target is None:
            ctx.add(
                "SEI-RI02",
                f"{path}.trigger.ref",
                "Resultatindberetningen peger på noget, der ikke findes i skemaet",
            )
            continue
        if name in MANUAL_ONLY:
            if target.kind not in ("contact", "procedure"):
                ctx.add("SEI-RI06", f"{path}.trigger",
                        f"{REPORT_TITLES[name]} oprettes fra en patientkontakt eller en procedure")
            continue
        if name in _PROCEDURE_LIST:
            _procedure_report_trigger(ctx, i, report, target)
            continue
        # Alive = the trigger holds or cannot be decided with this catalog; anything else was decided false.
        if target.kind != _TRIGGER_KIND[name] or (name, report.trigger.ref) not in alive:
            ctx.add(
                _TRIGGER_RULES[name],
                f"{path}.trigger",
                f"{REPORT_TITLES[name]} passer ikke til det, der udløste den",
            )


# The procedure reports: LPR3 asks only that the procedure's code is in the list at the procedure's start.
_PROCEDURE_LIST = {
    "RAA06": "proc.hoerescreen",
    "RAA07": "proc.inhabil.suba",
    "RAA08": "proc.implantat",
    "RAA09": "proc.opr.komplikat",
    "RAA10": "proc.tvangsforanst",
}
_ERROR_NUMBER = {"RAA08": "9800", "RAA10": "91000"}


def _procedure_report_trigger(ctx: Context, i: int, report: ResultReport, target: Target) -> None:
    name = report.name or ""
    rule, path, title = _TRIGGER_RULES[name], f"result_reports[{i}].trigger", REPORT_TITLES[name]
    if target.kind != "procedure":
        ctx.add(rule, path, f"{title} skal udløses af en procedure")
        return
    list_name = _PROCEDURE_LIST[name]
    inside = ctx.member(list_name, target.code, target.start.date() if target.start else None)
    if inside is not False:
        return
    if name in target.requested:
        # Asked for by hand: allowed here, but LPR3 applies the rule and rejects the report.
        ctx.add(
            rule,
            path,
            f"{title} er valgt manuelt, men {target.code} er ikke i listen {list_name}; "
            f"LPR3 afviser indberetningen (regel {rule}, fejl {_ERROR_NUMBER[name]})",
            severity="warning",
            lists=(list_name,),
        )
        return
    ctx.add(rule, path, f"{title} passer ikke til proceduren: {target.code} er ikke i listen {list_name}")
