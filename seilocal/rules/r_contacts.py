"""Contact rules (05.x, 5102-5108) and kontaktårsag rules (07.x)."""

from __future__ import annotations

from datetime import timedelta

from seilocal.rules.context import Context
from seilocal.rules.registration import rules
from seilocal.rules.sor_periods import standing
from seilocal.rules.timeparse import format_da, is_blank


@rules(
    "KONTAKT",
    ("05.11", "error", "Contact end after contact start"),
    ("05.14", "error", "A closed contact has an action diagnosis"),
    ("05.15", "error", "A contact started more than 30 days ago has an action diagnosis"),
    ("05.21", "error", "Contact start not before course start"),
    ("05.22", "error", "Contact start before course end"),
    ("05.24", "error", "Contact end not after course end"),
    ("05.31", "error", "When the course is closed, each contact is closed, no later than the course end"),
)
def contact_periods(ctx: Context) -> None:
    cstart, cend = ctx.course_start, ctx.course_end
    month_ago = ctx.now - timedelta(days=30)
    for view in ctx.contacts:
        start, end, p = view.start, view.end, view.path
        if start and end and end <= start:
            ctx.add("05.11", f"{p}.end", "Kontaktens sluttidspunkt skal ligge efter starttidspunktet")
        has_action = view.contact.action_diagnosis is not None
        if not has_action:
            if not is_blank(view.contact.end):
                ctx.add("05.14", f"{p}.diagnoses", "En afsluttet kontakt skal have en aktionsdiagnose")
            elif start and start < month_ago:
                ctx.add(
                    "05.15",
                    f"{p}.diagnoses",
                    "Kontakten startede for over 30 dage siden og mangler aktionsdiagnose",
                )
        if start and cstart and start < cstart:
            ctx.add("05.21", f"{p}.start", f"Kontakten starter før forløbet ({format_da(cstart)})")
        if start and cend and start >= cend:
            ctx.add(
                "05.22", f"{p}.start", f"Kontakten skal starte før forløbets slutning ({format_da(cend)})"
            )
        if cend:
            if end and end > cend:
                ctx.add("05.24", f"{p}.end", f"Kontakten slutter efter forløbet ({format_da(cend)})")
                ctx.add(
                    "05.31", f"{p}.end", f"Kontakten skal afsluttes senest ved forløbets slutning ({format_da(cend)})"
                )
            if is_blank(view.contact.end):
                ctx.add("05.31", f"{p}.end", "Forløbet er afsluttet, så kontakten skal også afsluttes")


@rules(
    "KONTAKT",
    ("05.41", "error", "Contact's responsible SOR unit already open at contact start"),
    ("05.42", "error", "Contact's responsible SOR unit not closed before contact start"),
    (
        "05.43",
        "error",
        "A contact whose unit has closed ends no later than the unit's last day (an open one must end)",
    ),
    ("05.44", "error", "Contact's responsible SOR unit valid at contact end"),
)
def contact_unit(ctx: Context) -> None:
    for view in ctx.contacts:
        path = f"{view.path}.responsible_unit"
        st = standing(ctx, view.contact.responsible_unit, view.start_day, view.end_day)
        if st.not_open_at_start:
            ctx.add("05.41", path, "Kontaktansvarlig enhed er endnu ikke åbnet i SOR på kontaktens startdato")
        if st.closed_before_start:
            ctx.add("05.42", path, "Kontaktansvarlig enhed er lukket i SOR før kontaktens startdato")
        elif st.closed_before_end:
            ctx.add("05.43", f"{view.path}.end", "Kontakten slutter efter, at den ansvarlige enhed er lukket i SOR")
            ctx.add("05.44", path, "Kontaktansvarlig enhed er ikke gyldig i SOR på kontaktens slutdato")
        elif st.closed_while_open and not st.not_open_at_start:
            ctx.add(
                "05.43",
                f"{view.path}.end",
                "Kontaktansvarlig enhed er lukket i SOR; kontakten skal afsluttes",
            )


@rules(
    "KONTAKT",
    ("05.51", "error", "Contact type code valid at contact start"),
    ("05.52", "error", "Contact type code still valid at contact end"),
    ("05.53", "error", "Priority code valid at contact start"),
    ("05.a", "error", "Contact type in list admin.konttype"),
    ("05.b", "error", "Priority in list admin.prioritet"),
)
def contact_codes(ctx: Context) -> None:
    for view in ctx.contacts:
        c, p, at = view.contact, view.path, view.start_day
        if ctx.valid(c.type, at) is False:
            ctx.add("05.51", f"{p}.type", f"Kontakttype {c.type} er ikke gyldig på kontaktens startdato")
        if ctx.valid(c.type, view.end_day) is False:
            ctx.add("05.52", f"{p}.type", f"Kontakttype {c.type} er udløbet før kontaktens slutning")
        if ctx.valid(c.priority, at) is False:
            ctx.add(
                "05.53", f"{p}.priority", f"Prioritet {c.priority} er ikke gyldig på kontaktens startdato"
            )
        if ctx.not_in("admin.konttype", c.type, at):
            ctx.add("05.a", f"{p}.type", f"{c.type} er ikke en kontakttype")
        if ctx.not_in("admin.prioritet", c.priority, at):
            ctx.add("05.b", f"{p}.priority", f"{c.priority} er ikke en prioritet")


@rules(
    "KONTAKT",
    (
        "5102",
        "error",
        "An acute (admin.prioritet.akut) physical-attendance (admin.konttype.fysfr) contact of a"
        " non-psychiatric unit needs a kontaktårsag (a unit of unknown speciality counts as non-psychiatric)",
    ),
    ("5103", "error", "No kontaktårsag on contacts of a unit with a psychiatric main speciality (SOR)"),
    ("5104", "error", "No kontaktårsag on planned contacts (admin.prioritet.plan)"),
    (
        "5107",
        "error",
        "A 'diagnoseindberetning' contact (admin.konttype.diagindb) ends one minute after its start and is planned"
        " (admin.prioritet.plan)",
    ),
    (
        "5108",
        "error",
        "A 'død' contact (admin.konttype.doed) is acute (admin.prioritet.akut) and has an action diagnosis in"
        " diag.doed",
    ),
)
def contact_kinds(ctx: Context) -> None:
    for view in ctx.contacts:
        c, p, at = view.contact, view.path, view.start_day
        no_reason = is_blank(c.reason)
        psychiatric = ctx.psychiatric(c.responsible_unit)
        if not no_reason and psychiatric:
            ctx.add("5103", f"{p}.reason", "Der må ikke være kontaktårsag, når den ansvarlige enhed er psykiatrisk")
        if (
            no_reason
            and not psychiatric
            and ctx.is_in("admin.prioritet.akut", c.priority, at)
            and ctx.is_in("admin.konttype.fysfr", c.type, at)
        ):
            ctx.add("5102", f"{p}.reason", "Akut fysisk fremmøde skal have en kontaktårsag")
        if not no_reason and ctx.is_in("admin.prioritet.plan", c.priority, at):
            ctx.add("5104", f"{p}.reason", "En planlagt kontakt må ikke have kontaktårsag")
        if ctx.is_in("admin.konttype.diagindb", c.type, at):
            if view.start and view.end != view.start + timedelta(minutes=1):
                ctx.add(
                    "5107",
                    f"{p}.end",
                    "Ved diagnoseindberetning skal sluttidspunktet være starttidspunktet + 1 minut",
                )
            if ctx.not_in("admin.prioritet.plan", c.priority, at):
                ctx.add("5107", f"{p}.priority", "Ved diagnoseindberetning skal prioriteten være planlagt")
        if ctx.is_in("admin.konttype.doed", c.type, at):
            if ctx.not_in("admin.prioritet.akut", c.priority, at):
                ctx.add("5108", f"{p}.priority", "En kontakt af typen død skal have prioritet akut")
            action = c.action_diagnosis
            if action is None:
                ctx.add(
                    "5108", f"{p}.diagnoses", "En kontakt af typen død skal have en aktionsdiagnose for død"
                )
            elif ctx.not_in("diag.doed", action.code, at):
                index = c.diagnoses.index(action)
                ctx.add(
                    "5108", f"{p}.diagnoses[{index}].code", "Aktionsdiagnosen skal være en diagnose for død"
                )


@rules(
    "KONTAKTAARSAG",
    ("07.a", "error", "Kontaktårsag in list admin.kontaarsag"),
    ("07.51", "error", "Kontaktårsag code valid at contact start"),
)
def contact_reason(ctx: Context) -> None:
    for view in ctx.contacts:
        reason, at = view.contact.reason, view.start_day
        if ctx.not_in("admin.kontaarsag", reason, at):
            ctx.add("07.a", f"{view.path}.reason", f"{reason} er ikke en kontaktårsag")
        if ctx.valid(reason, at) is False:
            ctx.add(
                "07.51",
                f"{view.path}.reason",
                f"Kontaktårsag {reason} er ikke gyldig på kontaktens startdato",
            )
