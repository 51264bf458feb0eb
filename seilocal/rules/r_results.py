"""Result-report rules: required reports and deadlines, triggers, result values (RAA0x, 15.x, 16.x)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from seilocal.model.form import Contact, ResultReport
from seilocal.rules.context import Context
from seilocal.rules.deadlines import result_report_due
from seilocal.rules.r_mandatory import birth_date
from seilocal.rules.registration import rules
from seilocal.rules.result_types import (
    ALLOWED_TYPES_RULE,
    FIELD_INDEX,
    REPORT_TITLES,
    RESULT_FIELDS,
    filled,
    value_problem,
)
from seilocal.rules.ri_values import foreign_list, list_problem
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
    return ctx.memo("triggers", lambda: scan(ctx.form, ctx.member, birth_date(ctx)))  # type: ignore[return-value]


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
        for view in ctx.contacts:
            c = view.contact
            out[c.id] = Target("contact", c.reason, view.path, c, view.start, view.end)
        for view in ctx.diagnoses:
            c = view.contact
            out[view.diagnosis.id] = Target(
                "diagnosis",
                view.diagnosis.code,
                view.path,
                c.contact,
                c.start,
                c.end,
                action=view.diagnosis.kind == "action",
            )
        for view in ctx.procedures:
            p = view.procedure
            out[p.id] = Target(
                "procedure",
                p.code,
                view.path,
                view.contact.contact if view.contact else None,
                view.start,
                view.end,
                requested=requested_reports(p),
            )
        return out

    return ctx.memo("targets", make)  # type: ignore[return-value]


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


def _report_day(report: ResultReport, target: Target | None) -> date | None:
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
    ("SEI-RI01", "error", "A result report has a known name RAA01-RAA10"),
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


@rules(
    "RESULTATINDBERETNING",
    ("RAA01.5", "error", "RAA01 holds only result types RDA01-RDA08"),
    ("RAA02.2", "error", "RAA02 holds only result types RDA20-RDA27"),
    ("RAA03.2", "error", "RAA03 holds only RDA20, RDA31-RDA42 and RDA46-RDA49"),
    ("RAA04.3", "error", "RAA04 holds only RDA20, RDA51, RDA52 and RDA53"),
    ("RAA05.2", "error", "RAA05 holds only RDA60-RDA76"),
    ("RAA06.2", "error", "RAA06 holds only RDA80"),
    ("RAA07.2", "error", "RAA07 holds only RDA91-RDA94"),
    ("RAA08.2", "error", "RAA08 holds only RDB02-RDB09"),
    ("RAA09.2", "error", "RAA09 holds only RDA85"),
    ("RAA10.2", "error", "RAA10 holds only RDA96-RDA98"),
)
def allowed_result_types(ctx: Context) -> None:
    for i, report in enumerate(ctx.form.result_reports):
        index = FIELD_INDEX.get(report.name or "")
        if index is None:
            continue
        for code, value in report.results.items():
            if code not in index and value is not None:
                ctx.add(
                    ALLOWED_TYPES_RULE[report.name or ""],
                    f"result_reports[{i}].results.{code}",
                    f"{code} hører ikke til i en {REPORT_TITLES[report.name or ''].lower()}",
                )


def _field_rule_specs() -> list[tuple[str, str, str]]:
    specs: list[tuple[str, str, str]] = []
    for name, fields in RESULT_FIELDS.items():
        for f in fields:
            if f.value_rule:
                what = f"in list {f.code_list}" if f.code_list else f"a valid {f.kind}"
                specs.append((f.value_rule, "error", f"{name} {f.code} ({f.label}) is {what}"))
            if f.presence_rule and f.required in ("always", "complete"):
                when = "on every report" if f.required == "always" else "on a complete report"
                specs.append((f.presence_rule, "error", f"{name} {f.code} ({f.label}) is present {when}"))
    return specs


@rules("RESULTATINDBERETNING", *_field_rule_specs())
def result_values(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = _targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        fields = RESULT_FIELDS.get(report.name or "")
        if not fields:
            continue
        at = _report_day(report, targets.get(report.trigger.ref or ""))
        complete = report.status == "complete"
        for f in fields:
            path = f"result_reports[{i}].results.{f.code}"
            value = report.results.get(f.code)
            if not filled(report, f.code):
                if f.presence_rule and (f.required == "always" or (f.required == "complete" and complete)):
                    ctx.add(f.presence_rule, path, f"{f.label} mangler")
                continue
            if f.value_rule is None:
                continue
            problem = value_problem(f, value)
            if problem:
                ctx.add(f.value_rule, path, problem)
                continue
            if not f.code_list:
                continue
            code = (value or "").strip()
            if ctx.is_in(f.code_list, code, at):
                continue
            foreign = foreign_list(f, code, ctx.member, at)
            if foreign:
                # A code of another field's list (a course marker as "Anmeldelsesstatus") is outside this list
                # whatever state the lists are in (even while the field's own list is missing): always an error.
                ctx.add(f.value_rule, path, list_problem(f, code, ctx.member, at) or "", lists=())
            elif ctx.not_in(f.code_list, code, at):
                ctx.add(f.value_rule, path, f"{f.label}: {value} findes ikke i kodelisten")


def result_value(report: ResultReport, code: str) -> str | None:
    """The stripped value of a result type, or None when blank."""
    return _value(report, code)


def _value(report: ResultReport, code: str) -> str | None:
    value = report.results.get(code)
    return value.strip() if value and value.strip() else None


@rules(
    "RESULTATINDBERETNING",
    ("RAA01.RDA01-2", "error", "RDA01 in res.statuscar.subd on an incomplete cancer report"),
    (
        "RAA01.RDA01-3",
        "error",
        "RDA01 in res.statuscar.subb or res.statuscar.subc on a complete cancer report",
    ),
    ("RAA01.RDA02", "error", "RDA02 present when RDA01 is in res.statuscar.suba"),
    ("RAA01.RDA03", "error", "RDA03 present when RDA01 is in res.statuscar.suba"),
    (
        "RAA01.RDA04",
        "error",
        "RDA04 present when the diagnosis is in diag.car.tnm and RDA01 in res.statuscar.subb",
    ),
    (
        "RAA01.RDA05",
        "error",
        "RDA05 present when the diagnosis is in diag.car.tnm and RDA01 in res.statuscar.subb",
    ),
    (
        "RAA01.RDA06",
        "error",
        "RDA06 present when the diagnosis is in diag.car.tnm and RDA01 in res.statuscar.subb",
    ),
    ("RAA01.RDA07", "error", "RDA07 present when the diagnosis is in diag.car.lymfom and RDA01 in .subb"),
    ("RAA01.RDA08", "error", "RDA08 present when the diagnosis is in diag.car.lymfom and RDA01 in .subb"),
    ("RAA01.RDA04-2", "error", "RDA04 in res.tcstad.t0 for diagnoses in diag.car.t0 (RDA01 in .subb)"),
    ("RAA01.RDA04-3", "error", "RDA04 in res.tcstad.ta for diagnoses in diag.car.ta (RDA01 in .subb)"),
    ("RAA01.RDA04-4", "error", "RDA04 in res.tcstad.tis for diagnoses in diag.car.tis (RDA01 in .subb)"),
)
def cancer_report(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = _targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        if report.name != "RAA01":
            continue
        path = f"result_reports[{i}].results"
        target = targets.get(report.trigger.ref or "")
        at = _report_day(report, target)
        status = _value(report, "RDA01")
        if status is None:
            continue
        if report.status == "incomplete" and ctx.not_in("res.statuscar.subd", status, at):
            ctx.add(
                "RAA01.RDA01-2",
                f"{path}.RDA01",
                "Ved inkomplet anmeldelse skal anmeldelsesstatus være en inkomplet-status",
            )
        if (
            report.status == "complete"
            and ctx.in_any(("res.statuscar.subb", "res.statuscar.subc"), status, at) is False
        ):
            ctx.add(
                "RAA01.RDA01-3",
                f"{path}.RDA01",
                "Ved komplet anmeldelse skal anmeldelsesstatus være en komplet-status",
            )
        if ctx.is_in("res.statuscar.suba", status, at):
            for code, rule in (("RDA02", "RAA01.RDA02"), ("RDA03", "RAA01.RDA03")):
                if _value(report, code) is None:
                    ctx.add(rule, f"{path}.{code}", f"{FIELD_INDEX['RAA01'][code].label} mangler")
        diag = target.code if target is not None and target.kind == "diagnosis" else None
        if diag is None or not ctx.is_in("res.statuscar.subb", status, at):
            continue
        if ctx.is_in("diag.car.tnm", diag, at):
            for code in ("RDA04", "RDA05", "RDA06"):
                if _value(report, code) is None:
                    ctx.add(f"RAA01.{code}", f"{path}.{code}", f"{FIELD_INDEX['RAA01'][code].label} mangler")
        if ctx.is_in("diag.car.lymfom", diag, at):
            for code in ("RDA07", "RDA08"):
                if _value(report, code) is None:
                    ctx.add(f"RAA01.{code}", f"{path}.{code}", f"{FIELD_INDEX['RAA01'][code].label} mangler")
        t_stage = _value(report, "RDA04")
        for rule, diag_list, t_list in (
            ("RAA01.RDA04-2", "diag.car.t0", "res.tcstad.t0"),
            ("RAA01.RDA04-3", "diag.car.ta", "res.tcstad.ta"),
            ("RAA01.RDA04-4", "diag.car.tis", "res.tcstad.tis"),
        ):
            if t_stage and ctx.is_in(diag_list, diag, at) and ctx.not_in(t_list, t_stage, at):
                ctx.add(rule, f"{path}.RDA04", f"T-stadie {t_stage} passer ikke til diagnosen {diag}")


@rules(
    "RESULTATINDBERETNING",
    ("RAA05.RDA63", "error", "RDA63 on a complete injury report when the reason is in admin.kontaarsag.skade.suba"),
    (
        "RAA05.RDA64",
        "error",
        "RDA64 present when the reason is in admin.kontaarsag.skade.subb and RDA63 in res.skadeakt.transp",
    ),
    (
        "RAA05.RDA65",
        "error",
        "RDA65 present when the reason is in admin.kontaarsag.skade.subb and RDA63 in res.skadeakt.transp",
    ),
    ("RAA08.RDB03-RDB04", "error", "Exactly one of RDB03 (batch/lot) and RDB04 (serial number)"),
    ("RAA03.RDA33", "error", "RDA33 (flernummer) present on a complete birth report when RDA32 (kuld) > 1"),
    ("RAA07.RDA94", "error", "RDA94 present when RDA93 is in res.inhabbeslutning.suba"),
)
def conditional_results(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = _targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        path = f"result_reports[{i}].results"
        target = targets.get(report.trigger.ref or "")
        at = _report_day(report, target)
        complete = report.status == "complete"
        if report.name == "RAA05" and complete and target is not None and target.contact is not None:
            reason = target.contact.reason
            if ctx.is_in("admin.kontaarsag.skade.suba", reason, at) and _value(report, "RDA63") is None:
                ctx.add("RAA05.RDA63", f"{path}.RDA63", "Aktivitet mangler")
            activity = _value(report, "RDA63")
            if ctx.is_in("admin.kontaarsag.skade.subb", reason, at) and ctx.is_in(
                "res.skadeakt.transp", activity, at
            ):
                for code in ("RDA64", "RDA65"):
                    if _value(report, code) is None:
                        ctx.add(
                            f"RAA05.{code}", f"{path}.{code}", f"{FIELD_INDEX['RAA05'][code].label} mangler"
                        )
        elif report.name == "RAA08":
            both, neither = (
                _value(report, "RDB03") and _value(report, "RDB04"),
                not (_value(report, "RDB03") or _value(report, "RDB04")),
            )
            if both:
                ctx.add(
                    "RAA08.RDB03-RDB04",
                    f"{path}.RDB04",
                    "Angiv enten batch-/lotnummer eller serienummer, ikke begge",
                )
            elif neither:
                ctx.add("RAA08.RDB03-RDB04", f"{path}.RDB03", "Angiv batch-/lotnummer eller serienummer")
        elif report.name == "RAA03" and complete:
            litter = _value(report, "RDA32")
            if litter and litter.isdigit() and int(litter) > 1 and _value(report, "RDA33") is None:
                ctx.add("RAA03.RDA33", f"{path}.RDA33", "Flernummer mangler, når kuld er større end 1")
        elif report.name == "RAA07":
            if (
                ctx.is_in("res.inhabbeslutning.suba", _value(report, "RDA93"), at)
                and _value(report, "RDA94") is None
            ):
                ctx.add("RAA07.RDA94", f"{path}.RDA94", "Overlægens stillingtagen mangler")


_NAME_RULE = {
    "course": "15.01",
    "marker": "15.02",
    "contact": "15.03",
    "diagnosis": "15.05",
    "procedure": "15.06",
}
_TYPE_RULE = {
    "course": "16.01",
    "marker": "16.02",
    "contact": "16.03",
    "diagnosis": "16.05",
    "procedure": "16.06",
}


@rules(
    "RESULTATINDBERETNING",
    ("15.01", "error", "Report name code valid at the start of the triggering course"),
    ("15.02", "error", "Report name code valid at the time of the triggering marker"),
    ("15.03", "error", "Report name code valid at the start of the triggering contact"),
    ("15.05", "error", "Report name code valid in the period of the triggering diagnosis's contact"),
    ("15.06", "error", "Report name code valid at the start of the triggering procedure"),
    ("15.a", "error", "Report name in list resindb.navn"),
    ("16.01", "error", "Result type codes valid at the start of the triggering course"),
    ("16.02", "error", "Result type codes valid at the time of the triggering marker"),
    ("16.03", "error", "Result type codes valid at the start of the triggering contact"),
    ("16.05", "error", "Result type codes valid in the period of the triggering diagnosis's contact"),
    ("16.06", "error", "Result type codes valid at the start of the triggering procedure"),
    ("16.a-1", "error", "Result types in list res.type (at the trigger's time)"),
)
def report_codes(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = _targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        target = targets.get(report.trigger.ref or "")
        if target is None or not report.name:
            continue
        path = f"result_reports[{i}]"
        start = target.start.date() if target.start else None
        end = target.end.date() if target.end else None
        if target.kind == "diagnosis":
            name_ok = ctx.valid_in(report.name, start, end)
        else:
            name_ok = ctx.valid(report.name, start)
        if name_ok is False:
            ctx.add(
                _NAME_RULE[target.kind],
                f"{path}.name",
                f"{report.name} er ikke gyldig på udløserens tidspunkt",
            )
        if ctx.not_in("resindb.navn", report.name, start):
            ctx.add("15.a", f"{path}.name", f"{report.name} er ikke en resultatindberetning")
        for code, value in report.results.items():
            if value is None:
                continue
            ok = ctx.valid_in(code, start, end) if target.kind == "diagnosis" else ctx.valid(code, start)
            if ok is False:
                ctx.add(
                    _TYPE_RULE[target.kind], f"{path}.results.{code}", f"Resultattypen {code} er ikke gyldig"
                )
            if ctx.not_in("res.type", code, start):
                ctx.add("16.a-1", f"{path}.results.{code}", f"{code} er ikke en resultattype")


@rules(
    "PROCEDURE",
    (
        "11110",
        "error",
        "A complication of Clavien grade I-V (res.clavien.suba) needs a bidiagnose in diag.kirkomplikat",
    ),
)
def complication_diagnosis(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = _targets(ctx)
    for report in ctx.form.result_reports:
        if report.name != "RAA09":
            continue
        target = targets.get(report.trigger.ref or "")
        if target is None or target.kind != "procedure" or target.contact is None:
            continue
        at = _report_day(report, target)
        if not ctx.is_in("res.clavien.suba", _value(report, "RDA85"), at) or not ctx.knows(
            "diag.kirkomplikat"
        ):
            continue
        contact = target.contact
        if not any(
            d.kind == "secondary" and ctx.is_in("diag.kirkomplikat", d.code, at) for d in contact.diagnoses
        ):
            index = ctx.form.contacts.index(contact)
            ctx.add(
                "11110",
                f"contacts[{index}].diagnoses",
                "Komplikationen kræver en bidiagnose for kirurgisk komplikation",
            )
