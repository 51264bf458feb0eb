"""Diagnosis rules (12.x, 121xx), metastasis (13.x) and local-recurrence (14.x) rules."""

from __future__ import annotations

from datetime import date

from seilocal.model.cancer import NO_LOCAL_RECURRENCE_TEXT, NO_METASTASES_TEXT, is_certain_cancer
from seilocal.model.form import Diagnosis
from seilocal.rules.context import Context, DiagnosisView
from seilocal.rules.registration import rules
from seilocal.rules.timeparse import is_blank

NONE_TEXT = {"metastases": NO_METASTASES_TEXT, "local_recurrences": NO_LOCAL_RECURRENCE_TEXT}
# The lists whose members `birth_and_death` checks (besides diag.doed, asked at the contact's start).
_BIRTH_AND_DEATH_LISTS = ("diag.ydreaarsag", "diag.foedbarn", "diag.foedmor", "diag.foedbarn.vital",
                          "diag.foedbarn.doed", "diag.foedmor.samraad")
# The lists whose members `cancer` checks (besides the certain cancer codes).
_CANCER_LISTS = ("diag.primkraeft", "diag.metastase", "diag.lokalrecidiv")


def _in(ctx: Context, list_name: str, code: str | None, view: DiagnosisView) -> bool | None:
    # LPR3 asks for list membership "within the contact period" (kodelisterIndenforPeriode).
    return ctx.member_in(list_name, code, view.contact.start_day, view.contact.end_day)


def _meet(
    first: tuple[tuple[date | None, date | None], ...], second: tuple[tuple[date | None, date | None], ...]
) -> bool:
    """True when some interval of `first` and some interval of `second` share a day (None = open)."""
    for a_from, a_to in first:
        for b_from, b_to in second:
            starts_in_time = a_from is None or b_to is None or a_from <= b_to
            if starts_in_time and (b_from is None or a_to is None or b_from <= a_to):
                return True
    return False


@rules(
    "DIAGNOSE",
    ("12.101a", "error", "Action diagnosis code in list diag"),
    ("12.101b", "error", "Secondary diagnosis code in list diag"),
    ("12102", "error", "Diagnoses in diag.lateral need a side"),
    ("12.c-1", "error", "Side of the action diagnosis in list spec.lateraldiag"),
    ("12.c-2", "error", "Side of a secondary diagnosis in list spec.lateraldiag"),
    ("12.52", "error", "Diagnosis code valid at some time in the contact period"),
    ("12.54", "error", "Side code valid at some time in the contact period"),
    ("12.59", "error", "Supplementary codes valid at some time in the period of a closed contact"),
    ("12.59-1", "error", "Supplementary codes valid at some time while the diagnosis code itself is valid"),
)
def diagnosis_codes(ctx: Context) -> None:
    # Most diagnoses of a big form repeat a few codes on a few days: their findings depend only on the key below,
    # so each distinct key is checked once per validation and its findings are replayed at each row's path.
    memo: dict[tuple[object, ...], list[tuple[str, str, str]]] = {}
    for view in ctx.diagnoses:
        d = view.diagnosis
        start, end = view.contact.start_day, view.contact.end_day
        key = (d.code, d.side, d.kind, tuple(d.supplementary), start, end)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _diagnosis_code_findings(ctx, d, start, end)
        for rule, field, message in found:
            ctx.add(rule, view.path + field, message)


def _diagnosis_code_findings(
    ctx: Context, d: Diagnosis, start: date | None, end: date | None
) -> list[tuple[str, str, str]]:
    """(rule, field path after the diagnosis's own, message) of one diagnosis in a contact from `start` to `end`."""
    out: list[tuple[str, str, str]] = []

    def within(list_name: str, code: str | None) -> bool | None:
        # LPR3 asks for list membership "within the contact period" (kodelisterIndenforPeriode).
        return ctx.member_in(list_name, code, start, end)

    action = d.kind == "action"
    if within("diag", d.code) is False:
        out.append(("12.101a" if action else "12.101b", ".code", f"{d.code} er ikke en diagnosekode"))
    if is_blank(d.side) and within("diag.lateral", d.code):
        out.append(("12102", ".side", f"Diagnose {d.code} kræver sideangivelse"))
    if within("spec.lateraldiag", d.side) is False:
        out.append(("12.c-1" if action else "12.c-2", ".side", f"{d.side} er ikke en sideangivelse for diagnoser"))
    if ctx.valid_in(d.code, start, end) is False:
        out.append(("12.52", ".code", f"Diagnosekode {d.code} er ikke gyldig i kontaktens periode"))
    if ctx.valid_in(d.side, start, end) is False:
        out.append(("12.54", ".side", f"Sideangivelse {d.side} er ikke gyldig i kontaktens periode"))
    if end is not None:
        for k, extra in enumerate(d.supplementary):
            if ctx.valid_in(extra, start, end) is False:
                out.append(
                    ("12.59", f".supplementary[{k}]", f"Tillægskode {extra} er ikke gyldig i kontaktens periode")
                )
    primary = ctx.code_periods(d.code) if d.supplementary and d.code else None
    if primary:
        for k, extra in enumerate(d.supplementary):
            periods = ctx.code_periods(extra) if extra else None
            if periods and not _meet(primary, periods):
                out.append((
                    "12.59-1",
                    f".supplementary[{k}]",
                    f"Tillægskode {extra} er aldrig gyldig samtidig med diagnosekoden {d.code}",
                ))
    return out


@rules(
    "DIAGNOSE",
    (
        "12.03.103",
        "error",
        "Birth action diagnosis (diag.foedmor): physical (admin.konttype.fysfr) or ude (admin.konttype.udeko)"
        " contact, priority acute (admin.prioritet.akut)",
    ),
    (
        "12.03.105",
        "error",
        "Live-born action diagnosis (diag.foedbarn.vital): physical (admin.konttype.fysfr) or ude"
        " (admin.konttype.udeko) contact, acute (admin.prioritet.akut)",
    ),
    (
        "12.03.106",
        "error",
        "Stillborn action diagnosis (diag.foedbarn.doed): contact type 'død' (admin.konttype.doed)",
    ),
    (
        "12.03.108",
        "error",
        "Live birth after induced abortion (diag.foedmor.samraad) needs an abortion bidiagnose (diag.abort.samraad)",
    ),
    (
        "12.03.109",
        "error",
        "Action diagnosis for a dead patient (diag.doed): contact type 'død' (admin.konttype.doed)",
    ),
    ("12104", "error", "Birth diagnoses for the child (diag.foedbarn) only as action diagnosis"),
    ("12105", "error", "Birth diagnoses for the mother (diag.foedmor) only as action diagnosis"),
    ("12.107a", "error", "External-cause diagnoses (diag.ydreaarsag, DX/DY) never as action diagnosis"),
    (
        "12.107b",
        "error",
        "External-cause secondary diagnoses (diag.ydreaarsag) only on contacts of a psychiatric unit (SOR)",
    ),
)
def birth_and_death(ctx: Context) -> None:
    # Every check below needs the diagnosis code in one of these lists; most codes of a big form are in none,
    # which is decided once per (code, contact period) instead of asking each list for every row.
    relevant: dict[tuple[str | None, date | None, date | None], bool] = {}
    for view in ctx.diagnoses:
        d, p, contact = view.diagnosis, view.path, view.contact
        c = contact.contact
        s, e = contact.start_day, contact.end_day
        key = (d.code, s, e)
        hit = relevant.get(key)
        if hit is None:
            hit = relevant[key] = bool(
                any(ctx.member_in(name, d.code, s, e) for name in _BIRTH_AND_DEATH_LISTS)
                or ctx.is_in("diag.doed", d.code, s)
            )
        if not hit:
            continue
        if d.kind == "secondary":
            if ctx.psychiatric(c.responsible_unit) is False and _in(ctx, "diag.ydreaarsag", d.code, view):
                ctx.add(
                    "12.107b",
                    f"{p}.code",
                    "En DX- eller DY-bidiagnose kræver, at den kontaktansvarlige enhed er psykiatrisk",
                )
            if _in(ctx, "diag.foedbarn", d.code, view):
                ctx.add("12104", f"{p}.kind", "En fødselsdiagnose for barnet skal være aktionsdiagnose")
            if _in(ctx, "diag.foedmor", d.code, view):
                ctx.add("12105", f"{p}.kind", "En fødselsdiagnose for moren skal være aktionsdiagnose")
            continue
        if _in(ctx, "diag.ydreaarsag", d.code, view):
            ctx.add("12.107a", f"{p}.kind", "En DX- eller DY-diagnose må kun være bidiagnose")
        for rule, list_name in (("12.03.103", "diag.foedmor"), ("12.03.105", "diag.foedbarn.vital")):
            if not _in(ctx, list_name, d.code, view):
                continue  # ask about the contact only for birth diagnoses
            not_acute = ctx.member_in("admin.prioritet.akut", c.priority, s, e) is False
            fys = ctx.member_in("admin.konttype.fysfr", c.type, s, e)
            ude = ctx.member_in("admin.konttype.udeko", c.type, s, e)
            if not_acute or (fys is False and ude is False):
                ctx.add(
                    rule, f"{p}.code", "Ved fødsel skal kontakten være fysisk fremmøde eller udekontakt, akut"
                )
        if (
            _in(ctx, "diag.foedbarn.doed", d.code, view)
            and ctx.member_in("admin.konttype.doed", c.type, s, e) is False
        ):
            ctx.add("12.03.106", f"{contact.path}.type", "Ved dødfødt barn skal kontakttypen være død")
        if ctx.is_in("diag.doed", d.code, s) and ctx.not_in("admin.konttype.doed", c.type, s):
            ctx.add(
                "12.03.109", f"{contact.path}.type", "Ved aktionsdiagnose for død skal kontakttypen være død"
            )
        if _in(ctx, "diag.foedmor.samraad", d.code, view) and ctx.knows("diag.abort.samraad"):
            others = [o for o in c.diagnoses if o.kind == "secondary"]
            if not any(ctx.member_in("diag.abort.samraad", o.code, s, e) for o in others):
                ctx.add(
                    "12.03.108",
                    f"{contact.path}.diagnoses",
                    "Kontakten mangler en abortdiagnose som bidiagnose",
                )


@rules(
    "DIAGNOSE",
    ("12109", "error", "A metastasis action diagnosis (diag.metastase) needs a diag.primkraeft diagnosis"),
    ("12.109a", "error", "A metastasis secondary diagnosis (diag.metastase) needs a diag.primkraeft diagnosis"),
    ("12110", "error", "A local-recurrence action diagnosis (diag.lokalrecidiv) needs a diag.primkraeft diagnosis"),
    (
        "12.110a",
        "error",
        "A local-recurrence secondary diagnosis (diag.lokalrecidiv) needs a diag.primkraeft diagnosis",
    ),
    ("12111", "error", "A primary-cancer action diagnosis (diag.primkraeft) carries metastasis info (incl. 'none')"),
    ("12.111a", "error", "A primary-cancer secondary diagnosis (diag.primkraeft) carries metastasis info"),
    ("12112", "error", "A primary-cancer action diagnosis (diag.primkraeft) carries local-recurrence info"),
    ("12.112a", "error", "A primary-cancer secondary diagnosis (diag.primkraeft) carries local-recurrence info"),
)
def cancer(ctx: Context) -> None:
    # A certain cancer code (DC00-DC97 but DC77-DC79) needs no list: its finding is an error even while the
    # catalog's diag.primkraeft is the unverified starter list or missing. Other codes are asked of the list.
    knows = ctx.knows("diag.primkraeft")
    # Every check below needs a certain cancer code or the code in one of the three lists: most codes of a big
    # form are neither, which is decided once per (code, contact period).
    relevant: dict[tuple[str | None, date | None, date | None], bool] = {}
    for view in ctx.diagnoses:
        d, p = view.diagnosis, view.path
        key = (d.code, view.contact.start_day, view.contact.end_day)
        hit = relevant.get(key)
        if hit is None:
            hit = relevant[key] = is_certain_cancer(d.code) or (
                knows and any(_in(ctx, name, d.code, view) for name in _CANCER_LISTS)
            )
        if not hit:
            continue
        action = d.kind == "action"
        certain = is_certain_cancer(d.code)
        if certain or (knows and _in(ctx, "diag.primkraeft", d.code, view)):
            lists: tuple[str, ...] | None = () if certain else None
            if not d.has_metastasis_info:
                ctx.add(
                    "12111" if action else "12.111a",
                    f"{p}.metastases",
                    "Kræftdiagnosen mangler oplysning om metastaser (evt. ingen metastaser)",
                    lists=lists,
                )
            if not d.has_recurrence_info:
                ctx.add(
                    "12112" if action else "12.112a",
                    f"{p}.local_recurrences",
                    "Kræftdiagnosen mangler oplysning om lokalrecidiv (evt. ingen lokalrecidiv)",
                    lists=lists,
                )
            continue
        if not knows:
            continue
        for list_name, rules_, what in (
            ("diag.metastase", ("12109", "12.109a"), "metastase"),
            ("diag.lokalrecidiv", ("12110", "12.110a"), "lokalrecidiv"),
        ):
            if _in(ctx, list_name, d.code, view):
                others = (o for o in view.contact.contact.diagnoses if o is not d)
                if not any(_in(ctx, "diag.primkraeft", o.code, view) for o in others):
                    ctx.add(
                        rules_[0] if action else rules_[1],
                        f"{p}.code",
                        f"En diagnose for {what} kræver en diagnose for primær kræft på samme kontakt",
                    )


@rules(
    "DIAGNOSE",
    ("13.01", "error", "Metastasis codes valid at some time in the period of the contact"),
    ("13101", "error", "Metastasis codes in list diag.metastase"),
    ("13.102a", "error", "Only a primary-cancer (diag.primkraeft) action diagnosis may carry metastasis codes"),
    ("13.102b", "error", "Only a primary-cancer (diag.primkraeft) secondary diagnosis may carry metastasis codes"),
    ("14.01", "error", "Local-recurrence codes valid at some time in the period of the contact"),
    ("14101", "error", "Local-recurrence codes in list diag.lokalrecidiv"),
    ("14.102a", "error", "Only a diag.primkraeft action diagnosis may carry local-recurrence codes"),
    ("14.102b", "error", "Only a diag.primkraeft secondary diagnosis may carry local-recurrence codes"),
)
def metastases_and_recurrences(ctx: Context) -> None:
    for view in ctx.diagnoses:
        d, p = view.diagnosis, view.path
        if not d.has_metastasis_info and not d.has_recurrence_info:
            continue
        s, e = view.contact.start_day, view.contact.end_day
        action = d.kind == "action"
        not_primary = not is_certain_cancer(d.code) and _in(ctx, "diag.primkraeft", d.code, view) is False
        for field, codes, stated_none, list_name, (r_valid, r_list, r_a, r_b), what in (
            (
                "metastases",
                d.metastases,
                d.no_metastases,
                "diag.metastase",
                ("13.01", "13101", "13.102a", "13.102b"),
                "metastase",
            ),
            (
                "local_recurrences",
                d.local_recurrences,
                d.no_local_recurrences,
                "diag.lokalrecidiv",
                ("14.01", "14101", "14.102a", "14.102b"),
                "lokalrecidiv",
            ),
        ):
            if not codes and not stated_none:
                continue
            if not_primary:
                said = f"{what}koder" if codes else f"oplysningen »{NONE_TEXT[field].lower()}«"
                ctx.add(r_a if action else r_b, f"{p}.{field}", f"Kun en primær kræftdiagnose må have {said}")
            for k, code in enumerate(codes):
                if ctx.valid_in(code, s, e) is False:
                    ctx.add(r_valid, f"{p}.{field}[{k}]", f"{code} er ikke gyldig i kontaktens periode")
                if _in(ctx, list_name, code, view) is False:
                    ctx.add(r_list, f"{p}.{field}[{k}]", f"{code} er ikke en {what}kode")
