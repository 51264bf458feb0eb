"""Result-report rules beside r_results: the abortion report's conditional results (RAA04.RDA5x) and the
report's responsible unit (15.c)."""

from __future__ import annotations

from datetime import date

from seilocal.rules.context import Context
from seilocal.rules.r_result_values import result_value
from seilocal.rules.r_results import report_targets
from seilocal.rules.registration import rules

# (rule, the diagnosis list, the list RDA51 must then be in)
_SAMRAAD = (
    ("RAA04.RDA51-2", "diag.abort.samraad.subb", "res.samraad.subb"),
    ("RAA04.RDA51-3", "diag.abort.samraad.suba", "res.samraad.suba"),
    ("RAA04.RDA51-4", "diag.abort.samraad.subc", "res.samraad.subc"),
)


@rules(
    "RESULTATINDBERETNING",
    ("RAA04.RDA51-2", "error", "RDA51 in res.samraad.subb when the diagnosis is in diag.abort.samraad.subb"),
    ("RAA04.RDA51-3", "error", "RDA51 in res.samraad.suba when the diagnosis is in diag.abort.samraad.suba"),
    ("RAA04.RDA51-4", "error", "RDA51 in res.samraad.subc when the diagnosis is in diag.abort.samraad.subc"),
    (
        "RAA04.RDA51",
        "error",
        "RDA51 on a complete report when the diagnosis is in diag.abort.samraad.suba or diag.abort.samraad.subb",
    ),
    (
        "RAA04.RDA52-1",
        "error",
        "RDA52 on a complete report when the diagnosis is in diag.abort.spon and RDA20 in res.gestald.spontabort",
    ),
    (
        "RAA04.RDA52",
        "error",
        "RDA52 on a complete report when the diagnosis is in diag.abort.prov and RDA20 in res.gestald.provabort",
    ),
    ("RAA04.RDA53", "error", "RDA53 on a complete report when RDA52 is in res.misdann.suba"),
)
def abortion_report(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    targets = report_targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        if report.name != "RAA04":
            continue
        path = f"result_reports[{i}].results"
        target = targets.get(report.trigger.ref or "")
        diagnosis = target.code if target is not None and target.kind == "diagnosis" else None
        start = target.start.date() if target is not None and target.start else None
        end = target.end.date() if target is not None and target.end else None

        def inside(
            list_name: str, code: str | None, start: date | None = start, end: date | None = end
        ) -> bool | None:
            # LPR3 asks "within the period of the report's cause" (kodelisterIndenforPeriode).
            return ctx.member_in(list_name, code, start, end)

        consent, age, malformation = (result_value(report, code) for code in ("RDA51", "RDA20", "RDA52"))
        for rule, diagnosis_list, consent_list in _SAMRAAD:
            if consent and diagnosis and inside(diagnosis_list, diagnosis) and inside(consent_list, consent) is False:
                ctx.add(rule, f"{path}.RDA51", f"Samrådstilladelse {consent} passer ikke til diagnosen {diagnosis}")
        if report.status != "complete":
            continue
        if consent is None and diagnosis and (
            inside("diag.abort.samraad.suba", diagnosis) or inside("diag.abort.samraad.subb", diagnosis)
        ):
            ctx.add("RAA04.RDA51", f"{path}.RDA51", "Samrådstilladelse mangler")
        if malformation is None and diagnosis and age:
            if inside("diag.abort.spon", diagnosis) and inside("res.gestald.spontabort", age):
                ctx.add("RAA04.RDA52-1", f"{path}.RDA52", "Misdannelsesoplysning mangler ved sen spontan abort")
            if inside("diag.abort.prov", diagnosis) and inside("res.gestald.provabort", age):
                ctx.add("RAA04.RDA52", f"{path}.RDA52", "Misdannelsesoplysning mangler ved sen provokeret abort")
        if (
            malformation
            and inside("res.misdann.suba", malformation)
            and result_value(report, "RDA53") is None
        ):
            ctx.add("RAA04.RDA53", f"{path}.RDA53", "Misdannelsesdiagnose mangler")


@rules(
    "RESULTATINDBERETNING",
    ("15.c", "error", "The report's responsible unit (the course's) is valid in the period of the report's cause"),
)
def report_unit(ctx: Context) -> None:
    if not ctx.form.result_reports:
        return
    # A result report carries no unit of its own: it is sent with the course's responsible unit.
    period = ctx.sor_period(ctx.form.course.responsible_unit)
    if period is None:
        return
    first, last = period
    targets = report_targets(ctx)
    for i, report in enumerate(ctx.form.result_reports):
        target = targets.get(report.trigger.ref or "")
        if target is None or target.start is None:
            continue
        start, end = target.start.date(), target.end.date() if target.end else None
        if (last is not None and last < start) or (first is not None and end is not None and first > end):
            ctx.add(
                "15.c",
                f"result_reports[{i}]",
                "Forløbsansvarlig enhed er ikke gyldig i SOR i perioden for det, der udløste indberetningen",
            )
