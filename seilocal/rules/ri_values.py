"""Whether a result value belongs to its field's own code list (F4.10): the form refuses it, the rules report it.

A coded result takes its values from one list (`res.*`, `diag.misdann` for RDA53). When the catalog has that
list, a code outside it is wrong. When the catalog lacks it (the bundled starter catalog has no `res.*` members),
a code the catalog places in a list that other fields of the form draw from (a course marker, a contact type, a
diagnosis) is still certainly wrong; any other code of SKS shape cannot be judged and is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from seilocal.model.form import ResultReport
from seilocal.rules.result_types import ResultField, fields_of, filled, report_is_complete, value_problem
from seilocal.rules.timeparse import is_blank, parse_time

# Tri-state membership: (list, code, date) -> True / False, None when the list is unknown or the code blank.
Member = Callable[[str, str | None, date | None], bool | None]

# Lists other fields of the form draw from; no result value of a `res.*` list is ever one of their codes.
FOREIGN_LISTS: tuple[tuple[str, str], ...] = (
    ("forloeb.markoer", "forløbsmarkør"),
    ("forloeb.label", "forløbslabel"),
    ("forloeb.reftype", "referencetype"),
    ("admin.afslutmaade", "afslutningsmåde"),
    ("admin.henvmaade", "henvisningsmåde"),
    ("admin.fritvalg", "frit valg"),
    ("admin.konttype", "kontakttype"),
    ("admin.kontaarsag", "kontaktårsag"),
    ("admin.prioritet", "prioritet"),
    ("admin.betaler", "betaler"),
    ("admin.betalaftale", "betalingsaftale"),
    ("admin.fravaer", "fravær"),
    ("admin.personale", "personalekategori"),
    ("admin.diagart", "diagnoseart"),
    ("resindb.navn", "resultatindberetningsnavn"),
    ("resindb.status", "resultatindberetningsstatus"),
    ("res.type", "resultattype"),
    ("diag", "diagnose"),
)


def missing_list_note(spec: ResultField, knows_list: Callable[[str], bool]) -> str | None:
    """The Danish note a coded field shows when the catalog lacks its list, else None."""
    if spec.kind != "code" or not spec.code_list or knows_list(spec.code_list):
        return None
    return f"Listen {spec.code_list} mangler i kodekataloget"


def foreign_list(spec: ResultField, code: str | None, member: Member, at: date | None = None) -> tuple[str, str] | None:
    """The (list, Danish name) of another field's list that holds `code`, or None."""
    if spec.kind != "code" or not spec.code_list or is_blank(code):
        return None
    assert code is not None
    family = spec.code_list.split(".")[0]
    for list_name, what in FOREIGN_LISTS:
        if list_name.split(".")[0] == family:
            continue  # a diagnosis list of its own (RDA53 diag.misdann): diagnoses belong there
        if member(list_name, code.strip(), at):
            return list_name, what
    return None


def list_problem(
    spec: ResultField, code: str | None, member: Member, at: date | None = None, *,
    judged: Callable[[str], bool] | None = None,
) -> str | None:
    """A Danish reason why `code` cannot be this field's value (another field's list, or outside its own), else None.

    `judged(code)` says whether a code outside the field's own list counts as wrong; by default it always does.
    The form passes "the list is trusted or the catalog knows the code": an unknown code outside an unverified
    starter list is kept (the catalog is incomplete), and the rules report it with their own severity.
    """
    if spec.kind != "code" or not spec.code_list or is_blank(code):
        return None
    assert code is not None
    code = code.strip()
    own = member(spec.code_list, code, at)
    if own:
        return None
    foreign = foreign_list(spec, code, member, at)
    if foreign:
        list_name, what = foreign
        return f"{spec.label}: {code} er en {what} ({list_name}), ikke en værdi fra listen {spec.code_list}"
    if own is False and (judged is None or judged(code)):
        return f"{spec.label}: {code} findes ikke i kodelisten {spec.code_list}"
    return None


def report_day(report: ResultReport) -> date | None:
    """The day a report's values are judged at: its time (copied from the trigger)."""
    moment = parse_time(report.time)
    return moment.date() if moment else None


def invalid_values(
    report: ResultReport, member: Member, judged: Callable[[str, str], bool] | None = None
) -> list[tuple[ResultField, str]]:
    """The filled fields whose value is wrong (shape, range or list), each with its Danish reason."""
    at = report_day(report)
    found: list[tuple[ResultField, str]] = []
    for spec in fields_of(report.name):
        if not filled(report, spec.code):
            continue
        value = report.results.get(spec.code)
        problem = value_problem(spec, value) or list_problem(
            spec, value, member, at, judged=_judge(judged, spec.code_list))
        if problem:
            found.append((spec, problem))
    return found


def can_be_complete(report: ResultReport, member: Member, judged: Callable[[str, str], bool] | None = None) -> bool:
    """True when every mandatory field is filled and every filled value is valid, its code list included."""
    return report_is_complete(report) and not invalid_values(report, member, judged)


def _judge(judged: Callable[[str, str], bool] | None, list_name: str | None) -> Callable[[str], bool] | None:
    if judged is None or list_name is None:
        return None
    return lambda code: judged(list_name, code)
