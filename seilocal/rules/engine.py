"""The rule engine: findings, the rule registry and `validate`.

A rule is a small function over a `Context` that adds findings. Each function is registered with the rule
numbers it implements (official LPR3 numbers such as `05.11`, or our own `SEI-...` ids), their severity,
their LPR3 group and a one-line English summary; `gen_doc` reads the registry to write docs/rules.md.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from seilocal.model.form import Contact, Diagnosis, Form, Procedure
from seilocal.rules.catalog import CodeCatalog
from seilocal.rules.timeparse import parse_time

Severity = Literal["error", "warning"]

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


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule number with what it checks."""

    id: str
    severity: Severity
    group: str
    summary: str
    lists: tuple[str, ...] = ()  # the code lists its decision rests on (named in the summary)


# LPR3 list names as the summaries spell them: `admin.konttype`, `res.statuscar.subb`, and the bare `diag`.
_LIST_NAME = re.compile(r"\b(?:admin|diag|proc|spec|forloeb|res|resindb)\.[a-z0-9_.]*[a-z0-9_]|\bdiag\b(?![.-])")
UNCONFIRMED_NOTE = "kodelisten er ikke bekræftet"


def lists_named_in(summary: str) -> tuple[str, ...]:
    """The code lists a rule summary names, in order, each once."""
    return tuple(dict.fromkeys(_LIST_NAME.findall(summary)))


@dataclass(frozen=True, slots=True)
class RuleFunc:
    """A registered check function and the rule numbers it implements."""

    name: str
    specs: tuple[RuleSpec, ...]
    check: Callable[[Context], None]


REGISTRY: dict[str, RuleSpec] = {}
FUNCTIONS: list[RuleFunc] = []


def rules(group: str, *specs: tuple[str, Severity, str]) -> Callable[[Callable[[Context], None]], Callable]:
    """Register a check function that implements the given (id, severity, summary) rules of one group."""

    def register(check: Callable[[Context], None]) -> Callable[[Context], None]:
        made = tuple(RuleSpec(rid, sev, group, summary, lists_named_in(summary)) for rid, sev, summary in specs)
        for spec in made:
            if spec.id in REGISTRY:
                raise ValueError(f"rule {spec.id} registered twice")
            REGISTRY[spec.id] = spec
        FUNCTIONS.append(RuleFunc(check.__name__, made, check))
        return check

    return register


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
    _member_in: dict[tuple, bool | None] = field(default_factory=dict)
    _authoritative: dict[str, bool] = field(default_factory=dict)
    _doubt: dict[tuple[str, ...], str] = field(default_factory=dict)
    _valid: dict[tuple[str, date | None], bool | None] = field(default_factory=dict)
    _sor: dict[tuple[str, date | None], bool | None] = field(default_factory=dict)
    _extra: dict[str, object] = field(default_factory=dict)
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
        compilation) becomes a warning: such a list must not block a submission. `lists` names the lists the
        finding rests on; by default those the rule's summary names.
        """
        spec = REGISTRY[rule]
        severity = severity or spec.severity
        if severity == "error":
            doubtful = self._doubtful(spec.lists if lists is None else lists)
            if doubtful:
                severity = "warning"
                message = f"{message} ({UNCONFIRMED_NOTE}: {doubtful})"
        self.findings.append(Finding(rule, severity, message, path, section_of(path)))

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
        """Membership at some time in a period, approximated by its two ends (catalog answers per date)."""
        # Diagnosis rules ask this per row and per list; one cached answer per period saves two lookups.
        key = (list_name, code, start, end)
        hit = self._member_in.get(key, _MISS)
        if hit is _MISS:
            first = self.member(list_name, code, start)
            if first is None or first or end is None or end == start:
                hit = first
            else:
                hit = self.member(list_name, code, end)
            self._member_in[key] = hit
        return hit  # type: ignore[return-value]

    def is_in(self, list_name: str, code: str | None, at: date | None = None) -> bool:
        """True only when the list is known and holds the code (unknown counts as no)."""
        hit = self._member.get((list_name, code, at), _MISS)
        return (self._ask_member((list_name, code, at)) if hit is _MISS else hit) is True

    def not_in(self, list_name: str, code: str | None, at: date | None = None) -> bool:
        """True only when the list is known and does not hold the (non-blank) code."""
        hit = self._member.get((list_name, code, at), _MISS)
        return (self._ask_member((list_name, code, at)) if hit is _MISS else hit) is False

    def in_any(self, list_names: Iterable[str], code: str | None, at: date | None = None) -> bool | None:
        """Membership in any of several lists; None when none of them is known."""
        answer: bool | None = None
        for name in list_names:
            hit = self.member(name, code, at)
            if hit:
                return True
            if hit is False:
                answer = False
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
        """Validity at some time in a period, approximated by its ends (an open period ends today)."""
        first = self.valid(code, start)
        if first is None or first:
            return first
        last = self.valid(code, end or self.today)
        return None if last is None else last

    def sor(self, unit: str | None, at: date | None) -> bool | None:
        """SOR validity of a unit at a date; None when blank, unknown or undated."""
        if not unit or at is None:
            return None
        key = (unit, at)
        answer = self._sor.get(key, _MISS)
        if answer is _MISS:
            answer = self._sor[key] = self.catalog.sor_valid(unit, at)
        return answer  # type: ignore[return-value]

    def memo(self, key: str, make: Callable[[], object]) -> object:
        """Compute a shared value once per validation (e.g. the result-report triggers)."""
        if key not in self._extra:
            self._extra[key] = make()
        return self._extra[key]


_MISS = object()
_PATH_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+")


def section_of(path: str) -> str:
    """The form section a field path belongs to (its first step)."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    return head if head in _SECTION_INDEX else "course"


# Sort keys of the paths seen lately. The app validates the same form again after every edit, and a big form's
# findings share their paths from one run to the next: parsing each path again cost more than the sort itself.
_PATH_KEYS: dict[str, tuple] = {}
_PATH_KEYS_MAX = 50_000


def _path_key(path: str) -> tuple:
    key = _PATH_KEYS.get(path)
    if key is None:
        # contacts[10] must sort after contacts[2]: numbers compare as numbers.
        key = tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in _PATH_TOKEN.findall(path))
        if len(_PATH_KEYS) >= _PATH_KEYS_MAX:
            _PATH_KEYS.clear()
        _PATH_KEYS[path] = key
    return key


def build_context(form: Form, catalog: CodeCatalog, now: datetime) -> Context:
    """Parse every time of the form once and index contacts, diagnoses and procedures."""
    ctx = Context(form=form, catalog=catalog, now=now)
    ctx.course_start = ctx.time(form.course.start, "course", "start")
    ctx.course_end = ctx.time(form.course.end, "course", "end")
    ctx.referral_time = ctx.time(form.referral.time, "referral", "time")
    for i, marker in enumerate(form.markers):
        ctx.time(marker.time, f"markers[{i}]", "time")
    for i, contact in enumerate(form.contacts):
        cpath = f"contacts[{i}]"
        start, end = ctx.time(contact.start, cpath, "start"), ctx.time(contact.end, cpath, "end")
        view = ContactView(i, contact, cpath, start, end)
        ctx.contacts.append(view)
        for j, diagnosis in enumerate(contact.diagnoses):
            ctx.diagnoses.append(DiagnosisView(diagnosis, f"{cpath}.diagnoses[{j}]", view))
        for j, procedure in enumerate(contact.procedures):
            ppath = f"{cpath}.procedures[{j}]"
            start, end = ctx.time(procedure.start, ppath, "start"), ctx.time(procedure.end, ppath, "end")
            ctx.procedures.append(ProcedureView(procedure, ppath, start, end, view))
    for i, procedure in enumerate(form.procedures):
        ppath = f"procedures[{i}]"
        start, end = ctx.time(procedure.start, ppath, "start"), ctx.time(procedure.end, ppath, "end")
        ctx.procedures.append(ProcedureView(procedure, ppath, start, end, None))
    for i, report in enumerate(form.result_reports):
        ctx.time(report.time, f"result_reports[{i}]", "time")
    return ctx


_LOADED = False


def _load_rules() -> None:
    global _LOADED
    if _LOADED:
        return
    # The rule modules register themselves on import; importing them here keeps engine free of cycles.
    from seilocal.rules import (  # noqa: F401
        r_code_shape,
        r_contacts,
        r_course,
        r_deadline,
        r_diagnoses,
        r_mandatory,
        r_procedures,
        r_results,
    )

    _LOADED = True


def registered_functions() -> list[RuleFunc]:
    """Every check function, in registration order."""
    _load_rules()
    return list(FUNCTIONS)


def registry() -> dict[str, RuleSpec]:
    """Every implemented rule number with its spec."""
    _load_rules()
    return dict(REGISTRY)


def validate(form: Form, catalog: CodeCatalog, now: datetime) -> list[Finding]:
    """All findings of the form, ordered by section, then field path, then rule."""
    _load_rules()
    # The cyclic collector would traverse the whole form (and the app's heap) several times per run while the
    # rules allocate short-lived views and tuples, which reference counting frees anyway: pause it.
    paused = gc.isenabled()
    gc.disable()
    try:
        ctx = build_context(form, catalog, now)
        for func in FUNCTIONS:
            func.check(ctx)
    finally:
        if paused:
            gc.enable()
    return sorted(ctx.findings, key=lambda f: (_SECTION_INDEX[f.section], _path_key(f.path), f.rule))
