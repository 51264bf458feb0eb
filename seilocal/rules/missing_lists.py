"""Rules that cannot run: one info finding per rule and form when a code list the rule rests on is missing.

A rule whose list the catalog lacks would otherwise stay silent, and a report LPR3 later rejects would look
clean here. The finding names the missing lists and sits at the section the rule is about; it is given only
when the form has something the rule looks at (a diagnosis rule needs a diagnosis, a report rule its report).
"""

from __future__ import annotations

from collections.abc import Sequence

from seilocal.model.cancer import is_certain_cancer
from seilocal.rules.context import Context, Finding, section_of
from seilocal.rules.registration import RuleFunc, RuleSpec

MESSAGE = "Kan ikke kontrolleres: {what} mangler"

# What object of the form triggers each result report (lpr3-reference §1.3).
_TRIGGER_KIND = {
    "RAA01": "diagnoses",
    "RAA02": "diagnoses",
    "RAA03": "diagnoses",
    "RAA04": "diagnoses",
    "RAA05": "contacts",
    "RAA06": "procedures",
    "RAA07": "procedures",
    "RAA08": "procedures",
    "RAA09": "procedures",
    "RAA10": "procedures",
}
# The rules that ask whether a report is required (they look at the triggering objects, not at reports).
_REQUIRED = {f"{name}.{n}" for name in _TRIGGER_KIND for n in ("1", "2")}
# Rules outside the result-report group that are about RAA09 reports.
_ABOUT_REPORT = {"11110": "RAA09"}
# Cancer rules that decide a certain cancer code (DC00-DC97 but DC77-DC79) by its prefix, without the list.
# Each asks about the diagnoses of one kind (the 13/14 rules only about those with metastasis/recurrence info).
_CANCER_BY_PREFIX = {
    "12111": ("action", False), "12112": ("action", False), "12.111a": ("secondary", False),
    "12.112a": ("secondary", False), "13.102a": ("action", True), "14.102a": ("action", True),
    "13.102b": ("secondary", True), "14.102b": ("secondary", True),
}


def _has(ctx: Context, what: str) -> bool:
    if what == "diagnoses":
        return bool(ctx.diagnoses)
    if what == "procedures":
        return bool(ctx.procedures)
    return bool(ctx.contacts)


def _report_names(ctx: Context) -> set[str]:
    return {report.name or "" for report in ctx.form.result_reports}


def subject_path(ctx: Context, spec: RuleSpec) -> str | None:
    """Where the rule's info finding goes, or None when the form holds nothing the rule looks at."""
    report = _ABOUT_REPORT.get(spec.id)
    if report is not None:
        return "result_reports" if report in _report_names(ctx) else None
    if spec.group == "RESULTATINDBERETNING":
        name = spec.id[:5]
        if spec.id in _REQUIRED and name in _TRIGGER_KIND:
            kind = _TRIGGER_KIND[name]
            return kind if _has(ctx, kind) else None
        if name in _TRIGGER_KIND:
            return "result_reports" if name in _report_names(ctx) else None
        return "result_reports" if ctx.form.result_reports else None
    if spec.group == "DIAGNOSE":
        if spec.id in _CANCER_BY_PREFIX:
            # Checked in full when every diagnosis is a certain cancer code: nothing is left to the list.
            kind, with_info = _CANCER_BY_PREFIX[spec.id]
            undecided = any(
                d.kind == kind and not is_certain_cancer(d.code)
                and (not with_info or d.has_metastasis_info or d.has_recurrence_info)
                for d in (view.diagnosis for view in ctx.diagnoses)
            )
            return "contacts" if undecided else None
        return "contacts" if ctx.diagnoses else None
    if spec.group == "PROCEDURE":
        return "procedures" if ctx.procedures else None
    if spec.group in ("KONTAKT", "KONTAKTAARSAG"):
        return "contacts" if ctx.contacts else None
    return "course"


# What each code list holds, in the practitioner's words: a finding names lists by these, never as `proc.act`.
LIST_NAMES_DA: dict[str, str] = {
    "admin.afslutmaade": "afslutningsmåder", "admin.betalaftale": "betalingsaftaler", "admin.betaler": "betalere",
    "admin.fritvalg": "frit valg", "admin.henvmaade": "henvisningsmåder", "admin.kontaarsag": "kontaktårsager",
    "admin.konttype": "kontakttyper", "admin.personale": "personalekategorier", "admin.prioritet": "prioriteter",
    "admin.specialeniv": "specialiseringsniveauer", "diag": "diagnoser", "diag.doed": "dødsårsager",
    "diag.foedbarn": "fødselsdiagnoser (barn)", "diag.foedmor": "fødselsdiagnoser (mor)",
    "diag.kirkomplikat": "kirurgiske komplikationer", "diag.lateral": "diagnoser med sideangivelse",
    "diag.lokalrecidiv": "lokalrecidiver", "diag.metastase": "metastaser", "diag.primkraeft": "kræftdiagnoser",
    "diag.ydreaarsag": "ydre årsager", "forloeb.label": "forløbslabels", "forloeb.markoer": "forløbsmarkører",
    "forloeb.reftype": "referencetyper", "proc.act": "behandlinger", "proc.handling": "procedurer med handling",
    "proc.hoerescreen": "hørescreeninger", "proc.implantat": "implantatprocedurer",
    "proc.kontrast": "kontrastprocedurer",
    "proc.lateral": "procedurer med sideangivelse", "proc.opr": "operationer", "proc.sluttid": "procedurer med sluttid",
    "proc.tvangsforanst": "tvangsforanstaltninger", "proc.und": "undersøgelser", "res.type": "resultattyper",
    "resindb.navn": "resultatindberetninger", "spec.anvkontrast": "anvendte kontraststoffer",
    "spec.handspec": "handlingsspecifikationer", "spec.lateraldiag": "sideangivelser (diagnoser)",
    "spec.lateralproc": "sideangivelser (procedurer)",
}


def list_name_da(name: str) -> str:
    """A code list as a practitioner reads it ("behandlinger"); a list without a Danish name as "kodelisten X"."""
    return LIST_NAMES_DA.get(name, f"kodelisten {name}")


def missing_text(missing: list[str]) -> str:
    """The Danish message for the missing lists of one rule ("Kan ikke kontrolleres: kodelisten over
    kontakttyper mangler"), in words, not list names."""
    named = [list_name_da(name) for name in missing]
    if len(named) == 1:
        what = named[0] if named[0].startswith("kodelisten ") else f"kodelisten over {named[0]}"
    else:
        what = f"kodelisterne over {', '.join(named[:-1])} og {named[-1]}"
    return MESSAGE.format(what=what)


_WITH_LISTS: dict[int, tuple[RuleSpec, ...]] = {}  # per registry size: the specs that name lists


def missing_list_findings(ctx: Context, functions: Sequence[RuleFunc]) -> list[Finding]:
    """One info finding per rule whose code lists the catalog lacks (and whose subject the form has)."""
    specs = _WITH_LISTS.get(len(functions))
    if specs is None:
        specs = _WITH_LISTS[len(functions)] = tuple(s for f in functions for s in f.specs if s.lists)
    found: list[Finding] = []
    for spec in specs:
        missing = [name for name in spec.lists if not ctx.knows(name)]
        if not missing:
            continue
        path = subject_path(ctx, spec)
        if path is not None:
            found.append(Finding(spec.id, "info", missing_text(missing), path, section_of(path)))
    return found
