"""Small edits of the rules' base form (tests/support/rules_fakes.base_form), shared by the rule tables: the first
contact, procedure and diagnosis, a closed course, an added report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from seilocal.model.form import Contact, Diagnosis, Form, Procedure, ResultReport, Trigger
from tests.support.rules_fakes import without_contact_procedure


def c0(f: Form) -> Contact:
    return f.contacts[0]


def p0(f: Form) -> Procedure:
    return f.contacts[0].procedures[0]


def d0(f: Form) -> Diagnosis:
    return f.contacts[0].diagnoses[0]


def close_course(f: Form, end: str = "2026-11-05T10:00:00") -> None:
    f.course.end = end
    f.course.completion = "ALAC70"


def add_top(f: Form, **kw: Any) -> Procedure:
    proc = without_contact_procedure()
    for k, v in kw.items():
        setattr(proc, k, v)
    f.procedures.append(proc)
    return proc


def set_action(f: Form, code: str, **kw: Any) -> None:
    d = d0(f)
    d.code = code
    for k, v in kw.items():
        setattr(d, k, v)


def add_secondary(f: Form, code: str, **kw: Any) -> None:
    c0(f).diagnoses.append(Diagnosis(kind="secondary", code=code, **kw))


def seq(*steps: Callable[[Form], None]) -> Callable[[Form], None]:
    def run(f: Form) -> None:
        for step in steps:
            step(f)

    return run


def report(
    f: Form, name: str, ref: str | None, status: Literal["incomplete", "complete"] = "incomplete", **results: str | None
) -> ResultReport:
    r = ResultReport(
        name=name, trigger=Trigger(ref=ref), time="2026-11-03T10:00:00", status=status, results=results
    )
    f.result_reports.append(r)
    return r


def cancer(f: Form) -> None:
    set_action(f, "DC509", metastases=["DC799X"], local_recurrences=["DT639X"])


def injury(f: Form) -> None:
    c0(f).priority = "ATA1"
    c0(f).reason = "ALCC02"
