"""Result-report rules on the values: allowed result types, each value in its list, the cancer report's
conditional results, report codes and the complication diagnosis (RAA0x.RDxx)."""

from __future__ import annotations

from seilocal.model.form import ResultReport
from seilocal.rules.context import Context
from seilocal.rules.r_results import report_day, report_targets
from seilocal.rules.registration import Severity, rules
from seilocal.rules.result_types import (
    ALLOWED_TYPES_RULE,
    FIELD_INDEX,
    MANUAL_ONLY,
    MANUAL_VALUE_RULE,
    REPORT_TITLES,
    RESULT_FIELDS,
    filled,
    value_problem,
)
from seilocal.rules.ri_values import foreign_list, list_problem


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
    ("SEI-RI05", "error",
     "RAA11-RAA13 hold only the result types SKS 2026-06 groups with them (RAA11: RDB31-RDB36; RAA12: "
     "RDC01-RDC13, RDC31-RDC41; RAA13: RDC01-RDC13, RDC51-RDC63); the official rule is not public"),
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
                    _foreign_type(code, report.name or ""),
                )


def _foreign_type(code: str, name: str) -> str:
    if name in MANUAL_ONLY:  # "(NAB)", "(SIB)": the title is not lowered into a sentence
        return f"{code} hører ikke til i {name} {REPORT_TITLES[name]}"
    return f"{code} hører ikke til i en {REPORT_TITLES[name].lower()}"


def _field_rule_specs() -> list[tuple[str, Severity, str]]:
    specs: list[tuple[str, Severity, str]] = []
    manual_lists = sorted({f.code_list for n in MANUAL_ONLY for f in RESULT_FIELDS[n] if f.code_list})
    specs.append((
        MANUAL_VALUE_RULE, "error",
        "RAA11-RAA13: a filled value has its field's kind and lies in its field's list, each list derived from "
        f"SKS 2026-06 ({', '.join(manual_lists)}); the official value rules are not public",
    ))
    for name, fields in RESULT_FIELDS.items():
        if name in MANUAL_ONLY:
            continue  # one rule of our own for all their values (above)
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
    targets = report_targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        fields = RESULT_FIELDS.get(report.name or "")
        if not fields:
            continue
        at = report_day(report, targets.get(report.trigger.ref or ""))
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
    targets = report_targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        if report.name != "RAA01":
            continue
        path = f"result_reports[{i}].results"
        target = targets.get(report.trigger.ref or "")
        at = report_day(report, target)
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
    targets = report_targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        path = f"result_reports[{i}].results"
        target = targets.get(report.trigger.ref or "")
        at = report_day(report, target)
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
    targets = report_targets(ctx)
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
    targets = report_targets(ctx)
    for report in ctx.form.result_reports:
        if report.name != "RAA09":
            continue
        target = targets.get(report.trigger.ref or "")
        if target is None or target.kind != "procedure" or target.contact is None:
            continue
        at = report_day(report, target)
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


@rules(
    "RESULTATINDBERETNING",
    ("SEI-RI03", "error",
     "A result report holds at least one filled result (an empty result is not written; the LPR3 document's "
     "observation organizer needs one)"),
)
def some_result(ctx: Context) -> None:
    for i, report in enumerate(ctx.form.result_reports):
        fields = RESULT_FIELDS.get(report.name or "")
        if not fields or any(filled(report, code) for code in report.results):
            continue
        ctx.add("SEI-RI03", f"result_reports[{i}].results.{fields[0].code}",
                f"{REPORT_TITLES[report.name or '']}: udfyld mindst ét resultat, eller slet indberetningen")
