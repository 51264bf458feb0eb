"""What every rule sees: the parsed form (`Context`), its cached catalog answers, and the findings so far."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from seilocal.model.form import Contact, Diagnosis, Form, Procedure
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.registration import REGISTRY, Severity
from seilocal.rules.timeparse import parse_time

SECTIONS: tuple[str, ...] = (
    "patient",
    "course",
    "referral",
    "payment",
    "markers",
    "contacts",
    "procedures",
    "result_reports",
)
_SECTION_INDEX = {name: i for i, name in enumerate(SECTIONS)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a form, tied to the field it concerns."""

    rule: str
    severity: Severity
    message: str
    path: str
    section: str
    # The unverified starter lists an official error rests on (it is shown as a warning); "" otherwise.
    unconfirmed: str = ""


# The Danish words to show beside a finding whose `unconfirmed` names lists (the finding's text stays as is).
UNCONFIRMED_NOTE = "kodelisten er ikke bekræftet"


@dataclass(slots=True)
class ContactView:
    """A contact with its position, path and parsed times."""

    index: int
    contact: Contact
    path: str
    start: datetime | None
    end: datetime | None
    start_day: date | None = None
    end_day: date | None = None

    def __post_init__(self) -> None:
        self.start_day = self.start.date() if self.start else None
        self.end_day = self.end.date() if self.end else None


@dataclass(slots=True)
class DiagnosisView:
    """A diagnosis with its path and its contact."""

    diagnosis: Diagnosis
    path: str
    contact: ContactView


@dataclass(slots=True)
class ProcedureView:
    """A procedure (with or without contact) with its path and parsed times."""

    procedure: Procedure
    path: str
    start: datetime | None
    end: datetime | None
    contact: ContactView | None
    start_day: date | None = None

    def __post_init__(self) -> None:
        self.start_day = self.start.date() if self.start else None


@dataclass(slots=True)
class Context:
    """What every rule sees: the form, parsed times, cached catalog answers, and the findings so far."""

    form: Form
    catalog: CodeCatalog
    now: datetime
    course_start: datetime | None = None
    course_end: datetime | None = None
    referral_time: datetime | None = None
    contacts: list[ContactView] = field(default_factory=list)
    diagnoses: list[DiagnosisView] = field(default_factory=list)
    procedures: list[ProcedureView] = field(default_factory=list)
    bad_times: list[str] = field(default_factory=list)
    times: list[tuple[str, datetime]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    _known: dict[str, bool] = field(default_factory=dict)
    _member: dict[tuple[str, str | None, date | None], bool | None] = field(default_factory=dict)
    _member_in: dict[tuple[str, str | None, date | None, date | None], bool | None] = field(default_factory=dict)
    _authoritative: dict[str, bool] = field(default_factory=dict)
    _doubt: dict[tuple[str, ...], str] = field(default_factory=dict)
    _decided: dict[tuple[str, Severity | None, tuple[str, ...] | None], tuple[Severity, str]] = field(
        default_factory=dict
    )
    _valid: dict[tuple[str, date | None], bool | None] = field(default_factory=dict)
    _extra: dict[str, object] = field(default_factory=dict)
    _periods: dict[str, object] = field(default_factory=dict)
    _sor_periods: dict[str, object] = field(default_factory=dict)
    _psychiatric: dict[str, bool | None] = field(default_factory=dict)
    # None: the whole form. A contact's index: only that contact is in the views (the incremental validator
    # re-runs a per-contact rule over the edited contact); REST: no contact, only the rest of the form.
    scope: int | None = None
    # Per-contact shares of costly whole-form answers (the trigger scan), keyed by name, then contact index.
    # The incremental validator carries it from one run to the next and drops what an edit made stale.
    carried: dict[str, dict[int, object]] = field(default_factory=dict)
    today: date = field(init=False)  # the date of `now`; a field, as rules read it once per row

    def __post_init__(self) -> None:
        self.today = self.now.date()

    def time(self, value: str | None, owner: str, name: str) -> datetime | None:
        """Parse the time field `name` of the object at path `owner`; remember a non-blank one that does not parse."""
        if not value:
            return None  # no path to build for an empty field (most procedure ends of a big form)
        moment = parse_time(value)
        if moment is not None:
            self.times.append((f"{owner}.{name}", moment))
        elif value.strip():
            self.bad_times.append(f"{owner}.{name}")
        return moment

    def add(
        self,
        rule: str,
        path: str,
        message: str,
        severity: Severity | None = None,
        lists: tuple[str, ...] | None = None,
    ) -> None:
        """Record a finding of a registered rule at `path` (severity defaults to the rule's).

        An error that rests on a code list the catalog does not vouch for (our own unverified starter
        compilation) becomes a warning that names those lists in `Finding.unconfirmed`: such a list must not
        block a submission. `lists` names the lists the finding rests on; by default those of the rule's summary.
        """
        # A rule that fires on every row of a big form asks the same question each time: decide it once.
        key = (rule, severity, lists)
        decided = self._decided.get(key)
        if decided is None:
            spec = REGISTRY[rule]
            final = severity or spec.severity
            doubtful = ""
            if final == "error":
                doubtful = self._doubtful(spec.lists if lists is None else lists)
                if doubtful:
                    final = "warning"
            decided = self._decided[key] = (final, doubtful)
        self.findings.append(Finding(rule, decided[0], message, path, section_of(path), decided[1]))

    def _doubtful(self, lists: tuple[str, ...]) -> str:
        """The lists (comma separated) of `lists` that the catalog does not vouch for; "" when none."""
        # With the starter catalog one rule can fire for every row of a big form: decide once per list tuple.
        note = self._doubt.get(lists)
        if note is None:
            note = self._doubt[lists] = ", ".join(name for name in lists if not self.authoritative(name))
        return note

    def authoritative(self, list_name: str) -> bool:
        """True when the catalog vouches for the list (official import or verified members)."""
        answer = self._authoritative.get(list_name)
        if answer is None:
            # A catalog without the question (an older implementation) is taken at its word.
            ask = getattr(self.catalog, "is_authoritative", None)
            answer = self._authoritative[list_name] = True if ask is None else bool(ask(list_name))
        return answer

    def knows(self, list_name: str) -> bool:
        """True when the catalog has the members of this list."""
        known = self._known.get(list_name)
        if known is None:
            known = self._known[list_name] = bool(self.catalog.knows_list(list_name))
        return known

    def member(self, list_name: str, code: str | None, at: date | None = None) -> bool | None:
        """Membership of `code` in a list at `at`; None when the list is unknown or the code blank."""
        # One dict lookup on the hot path: 1,000-contact forms ask tens of thousands of these questions.
        key = (list_name, code, at)
        hit = self._member.get(key, _MISS)
        if hit is _MISS:
            hit = self._ask_member(key)
        return hit  # type: ignore[return-value]

    def _ask_member(self, key: tuple[str, str | None, date | None]) -> bool | None:
        list_name, code, at = key
        if not code or not self.knows(list_name):
            hit = None
        elif at is not None and self.member(list_name, code, None) is False:
            hit = False  # never a member, so not at this date either: one catalog question per code, not per day
        else:
            hit = bool(self.catalog.in_list(list_name, code, at))
        self._member[key] = hit
        return hit

    def member_in(
        self, list_name: str, code: str | None, start: date | None, end: date | None
    ) -> bool | None:
        """Membership at some time in a period: at one of its ends, else anywhere in between when the
        catalog can tell (the list's and the code's validity intervals meet the period)."""
        # One lookup on the hot path (a big form asks ~20,000 of these): every answer is kept per period.
        key = (list_name, code, start, end)
        hit = self._member_in.get(key, _MISS)
        if hit is not _MISS:
            return hit  # type: ignore[return-value]
        # Most codes are in no list at any time: one cached undated answer settles them before any date.
        ever = self._member.get((list_name, code, None), _MISS)
        if ever is _MISS:
            ever = self._ask_member((list_name, code, None))
        if not ever:
            self._member_in[key] = ever  # type: ignore[assignment]
            return ever  # type: ignore[return-value]
        hit = self.member(list_name, code, start)
        if hit is False and end is not None and end != start:
            hit = self.member(list_name, code, end)
            if hit is False and start is not None and end > start:
                # A member at some time, just not at either end: ask about the days in between.
                during = getattr(self.catalog, "in_list_during", None)
                hit = False if during is None else bool(during(list_name, code, start, end))
        self._member_in[key] = hit
        return hit

    def is_in(self, list_name: str, code: str | None, at: date | None = None) -> bool:
        """True only when the list is known and holds the code (unknown counts as no)."""
        hit = self._member.get((list_name, code, at), _MISS)
        return (self._ask_member((list_name, code, at)) if hit is _MISS else hit) is True

    def not_in(self, list_name: str, code: str | None, at: date | None = None) -> bool:
        """True only when the list is known and does not hold the (non-blank) code."""
        hit = self._member.get((list_name, code, at), _MISS)
        return (self._ask_member((list_name, code, at)) if hit is _MISS else hit) is False

    def in_any(self, list_names: Iterable[str], code: str | None, at: date | None = None) -> bool | None:
        """Membership in any of several lists; None when no list holds it and one of them is unknown."""
        answer: bool | None = False
        for name in list_names:
            hit = self.member(name, code, at)
            if hit:
                return True
            if hit is None:
                answer = None  # an unknown list might hold it: undecided, not "no"
        return answer

    def valid(self, code: str | None, at: date | None) -> bool | None:
        """SKS validity of a code at a date; None when blank, unknown, or the date is unknown."""
        if not code or at is None:
            return None
        key = (code, at)
        answer = self._valid.get(key, _MISS)  # one lookup on the hot path (tens of thousands per big form)
        if answer is _MISS:
            answer = self._valid[key] = self.catalog.is_valid(code, at)
        return answer  # type: ignore[return-value]

    def valid_in(self, code: str | None, start: date | None, end: date | None) -> bool | None:
        """SKS validity at some time in a period (an open period has no end): one of the code's validity
        intervals meets the period. None when the code is blank or unknown, or the period has no start."""
        first = self.valid(code, start)
        if first is None or first or end == start:
            return first
        periods = self.code_periods(code)  # type: ignore[arg-type]
        if periods is None:  # a catalog that answers per date only: ask at the other end (open: today)
            last = self.valid(code, end or self.today)
            return None if last is None else last
        return any(
            (valid_from is None or end is None or valid_from <= end)
            and (valid_to is None or start is None or valid_to >= start)
            for valid_from, valid_to in periods
        )

    def code_periods(self, code: str) -> tuple[tuple[date | None, date | None], ...] | None:
        """The validity intervals of an SKS code; None when unknown or the catalog cannot tell."""
        answer = self._periods.get(code, _MISS)
        if answer is _MISS:
            ask = getattr(self.catalog, "validity", None)
            answer = self._periods[code] = None if ask is None else ask(code)
        return answer  # type: ignore[return-value]

    def sor_period(self, unit: str | None) -> tuple[date | None, date | None] | None:
        """The (first, last) valid day of a SOR unit; None when blank, unknown, or the catalog cannot tell."""
        if not unit:
            return None
        answer = self._sor_periods.get(unit, _MISS)
        if answer is _MISS:
            ask = getattr(self.catalog, "sor_period", None)
            answer = self._sor_periods[unit] = None if ask is None else ask(unit)
        return answer  # type: ignore[return-value]

    def psychiatric(self, unit: str | None) -> bool | None:
        """True when the SOR unit's main speciality is psychiatric; None when unknown."""
        if not unit:
            return None
        answer = self._psychiatric.get(unit, _MISS)
        if answer is _MISS:
            ask = getattr(self.catalog, "sor_psychiatric", None)
            answer = self._psychiatric[unit] = None if ask is None else ask(unit)
        return answer  # type: ignore[return-value]

    def memo(self, key: str, make: Callable[[], object]) -> object:
        """Compute a shared value once per validation (e.g. the result-report triggers)."""
        if key not in self._extra:
            self._extra[key] = make()
        return self._extra[key]


_MISS = object()
REST = -1  # `Context.scope` of a run over everything but the contacts


def section_of(path: str) -> str:
    """The form section a field path belongs to (its first step)."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    return head if head in _SECTION_INDEX else "course"




@dataclass(slots=True)
class ContactPart:
    """What `build_context` derives from one contact: its views and its time fields (parsed, or unreadable).

    The incremental validator (`incremental.py`) keeps one per contact and rebuilds only the edited one."""

    view: ContactView
    diagnoses: list[DiagnosisView]
    procedures: list[ProcedureView]
    times: list[tuple[str, datetime]]
    bad_times: list[str]


def _time(value: str, path: str, times: list[tuple[str, datetime]], bad: list[str]) -> datetime | None:
    """Parse a non-empty time field at `path`; list it with the parsed times, or with the unreadable ones."""
    moment = parse_time(value)
    if moment is not None:
        times.append((path, moment))
    elif value.strip():
        bad.append(path)
    return moment


def contact_part(index: int, contact: Contact) -> ContactPart:
    """The views and times of contact `index`, in the order `build_context` has always listed them."""
    views: list[ContactView] = []
    diagnoses: list[DiagnosisView] = []
    procedures: list[ProcedureView] = []
    times: list[tuple[str, datetime]] = []
    bad: list[str] = []
    _contact_into(index, contact, views, diagnoses, procedures, times, bad)
    return ContactPart(views[0], diagnoses, procedures, times, bad)


def _contact_into(
    index: int,
    contact: Contact,
    views: list[ContactView],
    diagnoses: list[DiagnosisView],
    procedures: list[ProcedureView],
    times: list[tuple[str, datetime]],
    bad: list[str],
) -> None:
    """Append the views and times of contact `index` to the given lists.

    Runs for every contact of every full validation, which appends straight to the context's lists (no part,
    no lists per contact: fewer objects for the garbage collector), with no path spelt for an empty time field."""
    cpath = f"contacts[{index}]"
    value = contact.start
    start = _time(value, cpath + ".start", times, bad) if value else None
    value = contact.end
    end = _time(value, cpath + ".end", times, bad) if value else None
    view = ContactView(index, contact, cpath, start, end)
    views.append(view)
    for j, diagnosis in enumerate(contact.diagnoses):
        diagnoses.append(DiagnosisView(diagnosis, f"{cpath}.diagnoses[{j}]", view))
    for j, procedure in enumerate(contact.procedures):
        ppath = f"{cpath}.procedures[{j}]"
        value = procedure.start
        pstart = _time(value, ppath + ".start", times, bad) if value else None
        value = procedure.end
        pend = _time(value, ppath + ".end", times, bad) if value else None
        procedures.append(ProcedureView(procedure, ppath, pstart, pend, view))


def head_context(form: Form, catalog: CodeCatalog, now: datetime, scope: int | None = None) -> Context:
    """A context with the course, referral and marker times parsed, and no contact yet."""
    ctx = Context(form=form, catalog=catalog, now=now, scope=scope)
    ctx.course_start = ctx.time(form.course.start, "course", "start")
    ctx.course_end = ctx.time(form.course.end, "course", "end")
    ctx.referral_time = ctx.time(form.referral.time, "referral", "time")
    for i, marker in enumerate(form.markers):
        ctx.time(marker.time, f"markers[{i}]", "time")
    return ctx


def add_parts(ctx: Context, parts: Iterable[ContactPart]) -> None:
    """Add the views and times of contacts to a context (in contact order)."""
    parts = parts if isinstance(parts, (list, tuple)) else list(parts)
    # Comprehensions, not a loop of appends: the incremental validator assembles 1,000 contacts per edit.
    ctx.contacts.extend([part.view for part in parts])
    ctx.diagnoses.extend([view for part in parts for view in part.diagnoses])
    ctx.procedures.extend([view for part in parts for view in part.procedures])
    ctx.times.extend([entry for part in parts for entry in part.times])
    ctx.bad_times.extend([path for part in parts for path in part.bad_times])


def add_tail(ctx: Context) -> None:
    """Add the procedures without contact and the result reports' times (they come after the contacts)."""
    form = ctx.form
    for i, procedure in enumerate(form.procedures):
        ppath = f"procedures[{i}]"
        start, end = ctx.time(procedure.start, ppath, "start"), ctx.time(procedure.end, ppath, "end")
        ctx.procedures.append(ProcedureView(procedure, ppath, start, end, None))
    for i, report in enumerate(form.result_reports):
        ctx.time(report.time, f"result_reports[{i}]", "time")


def build_context(form: Form, catalog: CodeCatalog, now: datetime) -> Context:
    """Parse every time of the form once and index contacts, diagnoses and procedures."""
    ctx = head_context(form, catalog, now)
    contacts, diagnoses, procedures, times, bad = ctx.contacts, ctx.diagnoses, ctx.procedures, ctx.times, ctx.bad_times
    for i, contact in enumerate(form.contacts):
        _contact_into(i, contact, contacts, diagnoses, procedures, times, bad)
    add_tail(ctx)
    return ctx
