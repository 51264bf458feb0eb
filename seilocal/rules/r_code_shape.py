"""Typed codes (issue 12): every code has the shape of an SKS code, and once an official SKS file is imported a
code it does not hold is an error. (With the bundled, incomplete catalog the fields show such a code as unknown.)"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from seilocal.model.codes import code_shape_error
from seilocal.rules.catalog import RetiredCode
from seilocal.rules.context import REST, Context
from seilocal.rules.registration import rules

# The fields of the form that hold SKS codes (of a result report only its name: the results have their own rules).
CODE_FIELDS = {"label", "start_marker", "completion", "method", "free_choice", "reason", "reference_type", "payer",
               "agreement", "specialisation_level", "code", "side", "supplementary", "metastases",
               "local_recurrences", "type", "priority", "action_spec", "contrast", "staff_category"}
DIAGNOSIS_CODES = {"code", "metastases", "local_recurrences"}


def _may_nest(annotation: Any) -> bool:
    """True when a field of this type can hold models, lists or dicts (something to walk into)."""
    if annotation in (str, int, float, bool, type(None)):
        return False
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if origin in (typing.Union, types.UnionType):
        return any(_may_nest(arg) for arg in typing.get_args(annotation))
    return True  # a model, a list, a dict, or a type we do not know: walk it


@functools.cache
def _visited(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class worth looking at: code fields and fields that can nest."""
    return tuple(name for name, info in model.model_fields.items()
                 if name in CODE_FIELDS or name == "result_reports" or _may_nest(info.annotation))


def _items(node: Any) -> list[tuple[str, Any]]:
    """(name, value) of a plain dict, or of a model's fields that may hold codes (values live in its __dict__)."""
    if isinstance(node, dict):
        return list(node.items())
    values = node.__dict__
    # A list, not a generator: ~5,000 models a 1,000-contact form, and a generator's frames cost more than the list.
    model: type[BaseModel] = type(node)
    return [(name, values[name]) for name in _visited(model)]


def _is_text(annotation: Any) -> bool:
    """True for `str` and `str | None` (pydantic keeps such a field a string or None)."""
    if annotation is str:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        return str in args and all(arg in (str, type(None)) for arg in args)
    return False


@functools.cache
def _shape(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A model class's code fields that hold one string, those that hold a list of strings, and the other
    fields worth walking (for the generic walk)."""
    texts: list[str] = []
    lists: list[str] = []
    rest: list[str] = []
    for name in _visited(model):
        annotation = model.model_fields[name].annotation
        if name in CODE_FIELDS and _is_text(annotation):
            texts.append(name)
        elif name in CODE_FIELDS and typing.get_origin(annotation) is list and typing.get_args(annotation) == (str,):
            lists.append(name)
        else:
            rest.append(name)
    return tuple(texts), tuple(lists), tuple(rest)


def _row_codes(
    node: BaseModel,
    path: str,
    found: list[Found],
    skip: tuple[str, ...] = (),
    quiet: frozenset[str] | set[str] = frozenset(),
    quiet_diagnosis: frozenset[str] | set[str] = frozenset(),
    diagnosis_row: bool = False,
) -> None:
    """The codes of one row (a contact, a diagnosis, a procedure): its typed code fields read straight from the
    model, its other fields through the generic walk. The same codes as `_codes`, without its type tests, and
    without the codes already known to have no finding (`quiet`; in a diagnosis's own code fields
    `quiet_diagnosis`): a big form repeats a few codes thousands of times."""
    values = node.__dict__
    texts, lists, rest = _shape(type(node))
    for name in texts:
        value = values[name]
        if value and value not in (quiet_diagnosis if diagnosis_row and name in DIAGNOSIS_CODES else quiet):
            found.append((path, name, -1, value))
    for name in lists:
        known = quiet_diagnosis if diagnosis_row and name in DIAGNOSIS_CODES else quiet
        for i, item in enumerate(values[name]):
            if item and item not in known:
                found.append((path, name, i, item))
    for name in rest:
        value = values[name]
        if value and name not in skip:
            _codes({name: value}, path, found)


# One code found: where it sits (the container's path, the field, the index in a list of codes or -1), the code.
Found = tuple[str, str, int, str]


def _path(container: str, name: str, index: int) -> str:
    """The form path of a found code, spelt out only when a finding needs it."""
    here = f"{container}.{name}" if container else name
    return here if index < 0 else f"{here}[{index}]"


def _codes(
    node: Any, path: str = "", found: list[Found] | None = None, skip: tuple[str, ...] = ()
) -> list[Found]:
    """Every code in the form (its models, or their dump) as (container path, field, index, code).

    Runs on every validation of every form (1,000 contacts: ~9,000 codes), so it walks the models as they are
    (no dump), looks only at fields that may hold codes, and leaves the path of each code unspelt."""
    found = [] if found is None else found
    for name, value in _items(node):
        if value is None:  # most optional fields of a big form are empty: the cheapest test first
            continue
        if isinstance(value, str):
            if value and name in CODE_FIELDS:
                found.append((path, name, -1, value))
            continue
        if isinstance(value, (bool, int, float)) or name in skip:
            continue
        if not value and isinstance(value, list):
            continue  # an empty list (no supplementary codes, no metastases): no path to spell
        here = f"{path}.{name}" if path else name
        if name == "result_reports":  # a report's name is a code; its results are values of many kinds
            for i, report in enumerate(value):
                report_name = report.get("name") if isinstance(report, dict) else getattr(report, "name", None)
                if isinstance(report_name, str) and report_name:
                    found.append((f"{here}[{i}]", "name", -1, report_name))
            continue
        if not isinstance(value, list):
            _codes(value, here, found)
            continue
        coded = name in CODE_FIELDS
        for i, item in enumerate(value):
            if isinstance(item, str):
                if coded and item:
                    found.append((path, name, i, item))
            elif item is not None and not isinstance(item, (bool, int, float)):
                _codes(item, f"{here}[{i}]", found)
    return found


def _scoped_codes(ctx: Context) -> list[Found]:
    """The codes of the part of the form the context is about (the patient holds none); a whole form's
    contacts go through `code_shapes`' row walk instead."""
    if ctx.scope is None:
        return _codes(ctx.form, skip=("patient", "contacts", "procedures"))
    if ctx.scope == REST:
        return _codes(ctx.form, skip=("patient", "contacts"))
    return _codes(ctx.form.contacts[ctx.scope], f"contacts[{ctx.scope}]")


@rules(
    "NONE",
    ("SEI-C01", "error", "A code does not have the shape of an SKS code (a diagnosis must be a D-code)"),
    ("SEI-C02", "error", "A code that the imported official SKS file does not hold"),
    (
        "SEI-C03",
        "warning",
        "A code SKS has retired, with its last known text (evidence: an imported SKS file's dates, the dated SKS "
        "extract behind a derived list, or our former starter catalog for a code SKS 2026-06 does not know)",
    ),
)
def code_shapes(ctx: Context) -> None:
    # Only a catalog that can say an official SKS file is in it (the app's, after an import) answers "unknown".
    imported = getattr(ctx.catalog, "sks_imported", None)
    official = bool(imported and imported())
    retired = _retired_of(ctx)
    # A big form holds a few distinct codes many times: decide each (code, field kind) once per validation and
    # spell a path only for a code with findings. The findings of one code keep the order C01, else C02, C03.
    verdicts: dict[tuple[str, bool], tuple[tuple[str, str], ...]] = {}
    quiet: set[str] = set()  # codes without findings outside a diagnosis's own code fields
    quiet_diagnosis: set[str] = set()  # and in them

    def judge(found: list[Found]) -> None:
        for container, name, index, code in found:
            diagnosis = name in DIAGNOSIS_CODES and ".diagnoses[" in container
            verdict = verdicts.get((code, diagnosis))
            if verdict is None:
                verdict = verdicts[(code, diagnosis)] = _verdict(ctx, code, diagnosis, official, retired)
                if not verdict:
                    (quiet_diagnosis if diagnosis else quiet).add(code)
            if verdict:
                path = _path(container, name, index)
                for rule, message in verdict:
                    ctx.add(rule, path, message)

    judge(_scoped_codes(ctx))
    if ctx.scope is not None:
        return
    # The contacts, diagnoses and procedures through the context's views: their paths are spelt already, and
    # a code known to be without findings is not even listed.
    found: list[Found] = []
    for contact in ctx.contacts:
        _row_codes(contact.contact, contact.path, found, ("diagnoses", "procedures"), quiet, quiet_diagnosis)
        if found:
            judge(found)
            found.clear()
    for diagnosis in ctx.diagnoses:
        _row_codes(diagnosis.diagnosis, diagnosis.path, found, (), quiet, quiet_diagnosis, True)
        if found:
            judge(found)
            found.clear()
    for procedure in ctx.procedures:
        _row_codes(procedure.procedure, procedure.path, found, (), quiet, quiet_diagnosis)
        if found:
            judge(found)
            found.clear()


def _verdict(
    ctx: Context, code: str, diagnosis: bool, official: bool, retired: Callable[[str], RetiredCode | None]
) -> tuple[tuple[str, str], ...]:
    """The (rule, message) findings of one code in a code field (a diagnosis field when `diagnosis`)."""
    problem = code_shape_error(code, "diag" if diagnosis else None)
    if problem:
        return (("SEI-C01", problem),)
    out: list[tuple[str, str]] = []
    if official and ctx.catalog.is_valid(code) is None:
        out.append(("SEI-C02", f"Koden {code} findes ikke i den indlæste SKS-fil"))
    gone = retired(code)
    if gone is not None:
        out.append(("SEI-C03", retired_text(gone)))
    return tuple(out)


def _retired_of(ctx: Context) -> Callable[[str], RetiredCode | None]:
    """`retired(code)` for this validation: the catalog's answer, asked once per distinct code."""
    ask = getattr(ctx.catalog, "retired", None)
    if ask is None:
        return lambda _code: None  # a catalog that cannot tell (a test's fake): say nothing rather than guess
    known: dict[str, RetiredCode | None] = ctx.memo("retired", dict)  # type: ignore[assignment]

    def retired(code: str) -> RetiredCode | None:
        answer = known.get(code, _UNASKED)
        if answer is _UNASKED:
            answer = known[code] = ask(code, ctx.today)
        return answer  # type: ignore[return-value]

    return retired


_UNASKED = object()


def retired_text(gone: RetiredCode) -> str:
    """The Danish warning for a retired code: what the evidence says, and the code's last known text."""
    if gone.evidence == "former_starter":
        return (f"Koden {gone.code} findes ikke i SKS 2026-06. Det tidligere startkatalog kaldte den »{gone.text}« "
                "(teksten blev aldrig bekræftet)")
    until = f" (gyldig til {gone.until:%d-%m-%Y})" if gone.until else ""
    return f"Koden {gone.code} er udgået af SKS{until}. Sidst kendte tekst: »{gone.text}«"
